/** The handlers check each request as the service would, answer a wrong one with the service's error, and record why. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Harness } from '../../harness/index.ts';
import { referenceAdapter } from '../../adapters/index.ts';
import { parseGetStatusResponse, type ClientAdapter } from '../../spec/index.ts';
import { loopbackReference, validCase } from './cases.ts';

interface Row {
  name: string;
  apiVersion?: string;
  method?: string;
  contentType?: string;
  /** The body the client sends, with JOB standing for the case's job id. */
  body: string;
  code: string;
  problems: string[];
}

const GOOD = 'Action=GetStatus&Version=2010-06-01&JobId=JOB';
const ROWS: Row[] = [
  { name: 'no JobId', body: 'Action=GetStatus&Version=2010-06-01', code: 'MissingParameter', problems: ['missing JobId'] },
  { name: 'no Version', body: 'Action=GetStatus&JobId=JOB', code: 'MissingParameter', problems: ['missing Version'] },
  { name: 'no Action', body: 'Version=2010-06-01&JobId=JOB', code: 'MissingParameter', problems: ['missing Action'] },
  { name: 'another Action', body: 'Action=ListJobs&Version=2010-06-01&JobId=JOB', code: 'InvalidAction', problems: ['Action is not GetStatus'] },
  { name: 'another Version', body: 'Action=GetStatus&Version=2006-03-01&JobId=JOB', code: 'InvalidParameterValue', problems: ['Version is not 2010-06-01'] },
  { name: 'another JobId', body: 'Action=GetStatus&Version=2010-06-01&JobId=OTHER', code: 'InvalidParameterValue', problems: ['JobId differs from the case'] },
  { name: 'JobId twice', body: `${GOOD}&JobId=JOB`, code: 'InvalidParameterValue', problems: ['JobId appears 2 times'] },
  { name: 'APIVersion nobody asked for', body: `${GOOD}&APIVersion=2.0`, code: 'InvalidParameterValue', problems: ['APIVersion sent, but the case gives none'] },
  { name: 'APIVersion dropped', apiVersion: '2.0', body: GOOD, code: 'InvalidParameterValue', problems: ['missing APIVersion'] },
  { name: 'APIVersion changed', apiVersion: '2.0', body: `${GOOD}&APIVersion=1.0`, code: 'InvalidParameterValue', problems: ['APIVersion differs from the case'] },
  { name: 'JSON content type', contentType: 'application/json', body: GOOD, code: 'InvalidParameterValue', problems: ['Content-Type is not form-encoded'] },
  { name: 'PUT', method: 'PUT', body: GOOD, code: 'InvalidParameterValue', problems: ['not POST'] },
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

  test.each(ROWS)('$name → $code, recorded as $problems', async (row) => {
    const c = validCase(jobIdOf(row), { request: { jobId: jobIdOf(row), ...(row.apiVersion && { apiVersion: row.apiVersion }) } });
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
  ])('job id $jobId, APIVersion $apiVersion: no problems, parameters decoded exactly', async ({ jobId, apiVersion }) => {
    const request = { jobId, ...(apiVersion && { apiVersion }) };
    const { outcome, requests } = await harness.runCase(validCase(jobId, { request, body: validCase('X').body }));
    expect(outcome.status).toBe('resolved');
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      method: 'POST',
      path: '/',
      problems: [],
      params: { Action: ['GetStatus'], Version: ['2010-06-01'], JobId: [jobId], ...(apiVersion && { APIVersion: [apiVersion] }) },
    });
    expect(requests[0].headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
  });
});
