/**
 * aws-sdk v2, in this process, against the loopback server: where it agrees with the reference,
 * and the deviations real-clients.md documents, shown as they really happen.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { missingClient, skipWhenMissing } from '../client-availability.ts';
import { Harness, type CaseResult } from '../../harness/index.ts';
import sdk from '../../adapters/aws-sdk-v2.ts';
import {
  errorResponseCase,
  OBSERVED,
  referenceOutput,
  runAll,
  seedCase,
  seedWith,
  shortBodyCase,
  xmlCase,
} from './cases.ts';

const missing = await missingClient(sdk);
skipWhenMissing(() => missing);

const NS = 'http://importexport.amazonaws.com/doc/2010-06-01/';

// The SDK returns `ArtifactList: []` where the element is absent; those cases are a deviation below.
const AGREEMENT = [
  seedCase(),
  seedCase('seed-api-version', '2.0'),
  ...OBSERVED.filter((o) => o.hasArtifactList).map((o) => o.case),
];

const DEVIATIONS = {
  emptyBody: xmlCase('empty-200', ''),
  errorCountAbc: seedWith('error-count-abc', 'ErrorCount', '<ErrorCount>abc</ErrorCount>'),
  noArtifactList: seedWith('no-artifact-list', 'ArtifactList', null),
  prefixed: xmlCase(
    'namespace-prefix',
    `<ie:GetStatusResponse xmlns:ie="${NS}"><ie:GetStatusResult><ie:JobId>PFX1</ie:JobId><ie:JobType>Import</ie:JobType></ie:GetStatusResult></ie:GetStatusResponse>`,
  ),
};
const ERRORS = {
  invalidJobId: errorResponseCase('invalid-job-id', 'InvalidJobIdException', 'No such job: invalid-job-id'),
  unavailable: errorResponseCase('service-unavailable', 'ServiceUnavailable', 'Try again later', 503),
};
const SHORT_BODY = shortBodyCase();

let harness: Harness;
let results: Map<string, Promise<CaseResult>>;
let shortBody: Promise<CaseResult>;
const result = (name: string) => results.get(name)!;

beforeAll(async () => {
  if (missing) return;
  harness = await Harness.start(sdk, { concurrency: 4 });
  results = runAll(harness, [...AGREEMENT, ...Object.values(DEVIATIONS), ...Object.values(ERRORS)]);
  shortBody = harness.runCase(SHORT_BODY, { timeoutMs: 3000 });
  shortBody.catch(() => {});
});
afterAll(async () => {
  await harness?.close();
});

test('setup loads the SDK and keeps its version', () => {
  expect(sdk.version).toMatch(/^aws-sdk\/2\.\d+\.\d+ node\/v\d+/);
});

describe('agrees with the reference', () => {
  test.each(AGREEMENT)('$name: resolves to the reference parse, after one well-formed request', async (c) => {
    const { outcome, requests } = await result(c.name);
    expect(outcome).toEqual({ status: 'resolved', output: referenceOutput(c) });
    expect(requests.map((r) => r.problems)).toEqual([[]]);
  });

  test('an InvalidJobIdException ErrorResponse rejects with its code and message', async () => {
    expect((await result(ERRORS.invalidJobId.name)).outcome).toMatchObject({
      status: 'rejected',
      error: { code: 'InvalidJobIdException', message: 'No such job: invalid-job-id' },
    });
  });

  test('a 503 rejects with its code after exactly one request (maxRetries 0)', async () => {
    const { outcome, requests } = await result(ERRORS.unavailable.name);
    expect(outcome).toMatchObject({
      status: 'rejected',
      error: { code: 'ServiceUnavailable', message: 'Try again later' },
    });
    expect(requests).toHaveLength(1);
  });
});

describe('deviates as documented', () => {
  test('an empty 200 body resolves to {} where the reference fails', async () => {
    expect(DEVIATIONS.emptyBody.expected.outcome).toBe('fail');
    expect((await result(DEVIATIONS.emptyBody.name)).outcome).toEqual({ status: 'resolved', output: {} });
  });

  test('ErrorCount abc resolves as NaN where the reference fails', async () => {
    expect(DEVIATIONS.errorCountAbc.expected.outcome).toBe('fail');
    const { outcome } = await result(DEVIATIONS.errorCountAbc.name);
    expect(outcome.status).toBe('resolved');
    expect((outcome as { output: { ErrorCount: unknown } }).output.ErrorCount).toBeNaN();
  });

  test('an absent ArtifactList comes back as []', async () => {
    const c = DEVIATIONS.noArtifactList;
    expect(referenceOutput(c)).not.toHaveProperty('ArtifactList');
    expect((await result(c.name)).outcome).toEqual({
      status: 'resolved',
      output: { ...referenceOutput(c), ArtifactList: [] },
    });
  });

  test('members under a namespace prefix are all lost', async () => {
    expect(referenceOutput(DEVIATIONS.prefixed)).toMatchObject({ JobId: 'PFX1', JobType: 'Import' });
    expect((await result(DEVIATIONS.prefixed.name)).outcome).toEqual({ status: 'resolved', output: {} });
  });

  test('a body shorter than its Content-Length never settles: the harness times the case out', async () => {
    expect(SHORT_BODY.expected.outcome).toBe('output');
    expect((await shortBody).outcome.status).toBe('timeout');
  });
});
