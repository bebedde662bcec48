/**
 * How an error response departs from the plain ErrorResponse (GS-ERR-001's 'error-shape'):
 * parts left out, elements the model does not name, an unusual status, codes that are not
 * identifiers. Real services send each of these; a client must still report the code.
 */
import fc from 'fast-check';
import type { ErrorSpec } from '../spec/index.ts';

export interface ErrorShape {
  /** RequestId after Error; false: left out. */
  requestId: boolean;
  /** A Message element; false: none at all (the reference reads the message as ''). */
  message: boolean;
  /** `<Detail/>` and `<Extra>x</Extra>` inside Error, before or after Code. */
  extra: 'none' | 'before-code' | 'after-code';
  /** The status, when not the error's usual one. */
  status?: 402;
}

export const PLAIN_ERROR_SHAPE: ErrorShape = { requestId: true, message: true, extra: 'none' };

export const isPlainShape = (shape: ErrorShape) =>
  shape.requestId && shape.message && shape.extra === 'none' && shape.status === undefined;

/** Unmodelled codes that are not identifiers: a client reading the code as a word loses part of it. */
export const ODD_CODE_ERRORS: readonly ErrorSpec[] = [
  { code: 'Throttling.RateExceeded', status: 400, modelled: false, doc: 'Rate exceeded.' },
  { code: 'Request-Limit-Exceeded', status: 400, modelled: false, doc: 'The request limit has been exceeded.' },
];

export const isOddCode = (error: ErrorSpec) => ODD_CODE_ERRORS.some((e) => e.code === error.code);

export function errorShape(): fc.Arbitrary<ErrorShape> {
  const mostly = <T>(usual: T, other: T) =>
    fc.oneof({ weight: 3, arbitrary: fc.constant(usual) }, { weight: 1, arbitrary: fc.constant(other) });
  return fc.record({
    requestId: mostly(true, false),
    message: mostly(true, false),
    extra: fc.constantFrom('none' as const, 'before-code' as const, 'after-code' as const),
    status: mostly<402 | undefined>(undefined, 402),
  });
}
