import type fc from 'fast-check';
import type { ResponseCase } from '../../generators/case.ts';
import { transportFaultOf } from '../../generators/index.ts';

/** Generated transport faults of the given types, around plain valid responses; stalls of at least `minStallMs`. */
export const faults =
  (types: NonNullable<ResponseCase['fault']>['type'][], minStallMs?: number) => (): fc.Arbitrary<ResponseCase> =>
    transportFaultOf(types, minStallMs === undefined ? {} : { minStallMs });
