/**
 * docs/CONFORMANCE.md: every built-in client installed here, run on one seed, rule by rule.
 * Each failure's counterexample is kept in fixtures/conformance/ and linked from the matrix;
 * docs/conformance.json holds the verdicts, so a test can re-run the clients and compare.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { SUITES } from '../../suites/check.ts';
import { DEFAULT_SEED, DEFAULT_TIMEOUT_MS } from '../../suites/config.ts';
import { EXIT, integerOption, type Command } from '../command.ts';
import { markdownMatrix } from '../reports/markdown.ts';
import { clientLabel, type Report } from '../reports/report.ts';
import { PACKAGE_ROOT } from '../suite-run.ts';
import { adapterNames, ALL_INSTALLED, runClients } from './run.ts';

/**
 * Runs per property for clients that start a process per call (~0.5 s each; the staleness test
 * re-runs them all). Clients in this process get each check's default runs.
 */
export const PROCESS_RUNS = 5;
const PROCESS_CLIENTS = new Set(['aws-cli-v1', 'aws-cli-v2', 'boto3', 'command']);
export const matrixRuns = (adapter: string, given?: number) => given ?? (PROCESS_CLIENTS.has(adapter) ? PROCESS_RUNS : undefined);
export const MATRIX_PATH = fileURLToPath(new URL('../../docs/CONFORMANCE.md', import.meta.url));
export const VERDICTS_PATH = fileURLToPath(new URL('../../docs/conformance.json', import.meta.url));
const COUNTEREXAMPLES = 'fixtures/conformance';

/** What the staleness test compares: each client's status for each check. */
export interface Verdicts {
  seed: number;
  clients: Array<{ adapter: string; version?: string; runs: number | 'default'; checks: Record<string, 'passed' | 'failed' | 'skipped'> }>;
}

export const checkKey = (c: { suite: string; id: string }) => `${c.suite} ${c.id}`;

export function verdictsOf(reports: Report[], seed: number): Verdicts {
  return {
    seed,
    clients: reports.map((r) => ({
      adapter: r.adapter,
      ...(r.version !== undefined && { version: r.version }),
      runs: r.runs,
      checks: Object.fromEntries(r.checks.map((c) => [checkKey(c), c.status])),
    })),
  };
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function matrixDocument(reports: Report[], seed: number): string {
  const lines = [
    '# Conformance of real clients',
    '',
    `Produced by \`npm run matrix\` (\`getstatus-conformance matrix\`) from one run on this machine: seed ${seed}, every suite,`,
    'the generated cases per property shown for each client. A failure links to its counterexample in',
    `\`${COUNTEREXAMPLES}/\` (the response as NAME.xml, what a correct client does and the replay line in NAME.json).`,
    '`npm test` re-runs every client on the same seed and fails when a verdict here no longer holds.',
    '',
    '| client | version | runs per property |',
    '|---|---|---|',
    ...reports.map((r) => `| ${r.adapter} | ${r.version ?? 'this package'} | ${r.runs === 'default' ? "each check's default" : r.runs} |`),
    '',
    '## Matrix',
    '',
    'pass: the check passed; fail: it failed (SHOULD rules are warnings); n/a: the check does not apply to the client.',
    '',
    ...markdownMatrix(reports, '../'),
    '',
    '## Failures',
  ];
  for (const report of reports) {
    const failures = report.checks.filter((c) => c.status === 'failed');
    lines.push('', `### ${clientLabel(report)}`, '');
    if (failures.length === 0) lines.push('None.');
    for (const f of failures) lines.push(`- ${f.suite} ${f.id} (${f.level}): ${cell(f.reason ?? '')}${f.saved ? ` [counterexample](../${f.saved})` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

export const matrix: Command = {
  name: 'matrix',
  summary: 'run every installed client and write docs/CONFORMANCE.md (npm run matrix)',
  help: `Usage: getstatus-conformance matrix [options]

Runs every suite against each built-in client set up on this machine (or those given), keeps each
failure's counterexample in ${COUNTEREXAMPLES}/, and writes docs/CONFORMANCE.md and docs/conformance.json.
  --adapter A     a client to include (repeatable; default ${ALL_INSTALLED})
  --seed N        fast-check seed (default ${DEFAULT_SEED})
  --runs N        generated cases per property (default: ${PROCESS_RUNS} for clients that start a process per call,
                  each check's own for the others)`,
  options: { adapter: { type: 'string', multiple: true }, seed: { type: 'string' }, runs: { type: 'string' } },
  async run(values) {
    const seed = integerOption('seed', values.seed) ?? DEFAULT_SEED;
    const runs = integerOption('runs', values.runs, { min: 1 });
    const names = await adapterNames((values.adapter as string[] | undefined) ?? [ALL_INSTALLED], {});
    const dir = `${PACKAGE_ROOT}${COUNTEREXAMPLES}`;
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const cwd = process.cwd();
    // Saved paths are relative to the package, whatever directory the command runs in.
    process.chdir(PACKAGE_ROOT);
    const reports: Report[] = [];
    try {
      for (const name of names) {
        const config = { seed, runs: matrixRuns(name, runs), timeoutMs: DEFAULT_TIMEOUT_MS, concurrency: availableParallelism(), saveCounterexamples: COUNTEREXAMPLES };
        reports.push(...(await runClients([name], config, { suites: [...SUITES] })));
      }
    } finally {
      process.chdir(cwd);
    }
    writeFileSync(MATRIX_PATH, matrixDocument(reports, seed));
    writeFileSync(VERDICTS_PATH, `${JSON.stringify(verdictsOf(reports, seed), null, 2)}\n`);
    const kept = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).length : 0;
    process.stdout.write(`${reports.map((r) => `${clientLabel(r)}: ${r.summary.passed} passed, ${r.summary.failed} failed, ${r.summary.skipped} skipped`).join('\n')}\nwrote docs/CONFORMANCE.md, docs/conformance.json and ${kept} counterexamples in ${COUNTEREXAMPLES}/\n`);
    return EXIT.ok;
  },
};

export const readVerdicts = (): Verdicts => JSON.parse(readFileSync(VERDICTS_PATH, 'utf8'));
