/**
 * The persistent protocol, against a client that misbehaves by job id: each failure mode ends
 * its own case with what happened, and the next case is answered (by a fresh process when the
 * last one had to be stopped).
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { persistentAdapter } from '../../adapters/index.ts';
import { AdapterLoadError, Harness, type CaseResult, type Outcome } from '../../harness/index.ts';
import { validCase } from '../harness/cases.ts';

const FAKE = fileURLToPath(new URL('./clients/persistent-fake.mjs', import.meta.url));
const command = (start = 'ready') => `node ${FAKE} ${start}`;

const adapter = persistentAdapter(command(), { textStyle: 'v2' });
let harness: Harness;
beforeAll(async () => {
  harness = await Harness.start(adapter, { concurrency: 1, timeoutMs: 2_000 });
});
afterAll(() => harness?.close());

const play = (jobId: string, options: { wantsText?: boolean } = {}): Promise<CaseResult> =>
  harness.runCase(validCase(jobId), options);
/** The process that answered a good case, and what it was told. */
async function told(jobId = 'OK'): Promise<{
  pid: string;
  request: { text: boolean; timeoutMs: number; protocol: number; apiVersion: string | null };
}> {
  const { outcome } = await play(jobId, { wantsText: false });
  if (outcome.status !== 'resolved') throw new Error(`the good case did not resolve: ${JSON.stringify(outcome)}`);
  const output = outcome.output as { Signature: string; ProgressMessage: string };
  return { pid: output.Signature, request: JSON.parse(output.ProgressMessage) };
}

test('a request carries the protocol version, the budget and whether text is wanted; text comes back when asked', async () => {
  expect((await told()).request).toEqual({ text: false, timeoutMs: 2_000, protocol: 1, apiVersion: null });
  const { outcome } = await play('T1');
  expect(outcome).toMatchObject({ status: 'resolved', output: { JobId: 'T1' }, text: 'TEXT\tT1\n' });
});

test("the ready line's version is the client's version in reports", () => {
  expect(adapter.version).toBe('fake/1.0');
});

const FAILURES: Array<{ jobId: string; outcome: Outcome | object; restarts: boolean }> = [
  {
    jobId: 'ERROR',
    outcome: { status: 'rejected', error: { code: 'InvalidJobIdException', message: 'first line\nsecond line' } },
    restarts: false,
  },
  { jobId: 'NO-CODE', outcome: { status: 'rejected', error: { message: 'the SDK failed' } }, restarts: false },
  {
    jobId: 'CRASH',
    outcome: { status: 'crashed', reason: "the client crashed: KeyError: 'GetStatusResult'" },
    restarts: false,
  },
  { jobId: 'CANNOT', outcome: { status: 'unrepresentable', reason: 'a value of type Symbol' }, restarts: false },
  {
    jobId: 'EXIT',
    outcome: {
      status: 'crashed',
      reason: 'the client (node) exited with status 3 without answering: "about to leave"',
    },
    restarts: true,
  },
  {
    jobId: 'THROW',
    outcome: {
      status: 'crashed',
      reason: expect.stringMatching(/^the client crashed: TypeError: Cannot read properties of undefined/),
    },
    restarts: true,
  },
  { jobId: 'HANG', outcome: { status: 'timeout', reason: 'did not settle within 2000 ms' }, restarts: true },
  // An output that is no object is what the client resolved with: the judge says so, it is no crash.
  { jobId: 'STRING-OUTPUT', outcome: { status: 'resolved', output: 'job finished' }, restarts: false },
  {
    jobId: 'GARBAGE',
    outcome: { status: 'crashed', reason: 'the client (node) printed "hello there", which is not JSON' },
    restarts: true,
  },
  {
    jobId: 'WRONG-ID',
    outcome: {
      status: 'crashed',
      reason: expect.stringMatching(/^the client \(node\) answered with id \d+ where \d+ was asked$/),
    },
    restarts: true,
  },
];

test.each(FAILURES)(
  '$jobId: the case ends as $outcome.status, and the next case is answered (restart: $restarts)',
  async ({ jobId, outcome, restarts }) => {
    const before = (await told()).pid;
    const result = await play(jobId, { wantsText: false });
    expect(result.outcome).toMatchObject(outcome);
    const after = (await told()).pid;
    expect(after !== before).toBe(restarts);
  },
);

test('an answer with none of output, error, crash or cannotRepresent is the client breaking the protocol', async () => {
  const { outcome } = await play('NOTHING', { wantsText: false });
  expect(outcome).toEqual({
    status: 'crashed',
    reason: expect.stringMatching(
      /^the client \(node\) answered \{"id":\d+,"result":"ok"\}, which has none of output, error, crash, cannotRepresent$/,
    ),
  });
});

test.each([
  {
    start: 'no-ready',
    message:
      'the client (node) did not start: the client (node) must first print {"ready": true}, but printed {"hello":true}',
  },
  {
    start: 'exit-at-start',
    message:
      'the client (node) did not start: the client (node) exited with status 1 without answering: "cannot import the SDK"',
  },
])('a client that does not start ($start) stops the run before any case, in one line', async ({ start, message }) => {
  const failure = await Harness.start(persistentAdapter(command(start))).then(
    (h) => h.close().then(() => undefined),
    (error: unknown) => error as Error,
  );
  expect(failure).toBeInstanceOf(AdapterLoadError);
  expect(failure?.message).toBe(message);
});

test('its environment: loopback bypasses any proxy, one attempt per call, no inherited session token', async () => {
  const { outcome } = await play('ENV', { wantsText: false });
  const env = JSON.parse((outcome as { output: { ProgressMessage: string } }).output.ProgressMessage);
  expect(env).toMatchObject({
    NO_PROXY: expect.stringMatching(/(^|,)127\.0\.0\.1,localhost$/),
    no_proxy: expect.stringMatching(/(^|,)127\.0\.0\.1,localhost$/),
    AWS_SESSION_TOKEN: null,
  });
  expect(env.AWS_MAX_ATTEMPTS).toBe(process.env.AWS_MAX_ATTEMPTS ?? '1');
});

test('at the end of the run its input ends; a process that stays anyway is killed a second later', async () => {
  const stubborn = await Harness.start(persistentAdapter(command('ignore-eof')), { concurrency: 1, timeoutMs: 2_000 });
  const { outcome } = await stubborn.runCase(validCase('OK'), { wantsText: false });
  const pid = Number((outcome as { output: { Signature: string } }).output.Signature);
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  expect(alive()).toBe(true);
  const started = performance.now();
  await stubborn.close();
  expect(alive()).toBe(false);
  // Not at once: it was given its second to exit by itself.
  expect(performance.now() - started).toBeGreaterThanOrEqual(900);
});

test('a command whose script is missing is refused before anything starts', () => {
  expect(() => persistentAdapter('node no-such-client.mjs')).toThrow(
    /^the command: the script 'no-such-client.mjs' after node was not found from /,
  );
});
