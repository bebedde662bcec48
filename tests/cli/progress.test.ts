/**
 * Progress on stderr: a live line on a terminal (a pseudo-terminal made by script(1)), erased
 * before the report; a line per suite finished in a log; nothing with --quiet. The report, on
 * stdout or in --out, is the same bytes in every case.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checksBySuite } from '../../suites/checks/index.ts';
import { ROOT, runTool } from '../run-tool.ts';

const scratch = mkdtempSync(join(tmpdir(), 'progress-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const ARGS = [
  '--adapter',
  'tests/cli/adapters/drops-zero.ts',
  '--suite',
  'conditional,text',
  '--runs',
  '5',
  '--reporter',
  'json',
];
const TOTAL = checksBySuite().conditional.length + checksBySuite().text.length;
const ERASE = '\r\u001b[2K';
// '+' while suite files are still being collected: more checks may come.
const COUNTS = String.raw`(\d+)/\d+\+? checks?, (\d+) cases?, (\d+) deviations? so far, \d+ s`;
const STATUS = `drops-zero: ${COUNTS}`;

/** The command on a pseudo-terminal: what the terminal received, stdout and stderr together. */
const onTerminal = (args: string[]) =>
  new Promise<string>((resolve, reject) => {
    execFile(
      'script',
      ['-qec', ['node', 'cli/bin.js', ...args].join(' '), '/dev/null'],
      { cwd: ROOT, encoding: 'utf8', timeout: 120_000 },
      (error, stdout) => {
        if (error && typeof error.code !== 'number') reject(error);
        else resolve(stdout);
      },
    );
  });

describe('progress', () => {
  test('in a log: one line per suite finished on stderr, the totals growing to every check; --quiet: none; stdout the same', async () => {
    const [log, quiet] = await Promise.all([runTool(ARGS), runTool([...ARGS, '--quiet'])]);
    const lines = log.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines)
      expect(line).toMatch(
        new RegExp(String.raw`^drops-zero: (conditional|text) finished, \d+ checks? \(\d+ failed\); ${COUNTS}$`),
      );
    expect(lines.map((l) => /^drops-zero: (\w+)/.exec(l)![1]).sort()).toEqual(['conditional', 'text']);
    expect(lines[1]).toContain(`${TOTAL}/${TOTAL} checks`);
    const last = new RegExp(COUNTS).exec(lines[1])!;
    expect(Number(last[1])).toBe(TOTAL);
    expect(Number(last[3])).toBe(JSON.parse(log.stdout).summary.deviations);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toBe(log.stdout);
    expect(log.code).toBe(1);
  });

  test('on a terminal: a live line of checks, cases, deviations and time, erased before the summary; the --out report is the same bytes', async () => {
    const tty = join(scratch, 'tty.json');
    const log = join(scratch, 'log.json');
    const [screen] = await Promise.all([onTerminal([...ARGS, '--out', tty]), runTool([...ARGS, '--out', log])]);
    const frames = screen.split(ERASE);
    const statuses = frames.slice(1, -1).map((f) => f.replace(/\u001b\[\?25[lh]/g, ''));
    expect(statuses.length).toBeGreaterThan(TOTAL / 2);
    const counted = statuses.flatMap((f) => (new RegExp(`^${STATUS}$`).exec(f) ? [f] : []));
    expect(counted.at(-1)).toMatch(new RegExp(`^drops-zero: ${TOTAL}/${TOTAL} checks, `));
    // After the last erase: only the summary the command prints when the report goes to a file.
    expect(
      frames
        .at(-1)!
        .replace(/\u001b\[\?25[lh]/g, '')
        .trimEnd(),
    ).toMatch(/^1 deviation \(1 MUST\): \d+ passed/);
    expect(screen).not.toMatch(/finished, \d+ check/);
    expect(readFileSync(tty, 'utf8')).toBe(readFileSync(log, 'utf8'));
  });
});
