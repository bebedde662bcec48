/**
 * AWS CLI v1 (pip) over loopback: its JSON output against the reference parse (CreationDate as
 * the wire text, since v1 never parses it), its text output against what it printed when the
 * fixtures were captured, and its documented deviations.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { missingClient, skipWhenMissing } from '../client-availability.ts';
import { Harness, type CaseResult } from '../../harness/index.ts';
import cli from '../../adapters/aws-cli-v1.ts';
import {
  errorResponseCase,
  OBSERVED,
  referenceOutput,
  runAll,
  SEED_JSON,
  SEED_TEXT,
  seedCase,
  seedWith,
  shortBodyCase,
  wireOutput,
} from './cases.ts';

const missing = await missingClient(cli);
skipWhenMissing(() => missing);

const SEED = seedCase();
const SEED_API_VERSION = seedCase('seed-api-version', '2.0');
const AGREEMENT = [
  { case: SEED, text: SEED_TEXT.v1, json: SEED_JSON.v1 },
  ...OBSERVED.map((o) => ({ case: o.case, text: o.text.v1, json: o.json.v1 })),
];
const INVALID_JOB_ID = errorResponseCase('invalid-job-id', 'InvalidJobIdException', 'No such job: invalid-job-id');
const UNAVAILABLE = errorResponseCase('service-unavailable', 'ServiceUnavailable', 'Try again later', 503);
const NOT_A_DATE = seedWith('not-a-date', 'CreationDate', '<CreationDate>not-a-date</CreationDate>');
const SHORT_BODY = shortBodyCase();

let harness: Harness;
let results: Map<string, Promise<CaseResult>>;
const result = (name: string) => results.get(name)!;

beforeAll(async () => {
  if (missing) return;
  // Generous: the client processes share the machine with every other test file's.
  harness = await Harness.start(cli, { concurrency: 4, timeoutMs: 20_000 });
  results = runAll(harness, [
    ...AGREEMENT.map((a) => a.case),
    SEED_API_VERSION,
    INVALID_JOB_ID,
    UNAVAILABLE,
    NOT_A_DATE,
    SHORT_BODY,
  ]);
});
afterAll(async () => {
  await harness?.close();
});

test('setup found AWS CLI v1 and kept its version', () => {
  expect(cli.version).toMatch(/^aws-cli\/1\.\d+\.\d+ /);
  expect(cli).toMatchObject({
    name: 'aws-cli-v1',
    transport: 'loopback',
    textStyle: 'v1',
    jsonStyle: 'v1',
    creationDate: 'wire',
  });
});

describe('agrees with the reference and with its captured output', () => {
  test.each(AGREEMENT)(
    '$case.name: the output is the reference parse, text and JSON are the captured v1 stdout byte for byte',
    async ({ case: c, text, json }) => {
      const { outcome, requests } = await result(c.name);
      expect(outcome).toEqual({ status: 'resolved', output: wireOutput(referenceOutput(c)), text, json });
      // One request per invocation: --output json and --output text.
      expect(requests.map((r) => r.problems)).toEqual([[], []]);
    },
  );

  test('--api-version reaches the wire as APIVersion', async () => {
    const { outcome, requests } = await result(SEED_API_VERSION.name);
    expect(outcome).toMatchObject({ status: 'resolved', output: wireOutput(referenceOutput(SEED_API_VERSION)) });
    expect(requests.map((r) => r.params.APIVersion)).toEqual([['2.0'], ['2.0']]);
  });

  test('an InvalidJobIdException ErrorResponse rejects with its code and message', async () => {
    expect((await result(INVALID_JOB_ID.name)).outcome).toMatchObject({
      status: 'rejected',
      error: { code: 'InvalidJobIdException', message: 'No such job: invalid-job-id' },
    });
  });

  test('a 503 is not retried: one request per invocation', async () => {
    const { outcome, requests } = await result(UNAVAILABLE.name);
    expect(outcome).toMatchObject({
      status: 'rejected',
      error: { code: 'ServiceUnavailable', message: 'Try again later' },
    });
    expect(requests).toHaveLength(2);
  });

  test('a body shorter than its Content-Length rejects: the connection closed early', async () => {
    expect(SHORT_BODY.expected.outcome).toBe('output');
    expect((await result(SHORT_BODY.name)).outcome).toMatchObject({
      status: 'rejected',
      error: {
        message: expect.stringMatching(/^Connection was closed before we received a valid response from endpoint URL/),
      },
    });
  });
});

describe('deviates as documented', () => {
  test('CreationDate not-a-date is accepted and printed as received, where the reference fails', async () => {
    expect(NOT_A_DATE.expected).toMatchObject({ outcome: 'fail', error: { rule: 'GS-TIME-005' } });
    const { outcome } = await result(NOT_A_DATE.name);
    expect(outcome).toMatchObject({ status: 'resolved', output: { JobId: 'EX1ID', CreationDate: 'not-a-date' } });
    expect((outcome as { text: string }).text).toMatch(/^not-a-date\tmanifestVersion:2\.0\n/);
  });
});
