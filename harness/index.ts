/** The harness: plays generated cases to a client, in-process (msw) or over loopback HTTP, under timeouts. */
export type { AdapterContext, AdapterResult, ClientAdapter } from './client-adapter.ts';
export { Harness } from './harness.ts';
export { DEFAULT_TIMEOUT_MS, defaultConcurrency } from './defaults.ts';
export { CASE_REGION, CASE_CREDENTIALS } from './case-credentials.ts';
export { MIN_CLIENT_BUDGET_MS } from './budget.ts';
export {
  ClientCrashed,
  ClientRaised,
  ClientUnrepresentable,
  type Outcome,
  type CaseResult,
  type RunOptions,
} from './outcome.ts';
export { requestProblems, type RecordedRequest, type RequestProblem, type RequestRule } from './request-check.ts';
export { AdapterLoadError, checkAdapter } from './adapter-shape.ts';
export { adapterSource, rememberAdapterSource, type AdapterSource } from './adapter-source.ts';
export { startHarness, type CaseRunner } from './start.ts';
export { startLoopbackServer, type LoopbackServer } from './loopback.ts';
export { endpointHandler, type Serving } from './handlers.ts';
