import { readFileSync, writeFileSync } from 'node:fs';
import { specDocument } from '../../spec/document.ts';
import { EXIT, type Command } from '../command.ts';

export const SPEC_PATH = new URL('../../docs/SPEC.md', import.meta.url);

export const docs: Command = {
  name: 'docs',
  help: `Usage: getstatus-conformance docs [--check]

Writes docs/SPEC.md from spec/rules.ts.
  --check   write nothing; exit 1 when the committed docs/SPEC.md differs from the catalogue`,
  options: { check: { type: 'boolean' } },
  async run(values) {
    const fresh = specDocument();
    if (values.check) {
      const current = readFileSync(SPEC_PATH, 'utf8');
      if (current === fresh) return EXIT.ok;
      process.stderr.write('docs/SPEC.md is stale: run npm run docs\n');
      return EXIT.failed;
    }
    writeFileSync(SPEC_PATH, fresh);
    return EXIT.ok;
  },
};
