/**
 * The HTTP response a case is served as, transport faults included. Faults are expressed in the
 * response's body stream, so one description drives both transports:
 *
 * - loopback (loopback.ts) copies the stream onto a real socket and turns a stream error into
 *   the socket fault it names: headers and the bytes sent so far, then destroy (reset) or end
 *   (short body). What the client sees is a real truncated or reset connection.
 * - intercept (msw) hands the stream to the in-process client as it is, and differs from a socket:
 *   - reset: the client reads the first bytes, then its body read fails with the stream's error
 *     (fetch) or 'socket hang up' (node:http), not ECONNRESET.
 *   - short-body: a fetch Response built by msw does not compare the bytes it got with
 *     Content-Length, so a stream that simply ended would look complete; the stream errors
 *     instead, and the client sees a failed read rather than a premature close.
 *   - stall: a timer inside the handler or the body stream; it ends when the client aborts, the
 *     case ends or the harness closes, where a socket would simply stay silent.
 *   - gzip: msw's fetch interception decompresses by Content-Encoding like real fetch; a
 *     node:http client receives the compressed bytes, as over a socket.
 */
import { gzipSync } from 'node:zlib';
import type { ResponseCase } from '../generators/case.ts';
import { PlatformHeaders, PlatformResponse } from './platform.ts';

/** A stream error that names the socket fault the loopback server must produce. */
export class FaultSignal extends Error {
  constructor(readonly kind: 'reset' | 'short-body') {
    super(`transport fault: ${kind}`);
  }
}

/** Headers the server computes itself: a case describes a body, the framing follows from it. */
const FRAMING = new Set(['content-length', 'transfer-encoding']);

const utf8 = new TextEncoder();

function bodyBytes(body: string | Uint8Array): Uint8Array<ArrayBuffer> {
  return typeof body === 'string' ? utf8.encode(body) : new Uint8Array(body);
}

/** Resolves true after `ms`, or false as soon as `signal` aborts; the timer never outlives either. */
export function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (completed: boolean) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', aborted);
      resolve(completed);
    };
    const aborted = () => done(false);
    const timer = setTimeout(() => done(true), ms);
    signal.addEventListener('abort', aborted, { once: true });
  });
}

function streamOf(
  produce: (controller: ReadableStreamDefaultController<Uint8Array>) => Promise<void>,
  onCancel: () => void,
) {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      // Not awaited: start() must return for the consumer to begin reading.
      produce(controller).catch((error) => controller.error(error));
    },
    cancel: onCancel,
  });
}

/**
 * The response for `c`, or `Response.error()` (a network error) when the signal `stop` gives
 * aborts during a stall: the client gave up, the case ended or the harness is closing. Only a
 * stall asks for that signal.
 */
export async function caseResponse(c: ResponseCase, stop: () => AbortSignal): Promise<Response> {
  const fault = c.fault;
  let bytes = bodyBytes(c.body);
  const headers = new PlatformHeaders();
  for (const [name, value] of Object.entries(c.headers)) {
    if (!FRAMING.has(name.toLowerCase())) headers.append(name, value);
  }
  if (fault?.type === 'gzip') {
    bytes = new Uint8Array(gzipSync(bytes));
    if (fault.header) headers.set('content-encoding', 'gzip');
    else headers.delete('content-encoding');
  }
  headers.set('content-length', String(bytes.byteLength));
  const init = { status: c.status, headers };

  if (fault?.type === 'stall' && fault.where === 'headers') {
    if (!(await sleep(fault.ms, stop()))) return Response.error();
  }
  if (fault?.type === 'reset' || fault?.type === 'short-body') {
    const sent = bytes.subarray(0, fault.type === 'reset' ? fault.afterBytes : fault.sendBytes);
    // Error only on the pull after the bytes were read: erroring a stream discards what is queued.
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulls++ === 0 && sent.byteLength > 0) controller.enqueue(sent);
        else controller.error(new FaultSignal(fault.type));
      },
    });
    return new PlatformResponse(body, init);
  }
  if (fault?.type === 'stall' && fault.where === 'body') {
    const half = Math.floor(bytes.byteLength / 2);
    const signal = stop();
    const cancelled = new AbortController();
    const stopped = AbortSignal.any([signal, cancelled.signal]);
    return new PlatformResponse(
      streamOf(
        async (controller) => {
          if (half > 0) controller.enqueue(bytes.subarray(0, half));
          if (!(await sleep(fault.ms, stopped))) {
            // In-process, the client reads the abort's reason (its own AbortError); over loopback any error is a reset.
            if (!cancelled.signal.aborted) controller.error(signal.reason ?? new FaultSignal('reset'));
            return;
          }
          controller.enqueue(bytes.subarray(half));
          controller.close();
        },
        () => cancelled.abort(),
      ),
      init,
    );
  }
  return new PlatformResponse(bytes.byteLength > 0 ? oneChunk(bytes) : null, init);
}

/**
 * A body of one chunk in a default (not byte) stream. msw clones every mocked response, and on
 * Node 20 a clone of a byte stream (what `new Response(bytes)` makes) is never freed: ~8 KB a
 * case. A default stream's clone is.
 */
function oneChunk(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}
