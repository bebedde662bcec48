/**
 * Every bug, each once, whatever else is wrong: clients with two to six bugs, some of them on
 * every plain response (a list-collapsing reader, lost empty values), show exactly their bugs'
 * rules, each as one deviation with its own counterexample. The checks of their bugs' rules run at
 * their default depth, the others on fewer cases, as for the single-bug table.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { deviationsOf } from '../../run/report.ts';
import { MULTI_BUG } from './adapters.ts';
import { failures, runEveryCheck } from './table.ts';

describe('several bugs, each reported once under its own rule', () => {
  test.each(MULTI_BUG)('$name: $rules', async ({ rules, adapter }) => {
    const results = await runEveryCheck(adapter, rules);
    const deviations = deviationsOf(results);
    expect(deviations.map((d) => d.rule).sort(), failures(results)).toEqual([...rules].sort());
    for (const d of deviations) {
      expect(d.counterexample, d.rule).toBeDefined();
      expect(d.replay, d.rule).toMatch(/--check GS-[A-Z]+-\d+ --seed -?\d+ --path /);
    }
  });
});

test('docs/BROKEN-CLIENTS.md lists every client with several bugs, with its rules', () => {
  const list = readFileSync(new URL('../../docs/BROKEN-CLIENTS.md', import.meta.url), 'utf8');
  for (const { name, rules } of MULTI_BUG) expect(list).toContain(`| ${name} | ${rules.join(', ')} |`);
});
