/** Whether a value keeps the ClientAdapter contract, said in one line that tells how to fix it. */
import type { ClientAdapter } from './client-adapter.ts';

/** An adapter that cannot be used: the message is one line saying what to do. */
export class AdapterLoadError extends Error {
  override name = 'AdapterLoadError';
}

const SHAPE = 'export default { name, transport: "intercept" | "loopback", getStatus(request, context) }';

const shown = (value: unknown) => (typeof value === 'string' ? `'${value}'` : String(value));

export function checkAdapter(value: unknown, where = 'the adapter'): asserts value is ClientAdapter {
  if (typeof value !== 'object' || value === null)
    throw new AdapterLoadError(`${where} is ${shown(value)}, not an adapter object; ${SHAPE}`);
  const adapter = value as Partial<Record<keyof ClientAdapter, unknown>>;
  if (typeof adapter.getStatus !== 'function')
    throw new AdapterLoadError(`${where} has no getStatus function; ${SHAPE}`);
  if (typeof adapter.name !== 'string' || adapter.name === '')
    throw new AdapterLoadError(`${where} has no name; give it name: 'my-client'`);
  if (adapter.transport !== 'intercept' && adapter.transport !== 'loopback') {
    throw new AdapterLoadError(
      `${where} has transport ${shown(adapter.transport)}; use 'intercept' (in-process, answered by msw) or 'loopback' (real HTTP to 127.0.0.1)`,
    );
  }
  for (const style of ['textStyle', 'jsonStyle'] as const) {
    if (adapter[style] !== undefined && adapter[style] !== 'v1' && adapter[style] !== 'v2') {
      throw new AdapterLoadError(`${where} has ${style} ${shown(adapter[style])}; use 'v1', 'v2' or leave it out`);
    }
  }
  if (adapter.creationDate !== undefined && adapter.creationDate !== 'date' && adapter.creationDate !== 'wire') {
    throw new AdapterLoadError(
      `${where} has creationDate ${shown(adapter.creationDate)}; use 'date', 'wire' or leave it out`,
    );
  }
  const howTo = adapter.howTo as Record<string, unknown> | undefined;
  if (
    howTo !== undefined &&
    (typeof howTo !== 'object' || howTo === null || Object.values(howTo).some((v) => typeof v !== 'string'))
  ) {
    throw new AdapterLoadError(
      `${where} has howTo ${JSON.stringify(howTo)}; give { text?: 'how to get its --output text', budget?: 'how to tell it its time budget' } or leave it out`,
    );
  }
  for (const hook of ['setup', 'teardown'] as const) {
    if (adapter[hook] !== undefined && typeof adapter[hook] !== 'function')
      throw new AdapterLoadError(`${where}: ${hook} must be a function`);
  }
}
