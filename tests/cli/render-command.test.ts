/** `getstatus-conformance render|rules|--help` run as a user runs them: a child process, checked by exit code, stdout and stderr. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runTool } from '../run-tool.ts';
import { RULE_IDS } from '../../spec/index.ts';

const SEED = join(ROOT, 'fixtures/seed');

const cli = (...args: string[]) => runTool(args, { timeoutMs: 30_000 });

const scratch = mkdtempSync(join(tmpdir(), 'render-command-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const seedRuns = (['v1', 'v2'] as const).flatMap((style) =>
  (['json', 'text'] as const).map((format) => ({ style, format })),
);

describe.concurrent('render', () => {
  it.each(seedRuns)(
    'the seed with --format $format --style $style prints the seed fixture of that style and format',
    async ({ style, format }) => {
      const run = await cli('render', join(SEED, 'response.xml'), '--format', format, '--style', style);
      expect(run).toEqual({
        code: 0,
        stdout: readFileSync(join(SEED, `expected.${style}.${format}`), 'utf8'),
        stderr: '',
      });
    },
  );

  it('an error response prints {error: {...}} as JSON and exits 1', async () => {
    const file = join(scratch, 'invalid-job.json');
    const body =
      '<ErrorResponse><Error><Type>Sender</Type><Code>InvalidJobIdException</Code><Message>No such job EX1ID</Message></Error><RequestId>r-1</RequestId></ErrorResponse>';
    writeFileSync(file, JSON.stringify({ status: 400, body }));
    const run = await cli('render', file);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      error: { kind: 'service', status: 400, code: 'InvalidJobIdException', message: 'No such job EX1ID' },
    });
  });

  const usage = [
    { case: 'a missing file', args: ['render', join(scratch, 'no-such-file.xml')] },
    { case: 'an unknown flag', args: ['render', join(SEED, 'response.xml'), '--bogus'] },
    { case: '--format xml', args: ['render', join(SEED, 'response.xml'), '--format', 'xml'] },
    { case: 'two FILE arguments', args: ['render', join(SEED, 'response.xml'), join(SEED, 'response.xml')] },
  ];
  it.each(usage)('$case: exit 2, one line on stderr, nothing on stdout', async ({ args }) => {
    const run = await cli(...args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^[^\n]+\n$/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

describe.concurrent('rules and help', () => {
  it('rules prints every rule id', async () => {
    const run = await cli('rules');
    expect(run.code).toBe(0);
    const printed = run.stdout
      .split('\n')
      .map((line) => /^(GS-[A-Z]+-\d{3})\s/.exec(line)?.[1])
      .filter(Boolean);
    expect(printed).toEqual([...RULE_IDS]);
  });

  it.each([{ args: ['--help'] }, { args: ['render', '--help'] }])(
    '$args exits 0 with usage on stdout',
    async ({ args }) => {
      const run = await cli(...args);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/Usage: getstatus-conformance/);
      expect(run.stderr).toBe('');
    },
  );
});
