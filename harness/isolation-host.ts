/**
 * Inside a client's worker thread: load the client, then play each case the main thread sends
 * through an ordinary in-process harness and send back its result.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ClientAdapter } from './client-adapter.ts';
import { Harness } from './harness.ts';
import type { CaseMessage, HostData, HostMessage } from './isolation.ts';
import { describeThrown, type CaseResult } from './outcome.ts';

const port = parentPort!;
const { source, timeoutMs } = workerData as HostData;
const post = (message: HostMessage) => port.postMessage(message);

/** What cannot cross to the main thread (a function, a parser's object) as a description, so the judge sees a wrong value rather than the run failing. */
function transferable(value: unknown): unknown {
  if (value === null || typeof value !== 'object')
    return typeof value === 'function' || typeof value === 'symbol' ? describeThrown(value) : value;
  if (value instanceof Date || ArrayBuffer.isView(value)) return value;
  if (Array.isArray(value)) return value.map(transferable);
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null)
    return `${proto?.constructor?.name ?? 'an'} object: ${describeThrown(value)}`;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, transferable(v)]));
}

function postResult(result: CaseResult): void {
  try {
    post({ type: 'result', result });
  } catch {
    const { outcome } = result;
    post({
      type: 'result',
      result: {
        ...result,
        outcome: outcome.status === 'resolved' ? { ...outcome, output: transferable(outcome.output) } : outcome,
      },
    });
  }
}

let harness: Harness;
try {
  const { loadAdapter } = (await import(source.loader)) as {
    loadAdapter(spec: string, options: unknown): Promise<ClientAdapter>;
  };
  const adapter = await loadAdapter(source.spec, source.options);
  harness = await Harness.start(adapter, { concurrency: 1, timeoutMs });
  post({ type: 'ready', ...(adapter.version !== undefined && { version: adapter.version }) });
} catch (error) {
  post({ type: 'failed', message: error instanceof Error ? error.message : describeThrown(error) });
  process.exit(0);
}

port.on('message', (message: CaseMessage) => {
  if (message.type === 'close') {
    void harness.close().finally(() => post({ type: 'closed' }));
    return;
  }
  void harness.runCase(message.case, message.options).then(postResult);
});
