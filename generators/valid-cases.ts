/** Valid responses: a valid output written in some wire encoding, served with an XML content type. */
import fc from 'fast-check';
import type { DimensionId, GetStatusOutput } from '../spec/index.ts';
import type { ResponseCase } from './case.ts';
import { buildCase } from './case-builder.ts';
import { realisticJobId } from './job-ids.ts';
import { getStatusOutput } from './outputs.ts';
import { ALL_DIMENSIONS, PLAIN_ENCODING, plainExcept } from './plain.ts';
import { fromRecipe, type Recipe } from './recipe.ts';
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
  essence?: boolean;
}

/**
 * The ingredients of a valid response; invalid cases and faults start from them too. `vary`
 * names the dimensions left as generated (every one by default); the others are made plain.
 */
export function validParts(vary: readonly DimensionId[] = ALL_DIMENSIONS): fc.Arbitrary<ValidParts> {
  return fc
    .record({
      output: getStatusOutput(),
      encoding: wireEncoding(),
      jobId: realisticJobId(),
      contentType: fc.constantFrom(...XML_CONTENT_TYPES),
    })
    .map((parts) => {
      const plain = vary.length === ALL_DIMENSIONS.length ? parts : plainExcept(parts, vary);
      return { ...plain, jobId: plain.output.JobId ?? parts.jobId };
    });
}

/** The valid response the parts spell. */
export function validCaseFrom(parts: ValidParts): ResponseCase {
  return buildCase({
    kind: 'valid',
    request: { jobId: parts.jobId },
    status: 200,
    headers: { 'Content-Type': parts.contentType },
    body: serialize(parts.output, parts.encoding),
  });
}

export interface ValidCaseOptions {
  vary?: readonly DimensionId[];
  /** Changes the parts after they are drawn (the check's own subject: a forced timestamp form, emptied values...). */
  reshape?: fc.Arbitrary<(parts: ValidParts) => ValidParts>;
}

export function validCase(options: ValidCaseOptions = {}): fc.Arbitrary<ResponseCase> {
  const parts = validParts(options.vary);
  const shaped = options.reshape ? fc.tuple(parts, options.reshape).map(([p, f]) => f(p)) : parts;
  return shaped.map((p) => fromRecipe(p, validCaseFrom));
}

/**
 * A recipe for a valid case made without one (a fixed example, a kept counterexample): its
 * output in the plain encoding. Only the output's dimensions can then be made plain.
 */
export function impliedRecipe(c: ResponseCase): Recipe | undefined {
  if (c.expected.outcome !== 'output' || c.status !== 200 || c.fault) return undefined;
  const parts: ValidParts = {
    output: c.expected.output,
    encoding: PLAIN_ENCODING,
    jobId: c.request.jobId,
    contentType: 'text/xml',
  };
  return { parts, build: validCaseFrom } as unknown as Recipe;
}
