/**
 * docs/CONFORMANCE.md still tells the truth: each client in it, run afresh on the same seed and
 * runs (unshrunk, so sooner), shows the same deviations and the same verdict on every check;
 * the document is what docs/conformance.json renders to, and every failure links to a kept
 * counterexample. Which deviation explains a check can differ without shrinking (the first failing
 * case may show two), so the test compares that a check is explained, and the deviations themselves.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { checkKey, MATRIX_PATH, matrixDocument, readVerdicts } from '../../cli/commands/matrix.ts';
import type { Report } from '../../run/report.ts';
import { loadAdapter } from '../../adapters/index.ts';
import { missingClient, skipWhenMissing } from '../client-availability.ts';
import { ROOT, runTool } from '../run-tool.ts';

const verdicts = readVerdicts();
const missing = new Map(
  await Promise.all(
    verdicts.clients.map(async ({ adapter }) => [adapter, await missingClient(await loadAdapter(adapter))] as const),
  ),
);

async function freshRun(adapter: string, runs: number | 'default'): Promise<Report> {
  const args = [
    'run',
    '--adapter',
    adapter,
    '--seed',
    String(verdicts.seed),
    '--no-shrink',
    '--concurrency',
    '2',
    '--reporter',
    'json',
  ];
  if (runs !== 'default') args.push('--runs', String(runs));
  const run = await runTool(args, { timeoutMs: 600_000 });
  // Exit 1 with a report is a run with failed checks; anything else is the run not happening.
  if (!run.stdout.startsWith('{'))
    throw new Error(
      `getstatus-conformance run --adapter ${adapter} did not run (exit ${run.code}): ${run.stderr.trim()}`,
    );
  return JSON.parse(run.stdout);
}

test('docs/CONFORMANCE.md is rendered from docs/conformance.json, and every counterexample it links is kept', () => {
  expect(readFileSync(MATRIX_PATH, 'utf8')).toBe(matrixDocument(verdicts));
  const saved = verdicts.clients.flatMap((c) => c.checks.flatMap((check) => (check.saved ? [check.saved] : [])));
  expect(saved.length).toBeGreaterThan(0);
  for (const file of saved)
    expect(existsSync(`${ROOT}${file}`) && existsSync(`${ROOT}${file.replace(/\.json$/, '.xml')}`), file).toBe(true);
});

describe.each(verdicts.clients)('$adapter in docs/CONFORMANCE.md', (client) => {
  skipWhenMissing(() => missing.get(client.adapter));

  test('a fresh run on the same seed shows the same deviations and the same verdict on every check', {
    timeout: 600_000,
  }, async () => {
    const report = await freshRun(client.adapter, client.runs);
    const unavailable = report.checks.find((c) => c.unavailable);
    if (unavailable) throw new Error(`${client.adapter} was set up here, yet its run says: ${unavailable.reason}`);
    const verdictsOf = (checks: Array<{ suite: string; id: string; status: string }>) =>
      Object.fromEntries(checks.map((c) => [checkKey(c), c.status]));
    // A changed verdict is a regression of the suite or a changed client: re-run `npm run matrix` and read the diff.
    expect(verdictsOf(report.checks)).toEqual(verdictsOf(client.checks));
    expect(report.deviations.map((d) => `${d.rule} ${d.level}`)).toEqual(
      client.deviations.map((d) => `${d.rule} ${d.level}`),
    );
  });
});
