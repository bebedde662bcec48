import { SUITES, type Check, type CheckSpec, type SuiteName } from '../check.ts';
import { CONDITIONAL } from './conditional.ts';
import { ERRORS } from './errors.ts';
import { withKept } from './kept.ts';
import { PARSING } from './parsing.ts';
import { AUTHENTICATION, REQUESTS } from './requests.ts';
import { ROBUSTNESS } from './robustness.ts';
import { TEXT } from './text.ts';
import { TIMESTAMPS } from './timestamps.ts';

/** Each suite's checks: the one place a check gets its suite. */
const SUITE_CHECKS: Record<SuiteName, CheckSpec[]> = {
  parsing: PARSING,
  timestamps: TIMESTAMPS,
  conditional: CONDITIONAL,
  text: TEXT,
  errors: ERRORS,
  requests: REQUESTS,
  robustness: ROBUSTNESS,
  authentication: AUTHENTICATION,
};

/** A suite's checks, each with its rule's kept counterexamples: what its vitest file (suites/NAME.test.ts) runs. */
export function checksOf(suite: SuiteName): Check[] {
  return withKept(SUITE_CHECKS[suite].map((check) => ({ ...check, suite })));
}

/** Every check, by suite, in suite order. */
export function checksBySuite(): Record<SuiteName, Check[]> {
  return Object.fromEntries(SUITES.map((suite) => [suite, checksOf(suite)])) as Record<SuiteName, Check[]>;
}
