/**
 * boto3 through examples/python-boto3/get_status_client.py (kept warm) over loopback: its output against the reference parse,
 * and what it does with responses the reference rejects.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { missingClient, skipWhenMissing } from '../client-availability.ts';
import { Harness, type CaseResult } from '../../harness/index.ts';
import boto3 from '../../adapters/boto3.ts';
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

const missing = await missingClient(boto3);
skipWhenMissing(() => missing);

const AGREEMENT = [seedCase(), seedCase('seed-api-version', '2.0'), ...OBSERVED.map((o) => o.case)];
const ERRORS = [
  {
    case: errorResponseCase('invalid-job-id', 'InvalidJobIdException', 'No such job: invalid-job-id'),
    code: 'InvalidJobIdException',
  },
  // Not in the model: botocore raises a plain ClientError, with the same code.
  {
    case: errorResponseCase('unmodeled-code', 'SomethingNewException', 'New in this service'),
    code: 'SomethingNewException',
  },
  {
    case: errorResponseCase('service-unavailable', 'ServiceUnavailable', 'Try again later', 503),
    code: 'ServiceUnavailable',
  },
];
const ERROR_COUNT_ABC = seedWith('error-count-abc', 'ErrorCount', '<ErrorCount>abc</ErrorCount>');
const DUPLICATE_JOB_ID = seedWith('duplicate-job-id', 'JobId', '<JobId>FIRST</JobId><JobId>SECOND</JobId>');
const SHORT_BODY = shortBodyCase();
const HTML_BODY = xmlCase('html-body', '<html><body><h1>Service Unavailable</h1></body></html>\n');
const UNCLOSED_XML = xmlCase('unclosed-xml', '<GetStatusResponse><GetStatusResult><JobId>U1</JobId>');

let harness: Harness;
let results: Map<string, Promise<CaseResult>>;
const result = (name: string) => results.get(name)!;

beforeAll(async () => {
  if (missing) return;
  // Generous: the client processes share the machine with every other test file's.
  harness = await Harness.start(boto3, { concurrency: 4, timeoutMs: 20_000 });
  results = runAll(harness, [
    ...AGREEMENT,
    ...ERRORS.map((e) => e.case),
    ERROR_COUNT_ABC,
    DUPLICATE_JOB_ID,
    SHORT_BODY,
    HTML_BODY,
    UNCLOSED_XML,
  ]);
});
afterAll(async () => {
  await harness?.close();
});

test('setup found boto3 and kept its version', () => {
  expect(boto3.version).toMatch(/^boto3\/1\.\d+\.\d+ botocore\/1\.\d+\.\d+ Python\/3\./);
});

describe('agrees with the reference', () => {
  test.each(AGREEMENT)('$name: resolves to the reference parse, after one well-formed request', async (c) => {
    const { outcome, requests } = await result(c.name);
    expect(outcome).toEqual({ status: 'resolved', output: referenceOutput(c) });
    expect(requests.map((r) => r.problems)).toEqual([[]]);
  });

  test.each(ERRORS)(
    '$code: rejects with the ErrorResponse code and message, after one request',
    async ({ case: c, code }) => {
      const { outcome, requests } = await result(c.name);
      expect(c.expected).toMatchObject({ outcome: 'fail', error: { code } });
      expect(outcome).toMatchObject({
        status: 'rejected',
        error: { code, message: (c.expected as { error: { message: string } }).error.message },
      });
      expect(requests).toHaveLength(1);
    },
  );

  test('a body shorter than its Content-Length rejects with ConnectionClosedError', async () => {
    expect(SHORT_BODY.expected.outcome).toBe('output');
    expect((await result(SHORT_BODY.name)).outcome).toMatchObject({
      status: 'rejected',
      error: { code: 'ConnectionClosedError' },
    });
  });

  test("XML that does not parse rejects with botocore's ResponseParserError", async () => {
    expect(UNCLOSED_XML.expected.outcome).toBe('fail');
    expect((await result(UNCLOSED_XML.name)).outcome).toMatchObject({
      status: 'rejected',
      error: { code: 'ResponseParserError' },
    });
  });
});

describe('deviates as documented', () => {
  test('ErrorCount abc crashes: a bare ValueError escapes botocore, not one of its errors', async () => {
    expect(ERROR_COUNT_ABC.expected.outcome).toBe('fail');
    expect((await result(ERROR_COUNT_ABC.name)).outcome).toEqual({
      status: 'crashed',
      reason: "the client crashed: ValueError: invalid literal for int() with base 10: 'abc'",
      raised: "ValueError: invalid literal for int() with base 10: 'abc'",
    });
  });

  test("a 200 HTML body crashes: botocore's KeyError for the missing GetStatusResult", async () => {
    expect(HTML_BODY.expected.outcome).toBe('fail');
    expect((await result(HTML_BODY.name)).outcome).toEqual({
      status: 'crashed',
      reason: "the client crashed: KeyError: 'GetStatusResult'",
      raised: "KeyError: 'GetStatusResult'",
    });
  });

  test('a duplicated JobId leaks two ElementTree objects (a list, where the reference fails or keeps one string)', async () => {
    expect(DUPLICATE_JOB_ID.expected.outcome).not.toBe('output');
    const { outcome } = await result(DUPLICATE_JOB_ID.name);
    expect(outcome).toMatchObject({
      status: 'resolved',
      output: {
        JobId: [
          expect.stringMatching(/^<Element '\{[^}]*\}JobId' at 0x[0-9a-f]+>$/),
          expect.stringMatching(/^<Element '\{[^}]*\}JobId' at 0x[0-9a-f]+>$/),
        ],
      },
    });
  });
});
