/** The harness: plays generated cases to a client, in-process (msw) or over loopback HTTP, under timeouts. */
export { Harness, DEFAULT_TIMEOUT_MS, DEFAULT_CONCURRENCY, CASE_REGION, CASE_CREDENTIALS } from './harness.ts';
export { ClientCrashed, type Outcome, type CaseResult, type RunOptions } from './outcome.ts';
export { problemRule, type RecordedRequest } from './request-check.ts';
export { AdapterLoadError, checkAdapter } from './adapter-shape.ts';
export { BUILT_IN_CLIENTS, loadAdapter, adapterSource, type LoadAdapterOptions } from './load-adapter.ts';
export { startHarness, type CaseRunner } from './start.ts';
export { referenceAdapter, getStatusForm } from './adapters/reference.ts';
export { commandAdapter, type CommandAdapterOptions } from './adapters/command.ts';
export { CommandFailed } from './adapters/aws-cli-output.ts';
export { startLoopbackServer, type LoopbackServer } from './loopback.ts';
export { endpointHandler, type Serving } from './handlers.ts';
