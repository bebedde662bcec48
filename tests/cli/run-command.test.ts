/** The run command as a user meets it: exit codes, one-line usage errors, failures with a replay line that reproduces them. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';

const exec = promisify(execFile);
const BIN = new URL('../../cli/bin.js', import.meta.url).pathname;
const ROOT = new URL('../..', import.meta.url).pathname;

async function cli(args: string[]) {
  try {
    const { stdout, stderr } = await exec('node', [BIN, ...args], { cwd: ROOT, timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('getstatus-conformance run', () => {
  test('a client that drops ErrorCount 0 fails GS-COND-005 (exit 1) and its replay line reproduces the failure', async () => {
    const run = await cli(['--adapter', 'tests/cli/adapters/drops-zero.ts', '--suite', 'conditional', '--reporter', 'json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    const failed = report.checks.find((c: { id: string; status: string }) => c.id === 'GS-COND-005');
    expect(failed.status).toBe('failed');
    expect(failed.reason).toContain('ErrorCount');
    expect(failed.counterexample.body).toContain('<ErrorCount>0</ErrorCount>');
    const replay = (failed.replay as string).replace(/^npx getstatus-conformance /, '').split(' ');
    const again = await cli(replay);
    expect(again.code).toBe(1);
    expect(again.stdout).toContain('✗ GS-COND-005');
    expect(again.stdout).toContain('replay:');
  });

  test('a hanging client fails by timeout and the run goes on to the end', async () => {
    const run = await cli(['--adapter', 'tests/cli/adapters/hangs.ts', '--suite', 'seed', '--timeout', '300', '--reporter', 'json']);
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
  ])('%s exits 2 with one line', async (_, args) => {
    const run = await cli(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  test('the same seed gives a byte-identical JSON report', async () => {
    const args = ['--suite', 'timestamps,requests', '--seed', '7', '--runs', '30', '--reporter', 'json'];
    const [first, second] = await Promise.all([cli(args), cli(args)]);
    expect(first.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
  });
});
