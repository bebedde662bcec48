/** Valid responses: a valid output written in some wire encoding, served with an XML content type. */
import fc from 'fast-check';
import type { GetStatusOutput } from '../spec/index.ts';
import type { ResponseCase } from './case.ts';
import { buildCase } from './case-builder.ts';
import { realisticJobId } from './job-ids.ts';
import { getStatusOutput } from './outputs.ts';
import { serialize } from './serialize.ts';
import { wireEncoding, type WireEncoding } from './wire-encoding.ts';

/** Content types the service may send for XML (GS-PARSE-019 accepts any of them). */
export const XML_CONTENT_TYPES = ['text/xml', 'text/xml;charset=UTF-8', 'application/xml'] as const;

export interface ValidParts {
  output: GetStatusOutput;
  encoding: WireEncoding;
  /** The id the client asks for: the output's JobId when it has one. */
  jobId: string;
  contentType: string;
}

/** The ingredients of a valid response; invalid cases and faults start from them too. */
export function validParts(): fc.Arbitrary<ValidParts> {
  return fc
    .record({ output: getStatusOutput(), encoding: wireEncoding(), jobId: realisticJobId(), contentType: fc.constantFrom(...XML_CONTENT_TYPES) })
    .map((parts) => ({ ...parts, jobId: parts.output.JobId ?? parts.jobId }));
}

export function validCase(): fc.Arbitrary<ResponseCase> {
  return validParts().map(({ output, encoding, jobId, contentType }) =>
    buildCase({ kind: 'valid', request: { jobId }, status: 200, headers: { 'Content-Type': contentType }, body: serialize(output, encoding) }),
  );
}
