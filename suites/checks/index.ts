import type { Check, SuiteName } from '../check.ts';
import { CONDITIONAL } from './conditional.ts';
import { ERRORS } from './errors.ts';
import { withKept } from './kept.ts';
import { PARSING } from './parsing.ts';
import { AUTHENTICATION, REQUESTS } from './requests.ts';
import { ROBUSTNESS } from './robustness.ts';
import { TEXT } from './text.ts';
import { TIMESTAMPS } from './timestamps.ts';

/** Every check, by suite: what the vitest suite files run, and what tests can run directly. */
export function checksBySuite(): Record<SuiteName, Check[]> {
  return {
    parsing: withKept(PARSING),
    timestamps: withKept(TIMESTAMPS),
    conditional: withKept(CONDITIONAL),
    text: withKept(TEXT),
    errors: withKept(ERRORS),
    requests: withKept(REQUESTS),
    robustness: withKept(ROBUSTNESS),
    authentication: withKept(AUTHENTICATION),
  };
}
