/**
 * A client that contacts anything but its endpoint: the harness answers each such request itself
 * (a network error), records it on the case, and nothing leaves the machine, not even a DNS lookup.
 */
import dns from 'node:dns';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { Harness, type ClientAdapter } from '../../harness/index.ts';
import { referenceAdapter } from '../../adapters/index.ts';
import { REQUESTS } from '../../suites/checks/requests.ts';
import { validCase } from './cases.ts';

/** An outside name and an outside address (TEST-NET-3: unroutable, so a real attempt would hang, not fail). */
const OUTSIDE = [
  'http://metadata.example.com/latest/meta-data/',
  'http://203.0.113.7/latest/api/token',
  'http://169.254.169.254/latest/meta-data/',
];

/** Through node:http rather than fetch: the other way a Node client sends requests. */
const httpGet = (url: string) =>
  new Promise<string>((resolve) => {
    const request = http.get(url, () => resolve('answered'));
    request.on('error', (error) => resolve(`failed: ${error.message}`));
  });

const tries: string[] = [];
const wandering: ClientAdapter = {
  name: 'wandering',
  transport: 'intercept',
  async getStatus(request, context) {
    tries.length = 0;
    const [byName, byAddress] = await Promise.all(
      OUTSIDE.slice(0, 2).map((url) =>
        fetch(url).then(
          () => 'answered',
          (error: Error) => `failed: ${error.message}`,
        ),
      ),
    );
    tries.push(byName, byAddress, await httpGet(OUTSIDE[2]));
    return referenceAdapter.getStatus(request, context);
  },
};

describe('requests to anything but the endpoint', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await Harness.start(wandering, { timeoutMs: 5_000 });
  });
  afterAll(async () => {
    await harness?.close();
  });

  test('fail at once, are recorded as stray, and never reach the network', async () => {
    const lookup = vi.spyOn(dns, 'lookup');
    const started = performance.now();
    const result = await harness.runCase(validCase('STRAY1'));
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(lookup).not.toHaveBeenCalled();
    lookup.mockRestore();
    expect(tries.every((t) => t.startsWith('failed'))).toBe(true);
    expect(
      result.requests
        .filter((r) => r.stray)
        .map((r) => `${r.method} ${r.path}`)
        .sort(),
    ).toEqual(OUTSIDE.map((url) => `GET ${url}`).sort());
    expect(result.outcome).toMatchObject({ status: 'resolved', output: { JobId: 'STRAY1' } });
  });

  test('GS-REQ-006 names each of them; the request rules judge the request sent to the endpoint', async () => {
    const c = validCase('STRAY2');
    const result = await harness.runCase(c);
    const check = (id: string) => REQUESTS.find((r) => r.id === id)!;
    const verdict = check('GS-REQ-006').judge(c, result, wandering);
    expect(verdict.ok).toBe(false);
    for (const url of OUTSIDE) expect(verdict.ok ? '' : verdict.reason).toContain(`GET ${url}`);
    for (const id of ['GS-REQ-001', 'GS-REQ-002', 'GS-REQ-003', 'GS-REQ-004'])
      expect(check(id).judge(c, result, wandering)).toEqual({ ok: true });
  });
});
