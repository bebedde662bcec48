/** `runConformance`: the `run` command as a function, for a program of the user's own; it resolves with the report. */
import { IN_PROCESS_TIME_ZONE } from '../harness/time-zone.ts';
import type { RuleId } from '../spec/index.ts';
import type { SuiteName } from '../suites/check.ts';
import { withBaseline, type Baseline } from '../run/baseline.ts';
import { adapterNames, runClients } from '../run/clients.ts';
import { baselineValue, LIBRARY_NAMES, suiteOptions } from '../run/options.ts';
import type { Report } from '../run/report.ts';

export interface ConformanceOptions {
  /** 'reference' (the default), a built-in client ('aws-sdk-v2', 'aws-cli-v1', …), 'command', or the path of an adapter module. */
  adapter?: string;
  /** The client's label in the report and its baseline entries, in place of the adapter's own name. */
  name?: string;
  /** With adapter 'command': the client's command line, with {jobId}, {endpoint} and {apiVersion}. */
  command?: string;
  /** fast-check seed (default 42): the same seed gives the same cases and the same report. */
  seed?: number;
  /** Generated cases per property (default: each check's own). */
  runs?: number;
  suites?: readonly SuiteName[];
  /** Only these rules' checks. */
  checks?: readonly RuleId[];
  /** Known deviations, as a baseline file's path or its content: `report.baseline` says which are known, new and fixed. */
  baseline?: string | Baseline;
  strictBaseline?: boolean;
  /** Per-case timeout in milliseconds (default 10000, DEFAULT_TIMEOUT_MS). */
  timeoutMs?: number;
  /** Cases run at once for each suite (default: the number of cores). */
  concurrency?: number;
  /** false: stop each check at its first failing case, unshrunk. */
  shrink?: boolean;
}

/**
 * Runs the suites against one client and resolves with its report, as `--reporter json` prints it.
 * Bad options reject with an Error whose message is one line that says what to fix.
 */
export async function runConformance(options: ConformanceOptions = {}): Promise<Report> {
  const { suites, config } = suiteOptions(options, LIBRARY_NAMES);
  const baseline = baselineValue(options.baseline, options.strictBaseline);
  const [name] = await adapterNames(
    [options.adapter ?? 'reference'],
    { command: options.command },
    options.name === undefined ? [] : [options.name],
  );
  // In-process clients run in the tool's zone (see harness/time-zone.ts); the workers take it when they start.
  const zone = process.env.TZ;
  process.env.TZ = IN_PROCESS_TIME_ZONE;
  try {
    const [report] = await runClients([name], config, { suites });
    return baseline ? withBaseline(report, baseline, options.strictBaseline === true) : report;
  } finally {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  }
}
