/** Query-protocol error bodies: `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`. */
import fc from 'fast-check';
import { ERRORS, type DimensionId, type ErrorSpec } from '../spec/index.ts';
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
  InvalidAccessKeyIdException: () => "The AWS Access Key Id you provided does not match the manifest's accessKeyId value.",
  InvalidVersionException: () => 'The client tool version is invalid.',
  ServiceUnavailable: () => 'Service is unavailable, try again later.',
  Throttling: () => 'Rate exceeded',
  InternalFailure: () => 'The request processing has failed because of an unknown error, exception or failure.',
  SignatureDoesNotMatch: () => 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.',
  MissingParameter: () => 'The request must contain the parameter JobId',
};

export interface ErrorBody {
  error: ErrorSpec;
  message: string;
  requestId: string;
  /** 'query': ErrorResponse/Error + RequestId; 'legacy': Response/Errors/Error + RequestID (older query services). */
  format: 'query' | 'legacy';
  encoding: WireEncoding;
}

/** Error bodies, plain but in the dimensions `vary` names (every one by default). */
export function errorBody(vary: readonly DimensionId[] = ALL_DIMENSIONS): fc.Arbitrary<ErrorBody> {
  return fc
    .record({
      error: fc.constantFrom(...ERRORS),
      jobId: realisticJobId(),
      hostile: fc.oneof({ withCrossShrink: true }, fc.constant(undefined), hostileString()),
      requestId: fakerArbitrary((f) => f.string.uuid()),
      format: fc.oneof({ weight: 4, arbitrary: fc.constant('query' as const) }, { weight: 1, arbitrary: fc.constant('legacy' as const) }),
      encoding: wireEncoding(),
    })
    .map(({ error, jobId, hostile, requestId, format, encoding }) =>
      plainExcept<ErrorBody>({ error, message: hostile ?? MESSAGES[error.code]?.(jobId) ?? error.doc, requestId, format, encoding }, vary),
    );
}

export function writeErrorBody(e: ErrorBody): string {
  const error: XmlNode = {
    name: 'Error',
    children: [leaf('Type', e.error.status >= 500 ? 'Receiver' : 'Sender', e.encoding), leaf('Code', e.error.code, e.encoding), leaf('Message', e.message, e.encoding)],
  };
  const root: XmlNode =
    e.format === 'query'
      ? { name: 'ErrorResponse', children: [error, { name: 'RequestId', text: e.requestId }] }
      : { name: 'Response', children: [{ name: 'Errors', children: [error] }, { name: 'RequestID', text: e.requestId }] };
  return writeTree(root, { ...e.encoding, requestId: undefined });
}

/** Just the body of an error response (served with 200, it is an invalid GetStatus response). */
export function errorDocument(): fc.Arbitrary<string> {
  return errorBody().map(writeErrorBody);
}
