import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { BUILT_IN_CLIENTS } from '../../adapters/index.ts';
import { DEFAULT_TIMEOUT_MS } from '../../harness/defaults.ts';
import { SUITES } from '../../suites/check.ts';
import { DEFAULT_SEED } from '../../suites/config.ts';
import { countChange, updatedBaseline, withBaseline, type Baseline } from '../../run/baseline.ts';
import { readBaseline, readBaselineIfAny, writeBaseline } from '../../run/baseline-file.ts';
import { adapterNames, ALL_INSTALLED, runClients } from '../../run/clients.ts';
import { mergeShards } from '../../run/merge.ts';
import { suiteOptions } from '../../run/options.ts';
import { progressMode } from '../../run/progress.ts';
import { reportExitCode, type Report } from '../../run/report.ts';
import { BLOB_DIR } from '../../run/suite-run.ts';
import { choiceOption, FLAG_NAMES, UsageError, type Command } from '../command.ts';
import { htmlReport } from '../reports/html.ts';
import { jsonReport } from '../reports/json.ts';
import { junitReport } from '../reports/junit.ts';
import { markdownReport } from '../reports/markdown.ts';
import { prettyReport, prettySummary } from '../reports/pretty.ts';

const REPORTERS = {
  pretty: prettyReport,
  json: jsonReport,
  junit: junitReport,
  markdown: markdownReport,
  html: htmlReport,
} as const;
type ReporterName = keyof typeof REPORTERS;

/** A comma-separated flag's items; suiteOptions says which are unknown. */
const listOption = (value: unknown) =>
  value === undefined
    ? undefined
    : String(value)
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);

/** What the run is compared with: the baseline given, or the file --update-baseline rewrites and its previous content. */
interface BaselineOptions {
  given?: Baseline;
  strict: boolean;
  update?: { file: string; previous: Baseline };
}

/** Read before the run, so a malformed file stops it before anything starts. */
function baselineOptions(values: Record<string, unknown>): BaselineOptions {
  const read = values.baseline as string | undefined;
  const update = values['update-baseline'] as string | undefined;
  const strict = values['strict-baseline'] === true;
  if (strict && read === undefined) throw new UsageError('--strict-baseline needs --baseline FILE');
  if (read !== undefined && update !== undefined)
    throw new UsageError('give --baseline FILE to check a run, or --update-baseline FILE to rewrite it, not both');
  return {
    strict,
    ...(read !== undefined && { given: readBaseline(read) }),
    ...(update !== undefined && { update: { file: update, previous: readBaselineIfAny(update) } }),
  };
}

/** The reports compared with the baseline, the one given or the one this run writes. */
function judged(reports: Report[], { given, strict, update }: BaselineOptions): Report[] {
  if (given) return reports.map((r) => withBaseline(r, given, strict));
  if (!update) return reports;
  const written = updatedBaseline(update.previous, reports);
  writeBaseline(update.file, written);
  const { added, removed } = countChange(update.previous, written);
  process.stderr.write(
    `wrote ${update.file}: ${written.known.length} known deviation${written.known.length === 1 ? '' : 's'} (${added} added, ${removed} removed)\n`,
  );
  return reports.map((r) => withBaseline(r, written, false));
}

/** A sharded run's blob directory, as the user named it from where they stand. */
/** Kept counterexample paths as seen from the report file's folder, so its links work wherever it is written. */
function savedRelativeTo(reports: Report[], dir: string): Report[] {
  const from = (saved: string | undefined) => (saved === undefined ? {} : { saved: relative(dir, resolve(saved)) });
  return reports.map((r) => ({
    ...r,
    checks: r.checks.map((c) => ({ ...c, ...from(c.saved) })),
    deviations: r.deviations.map((d) => ({ ...d, ...from(d.saved) })),
  }));
}

function blobDirectory(dir: string): string {
  const path = resolve(dir);
  if (!existsSync(path) || !statSync(path).isDirectory() || !readdirSync(path).some((f) => f.startsWith('blob-'))) {
    throw new UsageError(
      `--merge-reports: no blob reports in '${dir}'; run each shard with --shard i/n first (they write ${BLOB_DIR}/blob-i-n.json)`,
    );
  }
  return path;
}

export const run: Command = {
  name: 'run',
  help: `Usage: getstatus-conformance [run] [options]

Runs the conformance suites against a client and reports, rule by rule, where it departs from the contract.
  --adapter A         reference (default); a built-in client: ${BUILT_IN_CLIENTS.filter((n) => n !== 'reference').join(', ')};
                      command (a program run per case); persistent (a program kept running, one
                      JSON request and answer per line: docs/ADAPTERS.md); or the path of an
                      adapter module (.ts/.js, default export).
                      Give it more than once, or '${ALL_INSTALLED}' (every built-in client set up on
                      this machine), to run each in turn: the report then has one column per client
  --name NAME         the client's label in reports, baseline entries, kept counterexamples' file
                      names and the matrix (default: the adapter's own name: 'command', 'persistent',
                      a module's name). With several --adapter, give one --name per --adapter: the
                      i-th labels the i-th. Two clients of one run may not share a name
  --command T         with --adapter command: the client's command line, e.g.
                      'mycli get-status --job-id {jobId} --endpoint-url {endpoint} --api-version {apiVersion}'
                      ({timeoutMs} or {timeoutSeconds}: the case's time budget, for the client's own timeout);
                      with --adapter persistent: the program to keep running, e.g. 'python3 my_client.py'
  --text-command T    a second command line whose stdout is checked as --output text
  --text-style S      v1 or v2: the text layout the text command prints (default v2); with
                      --adapter persistent, the layout of the text the client answers (never asked without it)
  --suite a,b         suites to run: ${SUITES.join(', ')} (default all)
  --check ID,ID       only these rules (e.g. GS-PARSE-001)
  --seed N            fast-check seed (default ${DEFAULT_SEED}); same seed, same cases
  --runs N            generated cases per property (default: each check's own, ≥ 20)
  --path P            replay one counterexample (with --suite, --check and --seed, as a failure's replay line prints;
                      fixed:N for a check's fixed example N)
  --timeout MS        per-case timeout in milliseconds (default ${DEFAULT_TIMEOUT_MS})
  --concurrency N     cases run at once for each suite (default: number of cores)
  --no-shrink         report a failing check's first counterexample, unshrunk (verdicts sooner)
  --reporter R        pretty (default), json, junit, markdown or html (one self-contained page,
                      to keep as a CI artifact)
  --out FILE          write the report to FILE instead of stdout
  --quiet             no progress on stderr (by default: on a terminal, a line of checks done, cases,
                      deviations so far and time, erased when the report prints; elsewhere, as in
                      CI, a line per suite finished)
  --shard i/n         run the i-th of n parts (its blob report goes to ./.vitest-reports/)
  --merge-reports DIR merge the blob reports of a sharded run into one report, labelled with the
                      client, name, seed and runs the shards recorded; shards of different runs, or
                      --adapter, --name, --seed or --runs that contradict them, are refused
  --baseline FILE     known deviations (JSON: rule, client, reason, optional link): exit 0 when
                      every MUST deviation is listed, 1 on a new one; listed ones no longer
                      found are reported as fixed
  --strict-baseline   with --baseline: a fixed entry fails the run too, so the file stays honest
  --update-baseline FILE
                      write this run's MUST deviations to FILE as the baseline, keeping the
                      reasons and links of entries still found and other clients' entries
  --save-counterexamples DIR
                      write each failure's response to DIR as NAME.xml + NAME.json; kept in
                      fixtures/regressions/, the check of the rule that explains it replays it first

A report lists the client's deviations, each once under the rule it breaks; a check that failed
only through another rule's deviation is shown as explained by it (→).
Exit status: 0 no deviation from a MUST rule (with a baseline: none it does not list), 1 at least
one, 2 the run could not start.`,
  options: {
    adapter: { type: 'string', multiple: true },
    name: { type: 'string', multiple: true },
    command: { type: 'string' },
    'text-command': { type: 'string' },
    'text-style': { type: 'string' },
    suite: { type: 'string' },
    check: { type: 'string' },
    seed: { type: 'string' },
    runs: { type: 'string' },
    path: { type: 'string' },
    timeout: { type: 'string' },
    concurrency: { type: 'string' },
    'no-shrink': { type: 'boolean' },
    reporter: { type: 'string' },
    out: { type: 'string' },
    shard: { type: 'string' },
    'merge-reports': { type: 'string' },
    baseline: { type: 'string' },
    'strict-baseline': { type: 'boolean' },
    'update-baseline': { type: 'string' },
    'save-counterexamples': { type: 'string' },
    quiet: { type: 'boolean' },
  },
  async run(values) {
    const reporter = choiceOption('reporter', values.reporter, Object.keys(REPORTERS) as ReporterName[], 'pretty');
    const shard = values.shard as string | undefined;
    if (shard !== undefined && !/^[1-9]\d*\/[1-9]\d*$/.test(shard))
      throw new UsageError(`--shard must look like 1/3, got '${shard}'`);
    if (shard !== undefined && Number(shard.split('/')[0]) > Number(shard.split('/')[1]))
      throw new UsageError(`--shard i/n runs part i of n, so i is at most n; got '${shard}'`);
    const { suites, config: base } = suiteOptions(
      {
        command: values.command as string | undefined,
        textCommand: values['text-command'] as string | undefined,
        textStyle: values['text-style'] as string | undefined,
        seed: values.seed as string | undefined,
        runs: values.runs as string | undefined,
        timeoutMs: values.timeout as string | undefined,
        concurrency: values.concurrency as string | undefined,
        shrink: values['no-shrink'] !== true,
        suites: listOption(values.suite),
        checks: listOption(values.check),
        path: values.path as string | undefined,
        saveCounterexamples: values['save-counterexamples'] as string | undefined,
      },
      FLAG_NAMES,
    );

    const adapters = (values.adapter as string[] | undefined) ?? [];
    const labels = (values.name as string[] | undefined) ?? [];
    let reports: Report[];
    if (values['merge-reports'] !== undefined) {
      // The shards' client need not be installed where they are merged: nothing runs it here.
      if (adapters.length > 1 || labels.length > 1)
        throw new UsageError(
          '--merge-reports merges the shards of one client: give at most one --adapter and one --name',
        );
      const baseline = baselineOptions(values);
      const dir = blobDirectory(String(values['merge-reports']));
      const given = {
        adapter: adapters[0],
        name: labels[0],
        seed: values.seed === undefined ? undefined : base.seed,
        runs: base.runs,
      };
      reports = judged([await mergeShards(dir, given, base, suites)], baseline);
    } else {
      const names = await adapterNames(
        adapters,
        { command: base.command, textCommand: base.textCommand, textStyle: base.textStyle },
        labels,
      );
      if (names.length > 1 && base.path !== undefined)
        throw new UsageError('--path replays one counterexample of one client: give one --adapter');
      const baseline = baselineOptions(values);
      reports = judged(
        await runClients(names, base, { suites, shard, progress: progressMode(values.quiet === true) }),
        baseline,
      );
    }
    if (values.out) {
      writeFileSync(
        String(values.out),
        REPORTERS[reporter](savedRelativeTo(reports, dirname(resolve(String(values.out))))),
      );
      process.stderr.write(prettySummary(reports));
    } else process.stdout.write(REPORTERS[reporter](reports));
    return reportExitCode(reports);
  },
};
