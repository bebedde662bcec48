/** Every path answers through the same handlers: a client sees the same outcome whichever it takes. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Harness, type CaseResult } from '../../harness/index.ts';
import { referenceAdapter } from '../../adapters/index.ts';
import { globalFetchReferenceAdapter } from '../../adapters/reference.ts';
import { htmlCase, loopbackReference, serviceErrorCase, statusOutput, validCase } from './cases.ts';

/** What the reference prints with `--output json` for statusOutput(jobId): model order, 4-space indent. */
const json = (jobId: string) => `{\n    "JobId": "${jobId}",\n    "JobType": "Import",\n    "ErrorCount": 0\n}\n`;

const CASES = [
  {
    case: validCase('V1'),
    expected: { status: 'resolved', output: statusOutput('V1'), text: '0\tV1\tImport\n', json: json('V1') },
  },
  {
    case: validCase('V2', { request: { jobId: 'V2', apiVersion: '2.0' } }),
    expected: { status: 'resolved', output: statusOutput('V2'), text: '0\tV2\tImport\n', json: json('V2') },
  },
  {
    case: serviceErrorCase('E1', 'InvalidJobIdException', 'No such job E1'),
    expected: {
      status: 'rejected',
      error: { code: 'InvalidJobIdException', message: 'No such job E1', name: 'InvalidJobIdException' },
    },
  },
  {
    case: serviceErrorCase('E2', 'ServiceUnavailable', 'Try later', 503),
    expected: {
      status: 'rejected',
      error: { code: 'ServiceUnavailable', message: 'Try later', name: 'ServiceUnavailable' },
    },
  },
  {
    case: htmlCase('H1'),
    // An HTTP failure has no service error code: the error's empty `code` is not replaced by its class name.
    expected: {
      status: 'rejected',
      error: { message: 'HTTP 500 without an ErrorResponse body', name: 'GetStatusError' },
    },
  },
];

let caseFetch: Harness;
let intercept: Harness;
let loopback: Harness;
beforeAll(async () => {
  // All open at once: one process, one msw server, and the loopback client still gets through.
  caseFetch = await Harness.start(referenceAdapter, { concurrency: 2 });
  intercept = await Harness.start(globalFetchReferenceAdapter, { concurrency: 2 });
  loopback = await Harness.start(loopbackReference, { concurrency: 2 });
});
afterAll(async () => {
  await loopback.close();
  await intercept.close();
  await caseFetch.close();
});

const comparable = (result: CaseResult) => ({
  outcome: result.outcome,
  requests: result.requests.map(({ method, path, body, params, problems }) => ({
    method,
    path,
    body,
    params,
    problems,
  })),
});

test.each(CASES)(
  '$case.name: same outcome and request record through context.fetch, interception and loopback',
  async ({ case: c, expected }) => {
    const [viaContext, viaMsw, viaSocket] = await Promise.all([
      caseFetch.runCase(c),
      intercept.runCase(c),
      loopback.runCase(c),
    ]);
    expect(viaMsw.outcome).toEqual(expected);
    // In process, both carry exactly the headers the client set (their values differ only by endpoint).
    expect(comparable(viaContext)).toEqual(comparable(viaMsw));
    expect(viaContext.requests.map((r) => Object.keys(r.headers).sort())).toEqual(
      viaMsw.requests.map((r) => Object.keys(r.headers).sort()),
    );
    expect(comparable(viaSocket)).toEqual(comparable(viaMsw));
    expect(viaMsw.requests.map((r) => r.problems)).toEqual([[]]);
  },
);
