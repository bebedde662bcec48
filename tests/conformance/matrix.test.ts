/**
 * docs/CONFORMANCE.md still tells the truth: each client in it, run afresh on the same seed and
 * runs (unshrunk: the verdicts are the same, sooner), gets the same verdict on every check; the
 * Markdown agrees with docs/conformance.json, and every failure links to a kept counterexample.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { checkKey, MATRIX_PATH, readVerdicts } from '../../cli/commands/matrix.ts';
import type { Report } from '../../cli/reports/report.ts';

const exec = promisify(execFile);
const BIN = new URL('../../cli/bin.js', import.meta.url).pathname;
const ROOT = new URL('../..', import.meta.url).pathname;
const verdicts = readVerdicts();
const document = readFileSync(MATRIX_PATH, 'utf8');

async function freshRun(adapter: string, runs: number | 'default'): Promise<Report> {
  const args = [BIN, 'run', '--adapter', adapter, '--seed', String(verdicts.seed), '--no-shrink', '--concurrency', '2', '--reporter', 'json'];
  if (runs !== 'default') args.push('--runs', String(runs));
  try {
    return JSON.parse((await exec('node', args, { cwd: ROOT, timeout: 600_000, maxBuffer: 64 << 20 })).stdout);
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    // Exit 1 with a report is a run with failed checks; anything else is the run not happening.
    if (stdout?.startsWith('{')) return JSON.parse(stdout);
    throw new Error(`getstatus-conformance run --adapter ${adapter} did not run: ${stderr?.trim()}`);
  }
}

describe.each(verdicts.clients)('$adapter in docs/CONFORMANCE.md', (client) => {
  test('a fresh run on the same seed gives the same verdict on every check', { timeout: 600_000 }, async () => {
    const report = await freshRun(client.adapter, client.runs);
    const unavailable = report.checks.find((c) => c.reason?.startsWith('adapter unavailable'));
    if (unavailable) throw new Error(`${client.adapter} is in docs/CONFORMANCE.md but cannot run here: ${unavailable.reason}`);
    const fresh = Object.fromEntries(report.checks.map((c) => [checkKey(c), c.status]));
    // A changed verdict is either a regression of the suite or a stale matrix: re-run `npm run matrix`.
    expect(fresh).toEqual(client.checks);
  });

  test('its column in the Markdown matrix shows the same verdicts, each failure linked to its counterexample', () => {
    const column = document.split('\n').find((l) => l.startsWith('| suite | rule |'))!.split('|').map((s) => s.trim()).indexOf(client.adapter);
    expect(column).toBeGreaterThan(0);
    const shown: Record<string, string> = {};
    for (const line of document.split('\n').filter((l) => /^\| \w+ \| GS-/.test(l))) {
      const cells = line.split(/(?<!\\)\|/).map((s) => s.trim());
      shown[`${cells[1]} ${cells[2]}`] = cells[column];
    }
    const expected = Object.fromEntries(Object.entries(client.checks).map(([key, status]) => [key, status === 'failed' ? 'fail' : status === 'passed' ? 'pass' : 'n/a']));
    expect(Object.fromEntries(Object.entries(shown).map(([key, cell]) => [key, cell.replace(/^\[fail\]\(.*\)$/, 'fail')]))).toEqual(expected);
    for (const cell of Object.values(shown)) {
      const link = /^\[fail\]\(\.\.\/(.*)\)$/.exec(cell)?.[1];
      if (link) expect(existsSync(`${ROOT}${link}`), link).toBe(true);
    }
  });
});
