/**
 * msw answers an intercepted fetch without ever looking at its AbortSignal: the call cannot be
 * aborted, and a stalled body keeps the client waiting after the abort. Real fetch (undici)
 * rejects with the signal's reason and errors the body mid-stream. This wrapper restores that:
 * it rejects the call on abort while no response has come, and hands the signal to the endpoint
 * handler (through the async context msw runs it in, with a text body), whose stalled bodies end
 * with the abort.
 * A client that passes its signal on is judged as it would be on the network (GS-SAFE-004); one
 * that does not still waits for the stalled server. Responses are not wrapped: only a stall
 * streams, and wrapping every body would cost each case a stream pipe.
 */
import { runIntercepted } from './case-scope.ts';
import { readsBackAsIs } from './request-check.ts';

/** `answer`, or a rejection with the signal's reason as soon as it aborts: what fetch does while no response has come. */
export function untilAborted<T>(answer: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    answer.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** msw's interceptor sends a GET or HEAD with a body; fetch rejects the call, as context.fetch does. */
function bodyNotAllowed(input: RequestInfo | URL, init: RequestInit | undefined): boolean {
  if (init?.body === undefined || init.body === null) return false;
  const method = (init.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
  return method === 'GET' || method === 'HEAD';
}

export function abortableFetch(intercepted: typeof fetch): typeof fetch {
  return function fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    if (bodyNotAllowed(input, init))
      return Promise.reject(new TypeError('Request with GET/HEAD method cannot have body.'));
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    // The handler takes a text body from here rather than read it back from msw's Request's stream.
    const body = typeof init?.body === 'string' && readsBackAsIs(init.body) ? init.body : undefined;
    if (!signal)
      return body === undefined ? intercepted(input, init) : runIntercepted({ body }, () => intercepted(input, init));
    if (signal.aborted) return Promise.reject(signal.reason);
    // msw would only copy the signal onto its Request, and on Node 20 a Request that follows a
    // signal is slow to build (it holds it through a WeakRef and a finalizer).
    const unsignalled = init?.signal ? { ...init, signal: null } : init;
    return untilAborted(
      runIntercepted({ signal, ...(body !== undefined && { body }) }, () => intercepted(input, unsignalled)),
      signal,
    );
  };
}
