/**
 * One case in flight: its timers, its signal, the requests it received, and the single
 * outcome it settles with, whichever of client, timer, crash guard or harness gets there first.
 */
import { performance } from 'node:perf_hooks';
import type { ResponseCase } from '../generators/case.ts';
import type { CaseScope } from './case-scope.ts';
import type { Serving } from './handlers.ts';
import type { CaseResult, Outcome } from './outcome.ts';
import type { RecordedRequest } from './request-check.ts';

/** One reason for every case that ends: a DOMException is costly to build, and cases end by the thousand. */
const CASE_ENDED = new DOMException('case ended', 'AbortError');

export class CaseRun implements CaseScope, Serving {
  readonly requests: RecordedRequest[] = [];
  readonly result: Promise<CaseResult>;
  /** The client's signal: aborted early with abortAfterMs, and when the case ends. */
  readonly #controller = new AbortController();
  /**
   * Aborted only when the case ends: a stalled server keeps stalling after the client's abort
   * (GS-SAFE-004). Made when a stall first asks for it: most cases never do.
   */
  #ended?: AbortController;
  readonly #timers: NodeJS.Timeout[] = [];
  #settled = false;
  #startedAt = 0;
  #abortedAt?: number;
  #resolve!: (result: CaseResult) => void;
  #reject!: (error: Error) => void;

  readonly case: ResponseCase;
  readonly #timeoutMs: number;
  readonly #abortAfterMs?: number;

  constructor(c: ResponseCase, timeoutMs: number, abortAfterMs?: number) {
    this.case = c;
    this.#timeoutMs = timeoutMs;
    this.#abortAfterMs = abortAfterMs;
    this.result = new Promise((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
  }

  get name(): string {
    return this.case.name;
  }
  /** The Serving side: ends stalls when the case is over, not when the client is told to give up. */
  get signal(): AbortSignal {
    if (!this.#ended) {
      this.#ended = new AbortController();
      if (this.#settled) this.#ended.abort(CASE_ENDED);
    }
    return this.#ended.signal;
  }
  get clientSignal(): AbortSignal {
    return this.#controller.signal;
  }
  get open(): boolean {
    return !this.#settled;
  }

  /** Start the clock. Timers are not unref'd: a client that leaves nothing scheduled must still time out, not end the process. */
  start(): void {
    this.#startedAt = performance.now();
    if (this.#abortAfterMs === undefined) {
      this.#after(this.#timeoutMs, () =>
        this.settle({ status: 'timeout', reason: `did not settle within ${this.#timeoutMs} ms` }),
      );
      return;
    }
    this.#after(this.#abortAfterMs, () => {
      this.#abortedAt = performance.now();
      this.#controller.abort(new DOMException(`case aborted after ${this.#abortAfterMs} ms`, 'AbortError'));
      this.#after(this.#timeoutMs, () =>
        this.settle({
          status: 'timeout',
          reason: `did not settle within ${this.#timeoutMs} ms of the abort at ${this.#abortAfterMs} ms`,
        }),
      );
    });
  }

  #after(ms: number, fn: () => void): void {
    this.#timers.push(setTimeout(fn, ms));
  }

  settle(given: Outcome): void {
    if (this.#settled) return;
    this.#settled = true;
    // A client that held the thread past the budget kept its timer from firing: late is never a pass.
    const budgetMs = this.#timeoutMs + (this.#abortAfterMs ?? 0);
    const tookMs = performance.now() - this.#startedAt;
    const late = given.status !== 'timeout' && this.#startedAt > 0 && tookMs > budgetMs;
    const outcome: Outcome = late
      ? {
          status: 'timeout',
          reason: `the client returned after ${Math.round(tookMs)} ms, past its ${budgetMs} ms budget`,
        }
      : given;
    for (const timer of this.#timers) clearTimeout(timer);
    const settledAfterAbortMs =
      this.#abortedAt !== undefined && outcome.status !== 'timeout' ? performance.now() - this.#abortedAt : undefined;
    // The case is over for the client too: this stops fetches, stalls and child processes.
    if (!this.#controller.signal.aborted) this.#controller.abort(CASE_ENDED);
    this.#ended?.abort(CASE_ENDED);
    this.#resolve({
      outcome,
      requests: [...this.requests],
      ...(settledAfterAbortMs !== undefined && { settledAfterAbortMs }),
    });
  }

  crash(reason: string): void {
    this.settle({ status: 'crashed', reason });
  }

  record(request: RecordedRequest): void {
    if (!this.#settled) this.requests.push(request);
  }

  stray(request: RecordedRequest): void {
    this.record({ ...request, stray: true });
  }

  /** Not the client's fault: the case cannot be expressed in HTTP. The caller gets an error, not an outcome. */
  serveFailed(reason: string): void {
    if (this.#settled) return;
    this.#settled = true;
    for (const timer of this.#timers) clearTimeout(timer);
    this.#controller.abort(CASE_ENDED);
    this.#ended?.abort(CASE_ENDED);
    this.#reject(new Error(reason));
  }
}
