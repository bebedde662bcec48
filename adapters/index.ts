/** Every client adapter: the reference, the command adapters, and the real clients by name. */
export { BUILT_IN_CLIENTS, labelled, loadAdapter, takesCommand, type LoadAdapterOptions } from './load-adapter.ts';
export { persistentAdapter, PROTOCOL_VERSION } from './persistent.ts';
export { referenceAdapter, getStatusForm } from './reference.ts';
export { commandAdapter, type CommandAdapterOptions } from './command.ts';
export { CommandFailed } from './aws-cli-output.ts';
