import type fc from 'fast-check';
import type { ResponseCase } from '../../generators/case.ts';
import { errorResponse, invalidResponse, transportFault } from '../../generators/index.ts';
import type { RuleId } from '../../spec/index.ts';

/** Generated invalid responses that break one rule. */
export const invalidLabelled = (...labels: RuleId[]) => (): fc.Arbitrary<ResponseCase> => invalidResponse(labels);

/** Generated transport faults of the given types. */
export const faults = (...types: NonNullable<ResponseCase['fault']>['type'][]) => (): fc.Arbitrary<ResponseCase> =>
  transportFault().filter((c) => c.fault !== undefined && types.includes(c.fault.type));

/** Generated error responses, filtered. */
export const errors = (keep: (c: ResponseCase) => boolean) => (): fc.Arbitrary<ResponseCase> => errorResponse().filter(keep);
