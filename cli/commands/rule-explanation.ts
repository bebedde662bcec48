/** One rule read in full, as `rules GS-X` and `explain GS-X` print it: what it asks, why, and how it is checked. */
import type { Check } from '../../suites/check.ts';
import { DEFAULT_RUNS } from '../../suites/config.ts';
import { checksBySuite } from '../../suites/checks/index.ts';
import { DIMENSIONS, RULE_IDS, RULES, type Dimension, type Rule } from '../../spec/index.ts';
import { UsageError } from '../command.ts';

const editDistance = (a: string, b: string): number => {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row.push(Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    previous = row;
  }
  return previous[b.length];
};

/** The catalogue's rule for an id as typed (any case), or a usage error naming the closest ids. */
export function ruleNamed(typed: string): Rule {
  if (typed === '')
    throw new UsageError("give a rule id, e.g. 'explain GS-COND-006' ('getstatus-conformance rules' lists them)");
  const rule = RULES.find((r) => r.id === typed.toUpperCase());
  if (rule) return rule;
  const close = RULE_IDS.map((id) => ({ id, distance: editDistance(typed.toUpperCase(), id) }))
    .filter((c, _, all) => c.distance <= 3 && c.distance === Math.min(...all.map((o) => o.distance)))
    .slice(0, 3)
    .map((c) => c.id);
  throw new UsageError(
    `no rule '${typed}'${close.length > 0 ? `; did you mean ${close.join(', ')}?` : ''} ('getstatus-conformance rules' lists them)`,
  );
}

const dimensionLine = (d: Dimension, textOnly: boolean) =>
  `  ${d.id}${textOnly ? ' (in --output text)' : ''}: ${d.varies}; plain: ${d.plain}`;

/** The check of the rule, how many cases it runs, and a line that runs it on the reference client. */
function checkLines(rule: Rule, check: Check | undefined): string[] {
  if (!check) return [`check: none runs a client; ${rule.unchecked}`];
  const fixed = check.fixed?.().length ?? 0;
  const cases = [
    ...(check.cases ? [`${check.runs ?? DEFAULT_RUNS} generated cases per property (--runs changes it)`] : []),
    ...(fixed > 0 ? [`${fixed} fixed case${fixed === 1 ? '' : 's'} first`] : []),
  ];
  const run = `npx getstatus-conformance run --suite ${check.suite} --check ${rule.id}`;
  return [
    `check: ${check.suite} suite, "${check.title}": ${cases.join(', ')}`,
    fixed > 0 ? `replay its fixed example: ${run} --path fixed:0` : `run it alone: ${run}`,
    '  (add --adapter yours; without it, the reference client)',
  ];
}

export function explainRule(rule: Rule): string {
  const all = DIMENSIONS as readonly Dimension[];
  const owned = all.filter((d) => d.owner === rule.id).map((d) => dimensionLine(d, false));
  const textOwned = all
    .filter(
      (d) =>
        d.textOwner === rule.id ||
        (d.textOwner === 'timestamp-layout' && (rule.id === 'GS-TIME-006' || rule.id === 'GS-TIME-007')),
    )
    .map((d) => dimensionLine(d, true));
  const dimensions = [...owned, ...textOwned];
  const check = Object.values(checksBySuite())
    .flat()
    .find((c) => c.id === rule.id);
  const lines = [
    `${rule.id} (${rule.level}, binds the ${rule.subject})`,
    '',
    rule.statement,
    '',
    ...(rule.why ? [`why: ${rule.why}`] : []),
    `source: ${rule.source}`,
    '',
    ...checkLines(rule, check),
    '',
    ...(dimensions.length > 0
      ? [
          "dimensions: what its check varies (other checks keep them plain; a failure that needs one is this rule's)",
          ...dimensions,
        ]
      : [
          check
            ? "dimensions: none owned; a failure of its check is its own when it needs none of other rules' dimensions (docs/SPEC.md)"
            : 'dimensions: none',
        ]),
    ...(rule.example
      ? [
          '',
          `example response${rule.example.status ? ` (HTTP ${rule.example.status})` : ''}:`,
          rule.example.body.trimEnd(),
        ]
      : []),
  ];
  return `${lines.join('\n')}\n`;
}
