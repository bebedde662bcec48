/**
 * A real HTTP server on 127.0.0.1 that answers through the same msw handlers as interception
 * (`getResponse`), then plays the response's faults on the socket itself.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { getResponse, type RequestHandler } from 'msw';
import { FaultSignal } from './responses.ts';

export interface LoopbackServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  close(): Promise<void>;
}

const BODYLESS = new Set(['GET', 'HEAD']);

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function toRequest(req: IncomingMessage, body: Buffer, origin: string, signal: AbortSignal): Request {
  // Always the server's own origin: handlers match on it, whatever Host or absolute-form URL the client sent.
  const url = new URL(req.url ?? '/', origin);
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
  const method = req.method ?? 'GET';
  return new Request(`${origin}${url.pathname}${url.search}`, {
    method,
    headers,
    signal,
    ...(!BODYLESS.has(method) && { body: new Uint8Array(body) }),
  });
}

/** Resolves once everything written so far has left for the kernel, so a destroy cannot drop it. */
const flushed = (socket: Socket) => new Promise<void>((resolve) => socket.write(Buffer.alloc(0), () => resolve()));

function write(res: ServerResponse, chunk: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    res.write(chunk, (error) => (error ? reject(error) : resolve()));
  });
}

async function writeResponse(res: ServerResponse, response: Response | undefined): Promise<void> {
  const socket = res.socket;
  if (!response || response.type === 'error' || !socket) {
    socket?.destroy();
    return;
  }
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    res.setHeader(name, value);
  });
  res.flushHeaders();
  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  const cancel = () => void reader.cancel().catch(() => {});
  res.once('close', cancel);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      await write(res, value);
    }
    res.end();
  } catch (error) {
    if (socket.destroyed) return;
    await flushed(socket);
    // A short body ends the connection cleanly (FIN) with bytes missing; anything else is a reset.
    if (error instanceof FaultSignal && error.kind === 'short-body') socket.end();
    else socket.destroy();
  } finally {
    res.off('close', cancel);
  }
}

/**
 * Listen on 127.0.0.1 (`port` 0: a free port). `handlersFor` receives the server's origin,
 * which is only known once it listens.
 */
export async function startLoopbackServer(
  handlersFor: (origin: string) => RequestHandler[],
  port = 0,
): Promise<LoopbackServer> {
  let handlers: RequestHandler[] = [];
  let origin = '';
  const server = createServer((req, res) => {
    const gone = new AbortController();
    res.once('close', () => gone.abort());
    (async () => {
      const body = await readBody(req);
      let request: Request;
      try {
        request = toRequest(req, body, origin, gone.signal);
      } catch {
        // A method fetch cannot express (CONNECT, TRACE): no GetStatus client sends one.
        res.writeHead(405).end();
        return;
      }
      await writeResponse(res, await getResponse(handlers, request));
    })().catch(() => res.socket?.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${actual}`;
  handlers = handlersFor(origin);
  return {
    origin,
    port: actual,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive and stalled connections would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}
