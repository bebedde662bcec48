/**
 * What each part of a case costs the harness, measured alone on the bench's own requests: the
 * parts a case still pays (timers, the client's signal, the request record, the async context,
 * msw's getResponse) and those it no longer pays because most cases never needed them.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';
import { getResponse, http, RequestHandler } from 'msw';
import { getStatusForm } from '../adapters/reference.ts';
import type { ResponseCase } from '../generators/index.ts';
import { PredicateHandler } from '../harness/handlers.ts';
import { checkRequest, headerRecord } from '../harness/request-check.ts';

export interface Part {
  part: string;
  /** µs a case. */
  us: number;
  kept: boolean;
}

const ORIGIN = 'http://127.0.0.1:20000';
const HEADERS = {
  'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
  'x-amz-date': '20261201T000000Z',
  authorization: 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261201/us-east-1/IngestionService/aws4_request',
};
const REASON = new DOMException('case ended', 'AbortError');

/** µs a case: the best of three passes, since a few µs measured alone move with every collection. */
async function perCase(cases: ResponseCase[], work: (c: ResponseCase) => unknown): Promise<number> {
  for (const c of cases.slice(0, 500)) await work(c);
  let best = Infinity;
  for (let pass = 0; pass < 3; pass++) {
    const start = performance.now();
    for (const c of cases) await work(c);
    best = Math.min(best, ((performance.now() - start) / cases.length) * 1000);
  }
  return best;
}

const requestFor = (c: ResponseCase) =>
  new Request(`${ORIGIN}/`, { method: 'POST', headers: HEADERS, body: getStatusForm(c.request) });

export async function harnessParts(cases: ResponseCase[]): Promise<Part[]> {
  const scope = new AsyncLocalStorage<number>();
  const bare = new PredicateHandler(
    'bench',
    () => true,
    () => new Response(null),
  );
  // msw's own run of a handler matched the same way: what PredicateHandler's run leaves out.
  const mswRun = new (class extends RequestHandler {
    constructor() {
      super({ info: { header: 'bench' }, resolver: () => new Response(null) });
    }
    predicate = () => true;
    log() {}
  })();
  const patterned = http.all(`${ORIGIN}/*`, () => new Response(null));
  const noop = () => {};
  // Every part that reads a request is measured with it, then the Request's own cost is taken off.
  const making = await perCase(cases, requestFor);
  const withRequest = async (work: (request: Request, c: ResponseCase) => unknown) =>
    (await perCase(cases, (c) => work(requestFor(c), c))) - making;
  // The body as the client gave it: in-process, the handler no longer reads it back from its stream.
  const record = (request: Request, c: ResponseCase) => {
    const url = new URL(request.url);
    return checkRequest(
      {
        method: request.method,
        path: url.pathname,
        headers: { host: url.host, ...headerRecord(request.headers) },
        body: getStatusForm(c.request),
      },
      c.request,
    );
  };
  return [
    {
      part: 'timers: the case timeout set and cleared, start and end read',
      us: await perCase(cases, () => {
        clearTimeout(setTimeout(noop, 10_000));
        return performance.now() + performance.now();
      }),
      kept: true,
    },
    {
      part: "abort signal: the client's, made and aborted at the end",
      us: await perCase(cases, () => new AbortController().abort(REASON)),
      kept: true,
    },
    {
      part: 'request record: URL, headers, body as sent and the service checks',
      us: await withRequest(record),
      kept: true,
    },
    {
      part: 'the body read back from the Request (now only when not sent as text)',
      us: await withRequest((request) => request.text()),
      kept: false,
    },
    {
      part: 'async context: the case scope around the client',
      us: await perCase(cases, () => scope.run(1, () => Promise.resolve())),
      kept: true,
    },
    { part: 'a Request for msw to answer (context.fetch builds one)', us: making, kept: true },
    {
      part: 'msw getResponse: one handler matched by predicate, answering in its run',
      us: await withRequest((request) => getResponse([bare], request)),
      kept: true,
    },
    {
      part: 'a second abort signal, for the end of the case (now only for stalls)',
      us: await perCase(cases, () => new AbortController().abort(REASON)),
      kept: false,
    },
    {
      part: 'the stall signals joined with AbortSignal.any (now only for stalls)',
      us: await perCase(cases, () => AbortSignal.any([new AbortController().signal, new AbortController().signal])),
      kept: false,
    },
    {
      part: "msw's own handler run: the request cloned (a body tee), the resolver wrapped, a finalize AbortController made and aborted",
      us:
        (await withRequest((request) => getResponse([mswRun], request))) -
        (await withRequest((request) => getResponse([bare], request))),
      kept: false,
    },
    {
      part: "msw's path pattern and cookie store, per http handler tried (one predicate handler now)",
      us:
        (await withRequest((request) => getResponse([patterned], request))) -
        (await withRequest((request) => getResponse([mswRun], request))),
      kept: false,
    },
  ];
}
