import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { AdapterLoadError, loadAdapter } from '../../harness/index.ts';
import { RULE_IDS } from '../../spec/index.ts';
import { SUITES, type SuiteName } from '../../suites/check.ts';
import { DEFAULT_SEED, DEFAULT_TIMEOUT_MS, type SuiteConfig } from '../../suites/config.ts';
import { choiceOption, integerOption, UsageError, type Command } from '../command.ts';
import { junitReport } from '../reports/junit.ts';
import { markdownReport } from '../reports/markdown.ts';
import { prettyReport } from '../reports/pretty.ts';
import { buildReport, jsonReport, reportExitCode, type Report } from '../reports/report.ts';
import { runSuites } from '../suite-run.ts';

const REPORTERS = { pretty: prettyReport, json: jsonReport, junit: junitReport, markdown: markdownReport } as const;
type ReporterName = keyof typeof REPORTERS;

function listOption(name: string, value: unknown, allowed: readonly string[]): string[] | undefined {
  if (value === undefined) return undefined;
  const items = String(value).split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = items.filter((s) => !allowed.includes(s));
  if (unknown.length > 0 || items.length === 0) throw new UsageError(`--${name}: unknown ${unknown.join(', ') || 'value'}; choose from ${allowed.join(', ')}`);
  return items;
}

export const run: Command = {
  name: 'run',
  summary: 'run the conformance suites against a client (the default command)',
  help: `Usage: getstatus-conformance [run] [options]

Runs the conformance suites against a client and reports, rule by rule, where it departs from the contract.
  --adapter A         reference (default), command, or the path of an adapter module (.ts/.js, default export)
  --command T         with --adapter command: the client's command line, e.g.
                      'mycli get-status --job-id {jobId} --endpoint-url {endpoint} --api-version {apiVersion}'
  --text-command T    a second command line whose stdout is checked as --output text
  --text-style S      v1 or v2: the text layout the text command prints (default v2)
  --suite a,b         suites to run: ${SUITES.join(', ')} (default all)
  --check ID,ID       only these rules (e.g. GS-PARSE-001)
  --seed N            fast-check seed (default ${DEFAULT_SEED}); same seed, same cases
  --runs N            generated cases per property (default: each check's own, ≥ 100)
  --path P            replay one counterexample (with --suite, --check and --seed, as a failure's replay line prints)
  --timeout MS        per-case timeout in milliseconds (default ${DEFAULT_TIMEOUT_MS})
  --concurrency N     cases run at once for each suite (default: number of cores)
  --reporter R        pretty (default), json, junit or markdown
  --out FILE          write the report to FILE instead of stdout
  --shard i/n         run the i-th of n parts (blob reports go to .vitest-reports/)
  --merge-reports DIR merge the blob reports of a sharded run into one report
  --save-counterexamples  keep each shrunk failing response in fixtures/regressions/

Exit status: 0 every MUST check passed, 1 a check failed, 2 the run could not start.`,
  options: {
    adapter: { type: 'string' },
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
    reporter: { type: 'string' },
    out: { type: 'string' },
    shard: { type: 'string' },
    'merge-reports': { type: 'string' },
    'save-counterexamples': { type: 'boolean' },
  },
  async run(values) {
    const reporter = choiceOption('reporter', values.reporter, Object.keys(REPORTERS) as ReporterName[], 'pretty');
    const suites = (listOption('suite', values.suite, SUITES) ?? [...SUITES]) as SuiteName[];
    const checks = listOption('check', values.check, RULE_IDS);
    const shard = values.shard as string | undefined;
    if (shard !== undefined && !/^[1-9]\d*\/[1-9]\d*$/.test(shard)) throw new UsageError(`--shard must look like 1/3, got '${shard}'`);
    if (values.path !== undefined && (!checks || checks.length !== 1)) throw new UsageError('--path replays one counterexample: give exactly one --check (the replay line of a failure has it)');
    const config: SuiteConfig = {
      adapter: (values.adapter as string | undefined) ?? 'reference',
      command: values.command as string | undefined,
      textCommand: values['text-command'] as string | undefined,
      textStyle: values['text-style'] === undefined ? undefined : choiceOption('text-style', values['text-style'], ['v1', 'v2'] as const, 'v2'),
      seed: integerOption('seed', values.seed) ?? DEFAULT_SEED,
      runs: integerOption('runs', values.runs, { min: 1 }),
      timeoutMs: integerOption('timeout', values.timeout, { min: 1 }) ?? DEFAULT_TIMEOUT_MS,
      path: values.path as string | undefined,
      concurrency: integerOption('concurrency', values.concurrency, { min: 1 }) ?? availableParallelism(),
      saveCounterexamples: values['save-counterexamples'] === true,
    };
    if (config.path !== undefined && !/^\d+(:\d+)*$/.test(config.path)) throw new UsageError(`--path must look like 12:0:3 (from a replay line), got '${config.path}'`);

    let adapterName: string;
    try {
      adapterName = (await loadAdapter(config.adapter, { command: config.command, textCommand: config.textCommand, textStyle: config.textStyle })).name;
    } catch (error) {
      if (error instanceof AdapterLoadError) throw new UsageError(error.message);
      throw error;
    }
    const result = await runSuites({ config, suites, checks, shard, mergeReports: values['merge-reports'] as string | undefined });
    if (result.checks.length === 0 && result.errors.length === 0) throw new UsageError('no check matched the given --suite/--check/--shard');
    const report: Report = buildReport(adapterName, config.seed, config.runs, result.checks, result.errors);
    const text = REPORTERS[reporter](report);
    if (values.out) writeFileSync(String(values.out), text);
    else process.stdout.write(text);
    if (values.out) process.stderr.write(prettyReport(report).split('\n').slice(-2).join('\n'));
    return reportExitCode(report);
  },
};
