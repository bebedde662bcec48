/**
 * docs/CONFORMANCE.md: every built-in client installed here, run on one seed, rule by rule.
 * Each failure's counterexample is kept in fixtures/conformance/ and linked from the matrix.
 * docs/conformance.json holds the verdicts the document is rendered from, so a test can re-run
 * the clients and compare, and check the document against them.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CheckResult, Counterexample } from '../../suites/check.ts';
import { DEFAULT_SEED } from '../../suites/config.ts';
import { adapterNames, ALL_INSTALLED, runClients } from '../../run/clients.ts';
import { suiteOptions } from '../../run/options.ts';
import { progressMode } from '../../run/progress.ts';
import { clientLabel, summaryLine, type Deviation, type MatrixColumn, type Report } from '../../run/report.ts';
import { PACKAGE_ROOT } from '../../run/suite-run.ts';
import { printableBody } from '../../suites/runner.ts';
import { EXIT, FLAG_NAMES, UsageError, type Command } from '../command.ts';
import { matrixPage } from '../reports/html-matrix.ts';
import { cell, deviationTable, markdownMatrix } from '../reports/markdown.ts';

export const MATRIX_PATH = fileURLToPath(new URL('../../docs/CONFORMANCE.md', import.meta.url));
export const VERDICTS_PATH = fileURLToPath(new URL('../../docs/conformance.json', import.meta.url));
const COUNTEREXAMPLES = 'fixtures/conformance';
/** Long enough for the first difference, short enough for a table. */
const REASON_LENGTH = 160;

type MatrixCheck = Pick<CheckResult, 'suite' | 'id' | 'title' | 'level' | 'status' | 'reason' | 'saved' | 'causes'> &
  Pick<Counterexample, 'at'>;
type MatrixDeviation = Pick<Deviation, 'rule' | 'level' | 'what' | 'needs' | 'checks' | 'saved'>;

/** What the document is rendered from and the staleness test compares. */
export interface Verdicts {
  seed: number;
  clients: Array<
    Omit<MatrixColumn, 'checks'> & { runs: number | 'default'; deviations: MatrixDeviation[]; checks: MatrixCheck[] }
  >;
}

export const checkKey = (c: { suite: string; id: string }) => `${c.suite} ${c.id}`;

const shorten = (text: string) => (text.length > REASON_LENGTH ? `${text.slice(0, REASON_LENGTH)}…` : text);

export function verdictsOf(reports: Report[], seed: number): Verdicts {
  return {
    seed,
    clients: reports.map((r) => ({
      adapter: r.adapter,
      ...(r.version !== undefined && { version: r.version }),
      runs: r.runs,
      deviations: r.deviations.map(({ rule, level, what, needs, checks, saved }) => ({
        rule,
        level,
        what: shorten(what),
        ...(needs && { needs }),
        checks,
        ...(saved !== undefined && { saved }),
      })),
      checks: r.checks.map(({ suite, id, title, level, status, reason, saved, causes, counterexample }) => ({
        suite,
        id,
        title,
        level,
        status,
        ...(status !== 'passed' && reason !== undefined && { reason: shorten(reason) }),
        ...(status === 'explained' && causes && { causes }),
        ...(saved !== undefined && { saved }),
        ...(counterexample?.at && { at: counterexample.at }),
      })),
    })),
  };
}

export function matrixDocument({ seed, clients }: Verdicts): string {
  const lines = [
    '# Conformance of real clients',
    '',
    `Produced by \`npm run matrix\` (\`getstatus-conformance matrix\`) from one run: seed ${seed}, every suite,`,
    'the generated cases per property shown for each client. A failure links to its counterexample in',
    `\`${COUNTEREXAMPLES}/\` (the response as NAME.xml; what a correct client does and the replay line in NAME.json).`,
    '`npm run test:clients` re-runs every client on the same seed and fails when a verdict or a deviation here no longer holds.',
    '',
    '| client | version | runs per property |',
    '|---|---|---|',
    ...clients.map(
      (c) =>
        `| ${cell(c.adapter)} | ${cell(c.version ?? 'this package')} | ${c.runs === 'default' ? "each check's default" : c.runs} |`,
    ),
    '',
    '## Matrix',
    '',
    'pass: the check passed; fail: it failed on its own rule (a failed SHOULD is a warning); → GS-X: it failed only through',
    "the client's deviation from GS-X, listed under that rule below; n/a: the check does not apply to the client.",
    '',
    ...markdownMatrix(clients, '../'),
    '',
    '## Deviations',
    '',
    "Each client's departures from the contract, once each, whatever they made fail.",
  ];
  for (const client of clients) {
    const must = client.deviations.filter((d) => d.level === 'MUST').length;
    lines.push(
      '',
      `### ${cell(clientLabel(client))}: ${client.deviations.length} deviation${client.deviations.length === 1 ? '' : 's'} (${must} MUST)`,
      '',
    );
    lines.push(...deviationTable(client.deviations, '../'));
  }
  return `${lines.join('\n')}\n`;
}

export const readVerdicts = (): Verdicts => JSON.parse(readFileSync(VERDICTS_PATH, 'utf8'));

/** The matrix as one HTML page to be written at `file`: links to the kept counterexamples lead from there, and their responses are shown in it. */
export function matrixHtml(verdicts: Verdicts, file: string): string {
  const base = relative(dirname(resolve(file)), PACKAGE_ROOT)
    .split('\\')
    .join('/');
  const savedBody = (saved: string) => {
    const xml = `${PACKAGE_ROOT}${saved.replace(/\.json$/, '.xml')}`;
    return existsSync(xml) ? printableBody(readFileSync(xml)) : undefined;
  };
  return matrixPage(verdicts, { linkBase: base === '' ? '' : `${base}/`, savedBody });
}

export const matrix: Command = {
  name: 'matrix',
  help: `Usage: getstatus-conformance matrix [options]

Runs every suite against each built-in client set up on this machine (or those given), keeps each
failure's counterexample in ${COUNTEREXAMPLES}/, and writes docs/conformance.json and docs/CONFORMANCE.md.
  --adapter A     a client to include (repeatable; default ${ALL_INSTALLED})
  --name NAME     its label in the matrix (one per --adapter, in order)
  --seed N        fast-check seed (default ${DEFAULT_SEED})
  --runs N        generated cases per property (default: each check's own, for every client)
  --html FILE     also write the matrix as one self-contained HTML page, each verdict linking to
                  its counterexample in the page
  --no-run        with --html: write the page from docs/conformance.json as it is, running no client`,
  options: {
    adapter: { type: 'string', multiple: true },
    name: { type: 'string', multiple: true },
    seed: { type: 'string' },
    runs: { type: 'string' },
    html: { type: 'string' },
    'no-run': { type: 'boolean' },
  },
  async run(values) {
    const html = values.html as string | undefined;
    // Found out before a run of minutes, not after it.
    if (html !== undefined && !existsSync(dirname(resolve(html))))
      throw new UsageError(`--html: no folder '${dirname(html)}' to write ${html} in`);
    if (values['no-run'] === true) {
      if (html === undefined) throw new UsageError('--no-run writes the HTML page only: give --html FILE');
      if (
        values.adapter !== undefined ||
        values.name !== undefined ||
        values.seed !== undefined ||
        values.runs !== undefined
      )
        throw new UsageError(
          '--no-run renders docs/conformance.json as it is: drop --adapter, --name, --seed and --runs',
        );
      writeFileSync(html, matrixHtml(readVerdicts(), html));
      process.stdout.write(`wrote ${html} from docs/conformance.json\n`);
      return EXIT.ok;
    }
    const { suites, config } = suiteOptions(
      {
        seed: values.seed as string | undefined,
        runs: values.runs as string | undefined,
        saveCounterexamples: COUNTEREXAMPLES,
      },
      FLAG_NAMES,
    );
    const names = await adapterNames(
      (values.adapter as string[] | undefined) ?? [ALL_INSTALLED],
      {},
      (values.name as string[] | undefined) ?? [],
    );
    const dir = `${PACKAGE_ROOT}${COUNTEREXAMPLES}`;
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const cwd = process.cwd();
    // Saved paths are relative to the package, whatever directory the command runs in.
    process.chdir(PACKAGE_ROOT);
    const reports: Report[] = [];
    try {
      for (const name of names)
        reports.push(...(await runClients([name], config, { suites, progress: progressMode(false) })));
    } finally {
      process.chdir(cwd);
    }
    const verdicts = verdictsOf(reports, config.seed);
    writeFileSync(VERDICTS_PATH, `${JSON.stringify(verdicts, null, 2)}\n`);
    writeFileSync(MATRIX_PATH, matrixDocument(verdicts));
    if (html !== undefined) writeFileSync(html, matrixHtml(verdicts, html));
    const kept = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).length : 0;
    process.stdout.write(
      `${reports.map((r) => `${clientLabel(r)}: ${summaryLine(r)}`).join('\n')}\nwrote docs/conformance.json, docs/CONFORMANCE.md${html === undefined ? '' : `, ${html}`} and ${kept} counterexamples in ${COUNTEREXAMPLES}/\n`,
    );
    return EXIT.ok;
  },
};
