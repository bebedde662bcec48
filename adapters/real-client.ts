/**
 * Thrown by `setup` when the client is not on this machine. The message is one line that says
 * how to install it, so a run can report the adapter as skipped with that reason.
 */
export class ClientNotInstalled extends Error {
  override name = 'ClientNotInstalled';
}
