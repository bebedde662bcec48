/**
 * `context.fetch`: a standard fetch bound to one case, answered by the harness's msw handlers
 * through msw's `getResponse`. Nothing global is patched and no interceptor runs, which is what
 * makes it cheaper than an intercepted global fetch; what the client sees is the same:
 *
 * - the call rejects with the signal's reason on abort, and a stalled body errors with it;
 * - a network error (a stray request, nothing served, a stall ended) rejects as msw's intercepted
 *   fetch does, with TypeError('Failed to fetch');
 * - a body is decoded by its Content-Encoding, as fetch does.
 *
 * The client's signal is not put on the Request: a Request that follows a signal costs more than
 * the rest of the call. The handler finds it, and the case, through `boundCase`.
 */
import { Readable } from 'node:stream';
import { createBrotliDecompress } from 'node:zlib';
import { getResponse, type RequestHandler } from 'msw';
import { untilAborted } from './abortable-fetch.ts';
import type { CaseScope } from './case-scope.ts';
import type { Serving } from './handlers.ts';
import { PlatformRequest, PlatformResponse } from './platform.ts';
import { readsBackAsIs } from './request-check.ts';

export interface CaseBinding {
  run: Serving & CaseScope;
  /** `http://127.0.0.1:<port>`: the only origin the case serves. */
  origin: string;
  /** The signal the client gave this call, if any. */
  signal?: AbortSignal;
  /** The body as the handler would read it back, when the client gave it as text. */
  body?: string;
}

const bindings = new WeakMap<Request, CaseBinding>();

/** The case a request was sent for through its `context.fetch`; undefined for any other request. */
export const boundCase = (request: Request): CaseBinding | undefined => bindings.get(request);

const networkError = (cause?: unknown) => Object.assign(new TypeError('Failed to fetch'), { cause });

export function caseFetch(run: Serving & CaseScope, origin: string, handlers: RequestHandler[]): typeof fetch {
  return async function fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    signal?.throwIfAborted();
    // The case is over: its endpoint is gone, as a closed port is.
    if (!run.open) throw networkError();
    const text = typeof init?.body === 'string' && readsBackAsIs(init.body) ? init.body : undefined;
    const request =
      textOnly(input, init, text) ?? new PlatformRequest(input, init?.signal ? { ...init, signal: null } : init);
    bindings.set(request, { run, origin, ...(signal && { signal }), ...(text !== undefined && { body: text }) });
    const answer = getResponse(handlers, request);
    const response = signal ? await untilAborted(answer, signal) : await answer;
    if (!response || response.type === 'error') throw networkError(response);
    return decoded(response, request.url);
  };
}

/**
 * A Request for a text body, without the body: the handlers take the text from the binding, and a
 * body stream is most of what building a Request costs. It carries the Content-Type a string body
 * gives a Request that has none. Undefined where the platform's Request must judge the call itself:
 * a Request as input, or a method that cannot have a body.
 */
function textOnly(
  input: RequestInfo | URL,
  init: RequestInit | undefined,
  text: string | undefined,
): Request | undefined {
  if (text === undefined || input instanceof Request) return undefined;
  const method = init?.method?.toUpperCase();
  if (method === undefined || method === 'GET' || method === 'HEAD') return undefined;
  const request = new PlatformRequest(input, { ...init, body: null, signal: null });
  if (!request.headers.has('content-type')) request.headers.set('content-type', 'text/plain;charset=UTF-8');
  return request;
}

type Decoder = ReadableWritablePair<Uint8Array, Uint8Array>;
// Its writable takes any BufferSource, which includes the Uint8Array chunks of a body.
const decompression = (format: 'gzip' | 'deflate') => new DecompressionStream(format) as unknown as Decoder;

/** Decoders for the codings fetch undoes, last applied first; null when fetch would leave the body as it is. */
function decoders(contentEncoding: string): Decoder[] | null {
  const codings = contentEncoding
    .toLowerCase()
    .split(',')
    .map((coding) => coding.trim())
    .filter(Boolean);
  const streams: Decoder[] = [];
  for (const coding of codings.reverse()) {
    if (coding === 'gzip' || coding === 'x-gzip') streams.push(decompression('gzip'));
    else if (coding === 'deflate') streams.push(decompression('deflate'));
    else if (coding === 'br') streams.push(brotli());
    else return null;
  }
  return streams.length > 0 ? streams : null;
}

function brotli(): Decoder {
  const decompress = createBrotliDecompress();
  const writable = new WritableStream<Uint8Array>({
    write: (chunk) =>
      new Promise((resolve, reject) => decompress.write(chunk, (error) => (error ? reject(error) : resolve()))),
    close: () => void decompress.end(),
    abort: (reason) => void decompress.destroy(reason instanceof Error ? reason : undefined),
  });
  return { writable, readable: Readable.toWeb(decompress) as ReadableStream<Uint8Array> };
}

/** The response as fetch hands it over: its body decoded, its `url` the request's. */
function decoded(response: Response, url: string): Response {
  const encoding = response.headers.get('content-encoding');
  const chain = encoding && response.body ? decoders(encoding) : null;
  let result = response;
  if (chain) {
    const body = chain.reduce(
      (readable, transform) => readable.pipeThrough(transform),
      response.body as ReadableStream<Uint8Array>,
    );
    result = new PlatformResponse(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  }
  Object.defineProperty(result, 'url', { value: url });
  return result;
}
