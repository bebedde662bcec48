/** The handlers check each request as the service would, answer a wrong one with the service's error, and record why. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Harness, type RequestProblem, type ClientAdapter } from '../../harness/index.ts';
import { referenceAdapter } from '../../adapters/index.ts';
import { parseGetStatusResponse } from '../../spec/index.ts';
import { loopbackReference, validCase } from './cases.ts';

interface Row {
  name: string;
  apiVersion?: string;
  method?: string;
  contentType?: string;
  /** The body the client sends, with JOB standing for the case's job id. */
  body: string;
  code: string;
  problems: RequestProblem[];
}

const GOOD = 'Action=GetStatus&Version=2010-06-01&JobId=JOB';
const ROWS: Row[] = [
  {
    name: 'no JobId',
    body: 'Action=GetStatus&Version=2010-06-01',
    code: 'MissingParameter',
    problems: [{ rule: 'GS-REQ-003', about: 'JobId', text: 'the body has no JobId' }],
  },
  {
    name: 'no Version',
    body: 'Action=GetStatus&JobId=JOB',
    code: 'MissingParameter',
    problems: [{ rule: 'GS-REQ-002', about: 'Version', text: 'the body has no Version' }],
  },
  {
    name: 'no Action',
    body: 'Version=2010-06-01&JobId=JOB',
    code: 'MissingParameter',
    problems: [{ rule: 'GS-REQ-002', about: 'Action', text: 'the body has no Action' }],
  },
  {
    name: 'another Action',
    body: 'Action=ListJobs&Version=2010-06-01&JobId=JOB',
    code: 'InvalidAction',
    problems: [{ rule: 'GS-REQ-002', about: 'Action', text: 'Action is "ListJobs", expected "GetStatus"' }],
  },
  {
    name: 'another Version',
    body: 'Action=GetStatus&Version=2006-03-01&JobId=JOB',
    code: 'InvalidParameterValue',
    problems: [{ rule: 'GS-REQ-002', about: 'Version', text: 'Version is "2006-03-01", expected "2010-06-01"' }],
  },
  {
    name: 'another JobId',
    body: 'Action=GetStatus&Version=2010-06-01&JobId=OTHER',
    code: 'InvalidParameterValue',
    problems: [{ rule: 'GS-REQ-003', about: 'JobId', text: 'JobId is "OTHER", expected "R-5"' }],
  },
  {
    name: 'JobId twice',
    body: `${GOOD}&JobId=JOB`,
    code: 'InvalidParameterValue',
    problems: [{ rule: 'GS-REQ-003', about: 'JobId', text: 'JobId appears 2 times' }],
  },
  {
    name: 'APIVersion nobody asked for',
    body: `${GOOD}&APIVersion=2.0`,
    code: 'InvalidParameterValue',
    problems: [
      { rule: 'GS-REQ-004', about: 'APIVersion', text: 'APIVersion "2.0" was sent, but the caller gave none' },
    ],
  },
  {
    name: 'APIVersion dropped',
    apiVersion: '2.0',
    body: GOOD,
    code: 'InvalidParameterValue',
    problems: [{ rule: 'GS-REQ-004', about: 'APIVersion', text: 'the body has no APIVersion' }],
  },
  {
    name: 'APIVersion changed',
    apiVersion: '2.0',
    body: `${GOOD}&APIVersion=1.0`,
    code: 'InvalidParameterValue',
    problems: [{ rule: 'GS-REQ-004', about: 'APIVersion', text: 'APIVersion is "1.0", expected "2.0"' }],
  },
  {
    name: 'JSON content type',
    contentType: 'application/json',
    body: GOOD,
    code: 'InvalidParameterValue',
    problems: [
      {
        rule: 'GS-REQ-001',
        about: 'content-type',
        text: 'Content-Type is "application/json", not application/x-www-form-urlencoded',
      },
    ],
  },
  {
    name: 'PUT',
    method: 'PUT',
    body: GOOD,
    code: 'InvalidParameterValue',
    problems: [{ rule: 'GS-REQ-001', about: 'method', text: 'the request is a PUT, not a POST' }],
  },
  {
    name: 'PUT with JobId twice',
    method: 'PUT',
    body: `${GOOD}&JobId=JOB`,
    code: 'InvalidParameterValue',
    problems: [
      { rule: 'GS-REQ-001', about: 'method', text: 'the request is a PUT, not a POST' },
      { rule: 'GS-REQ-003', about: 'JobId', text: 'JobId appears 2 times' },
    ],
  },
];

const jobIdOf = (row: Row) => `R-${ROWS.indexOf(row)}`;

/** Sends, for each case, the request its row describes; reads the answer with the reference parser. */
function sloppyClient(transport: ClientAdapter['transport']): ClientAdapter {
  return {
    name: 'sloppy',
    transport,
    async getStatus(request, context) {
      const row = ROWS.find((r) => jobIdOf(r) === request.jobId)!;
      const response = await fetch(context.endpoint, {
        method: row.method ?? 'POST',
        headers: { 'content-type': row.contentType ?? 'application/x-www-form-urlencoded' },
        body: row.body.replace(/JOB/g, request.jobId),
        signal: context.signal,
      });
      return { output: parseGetStatusResponse(new Uint8Array(await response.arrayBuffer()), response.status) };
    },
  };
}

describe.each(['intercept', 'loopback'] as const)('%s', (transport) => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await Harness.start(sloppyClient(transport), { concurrency: 4 });
  });
  afterAll(() => harness.close());

  test.each(ROWS)('$name → $code, recorded with the rule each problem breaks', async (row) => {
    const c = validCase(jobIdOf(row), {
      request: { jobId: jobIdOf(row), ...(row.apiVersion && { apiVersion: row.apiVersion }) },
    });
    const { outcome, requests } = await harness.runCase(c);
    expect(requests.map((r) => r.problems)).toEqual([row.problems]);
    expect(requests[0].method).toBe(row.method ?? 'POST');
    expect(outcome).toMatchObject({ status: 'rejected', error: { code: row.code } });
  });
});

describe.each([
  { transport: 'intercept', adapter: referenceAdapter },
  { transport: 'loopback', adapter: loopbackReference },
])('a correct request over $transport', ({ adapter }) => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await Harness.start(adapter, { concurrency: 1 });
  });
  afterAll(() => harness.close());

  test.each([
    { jobId: 'A B&C=D/é+%', apiVersion: undefined },
    { jobId: 'J1', apiVersion: '2.0' },
  ])(
    'job id $jobId, APIVersion $apiVersion: no problems, parameters decoded exactly',
    async ({ jobId, apiVersion }) => {
      const request = { jobId, ...(apiVersion && { apiVersion }) };
      const { outcome, requests } = await harness.runCase(validCase(jobId, { request, body: validCase('X').body }));
      expect(outcome.status).toBe('resolved');
      expect(requests).toHaveLength(1);
      expect(requests[0]).toMatchObject({
        method: 'POST',
        path: '/',
        problems: [],
        params: {
          Action: ['GetStatus'],
          Version: ['2010-06-01'],
          JobId: [jobId],
          ...(apiVersion && { APIVersion: [apiVersion] }),
        },
      });
      expect(requests[0].headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    },
  );
});
