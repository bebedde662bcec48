/**
 * msw answers an intercepted fetch without ever looking at its AbortSignal: the call cannot be
 * aborted, and a mocked body keeps streaming after the abort. Real fetch (undici) rejects with
 * the signal's reason and errors the body mid-stream. This wrapper restores that behaviour, so an
 * in-process client that passes its signal on is judged as it would be on the network
 * (GS-SAFE-004), and one that does not still waits for the stalled server.
 */
export function abortableFetch(intercepted: typeof fetch): typeof fetch {
  return async function fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    if (!signal) return intercepted(input, init);
    signal.throwIfAborted();
    let onAbort!: () => void;
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
    });
    aborted.catch(() => {});
    let response: Response;
    try {
      response = await Promise.race([intercepted(input, init), aborted]);
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
    if (!response.body) return response;
    // Piping with the signal cancels the mocked body (ending its stall) and errors what the client reads.
    const body = response.body.pipeThrough(new TransformStream<Uint8Array, Uint8Array>(), { signal });
    const wrapped = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    Object.defineProperty(wrapped, 'url', { value: response.url });
    return wrapped;
  };
}
