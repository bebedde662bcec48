/** Property-based GetStatus responses: valid ones in many wire encodings, labelled invalid ones, errors and transport faults. */
import type fc from 'fast-check';
import type { CaseKind, ResponseCase } from './case.ts';
import { errorResponse } from './error-responses.ts';
import { invalidResponse } from './invalid-responses.ts';
import { transportFault } from './transport-faults.ts';
import { validCase } from './valid-cases.ts';

export type { CaseKind, Expected, ResponseCase, TransportFault } from './case.ts';
export { buildCase, caseName, referenceExpected, servedDigest, XML_HEADERS } from './case-builder.ts';
export {
  creationDate,
  creationDateText,
  timestampEncoding,
  type TimestampEncoding,
  type TimestampZone,
} from './creation-dates.ts';
export { errorBody } from './error-documents.ts';
export { errorResponse, nonXmlError, serviceError } from './error-responses.ts';
export { hostileString } from './hostile-strings.ts';
export { truncatedProbe } from './invalid-documents.ts';
export { INVALID_LABELS, invalidResponse } from './invalid-responses.ts';
export { jobId, realisticJobId } from './job-ids.ts';
export { getStatusOutput } from './outputs.ts';
export { serialize } from './serialize.ts';
export { serverErrorPage, transportFault, transportFaultOf } from './transport-faults.ts';
export { impliedRecipe, validCase, validCaseFrom, validParts, type ValidParts } from './valid-cases.ts';
export { wireEncoding, type WireEncoding } from './wire-encoding.ts';

export const CASE_KINDS: readonly CaseKind[] = ['valid', 'invalid', 'error', 'fault'];

export function caseArbitrary(kind: CaseKind): fc.Arbitrary<ResponseCase> {
  switch (kind) {
    case 'valid':
      return validCase();
    case 'invalid':
      return invalidResponse();
    case 'error':
      return errorResponse();
    case 'fault':
      return transportFault();
  }
}
export { fromRecipe, recipeOf, type Recipe, type Spelled } from './recipe.ts';
export {
  ALL_DIMENSIONS,
  departures,
  emptying,
  isPlainIn,
  isPlainText,
  makePlainIn,
  PLAIN_ENCODING,
  plainExcept,
  plainProbe,
  plainText,
} from './plain.ts';
