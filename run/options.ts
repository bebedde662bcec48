/**
 * A run's options, checked once for every front end: the command's flags, runConformance's and
 * describeConformance's options all become a suite configuration here, with the same defaults
 * and the same one-line errors, each naming the option as that front end spells it.
 */
import { DEFAULT_TIMEOUT_MS, defaultConcurrency } from '../harness/defaults.ts';
import { RULE_IDS, type RuleId } from '../spec/index.ts';
import { SUITES, type SuiteName } from '../suites/check.ts';
import { DEFAULT_SEED, type SuiteConfig } from '../suites/config.ts';
import type { Baseline } from './baseline.ts';
import { readBaseline, validateBaseline } from './baseline-file.ts';

/**
 * Bad options to a run, from whichever front end took them: the command prints the message as one
 * line and exits 2; runConformance and describeConformance throw it as it is.
 */
export class OptionError extends Error {}

/** What a front end was given, before it is checked: numbers may come as the text of a flag. */
export interface RunOptions {
  command?: string;
  textCommand?: string;
  textStyle?: string;
  seed?: number | string;
  runs?: number | string;
  timeoutMs?: number | string;
  concurrency?: number | string;
  shrink?: boolean;
  suites?: readonly string[];
  checks?: readonly string[];
  path?: string;
  saveCounterexamples?: string;
}

/** How a front end names each option that can be wrong: `--timeout` on the command line, `timeoutMs` in the library. */
export type OptionNames = Record<
  'seed' | 'runs' | 'timeoutMs' | 'concurrency' | 'suites' | 'checks' | 'textStyle' | 'path',
  string
>;

export const LIBRARY_NAMES: OptionNames = {
  seed: 'seed',
  runs: 'runs',
  timeoutMs: 'timeoutMs',
  concurrency: 'concurrency',
  suites: 'suites',
  checks: 'checks',
  textStyle: 'textStyle',
  path: 'path',
};

/** A whole number of at least `min`, from a number or from a flag's text; undefined when not given. */
export function integerValue(name: string, value: number | string | undefined, min = 0): number | undefined {
  if (value === undefined) return undefined;
  const shown = typeof value === 'string' ? `'${value}'` : String(value);
  const number = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number))
    throw new OptionError(`${name} must be an integer${min > 0 ? ` ≥ ${min}` : ''}, got ${shown}`);
  if (number < min) throw new OptionError(`${name} must be ≥ ${min}, got ${shown}`);
  return number;
}

/** Some of `allowed`, each known; undefined when not given. */
export function subsetValue<T extends string>(
  name: string,
  given: readonly string[] | undefined,
  allowed: readonly T[],
): T[] | undefined {
  if (given === undefined) return undefined;
  const unknown = given.filter((s) => !allowed.includes(s as T));
  if (unknown.length > 0 || given.length === 0)
    throw new OptionError(`${name}: unknown ${unknown.join(', ') || 'value'}; choose from ${allowed.join(', ')}`);
  return [...given] as T[];
}

const TEXT_STYLES = ['v1', 'v2'] as const;
/** A replay line's path: fast-check's, or a check's fixed example. */
const REPLAY_PATH = /^(fixed:\d+|\d+(:\d+)*)$/;

/** The suites to run and their configuration (every default filled in), or an OptionError naming what to fix. */
export function suiteOptions(
  given: RunOptions,
  names: OptionNames,
): { suites: SuiteName[]; config: Omit<SuiteConfig, 'adapter'> } {
  const suites = subsetValue(names.suites, given.suites, SUITES) ?? [...SUITES];
  const checks = subsetValue<RuleId>(names.checks, given.checks, RULE_IDS);
  if (given.textStyle !== undefined && !TEXT_STYLES.includes(given.textStyle as never))
    throw new OptionError(`${names.textStyle} must be one of ${TEXT_STYLES.join(', ')}, got '${given.textStyle}'`);
  if (given.path !== undefined && checks?.length !== 1)
    throw new OptionError(
      `${names.path} replays one counterexample: give exactly one ${names.checks} (the replay line of a failure has it)`,
    );
  if (given.path !== undefined && !REPLAY_PATH.test(given.path))
    throw new OptionError(`${names.path} must look like 12:0:3 or fixed:0 (from a replay line), got '${given.path}'`);
  return {
    suites,
    config: {
      command: given.command,
      textCommand: given.textCommand,
      textStyle: given.textStyle as SuiteConfig['textStyle'],
      seed: integerValue(names.seed, given.seed) ?? DEFAULT_SEED,
      runs: integerValue(names.runs, given.runs, 1),
      timeoutMs: integerValue(names.timeoutMs, given.timeoutMs, 1) ?? DEFAULT_TIMEOUT_MS,
      path: given.path,
      concurrency: integerValue(names.concurrency, given.concurrency, 1) ?? defaultConcurrency(),
      ...(checks && { checks }),
      ...(given.shrink === false && { shrink: false }),
      ...(given.saveCounterexamples !== undefined && { saveCounterexamples: given.saveCounterexamples }),
    },
  };
}

/** The library's baseline: a file's path or its content, checked; `strictBaseline` needs one. */
export function baselineValue(given: string | Baseline | undefined, strict: boolean | undefined): Baseline | undefined {
  if (strict && given === undefined) throw new OptionError('strictBaseline needs a baseline');
  return typeof given === 'string' ? readBaseline(given) : given && validateBaseline(given, 'baseline');
}
