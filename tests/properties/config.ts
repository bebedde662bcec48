/**
 * How property tests draw their cases. `npm test` runs every property on one fixed seed, so the
 * same tree gives the same verdict; `npm run test:explore` (tests/properties/explore.ts) draws
 * random seeds at ten times the runs and records each counterexample it finds.
 */
export const EXPLORING = process.env.PROPERTY_EXPLORE === '1';
/** Where an exploring run appends what it finds, one JSON line per failed property. */
export const FINDINGS_FILE = process.env.PROPERTY_FINDINGS;
export const FIXED_SEED = 20261207;

/** A property's runs: as given in `npm test`, ten times as many when exploring. */
export const runs = (numRuns: number) => ({ numRuns: EXPLORING ? numRuns * 10 : numRuns });

/** One counterexample an exploring run found. */
export interface Finding {
  test: string;
  file: string;
  seed: number;
  path: string;
  counterexample: string;
  /** The first line of the property's failure. */
  error: string;
}
