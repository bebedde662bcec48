/** `--name`: a client's label wherever the run files it (report, baseline, kept counterexamples, matrix, replay line); one label per client. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runTool } from '../run-tool.ts';

const scratch = mkdtempSync(join(tmpdir(), 'name-option-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('--name', () => {
  test('labels a process client in the report, the baseline it writes, its kept counterexamples and its replay line', async () => {
    const client = [
      '--adapter',
      'persistent',
      '--command',
      'node examples/node-aws-sdk-v2/get-status-client.mjs',
      '--name',
      'sdk-js',
    ];
    const baseline = join(scratch, 'known.json');
    const kept = join(scratch, 'kept');
    const run = await runTool([
      ...client,
      '--suite',
      'parsing',
      '--check',
      'GS-PARSE-012',
      '--reporter',
      'json',
      '--save-counterexamples',
      kept,
      '--update-baseline',
      baseline,
    ]);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.adapter).toBe('sdk-js');
    expect(JSON.parse(readFileSync(baseline, 'utf8')).known).toEqual([
      expect.objectContaining({ rule: 'GS-PARSE-012', client: 'sdk-js' }),
    ]);
    expect(readdirSync(kept).sort()).toEqual(['sdk-js-parsing-GS-PARSE-012.json', 'sdk-js-parsing-GS-PARSE-012.xml']);
    expect(JSON.parse(readFileSync(join(kept, 'sdk-js-parsing-GS-PARSE-012.json'), 'utf8')).found.client).toBe(
      'sdk-js',
    );
    // The replay line carries the name, so the baseline still recognises the deviation it replays.
    const [deviation] = report.deviations;
    expect(deviation.replay).toContain(' --name sdk-js ');
    const replayed = await runTool([
      ...client,
      '--suite',
      'parsing',
      '--check',
      'GS-PARSE-012',
      '--baseline',
      baseline,
    ]);
    expect(replayed.code).toBe(0);
    expect(replayed.stdout).toMatch(/^getstatus-conformance: adapter sdk-js \(aws-sdk\/2\.\d+\.\d+\), /);
  });

  test('with several clients, the i-th --name labels the i-th --adapter, in every report and the matrix', async () => {
    const args = [
      '--adapter',
      'reference',
      '--name',
      'good',
      '--adapter',
      'tests/cli/adapters/drops-zero.ts',
      '--name',
      'team client',
      '--suite',
      'conditional',
      '--check',
      'GS-COND-008',
    ];
    const [json, pretty] = await Promise.all([runTool([...args, '--reporter', 'json']), runTool(args)]);
    expect(JSON.parse(json.stdout).clients.map((c: { adapter: string }) => c.adapter)).toEqual(['good', 'team client']);
    expect(pretty.stdout).toMatch(/^ {2}\s+good {2}team client$/m);
    expect(pretty.stdout).toMatch(/^team client: 1 deviation \(1 MUST\)/m);
  });

  test.each([
    [
      'two clients under one name',
      ['--adapter', 'reference', '--name', 'same', '--adapter', 'tests/cli/adapters/drops-zero.ts', '--name', 'same'],
      "two clients named 'same' in one run; give each its own --name",
    ],
    [
      'a name taken by another client',
      [
        '--adapter',
        'reference',
        '--adapter',
        'tests/cli/adapters/drops-zero.ts',
        '--name',
        'reference',
        '--name',
        'reference',
      ],
      "two clients named 'reference' in one run",
    ],
    [
      'fewer names than clients',
      ['--adapter', 'reference', '--adapter', 'tests/cli/adapters/drops-zero.ts', '--name', 'a'],
      '--name labels each --adapter in order: give one --name per --adapter (2 --adapter, 1 --name)',
    ],
    [
      'a name for all-installed',
      ['--adapter', 'all-installed', '--name', 'a'],
      '--name labels the clients --adapter names one by one',
    ],
    ['an empty name', ['--name', ' '], '--name must be a label on one line'],
  ])('%s is one line, exit 2', async (_, args, message) => {
    const run = await runTool(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.startsWith(`getstatus-conformance: ${message}`)).toBe(true);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
