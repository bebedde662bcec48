/** A client that hangs, throws oddly, breaks the contract or crashes fails its own case, and the run goes on. */
import { afterEach, describe, expect, test } from 'vitest';
import { Harness, type AdapterContext, type ClientAdapter } from '../../harness/index.ts';
import { getStatusForm, referenceAdapter } from '../../adapters/index.ts';
import { statusBody, statusOutput, validCase } from './cases.ts';

const open: Harness[] = [];
async function harnessFor(
  getStatus: ClientAdapter['getStatus'],
  options: { concurrency?: number; timeoutMs?: number } = {},
) {
  const harness = await Harness.start({ name: 'test-client', transport: 'intercept', getStatus }, options);
  open.push(harness);
  return harness;
}
afterEach(async () => {
  for (const harness of open.splice(0)) await harness.close();
});

test('a client that never settles times out, and its signal is aborted', async () => {
  let seen: AdapterContext | undefined;
  const harness = await harnessFor((_, context) => {
    seen = context;
    return new Promise(() => {});
  });
  const result = await harness.runCase(validCase('H1'), { timeoutMs: 100 });
  expect(result.outcome).toEqual({ status: 'timeout', reason: 'did not settle within 100 ms' });
  expect(seen?.signal.aborted).toBe(true);
});

test('the harness timeout applies when the case gives none', async () => {
  const harness = await harnessFor(() => new Promise(() => {}), { timeoutMs: 50 });
  expect((await harness.runCase(validCase('H2'))).outcome).toEqual({
    status: 'timeout',
    reason: 'did not settle within 50 ms',
  });
});

describe('what a client hands back', () => {
  const ROWS: Array<{ name: string; getStatus: ClientAdapter['getStatus']; outcome: unknown }> = [
    {
      name: 'throws a string',
      getStatus: async () => Promise.reject('boom'),
      outcome: { status: 'crashed', reason: 'getStatus threw a non-Error: "boom"' },
    },
    {
      name: 'throws undefined synchronously',
      getStatus: () => {
        throw undefined;
      },
      outcome: { status: 'crashed', reason: 'getStatus threw a non-Error: undefined' },
    },
    {
      name: 'resolves with nothing',
      getStatus: async () => undefined as never,
      outcome: { status: 'crashed', reason: 'getStatus resolved with undefined, not {output: object}' },
    },
    {
      name: 'resolves with a bare output',
      getStatus: async () => ({ JobId: 'X' }) as never,
      outcome: { status: 'crashed', reason: 'getStatus resolved with output undefined, not an object' },
    },
    // An output that is no object is the client's answer (the judge reports it as no output), not a crash.
    {
      name: 'resolves with output null',
      getStatus: async () => ({ output: null }) as never,
      outcome: { status: 'resolved', output: null },
    },
    {
      name: 'resolves with a string output',
      getStatus: async () => ({ output: 'done' }) as never,
      outcome: { status: 'resolved', output: 'done' },
    },
    {
      name: 'resolves with a numeric text',
      getStatus: async () => ({ output: {}, text: 5 }) as never,
      outcome: { status: 'crashed', reason: 'getStatus resolved with text 5, not a string' },
    },
    {
      name: 'resolves with JSON that is no string',
      getStatus: async () => ({ output: {}, json: { JobId: 'T1' } }) as never,
      outcome: { status: 'crashed', reason: 'getStatus resolved with json {"JobId":"T1"}, not a string' },
    },
    {
      name: 'throws an Error with a code',
      getStatus: async () => {
        throw Object.assign(new Error('no such job'), { code: 'InvalidJobIdException' });
      },
      outcome: { status: 'rejected', error: { code: 'InvalidJobIdException', message: 'no such job', name: 'Error' } },
    },
    {
      name: 'throws an Error with a numeric code (aws-sdk v2 on a non-XML 400)',
      getStatus: async () => {
        throw Object.assign(new Error('Bad Request'), { code: 400, name: '400' });
      },
      outcome: { status: 'rejected', error: { code: '400', message: 'Bad Request', name: '400' } },
    },
    {
      name: 'throws a named Error synchronously',
      getStatus: () => {
        throw new RangeError('out of range');
      },
      outcome: { status: 'rejected', error: { code: 'RangeError', message: 'out of range', name: 'RangeError' } },
    },
  ];
  test.each(ROWS)('$name', async ({ getStatus, outcome }) => {
    const harness = await harnessFor(getStatus);
    expect((await harness.runCase(validCase('T1'))).outcome).toEqual(outcome);
  });
});

describe('errors nobody handled are charged to the case that raised them', () => {
  test.each([
    {
      what: 'an uncaught exception',
      raise: () =>
        setTimeout(() => {
          throw new Error('late boom');
        }, 0),
      reason: 'the client raised an uncaught exception: Error: late boom',
    },
    {
      what: 'an unhandled rejection',
      raise: () => void Promise.reject(new Error('nobody listens')),
      reason: 'the client raised an unhandled rejection: Error: nobody listens',
    },
  ])('$what', async ({ raise, reason }) => {
    const harness = await harnessFor(() => {
      raise();
      return new Promise(() => {});
    });
    const [crashing, healthy] = await Promise.all([
      harness.runCase(validCase('C1')),
      // A neighbour running at the same time is not blamed.
      (async () => {
        const other = await Harness.start(referenceAdapter, { concurrency: 1 });
        try {
          return await other.runCase(validCase('C2'));
        } finally {
          await other.close();
        }
      })(),
    ]);
    expect(crashing.outcome).toEqual({ status: 'crashed', reason });
    expect(healthy.outcome).toMatchObject({ status: 'resolved', output: statusOutput('C2') });
  });
});

test('eight cases at once each get their own response and their own request record', async () => {
  let started = 0;
  let allStarted!: () => void;
  const barrier = new Promise<void>((resolve) => (allStarted = resolve));
  const harness = await harnessFor(
    async (request, context) => {
      // Nobody sends before all eight are in flight, so they truly overlap.
      if (++started === 8) allStarted();
      await barrier;
      return referenceAdapter.getStatus(request, context);
    },
    { concurrency: 8 },
  );
  const ids = Array.from({ length: 8 }, (_, i) => `P${i}`);
  const results = await Promise.all(
    ids.map((id) => harness.runCase(validCase(id, { body: statusBody(`${id}-body`) }))),
  );
  results.forEach((result, i) => {
    expect(result.outcome).toMatchObject({ status: 'resolved', output: statusOutput(`${ids[i]}-body`) });
    expect(result.requests.map((r) => r.params.JobId)).toEqual([[ids[i]]]);
  });
});

test('no more than `concurrency` cases run at once; the rest wait their turn', async () => {
  let running = 0;
  let most = 0;
  const harness = await harnessFor(
    async (request, context) => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      return referenceAdapter.getStatus(request, context);
    },
    { concurrency: 3 },
  );
  const results = await Promise.all(Array.from({ length: 12 }, (_, i) => harness.runCase(validCase(`Q${i}`))));
  expect(results.every((r) => r.outcome.status === 'resolved')).toBe(true);
  expect(most).toBe(3);
});

test('an early abort is reported with the time the client took to settle after it', async () => {
  const harness = await harnessFor(
    (_, context) =>
      new Promise((_, reject) => context.signal.addEventListener('abort', () => reject(context.signal.reason))),
  );
  const result = await harness.runCase(validCase('A1'), { abortAfterMs: 10, timeoutMs: 5000 });
  expect(result.outcome).toMatchObject({ status: 'rejected', error: { name: 'AbortError', code: 'AbortError' } });
  expect(result.settledAfterAbortMs).toBeTypeOf('number');
});

test('a client that ignores the early abort times out after it', async () => {
  const harness = await harnessFor(() => new Promise(() => {}));
  const result = await harness.runCase(validCase('A2'), { abortAfterMs: 10, timeoutMs: 50 });
  expect(result.outcome).toEqual({ status: 'timeout', reason: 'did not settle within 50 ms of the abort at 10 ms' });
  expect(result.settledAfterAbortMs).toBeUndefined();
});

test('the client gets a copy of the request, and its own form body reaches the server', async () => {
  const harness = await harnessFor(async (request, context) => {
    (request as { jobId: string }).jobId = 'MUTATED';
    await fetch(context.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: getStatusForm({ jobId: 'K1' }),
    });
    return { output: {} };
  });
  const c = validCase('K1');
  const result = await harness.runCase(c);
  expect(c.request).toEqual({ jobId: 'K1' });
  expect(result.requests.map((r) => r.problems)).toEqual([[]]);
});

test('runCase after close is refused', async () => {
  const harness = await Harness.start(referenceAdapter);
  await harness.close();
  await expect(harness.runCase(validCase('Z1'))).rejects.toThrow('the harness is closed');
});
