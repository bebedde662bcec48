/**
 * Error responses: each error the spec lists, as a query-protocol ErrorResponse at its HTTP
 * status (GS-ERR-001, GS-ERR-002), and 4xx/5xx answers whose body is no ErrorResponse (GS-ERR-003).
 */
import fc from 'fast-check';
import type { DimensionId } from '../spec/index.ts';
import type { ResponseCase } from './case.ts';
import { buildCase } from './case-builder.ts';
import { errorBody, errorStatus, writeErrorBody } from './error-documents.ts';
import { realisticJobId } from './job-ids.ts';
import { ALL_DIMENSIONS } from './plain.ts';
import { fromRecipe } from './recipe.ts';

/** Query-protocol errors (GS-ERR-001, GS-ERR-002), plain but in the dimensions `vary` names. */
export function serviceError(vary: readonly DimensionId[] = ALL_DIMENSIONS): fc.Arbitrary<ResponseCase> {
  return fc.tuple(errorBody(vary), realisticJobId()).map(([parts, jobId]) =>
    fromRecipe(parts, (body) =>
      buildCase({
        kind: 'error',
        request: { jobId },
        status: errorStatus(body),
        headers: { 'Content-Type': 'text/xml' },
        body: writeErrorBody(body),
        // The older <Response><Errors> form need only fail the call (GS-ERR-003).
        label: body.format === 'legacy' ? 'GS-ERR-003' : body.error.modelled ? 'GS-ERR-002' : 'GS-ERR-001',
      }),
    ),
  );
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** A body a proxy or load balancer sends: plain text, HTML, JSON or nothing. */
export function nonXmlError(): fc.Arbitrary<ResponseCase> {
  return fc
    .tuple(
      fc.constantFrom(...Object.keys(REASONS).map(Number)),
      fc.constantFrom('empty', 'text', 'html', 'json'),
      realisticJobId(),
    )
    .map(([status, form, jobId]) => {
      const reason = REASONS[status];
      const [type, body] = {
        empty: [undefined, ''],
        text: ['text/plain', `${status} ${reason}\n`],
        html: [
          'text/html',
          `<html><head><title>${status} ${reason}</title></head><body><h1>${reason}</h1></body></html>\n`,
        ],
        json: ['application/json', `{"message":"${reason}"}`],
      }[form] as [string | undefined, string];
      return buildCase({
        kind: 'error',
        request: { jobId },
        status,
        headers: type ? { 'Content-Type': type } : {},
        body,
        label: 'GS-ERR-003',
      });
    });
}

export function errorResponse(): fc.Arbitrary<ResponseCase> {
  return fc.oneof({ weight: 4, arbitrary: serviceError() }, { weight: 1, arbitrary: nonXmlError() });
}
