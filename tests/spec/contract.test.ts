/**
 * The request side of the contract as spec/model.ts states it, against the requests the real
 * clients sent (real-clients.md item 14), and the adapter interface the timeout rule relies on.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { REQUEST, SERVICE } from '../../spec/index.ts';
import type { AdapterContext } from '../../harness/index.ts';

const JOB_ID = 'EX 1&ID=ü+/~*';

/**
 * Bodies captured from a loopback server for `get-status --job-id 'EX 1&ID=ü+/~*'`:
 * AWS CLI v1 1.45.11 without, AWS CLI v2 2.9.19 with `--api-version 2.0`. Both were
 * `POST /`, `Content-Type: application/x-www-form-urlencoded; charset=utf-8`, and signed
 * `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/<date>/us-east-1/IngestionService/aws4_request`.
 */
const observed = [
  {
    client: 'aws-cli/1.45.11',
    apiVersion: undefined,
    body: 'Action=GetStatus&Version=2010-06-01&JobId=EX+1%26ID%3D%C3%BC%2B%2F~%2A',
  },
  {
    client: 'aws-cli/2.9.19',
    apiVersion: '2.0',
    body: 'Action=GetStatus&Version=2010-06-01&JobId=EX+1%26ID%3D%C3%BC%2B%2F~%2A&APIVersion=2.0',
  },
];

describe('the request model', () => {
  it('GS-REQ-001 a POST with a form-encoded body', () => {
    expect(REQUEST.method).toBe('POST');
    expect(REQUEST.contentType).toBe('application/x-www-form-urlencoded');
    expect(SERVICE.protocol).toBe('query');
  });

  it.each(observed)(
    'GS-REQ-002 $client: Action and Version carry the model values, first and in model order',
    ({ body }) => {
      const sent = [...new URLSearchParams(body)];
      expect(sent.slice(0, 2)).toEqual([
        ['Action', REQUEST.params.Action.value],
        ['Version', REQUEST.params.Version.value],
      ]);
      expect(REQUEST.params.Version.value).toBe(SERVICE.apiVersion);
      expect(REQUEST.params.Action.value).toBe(SERVICE.operation);
    },
  );

  it.each(observed)(
    'GS-REQ-003 $client: JobId decodes to exactly the id given, and the model requires it',
    ({ body }) => {
      expect(new URLSearchParams(body).get('JobId')).toBe(JOB_ID);
      expect(REQUEST.params.JobId.required).toBe(true);
    },
  );

  it.each(observed)(
    'GS-REQ-004 $client: APIVersion is sent exactly when given, and the model makes it optional',
    ({ body, apiVersion }) => {
      const params = new URLSearchParams(body);
      expect(params.getAll('APIVersion')).toEqual(apiVersion === undefined ? [] : [apiVersion]);
      // Every parameter sent is one the model names, in the model's order.
      const modelOrder = Object.keys(REQUEST.params);
      expect([...params.keys()]).toEqual(modelOrder.filter((name) => params.has(name)));
      expect(REQUEST.params.APIVersion.required).toBe(false);
    },
  );

  it('GS-REQ-006 the adapter is given the one endpoint to call, a URL on the loopback interface', () => {
    // A type assertion: the endpoint is the only address the contract hands a client.
    expectTypeOf<AdapterContext>().toHaveProperty('endpoint').toEqualTypeOf<string>();
  });

  it('GS-REQ-005 SigV4 signs under the IngestionService name the botocore clients used', () => {
    expect(SERVICE.sigV4Service).toBe('IngestionService');
  });
});

describe('the adapter interface', () => {
  it('GS-SAFE-004 every call gets an AbortSignal, so a client can stop waiting when the case times out', () => {
    // A type assertion, so tsc (npm test) is what fails: the harness can only abort a stalled call through this signal.
    expectTypeOf<AdapterContext>().toHaveProperty('signal').toEqualTypeOf<AbortSignal>();
  });
});
