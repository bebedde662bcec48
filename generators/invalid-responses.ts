/** Every invalid response, labelled with the rule it breaks; the validator finds exactly that rule in it. */
import fc from 'fast-check';
import type { DimensionId, RuleId } from '../spec/index.ts';
import type { ResponseCase } from './case.ts';
import { ENTITY_CASES } from './entities.ts';
import { DOCUMENT_CASES } from './invalid-documents.ts';
import { VALUE_CASES } from './invalid-values.ts';
import { validParts, type ValidParts } from './valid-cases.ts';

const BY_LABEL: Record<string, (from: fc.Arbitrary<ValidParts>) => fc.Arbitrary<ResponseCase>> = {
  ...DOCUMENT_CASES,
  ...VALUE_CASES,
  ...ENTITY_CASES,
};

/** The labels `invalidResponse()` produces. */
export const INVALID_LABELS = Object.keys(BY_LABEL) as RuleId[];

/**
 * Invalid responses, each label equally likely; `labels` narrows them (faster than filtering).
 * Each starts from a valid response that is plain but in the dimensions `vary` names.
 */
export function invalidResponse(
  labels: readonly RuleId[] = INVALID_LABELS,
  vary: readonly DimensionId[] = [],
): fc.Arbitrary<ResponseCase> {
  const unknown = labels.filter((l) => !(l in BY_LABEL));
  if (unknown.length > 0 || labels.length === 0)
    throw new Error(
      `no invalid responses for ${unknown.join(', ') || 'an empty label list'}; labels: ${INVALID_LABELS.join(', ')}`,
    );
  const from = validParts(vary);
  return fc.oneof(...labels.map((label) => BY_LABEL[label](from)));
}
