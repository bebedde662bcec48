import { RULES } from '../../spec/index.ts';
import { EXIT, type Command } from '../command.ts';

export const rules: Command = {
  name: 'rules',
  help: `Usage: getstatus-conformance rules [--json]

Prints every rule: id, MUST/SHOULD, whom it binds, the statement and its source.
  --json   the catalogue as JSON`,
  options: { json: { type: 'boolean' } },
  async run(values) {
    if (values.json) {
      process.stdout.write(`${JSON.stringify(RULES, null, 2)}\n`);
      return EXIT.ok;
    }
    for (const rule of RULES) {
      process.stdout.write(`${rule.id}  ${rule.level.padEnd(6)} [${rule.subject}] ${rule.statement}\n    source: ${rule.source}\n`);
      if ('why' in rule) process.stdout.write(`    why: ${rule.why}\n`);
    }
    return EXIT.ok;
  },
};
