/**
 * How long a case may last and what the client is told. A client the tool can abort gets its
 * signal aborted at abortAfterMs (GS-SAFE-004); one that stops only by its own budget (another
 * process) is told that budget instead, and the case waits the timeout beyond it.
 */
import type { ClientAdapter } from './client-adapter.ts';
import type { RunOptions } from './outcome.ts';

/** The shortest budget a process client is given: the AWS CLIs' timeouts count whole seconds. */
export const MIN_CLIENT_BUDGET_MS = 1_000;

export interface CaseTiming {
  /** The harness ends the case after this long (counted from abortAfterMs, when given). */
  timeoutMs: number;
  abortAfterMs?: number;
  /** `context.timeoutMs`: how long the client may take. */
  clientBudgetMs: number;
}

export function caseTiming(adapter: ClientAdapter, options: RunOptions, defaultTimeoutMs: number): CaseTiming {
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const { abortAfterMs } = options;
  if (abortAfterMs === undefined) return { timeoutMs, clientBudgetMs: timeoutMs };
  if (adapter.stops === 'budget') {
    const clientBudgetMs = Math.max(abortAfterMs, MIN_CLIENT_BUDGET_MS);
    return { timeoutMs: clientBudgetMs + timeoutMs, clientBudgetMs };
  }
  return { timeoutMs, abortAfterMs, clientBudgetMs: abortAfterMs };
}
