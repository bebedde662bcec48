/**
 * `--merge-reports` labels the merged report from what the shards recorded (client, name, seed,
 * runs), and refuses shards of different runs, or flags that contradict them, rather than mislabel.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT, type Run } from '../run-tool.ts';

const scratch = mkdtempSync(join(tmpdir(), 'merge-shards-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const tool = (args: string[], cwd: string) =>
  new Promise<Run>((resolve) => {
    execFile(
      process.execPath,
      [join(ROOT, 'cli/bin.js'), ...args],
      { cwd, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
      },
    );
  });

const ADAPTER = join(ROOT, 'tests/cli/adapters/drops-zero.ts');
const SHARD = [
  '--suite',
  'parsing,conditional',
  '--check',
  'GS-PARSE-002,GS-COND-008',
  '--runs',
  '5',
  '--reporter',
  'json',
  '--quiet',
];
const one = join(scratch, 'one-run');
const mixed = join(scratch, 'mixed');

beforeAll(async () => {
  mkdirSync(one);
  mkdirSync(mixed);
  const shards = await Promise.all([1, 2].map((i) => tool(['--adapter', ADAPTER, ...SHARD, '--shard', `${i}/2`], one)));
  for (const shard of shards) expect(shard.stderr).toBe('');
  // Shard 2 of the same client on another seed, beside shard 1 of the first run.
  const other = await tool(['--adapter', ADAPTER, ...SHARD, '--seed', '7', '--shard', '2/2'], mixed);
  expect(other.stderr).toBe('');
  cpSync(join(one, '.vitest-reports/blob-1-2.json'), join(mixed, '.vitest-reports/blob-1-2.json'));
  writeFileSync(
    join(one, 'known.json'),
    JSON.stringify({ known: [{ rule: 'GS-COND-008', client: 'drops-zero', reason: 'drops ErrorCount 0' }] }),
  );
}, 150_000);

describe('--merge-reports', () => {
  test('without flags, the report takes the client, seed and runs from the shards, so the baseline knows its deviation', async () => {
    const merged = await tool(
      ['--merge-reports', '.vitest-reports', '--baseline', 'known.json', '--reporter', 'json'],
      one,
    );
    expect(merged.code, merged.stderr).toBe(0);
    const report = JSON.parse(merged.stdout);
    expect(report).toMatchObject({ adapter: 'drops-zero', seed: 42, runs: 5 });
    expect(report.checks.map((c: { id: string }) => c.id).sort()).toEqual(['GS-COND-008', 'GS-PARSE-002']);
    expect(report.baseline).toMatchObject({ known: [{ rule: 'GS-COND-008' }], new: [], fixed: [] });
  });

  test("with the shards' own flags (a module's path spelt another way included), the merge goes ahead", async () => {
    const respelt = join(ROOT, 'tests/cli/../cli/adapters/drops-zero.ts');
    const merged = await tool(
      [
        '--merge-reports',
        '.vitest-reports',
        '--adapter',
        respelt,
        '--name',
        'drops-zero',
        '--seed',
        '42',
        '--runs',
        '5',
        '--reporter',
        'json',
      ],
      one,
    );
    expect(merged.code, merged.stderr).toBe(1);
    expect(JSON.parse(merged.stdout)).toMatchObject({ adapter: 'drops-zero', deviations: [{ rule: 'GS-COND-008' }] });
  });

  test.each([
    ['another client', ['--adapter', 'reference'], `--adapter ${ADAPTER}, not reference`],
    ['another name', ['--name', 'my-client'], '--name drops-zero, not my-client'],
    ['another seed', ['--seed', '1'], '--seed 42, not 1'],
    ['another depth', ['--runs', '20'], '--runs 5, not 20'],
  ])('%s than the shards ran is refused in one line (exit 2)', async (_, flags, wrong) => {
    const merged = await tool(['--merge-reports', '.vitest-reports', ...flags], one);
    expect(merged.code).toBe(2);
    expect(merged.stdout).toBe('');
    expect(merged.stderr).toBe(
      `getstatus-conformance: --merge-reports: the shards ran ${wrong} as given; give the shards' own flags, or leave them out to take them from the shards\n`,
    );
  });

  test('shards of two runs are refused in one line that says what each ran (exit 2)', async () => {
    const merged = await tool(['--merge-reports', '.vitest-reports'], mixed);
    expect(merged.code).toBe(2);
    expect(merged.stdout).toBe('');
    expect(merged.stderr.trim().split('\n')).toHaveLength(1);
    expect(merged.stderr).toMatch(
      /^getstatus-conformance: --merge-reports: the blobs are of different runs \(.*--seed 42 --runs 5; .*--seed 7 --runs 5\); merge the shards of one run\n$/,
    );
  });
});
