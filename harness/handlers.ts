/**
 * The msw handler that plays the service at one endpoint. Both transports answer through it:
 * msw calls it for intercepted requests, the loopback server through `getResponse`.
 *
 * Recorded headers differ by transport: over loopback they are what arrived on the socket
 * (Host, Content-Length, Connection included); intercepted fetch requests carry only the headers
 * the client set, since fetch adds the rest below the level msw sees.
 */
import { http, type HttpHandler } from 'msw';
import type { ResponseCase } from '../generators/case.ts';
import { checkRequest, headerRecord, serviceErrorBody, type RecordedRequest, type ServiceError } from './request-check.ts';
import { interceptedFetchSignal } from './abortable-fetch.ts';
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

export function serviceErrorResponse(error: ServiceError): Response {
  return new Response(serviceErrorBody(error), { status: error.status, headers: { 'content-type': 'text/xml' } });
}

/**
 * Answers every method and path under `origin`: a wrong method or path is the client's
 * mistake to record, not a reason to let the request through.
 */
export function endpointHandler(origin: string, serving: () => Serving | undefined): HttpHandler {
  return http.all(`${origin}/*`, async ({ request }) => {
    const current = serving();
    // Nothing served here (between cases): the same as a closed port.
    if (!current) return Response.error();
    const url = new URL(request.url);
    const body = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
    const { recorded, error } = checkRequest(
      // fetch puts Host on the wire itself; an intercepted request has none, so it is taken from the URL.
      { method: request.method, path: url.pathname + url.search, headers: { host: url.host, ...headerRecord(request.headers) }, body },
      { ...current.case.request, anyJobId: current.anyJobId },
    );
    current.record(recorded, { status: error?.status ?? current.case.status, ...(error && { error }) });
    if (error) return serviceErrorResponse(error);
    try {
      // Intercepted, the client's abort reaches the handler only through the fetch wrapper.
      const fetchSignal = interceptedFetchSignal();
      return await caseResponse(current.case, AbortSignal.any([request.signal, current.signal, ...(fetchSignal ? [fetchSignal] : [])]));
    } catch (failure) {
      current.serveFailed(`cannot serve case '${current.case.name}': ${(failure as Error).message}`);
      return Response.error();
    }
  });
}
