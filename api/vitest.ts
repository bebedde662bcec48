/**
 * `getstatus-conformance/vitest`: the suites declared inside a user's own vitest run, so their
 * config, reporters and sharding apply. Each check is one test, named `RULE-ID title` under a
 * describe block per suite; a check fails with the same report text the command prints.
 */
import { describe, test, type RunnerTestCase, type RunnerTestSuite } from 'vitest';
import { labelled, loadAdapter } from '../adapters/index.ts';
import { compareWithBaseline, type Baseline } from '../run/baseline.ts';
import { baselineValue, LIBRARY_NAMES, OptionError, suiteOptions } from '../run/options.ts';
import { buildReport } from '../run/report.ts';
import { checkAdapter } from '../harness/adapter-shape.ts';
import type { RuleId } from '../spec/index.ts';
import type { CheckResult, SuiteName } from '../suites/check.ts';
import { checksBySuite } from '../suites/checks/index.ts';
import type { SuiteConfig } from '../suites/config.ts';
import { defineSuite } from '../suites/define.ts';

/** The built-in correct client: a base to wrap, as a broken variant or a client's stand-in. */
export { referenceAdapter } from '../adapters/index.ts';
import type { ClientAdapter } from '../harness/index.ts';
export type { Baseline, ClientAdapter, RuleId, SuiteName };

export interface ConformanceSuiteOptions {
  /**
   * The client: what the command's --adapter takes (the path of an adapter module, a built-in
   * name, 'command'), or an adapter object together with `module`.
   */
  adapter: ClientAdapter | string;
  /** The client's label, in place of the adapter's own name: baseline entries are matched by it. */
  name?: string;
  /** With an adapter object: the path of the module whose default export it is, as --adapter takes it; a failure's replay line names it. */
  module?: string;
  /** With adapter 'command': the client's command line. */
  command?: string;
  seed?: number;
  runs?: number;
  suites?: readonly SuiteName[];
  checks?: readonly RuleId[];
  timeoutMs?: number;
  /** Cases run at once within a suite (default: the number of cores). */
  concurrency?: number;
  shrink?: boolean;
  /** Known deviations, as a baseline file's path or its content: a check that fails only by one of them is skipped with its reason, not failed. */
  baseline?: string | Baseline;
  /** With a baseline: an entry no longer found fails the run (a test named 'baseline'), so the file stays honest. */
  strictBaseline?: boolean;
}

/** The check results the file's tests recorded so far (vitest runs a file's tests in order). */
function recorded(suite: RunnerTestSuite): CheckResult[] {
  return suite.tasks.flatMap((task) =>
    task.type === 'suite' ? recorded(task) : ((task as RunnerTestCase).meta.check ?? []),
  );
}

/** The options' own error, named as coming from here. */
function checked<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof OptionError) throw new OptionError(`describeConformance: ${error.message}`);
    throw error;
  }
}

/** Declares the suites as vitest tests in the calling test file. Bad options throw while the file is collected. */
export function describeConformance(options: ConformanceSuiteOptions): void {
  const { suites, config: settings } = checked(() => suiteOptions(options, LIBRARY_NAMES));
  const given = typeof options.adapter === 'string' ? undefined : options.adapter;
  if (given) checkAdapter(given, 'describeConformance: the adapter');
  // A path is labelled where the suite loads it; an object here.
  const adapter = given && labelled(given, options.name);
  // A failure's replay line runs the command on what --adapter takes: an object's name is not that.
  if (adapter && options.module === undefined) {
    throw new Error(
      `describeConformance: give the adapter as its module's path (adapter: './my-adapter.ts'), or add module: that path, so a failure's replay line runs`,
    );
  }
  const baseline = checked(() => baselineValue(options.baseline, options.strictBaseline));
  const config: SuiteConfig = {
    adapter: typeof options.adapter === 'string' ? options.adapter : options.module!,
    ...(options.name !== undefined && { name: options.name }),
    ...settings,
  };
  // A failure is expected when the baseline lists, for this client, every rule it is traced to.
  const known = (result: CheckResult, client: ClientAdapter) => {
    const entries = (result.causes ?? [result.id]).map((rule) =>
      baseline?.known.find((e) => e.client === client.name && e.rule === rule),
    );
    if (entries.some((e) => e === undefined)) return undefined;
    return `known deviation (baseline): ${entries.map((e) => `${e!.rule}: ${e!.reason}${e!.link ? ` (${e!.link})` : ''}`).join('; ')}`;
  };
  const all = checksBySuite();
  for (const suite of suites) {
    const checks = all[suite].filter((c) => !config.checks || config.checks.includes(c.id));
    if (checks.length > 0)
      defineSuite(suite, checks, { config, ...(adapter && { adapter }), ...(baseline && { expected: known }) });
  }
  if (baseline) {
    describe('baseline', () => {
      test('every entry for this client still found', async ({ task, skip }) => {
        const name =
          adapter?.name ?? (await loadAdapter(config.adapter, { command: config.command, name: config.name })).name;
        const report = buildReport(name, undefined, config.seed, config.runs, recorded(task.file), []);
        const { fixed } = compareWithBaseline(report, baseline, options.strictBaseline === true);
        if (fixed.length === 0) return;
        const message = `fixed: ${fixed.map((e) => `${e.rule} (${e.reason})`).join(', ')} in the baseline but no longer found; take ${fixed.length === 1 ? 'it' : 'them'} out of the baseline`;
        if (options.strictBaseline) throw new Error(message);
        skip(message);
      });
    });
  }
}
