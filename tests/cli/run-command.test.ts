/** The run command as a user meets it: exit codes, one-line usage errors, failures with a replay line that reproduces them. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readRegression } from '../../suites/regressions.ts';
import { runTool } from '../run-tool.ts';

const cli = (args: string[]) => runTool(args);

describe('getstatus-conformance run', () => {
  test('a client that drops ErrorCount 0 shows one deviation, GS-COND-008 (exit 1); the checks it also fails are explained by it; the replay line reproduces it', async () => {
    const run = await cli([
      '--adapter',
      'tests/cli/adapters/drops-zero.ts',
      '--suite',
      'parsing,conditional',
      '--reporter',
      'json',
    ]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.summary).toMatchObject({ deviations: 1, must: 1, failed: 1 });
    expect(report.summary.explained).toBeGreaterThan(0);
    const [deviation] = report.deviations;
    expect(deviation).toMatchObject({ rule: 'GS-COND-008', level: 'MUST' });
    expect(deviation.what).toMatch(/^ErrorCount: the response carries 0, but the client dropped it/);
    expect(deviation.counterexample.body).toMatch(/<ErrorCount>0<\/ErrorCount>/);
    const failing = report.checks.filter((c: { status: string }) => c.status !== 'passed');
    expect(failing.filter((c: { status: string }) => c.status === 'failed').map((c: { id: string }) => c.id)).toEqual([
      'GS-COND-008',
    ]);
    for (const check of failing.filter((c: { status: string }) => c.status === 'explained'))
      expect(check.causes).toEqual(['GS-COND-008']);
    const replay = (deviation.replay as string).replace(/^npx getstatus-conformance /, '').split(' ');
    const again = await cli(replay);
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/^1 deviation \(1 MUST\)\n {2}✗ GS-COND-008 \(MUST\) ErrorCount/m);
    expect(again.stdout).toContain('replay:');
  });

  test('a client with three independent bugs shows three deviations, one under each rule, and every other rule passes', async () => {
    const run = await cli([
      '--adapter',
      'tests/cli/adapters/three-bugs.ts',
      '--suite',
      'parsing,timestamps,conditional',
      '--reporter',
      'json',
    ]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.deviations.map((d: { rule: string }) => d.rule)).toEqual([
      'GS-PARSE-003',
      'GS-TIME-003',
      'GS-COND-008',
    ]);
    const ownFailures = report.checks
      .filter((c: { status: string }) => c.status === 'failed')
      .map((c: { id: string }) => c.id);
    expect(ownFailures.sort()).toEqual(['GS-COND-008', 'GS-PARSE-003', 'GS-TIME-003']);
    for (const check of report.checks.filter((c: { status: string }) => c.status === 'explained'))
      expect(['GS-PARSE-003', 'GS-TIME-003', 'GS-COND-008']).toEqual(expect.arrayContaining(check.causes));
  });

  test('a client that cannot be set up is never reported as passing: its checks are skipped as unavailable, with why, and the run exits 1', async () => {
    const run = await cli([
      '--adapter',
      'tests/cli/adapters/not-installed.ts',
      '--suite',
      'parsing',
      '--check',
      'GS-PARSE-001,GS-PARSE-002',
      '--reporter',
      'json',
    ]);
    expect(run.code).toBe(1);
    const { summary, checks } = JSON.parse(run.stdout);
    expect(summary).toMatchObject({ deviations: 0, passed: 0, skipped: 2 });
    for (const check of checks)
      expect(check).toMatchObject({
        status: 'skipped',
        unavailable: true,
        reason: "adapter unavailable: my-client not found: install it with 'pip install my-client'",
      });
  });

  test('a hanging client fails by timeout and the run goes on to the end', async () => {
    const run = await cli([
      '--adapter',
      'tests/cli/adapters/hangs.ts',
      '--suite',
      'parsing',
      '--check',
      'GS-PARSE-001',
      '--timeout',
      '300',
      '--reporter',
      'json',
    ]);
    expect(run.code).toBe(1);
    const [check] = JSON.parse(run.stdout).checks;
    expect(check.reason).toMatch(/never settled.*300 ms/);
  });

  test.each([
    ['an adapter with a syntax error', ['--adapter', 'tests/cli/adapters/syntax-error.ts']],
    ['an adapter without getStatus', ['--adapter', 'tests/cli/adapters/no-get-status.js']],
    ['a missing adapter file', ['--adapter', 'tests/cli/adapters/missing.ts']],
    ['a non-numeric seed', ['--seed', 'x']],
    ['an unknown flag', ['--colour']],
    ['an unknown suite', ['--suite', 'parsing,nope']],
    ['--path without one --check', ['--path', '3:1']],
    [
      '--path with two clients',
      ['--adapter', 'reference', '--adapter', 'aws-sdk-v2', '--check', 'GS-PARSE-001', '--path', '3'],
    ],
    ['--command without the command adapter', ['--adapter', 'reference', '--command', 'mycli {jobId} {endpoint}']],
  ])('%s exits 2 with one line', async (_, args) => {
    const run = await cli(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  test.each([
    ['a shard past the last', ['--shard', '4/3'], "--shard i/n runs part i of n, so i is at most n; got '4/3'"],
    ['a negative timeout', ['--timeout', '-5'], "--timeout must be ≥ 1, got '-5'"],
    ['a negative seed', ['--seed', '-1'], "--seed must be ≥ 0, got '-1'"],
    [
      'placeholders given to a persistent client',
      [
        '--adapter',
        'persistent',
        '--command',
        'python3 examples/python-boto3/get_status_client.py --endpoint {endpoint}',
      ],
      '--adapter persistent takes no placeholders such as {endpoint}: they belong to --adapter command; ',
    ],
  ])('%s is one line that says what is wrong (exit 2)', async (_, args, message) => {
    const run = await cli(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.startsWith(`getstatus-conformance: ${message}`)).toBe(true);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  test('in-process clients run in a zone of their own: a local-time reading fails GS-TIME-003 even on a UTC machine', async () => {
    const run = await cli([
      '--adapter',
      'tests/cli/adapters/local-time.ts',
      '--suite',
      'timestamps',
      '--check',
      'GS-TIME-003',
      '--reporter',
      'json',
    ]);
    expect(run.code).toBe(1);
    const [check] = JSON.parse(run.stdout).checks;
    expect(check).toMatchObject({ id: 'GS-TIME-003', status: 'failed' });
    expect(check.reason).toMatch(/^CreationDate: expected .*, got /);
  });

  test('two clients in one run: one report each on the same seed, a matrix, and the worst exit code', async () => {
    const args = [
      '--adapter',
      'reference',
      '--adapter',
      'tests/cli/adapters/drops-zero.ts',
      '--suite',
      'conditional',
      '--check',
      'GS-COND-003,GS-COND-008',
    ];
    const json = await cli([...args, '--reporter', 'json']);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report.clients.map((c: { adapter: string; seed: number }) => [c.adapter, c.seed])).toEqual([
      ['reference', report.seed],
      ['drops-zero', report.seed],
    ]);
    const cond008 = report.clients.map(
      (c: { checks: Array<{ id: string; status: string }> }) => c.checks.find((k) => k.id === 'GS-COND-008')?.status,
    );
    expect(cond008).toEqual(['passed', 'failed']);
    const pretty = await cli(args);
    expect(pretty.stdout).toMatch(/Matrix .*\n\s+reference\s+drops-zero\n/);
    expect(pretty.stdout).toMatch(/conditional GS-COND-008\s+✓\s+✗/);
  });

  test('--save-counterexamples keeps the failing response, and the kept files read back as the case that failed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kept-'));
    try {
      const run = await cli([
        '--adapter',
        'tests/cli/adapters/drops-zero.ts',
        '--suite',
        'conditional',
        '--check',
        'GS-COND-008',
        '--reporter',
        'json',
        '--save-counterexamples',
        dir,
      ]);
      const [check] = JSON.parse(run.stdout).checks;
      expect(check.saved).toMatch(/drops-zero-conditional-GS-COND-008\.json$/);
      const kept = readRegression(join(dir, 'drops-zero-conditional-GS-COND-008.json'));
      expect(kept).toMatchObject({ label: 'GS-COND-008', expected: { outcome: 'output', output: { ErrorCount: 0 } } });
      expect(readFileSync(join(dir, 'drops-zero-conditional-GS-COND-008.xml'), 'utf8')).toBe(check.counterexample.body);
      // Written with --out elsewhere, the report names the kept file from its own folder.
      const out = join(dir, 'reports', 'report.json');
      mkdirSync(join(dir, 'reports'));
      await cli([
        '--adapter',
        'tests/cli/adapters/drops-zero.ts',
        '--suite',
        'conditional',
        '--check',
        'GS-COND-008',
        '--reporter',
        'json',
        '--save-counterexamples',
        dir,
        '--out',
        out,
      ]);
      const [written] = JSON.parse(readFileSync(out, 'utf8')).checks;
      expect(written.saved).toBe('../drops-zero-conditional-GS-COND-008.json');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the same seed gives a byte-identical JSON report', async () => {
    const args = ['--suite', 'timestamps,requests', '--seed', '7', '--runs', '30', '--reporter', 'json'];
    const [first, second] = await Promise.all([cli(args), cli(args)]);
    expect(first.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
  });
});
