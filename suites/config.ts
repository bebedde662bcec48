import { DEFAULT_TIMEOUT_MS, defaultConcurrency } from '../harness/defaults.ts';
import type { RuleId } from '../spec/index.ts';

/**
 * How a suite run is configured. The `run` command passes it to the vitest workers through
 * one environment variable, so a user's own vitest config can set the same variable.
 */
export interface SuiteConfig {
  /** 'reference', 'command', or a path to an adapter module. */
  adapter: string;
  /** The client's label, in place of its adapter's own name (--name). */
  name?: string;
  command?: string;
  textCommand?: string;
  textStyle?: 'v1' | 'v2';
  seed: number;
  /** Runs per property; undefined: each check's default. */
  runs?: number;
  timeoutMs: number;
  /** Only these rules' checks; undefined: every check of the suites run. */
  checks?: RuleId[];
  /** fast-check replay path of one counterexample; only meaningful with one check selected. */
  path?: string;
  concurrency: number;
  /** A directory: each failing check's counterexample is written there (see suites/regressions.ts). */
  saveCounterexamples?: string;
  /** false: stop at the first failing case without shrinking it (verdicts only, as fast as possible). */
  shrink?: boolean;
}

export const CONFIG_ENV = 'GETSTATUS_CONFORMANCE';
export const DEFAULT_SEED = 42;
/** Cases per property for a check that names no depth of its own. */
export const DEFAULT_RUNS = 260;

/** The configuration the run put in the environment; the defaults, on the reference client, when a suite file runs on its own. */
export function suiteConfig(env: NodeJS.ProcessEnv = process.env): SuiteConfig {
  const given = env[CONFIG_ENV] ? (JSON.parse(env[CONFIG_ENV]!) as Partial<SuiteConfig>) : {};
  return {
    adapter: 'reference',
    seed: DEFAULT_SEED,
    timeoutMs: DEFAULT_TIMEOUT_MS,
    concurrency: defaultConcurrency(),
    ...given,
  };
}
