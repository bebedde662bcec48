/**
 * AWS CLI v2 (Debian `awscli`, /usr/bin/aws) over loopback: its JSON output against the reference
 * parse, its text output against what it printed when the fixtures were captured, and the
 * failures where it differs from v1.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { missingClient, skipWhenMissing } from '../client-availability.ts';
import { Harness, type CaseResult } from '../../harness/index.ts';
import cli from '../../adapters/aws-cli-v2.ts';
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
} from './cases.ts';

const missing = await missingClient(cli);
skipWhenMissing(() => missing);

const SEED = seedCase();
const SEED_API_VERSION = seedCase('seed-api-version', '2.0');
const AGREEMENT = [
  { case: SEED, text: SEED_TEXT.v2, json: SEED_JSON.v2 },
  ...OBSERVED.map((o) => ({ case: o.case, text: o.text.v2, json: o.json.v2 })),
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

test('setup found AWS CLI v2 at /usr/bin/aws and kept its version', () => {
  expect(cli.version).toMatch(/^aws-cli\/2\.\d+\.\d+ /);
  expect(cli).toMatchObject({
    name: 'aws-cli-v2',
    transport: 'loopback',
    textStyle: 'v2',
    jsonStyle: 'v2',
    creationDate: 'date',
  });
});

describe('agrees with the reference and with its captured output', () => {
  test.each(AGREEMENT)(
    '$case.name: the output is the reference parse, text and JSON are the captured v2 stdout byte for byte',
    async ({ case: c, text, json }) => {
      const { outcome, requests } = await result(c.name);
      expect(outcome).toEqual({ status: 'resolved', output: referenceOutput(c), text, json });
      expect(requests.map((r) => r.problems)).toEqual([[], []]);
    },
  );

  test('--api-version reaches the wire as APIVersion', async () => {
    const { outcome, requests } = await result(SEED_API_VERSION.name);
    expect(outcome).toMatchObject({ status: 'resolved', output: referenceOutput(SEED_API_VERSION) });
    expect(requests.map((r) => r.params.APIVersion)).toEqual([['2.0'], ['2.0']]);
  });

  test('an InvalidJobIdException ErrorResponse rejects with its code and message (exit 254)', async () => {
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

  test('CreationDate not-a-date rejects, as the reference does', async () => {
    expect(NOT_A_DATE.expected.outcome).toBe('fail');
    expect((await result(NOT_A_DATE.name)).outcome.status).toBe('rejected');
  });
});

describe('deviates as documented', () => {
  test('a body shorter than its Content-Length is parsed as far as it goes, and fails as unparseable', async () => {
    expect(SHORT_BODY.expected.outcome).toBe('output');
    expect((await result(SHORT_BODY.name)).outcome).toMatchObject({
      status: 'rejected',
      error: { message: expect.stringMatching(/Unable to parse response \(no element found: line \d+, column \d+\)/) },
    });
  });
});
