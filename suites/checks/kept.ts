/** Counterexamples kept in fixtures/regressions/ (see suites/regressions.ts): each check replays its own before its property. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ResponseCase } from '../../generators/case.ts';
import type { RuleId } from '../../spec/index.ts';
import type { Check } from '../check.ts';
import { readRegression } from '../regressions.ts';

export const REGRESSIONS_DIR = new URL('../../fixtures/regressions/', import.meta.url);

/** Kept files by rule, in file-name order. */
function keptFiles(): Map<RuleId, string[]> {
  const byRule = new Map<RuleId, string[]>();
  if (!existsSync(REGRESSIONS_DIR)) return byRule;
  for (const file of readdirSync(REGRESSIONS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const rule = JSON.parse(readFileSync(new URL(file, REGRESSIONS_DIR), 'utf8')).label as RuleId;
    byRule.set(rule, [...(byRule.get(rule) ?? []), file]);
  }
  return byRule;
}

/** The checks, each with its rule's kept counterexamples after its own fixed cases. */
export function withKept(checks: Check[]): Check[] {
  const kept = keptFiles();
  return checks.map((check) => {
    const files = kept.get(check.id);
    if (!files) return check;
    const own = check.fixed;
    const read = (): ResponseCase[] => files.map((f) => readRegression(fileURLToPath(new URL(f, REGRESSIONS_DIR))));
    return { ...check, fixed: () => [...(own?.() ?? []), ...read()] };
  });
}
