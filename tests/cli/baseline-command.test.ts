/**
 * A client with known deviations in its CI, through the command line: green with its baseline,
 * red on a new deviation, "fixed" when one disappears, and the file rewritten from a run.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, describe, expect, test } from 'vitest';
import { runTool } from '../run-tool.ts';

const scratch = mkdtempSync(join(tmpdir(), 'baseline-command-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The three rules the my-client releases differ on, and only those: each run stays short. */
const CHECKS = ['--check', 'GS-PARSE-003,GS-TIME-003,GS-COND-008', '--runs', '20'];
const release = (name: 'two-known' | 'regressed' | 'one-fixed') => [
  '--adapter',
  `tests/cli/adapters/my-client/${name}.ts`,
  ...CHECKS,
];

/** The team's baseline: the release's two deviations, each with the reason the team gave. */
const BASELINE = {
  known: [
    {
      rule: 'GS-TIME-003',
      client: 'my-client',
      reason: 'reads a zone-less CreationDate in local time',
      link: 'https://example.org/my-client/issues/4',
    },
    { rule: 'GS-COND-008', client: 'my-client', reason: 'drops ErrorCount 0' },
  ],
};
const baselineFile = (name: string, value: unknown = BASELINE) => {
  const file = join(scratch, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
};

describe.concurrent('--baseline', () => {
  test('the release the baseline lists goes green, strict too: both deviations known, none new, none fixed', async () => {
    const run = await runTool([
      ...release('two-known'),
      '--baseline',
      baselineFile('green.json'),
      '--strict-baseline',
      '--reporter',
      'json',
    ]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.summary).toMatchObject({ deviations: 2, must: 2 });
    expect(report.baseline).toEqual({
      strict: true,
      known: [
        {
          rule: 'GS-TIME-003',
          level: 'MUST',
          reason: 'reads a zone-less CreationDate in local time',
          link: 'https://example.org/my-client/issues/4',
        },
        { rule: 'GS-COND-008', level: 'MUST', reason: 'drops ErrorCount 0' },
      ],
      new: [],
      fixed: [],
    });
  });

  test('a new deviation turns it red, and the report names it new apart from the known ones', async () => {
    const run = await runTool([...release('regressed'), '--baseline', baselineFile('red.json')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^3 deviations \(3 MUST\): 2 known, 1 new, 0 fixed\n {2}✗ GS-PARSE-003 \(MUST\) new: /m);
    expect(run.stdout).toMatch(
      /^ {2}~ GS-TIME-003 \(MUST\) known: .*\n {6}baseline: reads a zone-less CreationDate in local time \(https:\/\/example\.org\/my-client\/issues\/4\)$/m,
    );
    expect(run.stdout).toMatch(/^ {2}~ GS-COND-008 \(MUST\) known: /m);
  });

  test('a deviation that disappears is reported fixed; the run stays green', async () => {
    const run = await runTool([
      ...release('one-fixed'),
      '--baseline',
      baselineFile('fixed.json'),
      '--reporter',
      'markdown',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      '## Fixed (in the baseline, no longer found)\n\nTake it out of the baseline.\n\n| rule | was accepted because |\n|---|---|\n| GS-COND-008 | drops ErrorCount 0 |',
    );
    expect(run.stdout).toMatch(/## Known deviations \(baseline\)\n\n.*\n.*\n\| GS-TIME-003 \| MUST \|/);
  });

  test('with --strict-baseline the fixed entry fails the run, as a JUnit failure of its own', async () => {
    const run = await runTool([
      ...release('one-fixed'),
      '--baseline',
      baselineFile('strict.json'),
      '--strict-baseline',
      '--reporter',
      'junit',
    ]);
    expect(run.code).toBe(1);
    const xml = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@',
      isArray: (name) => name === 'testsuite' || name === 'testcase',
    }).parse(run.stdout);
    const cases = xml.testsuites.testsuite.flatMap((s: { testcase: unknown[] }) => s.testcase) as Array<{
      '@name': string;
      failure?: { '@message': string };
      skipped?: { '@message': string };
    }>;
    expect(cases.filter((c) => c.failure).map((c) => c['@name'])).toEqual(['GS-COND-008 fixed']);
    expect(cases.find((c) => c['@name'].startsWith('GS-TIME-003 '))?.skipped?.['@message']).toMatch(
      /^known deviation \(baseline\): reads a zone-less/,
    );
  });

  test.each([
    [
      'a missing file',
      () => [join(scratch, 'none.json')],
      /--baseline: no such file '.*none\.json'; write one with --update-baseline/,
    ],
    ['a file that is not JSON', () => [baselineFile('broken.json', '{"known": [')], /is not valid JSON/],
    [
      'an entry without a reason',
      () => [baselineFile('no-reason.json', { known: [{ rule: 'GS-COND-008', client: 'my-client' }] })],
      /entry 1 \(GS-COND-008\) needs a non-empty "reason"/,
    ],
    [
      'an unknown rule',
      () => [baselineFile('bad-rule.json', { known: [{ rule: 'GS-COND-999', client: 'my-client', reason: 'r' }] })],
      /not a rule id/,
    ],
  ])('%s: one line, exit 2, nothing run', async (_, file, message) => {
    const run = await runTool([...release('two-known'), '--baseline', ...file()]);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/^getstatus-conformance: [^\n]+\n$/);
  });

  test.each([
    ['--strict-baseline alone', ['--strict-baseline'], /--strict-baseline needs --baseline FILE/],
    ['--baseline with --update-baseline', ['--baseline', 'a.json', '--update-baseline', 'b.json'], /not both/],
  ])('%s: one line, exit 2', async (_, args, message) => {
    const run = await runTool([...release('two-known'), ...args]);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toMatch(message);
  });
});

describe.concurrent('--update-baseline', () => {
  test('written from a run: one line per deviation, and the run it came from is green against it', async () => {
    const file = join(scratch, 'written.json');
    const written = await runTool([...release('two-known'), '--update-baseline', file]);
    expect(written.code).toBe(0);
    expect(written.stderr).toContain(`wrote ${file}: 2 known deviations (2 added, 0 removed)`);
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines.filter((l) => l.includes('"rule"')).map((l) => JSON.parse(l.replace(/,$/, '')))).toEqual([
      { rule: 'GS-TIME-003', client: 'my-client', reason: expect.stringMatching(/^CreationDate: expected /) },
      {
        rule: 'GS-COND-008',
        client: 'my-client',
        reason: 'ErrorCount: the response carries 0, but the client dropped it',
      },
    ]);
  });

  test('rewritten after a fix: the fixed entry goes, the reasons and links the team wrote stay, other clients keep theirs', async () => {
    const other = { rule: 'GS-PARSE-012', client: 'other-client', reason: 'namespaces' };
    const file = baselineFile('rewritten.json', { known: [...BASELINE.known, other] });
    const run = await runTool([...release('one-fixed'), '--update-baseline', file]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('1 removed');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ known: [BASELINE.known[0], other] });
  });
});
