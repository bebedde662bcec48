/**
 * Which case is running, as seen from anywhere in the process, so that an exception or
 * rejection nobody handled, or a request to a stray host, is charged to the case whose client
 * raised it instead of killing the run or being lost.
 *
 * The attribution uses AsyncLocalStorage: every callback the adapter schedules inherits the
 * scope of the case that called it, also when several cases run at once.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { describeThrown } from './outcome.ts';
import type { RecordedRequest } from './request-check.ts';

export interface CaseScope {
  /** Still waiting for its client. */
  readonly open: boolean;
  readonly name: string;
  crash(reason: string): void;
  /** A request that went somewhere other than the case's endpoint. */
  stray(request: RecordedRequest): void;
}

/**
 * One store for the case and for the intercepted fetch a handler answers (abortable-fetch.ts): on
 * Node 20 every AsyncLocalStorage in use adds its own work to every promise the process makes.
 */
/** What a handler may take from the intercepted fetch it answers, rather than from msw's Request. */
export interface InterceptedFetch {
  signal?: AbortSignal;
  /** The body, when the client gave it as text that reads back unchanged. */
  body?: string;
}

interface AsyncContext {
  scope?: CaseScope;
  fetch?: InterceptedFetch;
}
const contexts = new AsyncLocalStorage<AsyncContext>();

export const runInScope = <T>(scope: CaseScope, fn: () => T): T => contexts.run({ scope }, fn);
export const currentScope = (): CaseScope | undefined => contexts.getStore()?.scope;

/** Runs an intercepted fetch with what its handler needs of it in the async context, where the handler finds it. */
export const runIntercepted = <T>(fetch: InterceptedFetch, fn: () => T): T =>
  contexts.run({ scope: currentScope(), fetch }, fn);
/** The intercepted fetch the current handler is answering, when it was made through the global fetch. */
export const interceptedFetch = (): InterceptedFetch | undefined => contexts.getStore()?.fetch;

type Listener = (...args: unknown[]) => void;
const EVENTS = ['uncaughtException', 'unhandledRejection'] as const;
type GuardedEvent = (typeof EVENTS)[number];

let installs = 0;
let displaced: Record<GuardedEvent, Listener[]> | undefined;

function forward(event: GuardedEvent, args: unknown[]): void {
  const listeners = displaced?.[event] ?? [];
  if (listeners.length > 0) {
    for (const listener of listeners) listener(...args);
    return;
  }
  // No one else listens: behave as Node does by default, which is to die.
  const error = args[0];
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : describeThrown(error)}\n`);
  process.exit(1);
}

function guard(event: GuardedEvent) {
  return (...args: unknown[]) => {
    const scope = currentScope();
    if (!scope) {
      forward(event, args);
      return;
    }
    const what = event === 'uncaughtException' ? 'an uncaught exception' : 'an unhandled rejection';
    if (scope.open) {
      scope.crash(`the client raised ${what}: ${describeThrown(args[0])}`);
    } else {
      // Its case already has an outcome; the run goes on, but nothing is hidden.
      process.stderr.write(
        `getstatus-conformance: client of case '${scope.name}' raised ${what} after the case ended: ${describeThrown(args[0])}\n`,
      );
    }
  };
}

const guards: Record<GuardedEvent, Listener> = {
  uncaughtException: guard('uncaughtException'),
  unhandledRejection: guard('unhandledRejection'),
};

/**
 * Take over both events while a harness is open. Listeners already installed (a test
 * runner's) are set aside and still receive every event no case can be charged with.
 * Returns the function that gives them back.
 */
export function guardProcess(): () => void {
  if (installs++ === 0) {
    displaced = { uncaughtException: [], unhandledRejection: [] };
    for (const event of EVENTS) {
      displaced[event] = process.listeners(event as 'uncaughtException') as Listener[];
      process.removeAllListeners(event);
      process.on(event as 'uncaughtException', guards[event]);
    }
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--installs > 0) return;
    for (const event of EVENTS) {
      process.off(event as 'uncaughtException', guards[event]);
      for (const listener of displaced?.[event] ?? []) process.on(event as 'uncaughtException', listener);
    }
    displaced = undefined;
  };
}
