/**
 * The msw handlers that play the service. Every path answers through them: msw calls them for
 * intercepted requests, `context.fetch` and the loopback server through `getResponse`.
 *
 * Recorded headers differ by transport: over loopback they are what arrived on the socket
 * (Host, Content-Length, Connection included); in-process requests carry only the headers the
 * client set, since fetch adds the rest below the level msw sees.
 */
import { http, RequestHandler } from 'msw';
import type { ResponseCase } from '../generators/case.ts';
import {
  checkRequest,
  formParams,
  headerRecord,
  serviceErrorBody,
  type RecordedRequest,
  type ServiceError,
} from './request-check.ts';
import { boundCase } from './case-fetch.ts';
import { currentScope, interceptedFetch } from './case-scope.ts';
import { PlatformResponse } from './platform.ts';
import { caseResponse } from './responses.ts';

/** What an endpoint is serving right now. */
export interface Serving {
  case: ResponseCase;
  /** Accept any JobId (and any APIVersion): for serving a documentation example by hand. */
  anyJobId?: boolean;
  /** Aborted when the case ends; ends any stall. */
  signal: AbortSignal;
  record(request: RecordedRequest, answer: { status: number; error?: ServiceError }): void;
  /** The harness could not build the case's response (a case the HTTP layer cannot express). */
  serveFailed(reason: string): void;
}

/**
 * What a request is served: the case at its endpoint, `undefined` at an endpoint between cases,
 * `null` when the request is not for these endpoints at all.
 */
export type ServingLookup = (request: Request) => Serving | undefined | null;

export function serviceErrorResponse(error: ServiceError): Response {
  return new PlatformResponse(serviceErrorBody(error), {
    status: error.status,
    headers: { 'content-type': 'text/xml' },
  });
}

/** `http://host:port` of an absolute URL as `Request.url` spells it. */
export function originOf(url: string): string {
  const path = url.indexOf('/', url.indexOf('//') + 2);
  return path < 0 ? url : url.slice(0, path);
}

type Execution = Awaited<ReturnType<RequestHandler['run']>>;

/**
 * An msw request handler matched by a predicate alone, for requests msw's `http` handlers would
 * cost too much to match: they compile a path pattern and read the cookie store for every
 * request they see. It answers in `run` itself: msw's own `run` clones the request (a body tee)
 * for its logging, wraps the resolver for generator resolvers, and makes and aborts an
 * AbortController for `finalize` cleanups; a case uses none of these, and together they cost
 * more than the rest of getResponse.
 */
export class PredicateHandler extends RequestHandler {
  readonly #matches: (request: Request) => boolean;
  readonly #resolve: (request: Request) => Response | Promise<Response>;

  constructor(
    header: string,
    matches: (request: Request) => boolean,
    resolve: (request: Request) => Response | Promise<Response>,
  ) {
    super({ info: { header }, resolver: ({ request }) => resolve(request) });
    this.#matches = matches;
    this.#resolve = resolve;
  }

  predicate({ request }: { request: Request }): boolean {
    return this.#matches(request);
  }

  override async run({ request, requestId }: { request: Request; requestId: string }): Promise<Execution> {
    if (!this.#matches(request)) return null;
    const response = await this.#resolve(request);
    return { handler: this, request, requestId, response, parsedResult: {} };
  }

  log(): void {}
}

/**
 * Answers every method and path at the endpoints `lookup` knows: a wrong method or path is the
 * client's mistake to record, not a reason to let the request through.
 */
export function endpointsHandler(lookup: ServingLookup): RequestHandler {
  return new PredicateHandler(
    'GetStatus endpoints',
    (request) => lookup(request) !== null,
    async (request) => {
      const current = lookup(request);
      // Nothing served here (between cases): the same as a closed port.
      if (!current) return Response.error();
      // Read before any await, while the async context is the intercepted fetch's.
      const sent = boundCase(request) ?? interceptedFetch();
      const fetchSignal = sent?.signal;
      const url = new URL(request.url);
      // A text body is known already: reading its stream back would only cost.
      const body = request.method === 'GET' || request.method === 'HEAD' ? '' : (sent?.body ?? (await request.text()));
      const { recorded, error } = checkRequest(
        // fetch puts Host on the wire itself; an in-process request has none, so it is taken from the URL.
        {
          method: request.method,
          path: url.pathname + url.search,
          headers: { host: url.host, ...headerRecord(request.headers) },
          body,
        },
        { ...current.case.request, anyJobId: current.anyJobId },
      );
      current.record(recorded, { status: error?.status ?? current.case.status, ...(error && { error }) });
      if (error) return serviceErrorResponse(error);
      try {
        // Only a stall waits on these; joining them costs more than serving most cases.
        const stop = () => AbortSignal.any([request.signal, current.signal, ...(fetchSignal ? [fetchSignal] : [])]);
        return await caseResponse(current.case, stop);
      } catch (failure) {
        current.serveFailed(`cannot serve case '${current.case.name}': ${(failure as Error).message}`);
        return Response.error();
      }
    },
  );
}

/** Answers every method and path under `origin` with what `serving` gives. */
export function endpointHandler(origin: string, serving: (request: Request) => Serving | undefined): RequestHandler {
  return endpointsHandler((request) => (originOf(request.url) === origin ? serving(request) : null));
}

/**
 * Last in line: a request to anywhere else fails as a network error and is recorded on the case
 * that sent it (through its `context.fetch`, or the async context it runs in).
 */
export const strayHandler = http.all('*', async ({ request }) => {
  const bound = boundCase(request);
  const scope = bound?.run ?? currentScope();
  if (scope) {
    const body = request.method === 'GET' || request.method === 'HEAD' ? '' : (bound?.body ?? (await request.text()));
    scope.stray({
      method: request.method,
      path: request.url,
      headers: headerRecord(request.headers),
      body,
      params: formParams(body),
      problems: [
        {
          rule: 'GS-REQ-006',
          about: 'endpoint',
          text: `not sent to the case's endpoint: ${new URL(request.url).origin}`,
        },
      ],
    });
  }
  return Response.error();
});
