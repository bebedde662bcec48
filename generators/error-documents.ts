/** Query-protocol error bodies: `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`. */
import fc from 'fast-check';
import { ERRORS, type DimensionId, type ErrorSpec } from '../spec/index.ts';
import { errorShape, ODD_CODE_ERRORS, type ErrorShape } from './error-shapes.ts';
import { hostileString } from './hostile-strings.ts';
import { realisticJobId } from './job-ids.ts';
import { fakerArbitrary } from './seeded-faker.ts';
import { ALL_DIMENSIONS, plainExcept } from './plain.ts';
import { leaf, writeTree, type XmlNode } from './serialize.ts';
import { wireEncoding, type WireEncoding } from './wire-encoding.ts';

/** Messages in the service's style; codes not listed fall back to the model's description. */
const MESSAGES: Record<string, (jobId: string) => string> = {
  InvalidJobIdException: (id) => `No such job ${id} for your account`,
  ExpiredJobIdException: (id) => `Job ${id} has expired and is no longer available.`,
  CanceledJobIdException: (id) => `The specified job ID ${id} has been canceled and is no longer valid.`,
  InvalidAccessKeyIdException: () =>
    "The AWS Access Key Id you provided does not match the manifest's accessKeyId value.",
  InvalidVersionException: () => 'The client tool version is invalid.',
  ServiceUnavailable: () => 'Service is unavailable, try again later.',
  Throttling: () => 'Rate exceeded',
  InternalFailure: () => 'The request processing has failed because of an unknown error, exception or failure.',
  SignatureDoesNotMatch: () =>
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.',
  MissingParameter: () => 'The request must contain the parameter JobId',
};

export interface ErrorBody {
  error: ErrorSpec;
  message: string;
  requestId: string;
  /** 'query': ErrorResponse/Error + RequestId; 'legacy': Response/Errors/Error + RequestID (older query services). */
  format: 'query' | 'legacy';
  shape: ErrorShape;
  encoding: WireEncoding;
}

/** The status the error is served with. */
export const errorStatus = (e: Pick<ErrorBody, 'error' | 'shape'>) => e.shape.status ?? e.error.status;

/** Error bodies, plain but in the dimensions `vary` names (every one by default). */
export function errorBody(vary: readonly DimensionId[] = ALL_DIMENSIONS): fc.Arbitrary<ErrorBody> {
  return fc
    .record({
      error: fc.oneof(
        { weight: ERRORS.length, arbitrary: fc.constantFrom(...ERRORS) },
        { weight: 1, arbitrary: fc.constantFrom(...ODD_CODE_ERRORS) },
      ),
      jobId: realisticJobId(),
      hostile: fc.oneof({ withCrossShrink: true }, fc.constant(undefined), hostileString()),
      requestId: fakerArbitrary((f) => f.string.uuid()),
      format: fc.oneof(
        { weight: 4, arbitrary: fc.constant('query' as const) },
        { weight: 1, arbitrary: fc.constant('legacy' as const) },
      ),
      shape: errorShape(),
      encoding: wireEncoding(),
    })
    .map(({ error, jobId, hostile, requestId, format, shape, encoding }) =>
      plainExcept<ErrorBody>(
        { error, message: hostile ?? MESSAGES[error.code]?.(jobId) ?? error.doc, requestId, format, shape, encoding },
        vary,
      ),
    );
}

/** Elements a newer service may add inside Error. */
const EXTRA: XmlNode[] = [
  { name: 'Detail', text: '' },
  { name: 'Extra', text: 'x' },
];

export function writeErrorBody(e: ErrorBody): string {
  const { shape } = e;
  const code = leaf('Code', e.error.code, e.encoding);
  const error: XmlNode = {
    name: 'Error',
    children: [
      leaf('Type', errorStatus(e) >= 500 ? 'Receiver' : 'Sender', e.encoding),
      ...(shape.extra === 'before-code' ? [...EXTRA, code] : shape.extra === 'after-code' ? [code, ...EXTRA] : [code]),
      ...(shape.message ? [leaf('Message', e.message, e.encoding)] : []),
    ],
  };
  const requestId = (name: string): XmlNode[] => (shape.requestId ? [{ name, text: e.requestId }] : []);
  const root: XmlNode =
    e.format === 'query'
      ? { name: 'ErrorResponse', children: [error, ...requestId('RequestId')] }
      : { name: 'Response', children: [{ name: 'Errors', children: [error] }, ...requestId('RequestID')] };
  return writeTree(root, { ...e.encoding, requestId: undefined });
}

/** Just the body of an error response (served with 200, it is an invalid GetStatus response). */
export function errorDocument(): fc.Arbitrary<string> {
  return errorBody().map(writeErrorBody);
}
