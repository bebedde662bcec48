import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TransportFault } from '../../generators/case.ts';
import { Harness } from '../../harness/index.ts';
import { getStatusForm, referenceAdapter } from '../../adapters/index.ts';
import { globalFetchReferenceAdapter } from '../../adapters/reference.ts';
import { faultCase, loopbackReference, statusOutput } from './cases.ts';

const FAULTS: Array<{ fault: TransportFault; expect: 'resolved' | 'rejected' }> = [
  { fault: { type: 'reset', afterBytes: 0 }, expect: 'rejected' },
  { fault: { type: 'reset', afterBytes: 40 }, expect: 'rejected' },
  { fault: { type: 'short-body', sendBytes: 0 }, expect: 'rejected' },
  { fault: { type: 'short-body', sendBytes: 60 }, expect: 'rejected' },
  { fault: { type: 'gzip', header: true }, expect: 'resolved' },
  { fault: { type: 'gzip', header: false }, expect: 'rejected' },
  { fault: { type: 'stall', where: 'headers', ms: 50 }, expect: 'resolved' },
  { fault: { type: 'stall', where: 'body', ms: 50 }, expect: 'resolved' },
];

describe.each([
  { transport: 'loopback', adapter: loopbackReference },
  { transport: 'context.fetch', adapter: referenceAdapter },
  { transport: 'intercepted global fetch', adapter: globalFetchReferenceAdapter },
])('transport faults over $transport, reference client', ({ adapter }) => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await Harness.start(adapter, { concurrency: 4, timeoutMs: 5000 });
  });
  afterAll(() => harness.close());

  test.each(FAULTS)('$fault → $expect', async ({ fault, expect: wanted }) => {
    const { outcome, requests } = await harness.runCase(faultCase('F1', fault));
    expect(outcome.status).toBe(wanted);
    if (outcome.status === 'resolved') expect(outcome.output).toEqual(statusOutput('F1'));
    expect(requests).toHaveLength(1);
    expect(requests[0].problems).toEqual([]);
  });

  // Before the response (headers) and while its body streams: fetch must honour the signal in both.
  test.each(['headers', 'body'] as const)(
    'a client aborted during a stall before its %s settles after the abort, not at the timeout',
    async (where) => {
      const result = await harness.runCase(faultCase('F2', { type: 'stall', where, ms: 60_000 }), {
        abortAfterMs: 50,
        timeoutMs: 5000,
      });
      expect(result.outcome).toMatchObject({ status: 'rejected', error: { name: 'AbortError' } });
      expect(result.settledAfterAbortMs).toBeLessThan(1000);
    },
  );
});

test('a stalled response does not hold the loopback server open on close', { timeout: 10_000 }, async () => {
  const harness = await Harness.start(loopbackReference, { concurrency: 1 });
  const result = await harness.runCase(faultCase('F3', { type: 'stall', where: 'headers', ms: 600_000 }), {
    timeoutMs: 100,
  });
  expect(result.outcome).toEqual({ status: 'timeout', reason: 'did not settle within 100 ms' });
  await harness.close();
});

test('closing the harness ends a case still waiting on a stalled body', { timeout: 10_000 }, async () => {
  let headersArrived!: () => void;
  const stalled = new Promise<void>((resolve) => (headersArrived = resolve));
  const harness = await Harness.start(
    {
      name: 'reads-headers-then-body',
      transport: 'loopback',
      async getStatus(request, context) {
        const response = await fetch(context.endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: getStatusForm(request),
          signal: context.signal,
        });
        headersArrived();
        return { output: { JobId: await response.text() } };
      },
    },
    { concurrency: 1 },
  );
  const running = harness.runCase(faultCase('F4', { type: 'stall', where: 'body', ms: 600_000 }), {
    timeoutMs: 600_000,
  });
  await stalled;
  await harness.close();
  expect((await running).outcome).toEqual({
    status: 'timeout',
    reason: 'the harness closed before the client settled',
  });
});
