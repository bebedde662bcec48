/** What every subcommand of the tool provides, and how usage errors travel. */
import type { ParseArgsConfig } from 'node:util';
import { integerValue, OptionError, type OptionNames } from '../run/options.ts';

export interface Command {
  name: string;
  /** Usage lines and option descriptions shown by `--help`. */
  help: string;
  options: NonNullable<ParseArgsConfig['options']>;
  allowPositionals?: boolean;
  /** Resolves with the exit code. Throw `UsageError` for bad input. */
  run(values: Record<string, string | boolean | string[] | undefined>, positionals: string[]): Promise<number>;
}

/** Bad input on the command line: printed as one line, exit code 2, as is every OptionError of the run below. */
export class UsageError extends OptionError {}

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** A whole-number flag of at least `min`, or a one-line error that says what was expected. */
export const integerOption = (name: string, value: unknown, { min = 0 } = {}): number | undefined =>
  integerValue(`--${name}`, value === undefined ? undefined : String(value), min);

/** The run's flags, as suiteOptions names them in its errors. */
export const FLAG_NAMES: OptionNames = {
  seed: '--seed',
  runs: '--runs',
  timeoutMs: '--timeout',
  concurrency: '--concurrency',
  suites: '--suite',
  checks: '--check',
  textStyle: '--text-style',
  path: '--path',
};

export function choiceOption<T extends string>(name: string, value: unknown, choices: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!choices.includes(value as T))
    throw new UsageError(`--${name} must be one of ${choices.join(', ')}, got '${String(value)}'`);
  return value as T;
}
