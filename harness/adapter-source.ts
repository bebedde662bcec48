/**
 * Where an adapter loaded from a module came from, so a worker thread can load its own copy
 * (harness/isolation.ts). The loader is named by URL: the harness runs adapters, it does not know them.
 */
import type { ClientAdapter } from './client-adapter.ts';

export interface AdapterSource {
  /** A module whose `loadAdapter(spec, options)` builds the adapter. */
  loader: string;
  spec: string;
  options: object;
}

const SOURCES = new WeakMap<ClientAdapter, AdapterSource>();

export function rememberAdapterSource(adapter: ClientAdapter, source: AdapterSource): void {
  SOURCES.set(adapter, source);
}

/** Undefined for the built-in reference, the command adapters and adapters built in code. */
export const adapterSource = (adapter: ClientAdapter): AdapterSource | undefined => SOURCES.get(adapter);
