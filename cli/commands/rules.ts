import { RULES } from '../../spec/index.ts';
import { EXIT, type Command } from '../command.ts';
import { explainRule, ruleNamed } from './rule-explanation.ts';

const catalogue = () =>
  RULES.map(
    (rule) =>
      `${rule.id}  ${rule.level.padEnd(6)} [${rule.subject}] ${rule.statement}\n    source: ${rule.source}\n${'why' in rule ? `    why: ${rule.why}\n` : ''}`,
  ).join('');

/** `rules [ID...]`, and `explain ID...`, which needs an id. */
function rulesCommand(name: 'rules' | 'explain'): Command {
  return {
    name,
    allowPositionals: true,
    help:
      name === 'rules'
        ? `Usage: getstatus-conformance rules [ID...] [--json]

Prints every rule: id, MUST/SHOULD, whom it binds, the statement and its source.
Given ids (e.g. GS-COND-006), prints those rules in full, as 'explain' does.
  --json   the catalogue (or the rules named) as JSON`
        : `Usage: getstatus-conformance explain ID... [--json]

Prints a rule in full: its statement, level, why, source, what its check generates, the
dimensions it varies (docs/SPEC.md), an example response, and a line that runs its check.
  --json   the rule as the catalogue has it, as JSON`,
    options: { json: { type: 'boolean' } },
    async run(values, ids) {
      if (name === 'explain' && ids.length === 0) ids = [''];
      const rules = ids.map(ruleNamed);
      if (values.json) process.stdout.write(`${JSON.stringify(ids.length > 0 ? rules : RULES, null, 2)}\n`);
      else process.stdout.write(ids.length > 0 ? rules.map(explainRule).join('\n') : catalogue());
      return EXIT.ok;
    },
  };
}

export const rules = rulesCommand('rules');
export const explain = rulesCommand('explain');
