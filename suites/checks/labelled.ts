import type fc from 'fast-check';
import type { ResponseCase } from '../../generators/case.ts';
import { transportFault } from '../../generators/index.ts';

/** Generated transport faults of the given types, around plain valid responses. */
export const faults = (...types: NonNullable<ResponseCase['fault']>['type'][]) => (): fc.Arbitrary<ResponseCase> =>
  transportFault([]).filter((c) => c.fault !== undefined && types.includes(c.fault.type));
