/** What every real-client adapter adds to the contract: the client's version, and how it says it is missing. */
import type { ClientAdapter } from '../spec/index.ts';

export interface RealClientAdapter extends ClientAdapter {
  /** The client's own version string (after `setup` for out-of-process clients), for reports. */
  version?: string;
}

/**
 * Thrown by `setup` when the client is not on this machine. The message is one line that says
 * how to install it, so a run can report the adapter as skipped with that reason.
 */
export class ClientNotInstalled extends Error {
  override name = 'ClientNotInstalled';
}
