/** Which harness a client gets: one in worker threads for an in-process client loaded from a module, so the tool can stop it. */
import type { ClientAdapter } from './client-adapter.ts';
import { DEFAULT_TIMEOUT_MS, defaultConcurrency } from './defaults.ts';
import { Harness } from './harness.ts';
import { IsolatedHarness } from './isolation.ts';
import { adapterSource } from './adapter-source.ts';

/** What the suites need of a harness. */
export type CaseRunner = Pick<Harness, 'runCase' | 'close'>;

/**
 * The reference and adapters built in code run in this thread; a process client cannot block it.
 * Every other in-process client (a user's module, aws-sdk v2) runs in worker threads.
 */
export async function startHarness(
  adapter: ClientAdapter,
  options: { concurrency?: number; timeoutMs?: number } = {},
): Promise<CaseRunner> {
  const source = adapter.transport === 'intercept' ? adapterSource(adapter) : undefined;
  if (!source) return Harness.start(adapter, options);
  return IsolatedHarness.start(adapter, source, {
    concurrency: options.concurrency ?? defaultConcurrency(),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  });
}
