import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ruleById, type RuleId } from '../../spec/index.ts';
import { caseFromBody } from '../cases.ts';
import type { Check } from '../check.ts';
import { judgeOutcome, judgeText } from '../judge.ts';
import { readRegression } from '../regressions.ts';
import { SEED_RESPONSE } from './conditional.ts';

export const REGRESSIONS_DIR = new URL('../../fixtures/regressions/', import.meta.url);

/** Every kept counterexample whose rule is in the catalogue, by file name. */
function regressions(): Array<{ rule: RuleId; file: string }> {
  if (!existsSync(REGRESSIONS_DIR)) return [];
  return readdirSync(REGRESSIONS_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ rule: JSON.parse(readFileSync(new URL(f, REGRESSIONS_DIR), 'utf8')).label as RuleId, file: f }))
    .filter((r) => ruleById(r.rule));
}

const documentation = () => [caseFromBody('valid', readFileSync(SEED_RESPONSE, 'utf8'))];

export function seedChecks(): Check[] {
  const byRule = new Map<RuleId, string[]>();
  for (const r of regressions()) byRule.set(r.rule, [...(byRule.get(r.rule) ?? []), r.file]);
  return [
    { id: 'GS-PARSE-001', suite: 'seed', title: 'the documentation example', fixed: documentation, judge: judgeOutcome },
    ...[...byRule].map(([rule, files]): Check => ({
      id: rule,
      suite: 'seed',
      title: `kept counterexamples (${files.length})`,
      fixed: () => files.map((f) => readRegression(fileURLToPath(new URL(f, REGRESSIONS_DIR)))),
      readsText: rule.startsWith('GS-TEXT'),
      judge: (c, result, adapter) => (adapter.textStyle && rule.startsWith('GS-TEXT') ? judgeText(c, result, adapter) : judgeOutcome(c, result, adapter)),
    })),
  ];
}
