/**
 * Plays cases to a client. Each concurrent slot has its own endpoint (its own loopback server,
 * or its own intercepted origin), so cases running at once never see each other's responses
 * or requests. A slot is reused by later cases: a client that ignores its abort and sends after
 * its case ended reaches whatever case the slot serves then, where its request is recorded with
 * the problems it has there (another JobId). A request through `context.fetch` is bound to its
 * own case instead: once that case has ended it fails and reaches no other.
 */
import type { RequestHandler } from 'msw';
import type { ResponseCase } from '../generators/case.ts';
import type { AdapterContext, ClientAdapter } from './client-adapter.ts';
import { checkAdapter } from './adapter-shape.ts';
import { caseTiming } from './budget.ts';
import { CaseRun } from './case-run.ts';
import { DEFAULT_TIMEOUT_MS, defaultConcurrency } from './defaults.ts';
import { boundCase, caseFetch } from './case-fetch.ts';
import { guardProcess, runInScope } from './case-scope.ts';
import { endpointHandler, endpointsHandler, originOf, strayHandler } from './handlers.ts';
import { allowLoopback, intercept } from './interception.ts';
import { startLoopbackServer } from './loopback.ts';
import { CASE_CREDENTIALS, CASE_REGION } from './case-credentials.ts';
import { rejectionOutcome, resolutionOutcome, type CaseResult, type RunOptions } from './outcome.ts';

/** Cases between two turns of the event loop. */
const TURN_EVERY = 256;

interface Slot {
  origin: string;
  current?: CaseRun;
}

/**
 * Intercepted origins: loopback addresses, so that a client msw fails to intercept still
 * cannot leave the machine; below Linux's ephemeral range, so no loopback server owns them.
 */
const FAKE_PORTS = { first: 20000, last: 32767 };
let nextFakePort = FAKE_PORTS.first;
function fakeOrigin(): string {
  const port = nextFakePort;
  nextFakePort = port === FAKE_PORTS.last ? FAKE_PORTS.first : port + 1;
  return `http://127.0.0.1:${port}`;
}

/** Over loopback the client's requests are real HTTP: context.fetch is the platform's (or msw's, while another harness intercepts). */
const loopbackFetch: typeof fetch = (input, init) => globalThis.fetch(input, init);

export class Harness {
  readonly #adapter: ClientAdapter;
  readonly #timeoutMs: number;
  readonly #slots: Slot[] = [];
  readonly #free: Slot[] = [];
  readonly #waiting: Array<{ take(slot: Slot): void; fail(error: Error): void }> = [];
  readonly #cleanups: Array<() => void | Promise<void>> = [];
  /** In-process: what `context.fetch` asks msw's getResponse, the endpoints then anything else. */
  #handlers: RequestHandler[] = [];
  #closed = false;
  #played = 0;

  private constructor(adapter: ClientAdapter, timeoutMs: number) {
    this.#adapter = adapter;
    this.#timeoutMs = timeoutMs;
  }

  /** Open the endpoints and call `adapter.setup`. */
  static async start(
    adapter: ClientAdapter,
    options: { concurrency?: number; timeoutMs?: number } = {},
  ): Promise<Harness> {
    checkAdapter(adapter);
    const concurrency = Math.max(1, Math.floor(options.concurrency ?? defaultConcurrency()));
    const harness = new Harness(adapter, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    try {
      await harness.#open(concurrency);
      await adapter.setup?.();
    } catch (error) {
      await harness.#release();
      throw error;
    }
    return harness;
  }

  async #open(concurrency: number): Promise<void> {
    this.#cleanups.push(guardProcess());
    if (this.#adapter.transport === 'intercept') {
      for (let i = 0; i < concurrency; i++) this.#slots.push({ origin: fakeOrigin() });
      const byOrigin = new Map(this.#slots.map((slot) => [slot.origin, slot]));
      // One handler for every slot: msw would otherwise run each slot's handler before the one that matches.
      const endpoints = endpointsHandler((request) => {
        const slot = byOrigin.get(originOf(request.url));
        if (!slot) return null;
        const bound = boundCase(request);
        // Through context.fetch a request belongs to its own case, and only at that case's endpoint.
        if (!bound) return slot.current;
        return bound.origin === slot.origin ? bound.run : null;
      });
      this.#handlers = [endpoints, strayHandler];
      // Interception stays for what the client sends another way (global fetch, node:http): served, or caught as stray.
      this.#cleanups.push(intercept([endpoints]));
    } else {
      for (let i = 0; i < concurrency; i++) {
        const slot: Slot = { origin: '' };
        const server = await startLoopbackServer((origin) => [endpointHandler(origin, () => slot.current)]);
        slot.origin = server.origin;
        this.#slots.push(slot);
        this.#cleanups.push(() => server.close());
      }
      this.#cleanups.push(allowLoopback(this.#slots.map((s) => s.origin)));
    }
    this.#free.push(...this.#slots);
  }

  /** Play one case to the client. Safe to call concurrently; at most `concurrency` cases run at once. */
  async runCase(c: ResponseCase, options: RunOptions = {}): Promise<CaseResult> {
    // In-process cases can follow one another in microtasks alone, and the event loop then never
    // turns: no finalizer runs, and on Node 20 each intercepted request's clones are only freed by
    // one (~0.2 KB a case kept until then). One turn now and then frees them.
    if (++this.#played % TURN_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
    const slot = await this.#acquire();
    const timing = caseTiming(this.#adapter, options, this.#timeoutMs);
    const run = new CaseRun(c, timing.timeoutMs, timing.abortAfterMs);
    slot.current = run;
    try {
      this.#play(run, slot, options.wantsText ?? true, timing.clientBudgetMs);
      return await run.result;
    } finally {
      slot.current = undefined;
      this.#releaseSlot(slot);
    }
  }

  #play(run: CaseRun, slot: Slot, wantsText: boolean, timeoutMs: number): void {
    const { jobId, apiVersion } = run.case.request;
    const context: AdapterContext = {
      endpoint: `${slot.origin}/`,
      fetch: this.#adapter.transport === 'intercept' ? caseFetch(run, slot.origin, this.#handlers) : loopbackFetch,
      region: CASE_REGION,
      credentials: { ...CASE_CREDENTIALS },
      signal: run.clientSignal,
      timeoutMs,
      wantsText,
    };
    run.start();
    runInScope(run, () => {
      let answer: Promise<unknown>;
      try {
        // A copy: the client cannot alter the case it is judged on.
        answer = Promise.resolve(
          this.#adapter.getStatus({ jobId, ...(apiVersion !== undefined && { apiVersion }) }, context),
        );
      } catch (error) {
        answer = Promise.reject(error);
      }
      answer.then(
        (value) => run.settle(resolutionOutcome(value)),
        (reason) => run.settle(rejectionOutcome(reason)),
      );
    });
  }

  #acquire(): Promise<Slot> {
    if (this.#closed) return Promise.reject(new Error('the harness is closed'));
    const slot = this.#free.pop();
    if (slot) return Promise.resolve(slot);
    return new Promise((take, fail) => this.#waiting.push({ take, fail }));
  }

  #releaseSlot(slot: Slot): void {
    const next = this.#waiting.shift();
    if (next && !this.#closed) next.take(slot);
    else this.#free.push(slot);
  }

  /** End every running case, call `adapter.teardown`, stop the servers and interception. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const waiter of this.#waiting.splice(0))
      waiter.fail(new Error('the harness closed before the case could run'));
    for (const slot of this.#slots)
      slot.current?.settle({ status: 'timeout', reason: 'the harness closed before the client settled' });
    try {
      await this.#adapter.teardown?.();
    } finally {
      await this.#release();
    }
  }

  async #release(): Promise<void> {
    this.#closed = true;
    for (const cleanup of this.#cleanups.splice(0).reverse()) await cleanup();
  }
}
