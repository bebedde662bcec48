/**
 * The process's one msw server. msw patches global request machinery, so two servers at once
 * would fight; every open harness registers its handlers here instead, and the server listens
 * while at least one in-process (intercept) harness is open.
 */
import { syncBuiltinESMExports } from 'node:module';
import { http, passthrough, type RequestHandler } from 'msw';
import { setupServer } from 'msw/node';
import { abortableFetch } from './abortable-fetch.ts';
import { strayHandler } from './handlers.ts';

const endpoints = new Set<RequestHandler>();
const loopbacks = new Set<RequestHandler>();
let server: ReturnType<typeof setupServer> | undefined;
let unwrapFetch: (() => void) | undefined;
let users = 0;

function refresh(): void {
  // The stray handler stays last; `onUnhandledRequest: 'error'` stands behind it as a second wall.
  server?.resetHandlers(...endpoints, ...loopbacks, strayHandler);
}

/** Intercept requests to these handlers' endpoints. Returns the function that stops. */
export function intercept(handlers: RequestHandler[]): () => void {
  for (const h of handlers) endpoints.add(h);
  if (users++ === 0) {
    const started = setupServer();
    started.listen({ onUnhandledRequest: 'error' });
    server = started;
    const mocked = globalThis.fetch;
    globalThis.fetch = abortableFetch(mocked);
    unwrapFetch = () => {
      globalThis.fetch = mocked;
    };
    // msw patches node:http's CommonJS exports; this makes `import { request } from 'node:http'` see it too.
    syncBuiltinESMExports();
  }
  refresh();
  let stopped = false;
  return () => {
    if (stopped) return;
    stopped = true;
    for (const h of handlers) endpoints.delete(h);
    if (--users === 0) {
      unwrapFetch?.();
      unwrapFetch = undefined;
      server?.close();
      server = undefined;
      syncBuiltinESMExports();
    }
    refresh();
  };
}

/**
 * Let an in-process client reach a loopback endpoint while another harness intercepts.
 * Only the given 127.0.0.1 origins pass; everything else still meets `stray`.
 */
export function allowLoopback(origins: string[]): () => void {
  const handlers = origins.map((origin) => http.all(`${origin}/*`, () => passthrough()));
  for (const h of handlers) loopbacks.add(h);
  refresh();
  return () => {
    for (const h of handlers) loopbacks.delete(h);
    refresh();
  };
}
