/** What every subcommand of the tool provides, and how usage errors travel. */
import type { ParseArgsConfig } from 'node:util';
import { OptionError } from '../run/options.ts';

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

/** Parse a non-negative integer option, or explain what was expected. */
export function integerOption(name: string, value: unknown, { min = 0 } = {}): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  if (/^-?\d+$/.test(text) && Number.isSafeInteger(Number(text)) && Number(text) < min) throw new UsageError(`--${name} must be ≥ ${min}, got '${text}'`);
  if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(Number(text))) {
    throw new UsageError(`--${name} must be an integer${min > 0 ? ` ≥ ${min}` : ''}, got '${text}'`);
  }
  return Number(text);
}

export function choiceOption<T extends string>(name: string, value: unknown, choices: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!choices.includes(value as T)) throw new UsageError(`--${name} must be one of ${choices.join(', ')}, got '${String(value)}'`);
  return value as T;
}
