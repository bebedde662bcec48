/**
 * In-process clients in worker threads the tool can stop. Each thread plays one case at a time
 * to its own copy of the client (harness/isolation-host.ts); a client that keeps its thread past
 * the case's budget (a synchronous loop, a catastrophic regular expression), ends the thread, or
 * exhausts its memory fails that case, the thread is replaced, and the run goes on.
 */
import { Worker } from 'node:worker_threads';
import type { ResponseCase } from '../generators/case.ts';
import type { ClientAdapter } from './client-adapter.ts';
import type { AdapterSource } from './adapter-source.ts';
import { describeThrown, type CaseResult, type Outcome, type RunOptions } from './outcome.ts';

/** How long past its budget a case's thread may stay silent before it is stopped. */
export const OVERRUN_MARGIN_MS = 500;
/** A client that allocates without bound meets this limit, not the machine's. */
export const THREAD_HEAP_MB = 512;

const ENTRY = new URL('./isolation-worker.mjs', import.meta.url);

export type HostMessage =
  | { type: 'ready'; version?: string }
  | { type: 'failed'; message: string }
  | { type: 'result'; result: CaseResult }
  | { type: 'closed' };
export type CaseMessage = { type: 'case'; case: ResponseCase; options: RunOptions } | { type: 'close' };
export interface HostData {
  source: AdapterSource;
  timeoutMs: number;
}

/** One worker thread holding one copy of the client. */
class ClientThread {
  readonly #worker: Worker;
  #onMessage?: (message: HostMessage) => void;
  /** Why the thread ended, once it has. */
  #ended?: string;
  #onEnd?: (reason: string) => void;
  version?: string;

  private constructor(data: HostData) {
    this.#worker = new Worker(ENTRY, {
      workerData: data,
      resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB },
      stdout: false,
      stderr: false,
    });
    this.#worker.on('message', (message: HostMessage) => this.#onMessage?.(message));
    this.#worker.on('error', (error: Error & { code?: string }) => {
      this.#end(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `the client ran out of memory (its thread's heap is limited to ${THREAD_HEAP_MB} MB)`
          : `the client crashed its thread: ${describeThrown(error)}`,
      );
    });
    this.#worker.on('exit', (code) =>
      this.#end(`the client ended its thread (exit code ${code}, as process.exit does)`),
    );
  }

  /** False once the thread has ended, between cases too (a client's late `process.exit`). */
  get alive(): boolean {
    return this.#ended === undefined;
  }

  #end(reason: string): void {
    if (this.#ended !== undefined) return;
    this.#ended = reason;
    this.#onEnd?.(reason);
  }

  static async open(data: HostData): Promise<ClientThread> {
    const thread = new ClientThread(data);
    const first = await thread.#next();
    if (first.type === 'failed') {
      await thread.#worker.terminate();
      throw new Error(first.message);
    }
    if (first.type !== 'ready') throw new Error(`the client's thread sent '${first.type}' before it was ready`);
    thread.version = first.version;
    return thread;
  }

  /** The thread's next message, or an error when it ends first. */
  #next(): Promise<HostMessage> {
    return new Promise((resolve, reject) => {
      if (this.#ended !== undefined) return reject(new Error(this.#ended));
      this.#onMessage = (message) => {
        this.#onMessage = this.#onEnd = undefined;
        resolve(message);
      };
      this.#onEnd = (reason) => {
        this.#onMessage = this.#onEnd = undefined;
        reject(new Error(reason));
      };
    });
  }

  /** The case's result; an outcome of the thread's own making when the client stops it answering. */
  async run(c: ResponseCase, options: RunOptions, budgetMs: number): Promise<{ result: CaseResult; usable: boolean }> {
    const answer = this.#next();
    this.#worker.postMessage({ type: 'case', case: c, options } satisfies CaseMessage);
    let timer: NodeJS.Timeout | undefined;
    const overrun = new Promise<'overrun'>((resolve) => {
      timer = setTimeout(() => resolve('overrun'), budgetMs + OVERRUN_MARGIN_MS);
    });
    try {
      const first = await Promise.race([answer, overrun]);
      if (first === 'overrun') {
        // Not awaited: stopping a busy thread takes a while, and the verdict is known now.
        void this.#worker.terminate();
        return {
          result: failed({
            status: 'timeout',
            reason: `the client did not return control within ${budgetMs} ms (its thread was stopped ${OVERRUN_MARGIN_MS} ms later)`,
          }),
          usable: false,
        };
      }
      if (first.type !== 'result') throw new Error(`the client's thread sent '${first.type}' instead of a result`);
      return { result: first.result, usable: true };
    } catch (error) {
      return { result: failed({ status: 'crashed', reason: (error as Error).message }), usable: false };
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    if (this.#ended !== undefined) return;
    const closed = this.#next().catch(() => undefined);
    this.#worker.postMessage({ type: 'close' } satisfies CaseMessage);
    // The client's teardown gets a bounded time, then the thread is stopped whatever it does.
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
    await this.#worker.terminate();
  }
}

const failed = (outcome: Outcome): CaseResult => ({ outcome, requests: [] });

/** The harness for a client in worker threads: the same cases, judged the same way, one case per thread at a time. */
export class IsolatedHarness {
  readonly #data: HostData;
  readonly #idle: ClientThread[] = [];
  readonly #waiting: Array<(thread: ClientThread | undefined) => void> = [];
  readonly #all = new Set<ClientThread>();
  readonly #pending = new Set<Promise<void>>();
  /** Why no copy of the client could be started again. */
  #broken?: Error;
  #closed = false;

  private constructor(data: HostData) {
    this.#data = data;
  }

  static async start(
    adapter: ClientAdapter,
    source: AdapterSource,
    options: { concurrency: number; timeoutMs: number },
  ): Promise<IsolatedHarness> {
    const harness = new IsolatedHarness({ source, timeoutMs: options.timeoutMs });
    const threads = await Promise.allSettled(
      Array.from({ length: Math.max(1, options.concurrency) }, () => ClientThread.open(harness.#data)),
    );
    for (const t of threads) if (t.status === 'fulfilled') harness.#add(t.value);
    const failure = threads.find((t): t is PromiseRejectedResult => t.status === 'rejected');
    if (failure) {
      await harness.close();
      throw failure.reason;
    }
    // Reports show the version the client's setup found, in its own thread.
    const version = [...harness.#all][0]?.version;
    if (version !== undefined) adapter.version = version;
    return harness;
  }

  #add(thread: ClientThread): void {
    this.#all.add(thread);
    this.#release(thread);
  }

  #release(thread: ClientThread): void {
    const next = this.#waiting.shift();
    if (next) next(thread);
    else this.#idle.push(thread);
  }

  async #acquire(): Promise<ClientThread> {
    if (this.#closed) throw new Error('the harness is closed');
    const thread =
      this.#idle.pop() ??
      (this.#all.size === 0 && this.#pending.size === 0
        ? undefined
        : await new Promise<ClientThread | undefined>((take) => this.#waiting.push(take)));
    if (!thread)
      throw new Error(
        `the client could not be started again after its thread was stopped: ${this.#broken?.message ?? 'no thread left'}`,
      );
    return thread;
  }

  async runCase(c: ResponseCase, options: RunOptions = {}): Promise<CaseResult> {
    let thread = await this.#acquire();
    // A thread that ended after its last case is not charged to this one: a fresh copy takes it.
    while (!thread.alive) {
      this.#all.delete(thread);
      this.#replace();
      thread = await this.#acquire();
    }
    const budgetMs = (options.timeoutMs ?? this.#data.timeoutMs) + (options.abortAfterMs ?? 0);
    const { result, usable } = await thread.run(c, options, budgetMs);
    if (usable) {
      this.#release(thread);
      return result;
    }
    this.#all.delete(thread);
    if (!this.#closed) this.#replace();
    return result;
  }

  /** A fresh copy of the client for the next case, started in the background; one that cannot start again fails the cases waiting for it. */
  #replace(): void {
    const opening = ClientThread.open(this.#data).then(
      (thread) => {
        this.#pending.delete(opening);
        if (this.#closed) void thread.close();
        else this.#add(thread);
      },
      (error: Error) => {
        this.#pending.delete(opening);
        this.#broken = error;
        for (const waiter of this.#waiting.splice(0)) waiter(undefined);
      },
    );
    this.#pending.add(opening);
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#pending);
    await Promise.all([...this.#all].map((thread) => thread.close()));
    this.#all.clear();
  }
}
