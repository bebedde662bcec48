/**
 * `getstatus-conformance/vitest`: the suites declared inside a user's own vitest run, so their
 * config, reporters and sharding apply. Each check is one test, named `RULE-ID title` under a
 * describe block per suite; a check fails with the same report text the command prints.
 */
import { checkAdapter } from '../harness/adapter-shape.ts';
import { RULE_IDS, type ClientAdapter, type RuleId } from '../spec/index.ts';
import { SUITES, type SuiteName } from '../suites/check.ts';
import { checksBySuite } from '../suites/checks/index.ts';
import { DEFAULT_SEED, DEFAULT_TIMEOUT_MS, type SuiteConfig } from '../suites/config.ts';
import { defineSuite } from '../suites/define.ts';

/** The built-in correct client: a base to wrap, as a broken variant or a client's stand-in. */
export { referenceAdapter } from '../adapters/index.ts';
export type { ClientAdapter, RuleId, SuiteName };

export interface ConformanceSuiteOptions {
  /** The client: an adapter object, or what the command's --adapter takes (a built-in name, 'command', a module's path). */
  adapter: ClientAdapter | string;
  /** With adapter 'command': the client's command line. */
  command?: string;
  seed?: number;
  runs?: number;
  suites?: readonly SuiteName[];
  checks?: readonly RuleId[];
  timeoutMs?: number;
  /** Cases run at once within a suite (default 2). */
  concurrency?: number;
  shrink?: boolean;
}

/** Declares the suites as vitest tests in the calling test file. Bad options throw while the file is collected. */
export function describeConformance(options: ConformanceSuiteOptions): void {
  const unknownSuite = options.suites?.find((s) => !SUITES.includes(s));
  if (unknownSuite !== undefined) throw new Error(`describeConformance: unknown suite '${unknownSuite}'; choose from ${SUITES.join(', ')}`);
  const unknownRule = options.checks?.find((id) => !RULE_IDS.includes(id));
  if (unknownRule !== undefined) throw new Error(`describeConformance: unknown rule '${unknownRule}'; 'npx getstatus-conformance rules' lists them`);
  const adapter = typeof options.adapter === 'string' ? undefined : options.adapter;
  if (adapter) checkAdapter(adapter, 'describeConformance: the adapter');
  const config: SuiteConfig = {
    adapter: typeof options.adapter === 'string' ? options.adapter : options.adapter.name,
    command: options.command,
    seed: options.seed ?? DEFAULT_SEED,
    runs: options.runs,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    concurrency: options.concurrency ?? 2,
    ...(options.shrink === false && { shrink: false }),
  };
  const all = checksBySuite();
  for (const suite of options.suites ?? SUITES) {
    const checks = all[suite].filter((c) => !options.checks || options.checks.includes(c.id));
    if (checks.length > 0) defineSuite(suite, checks, { config, ...(adapter && { adapter }) });
  }
}
