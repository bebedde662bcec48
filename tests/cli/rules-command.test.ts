/** Reading one rule from the command line: `rules GS-X` and `explain GS-X`, and `--version`. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DIMENSIONS, ruleById } from '../../spec/index.ts';
import { ROOT, runTool } from '../run-tool.ts';

describe('one rule in full', () => {
  test('rules GS-X and explain GS-X print the statement, level, why, source, the check and its dimensions', async () => {
    const [rules, explain] = await Promise.all([
      runTool(['rules', 'GS-TIME-001']),
      runTool(['explain', 'gs-time-001']),
    ]);
    expect(rules.code).toBe(0);
    expect(explain.stdout).toBe(rules.stdout);
    const rule = ruleById('GS-TIME-001')!;
    const out = rules.stdout;
    expect(out.split('\n')[0]).toBe('GS-TIME-001 (MUST, binds the client)');
    for (const text of [rule.statement, `source: ${rule.source}`, rule.example!.body.trimEnd()])
      expect(out).toContain(text);
    if (rule.why) expect(out).toContain(`why: ${rule.why}`);
    expect(out).toMatch(/^check: timestamps suite, ".+": \d+ generated cases per property/m);
    const owned = DIMENSIONS.filter((d) => d.owner === 'GS-TIME-001');
    expect(owned.length).toBeGreaterThan(0);
    for (const d of owned) expect(out).toContain(`  ${d.id}: ${d.varies}; plain: ${d.plain}`);
    // The catalogue without an id is unchanged: every rule, one entry each.
    const all = await runTool(['rules']);
    expect(all.stdout.match(/^GS-[A-Z]+-\d{3} /gm)?.length).toBeGreaterThan(40);
  });

  test('a check with a fixed example gets a replay line for it, and the line runs', async () => {
    const explain = await runTool(['explain', 'GS-TEXT-006']);
    const line = /^replay its fixed example: (npx getstatus-conformance .*)$/m.exec(explain.stdout)?.[1];
    expect(line).toMatch(/ --path fixed:0$/);
    const replay = await runTool(
      line!
        .replace(/^npx getstatus-conformance /, '')
        .split(' ')
        .concat('--reporter', 'json'),
    );
    expect(replay.code).toBe(0);
    expect(JSON.parse(replay.stdout).checks).toMatchObject([{ id: 'GS-TEXT-006', status: 'passed', cases: 1 }]);
  });

  test('a rule no client check runs says so', async () => {
    const explain = await runTool(['explain', 'GS-COND-001']);
    expect(explain.stdout).toMatch(/^check: none runs a client; it binds the service/m);
  });

  test.each([
    [
      'a misspelt id',
      ['explain', 'GS-COND-06'],
      /^getstatus-conformance: no rule 'GS-COND-06'; did you mean GS-COND-006\? /,
    ],
    [
      'an id far from any',
      ['rules', 'nothing'],
      /^getstatus-conformance: no rule 'nothing' \('getstatus-conformance rules' lists them\)$/,
    ],
    ['explain without an id', ['explain'], /^getstatus-conformance: give a rule id, e\.g\. /],
  ])('%s is one line, exit 2', async (_, args, message) => {
    const run = await runTool(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim()).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

test('--version and -v print the package version', async () => {
  const { version } = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8'));
  for (const flag of ['--version', '-v']) {
    const run = await runTool([flag]);
    expect(run).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  }
});
