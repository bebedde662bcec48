/** No request leaves the machine: intercepted clients meet msw, loopback clients are only ever given 127.0.0.1. */
import nodeHttp from 'node:http';
import { request as namedRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Harness, type ClientAdapter } from '../../harness/index.ts';
import type { GetStatusOutput } from '../../spec/index.ts';
import { validCase } from './cases.ts';

const LOOPBACK_ENDPOINT = /^http:\/\/127\.0\.0\.1:\d+\/$/;

/** A node:http GET, settled with the status or the error message. */
const httpGet = (request: typeof namedRequest, url: string) =>
  new Promise<string>((resolve) => {
    const req = request(url, (res) => {
      res.resume();
      resolve(`status ${res.statusCode}`);
    });
    req.on('error', (error) => resolve(`error ${error.message}`));
    req.end();
  });

describe('intercept', () => {
  let harness: Harness;
  const endpoints: string[] = [];
  beforeAll(async () => {
    const straying: ClientAdapter = {
      name: 'straying',
      transport: 'intercept',
      async getStatus(_request, context) {
        endpoints.push(context.endpoint);
        const results = {
          fetch: await fetch('http://example.invalid/', { method: 'POST', body: 'Action=GetStatus' }).then(
            (r) => `status ${r.status}`,
            (e: Error) => `error ${e.message} ${String((e.cause as Error | undefined)?.message ?? '')}`.trim(),
          ),
          defaultImport: await httpGet(nodeHttp.request, 'http://example.invalid/'),
          namedImport: await httpGet(namedRequest, 'http://example.invalid/x'),
        };
        // Not a GetStatus output: this client reports what each attempt met.
        return { output: results as unknown as GetStatusOutput };
      },
    };
    harness = await Harness.start(straying, { concurrency: 2 });
  });
  afterAll(() => harness.close());

  test('fetch and node:http to another host fail inside msw and are recorded on the case', async () => {
    const { outcome, requests } = await harness.runCase(validCase('S1'));
    expect(outcome.status).toBe('resolved');
    const results = (outcome as { output: Record<string, string> }).output;
    for (const result of Object.values(results)) {
      expect(result).toMatch(/^error /);
      // A DNS failure would mean the request went looking for the host.
      expect(result).not.toMatch(/ENOTFOUND|getaddrinfo|EAI_AGAIN/);
    }
    expect(requests.map((r) => [r.path, r.problems.map((p) => `${p.rule} ${p.text}`)])).toEqual([
      ['http://example.invalid/', ["GS-REQ-006 not sent to the case's endpoint: http://example.invalid"]],
      ['http://example.invalid/', ["GS-REQ-006 not sent to the case's endpoint: http://example.invalid"]],
      ['http://example.invalid/x', ["GS-REQ-006 not sent to the case's endpoint: http://example.invalid"]],
    ]);
  });

  test('the endpoints handed to an in-process client are loopback addresses too', async () => {
    await Promise.all([harness.runCase(validCase('S2')), harness.runCase(validCase('S3'))]);
    expect(new Set(endpoints).size).toBe(2);
    for (const endpoint of endpoints) expect(endpoint).toMatch(LOOPBACK_ENDPOINT);
  });
});

test('every loopback endpoint is http://127.0.0.1:<port>/, one per concurrent slot', async () => {
  const endpoints = new Set<string>();
  const harness = await Harness.start(
    {
      name: 'endpoint-collector',
      transport: 'loopback',
      async getStatus(_, context) {
        endpoints.add(context.endpoint);
        await new Promise((resolve) => setTimeout(resolve, 5));
        return { output: {} };
      },
    },
    { concurrency: 3 },
  );
  try {
    await Promise.all(Array.from({ length: 6 }, (_, i) => harness.runCase(validCase(`L${i}`))));
  } finally {
    await harness.close();
  }
  expect(endpoints.size).toBe(3);
  for (const endpoint of endpoints) expect(endpoint).toMatch(LOOPBACK_ENDPOINT);
});
