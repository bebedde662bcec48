/**
 * The baseline file: JSON with one known deviation a line, so a review of a change to it reads as
 * deviations added and removed. Anything wrong in it is one line that says what to fix.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { RULE_IDS } from '../spec/index.ts';
import type { Baseline, BaselineEntry } from './baseline.ts';
import { OptionError } from './options.ts';

const FIELDS = ['rule', 'client', 'reason', 'link'];
const EXAMPLE =
  '{"known": [{"rule": "GS-COND-008", "client": "my-client", "reason": "why it is accepted", "link": "optional URL"}]}';

/** Checks a parsed value against the baseline's shape; `where` names it in the message. */
export function validateBaseline(value: unknown, where: string): Baseline {
  const bad = (what: string) => new OptionError(`${where}: ${what}; expected ${EXAMPLE}`);
  if (typeof value !== 'object' || value === null || !Array.isArray((value as Baseline).known))
    throw bad('no "known" list');
  const extra = Object.keys(value).filter((k) => k !== 'known');
  if (extra.length > 0) throw bad(`unknown field "${extra[0]}"`);
  const known: BaselineEntry[] = [];
  (value as { known: unknown[] }).known.forEach((item, i) => {
    const at = `entry ${i + 1}`;
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw bad(`${at} is not an object`);
    const entry = item as Record<string, unknown>;
    const unknownField = Object.keys(entry).find((k) => !FIELDS.includes(k));
    if (unknownField !== undefined) throw bad(`${at} has an unknown field "${unknownField}"`);
    if (typeof entry.rule !== 'string' || !RULE_IDS.includes(entry.rule as BaselineEntry['rule']))
      throw bad(
        `${at} has rule ${JSON.stringify(entry.rule)}, not a rule id ('getstatus-conformance rules' lists them)`,
      );
    for (const field of ['client', 'reason'] as const) {
      if (typeof entry[field] !== 'string' || entry[field].trim() === '')
        throw bad(`${at} (${entry.rule}) needs a non-empty "${field}"`);
    }
    if (/[\r\n]/.test(entry.reason as string))
      throw bad(`${at} (${entry.rule}) has a reason of several lines; keep it to one`);
    if (entry.link !== undefined && typeof entry.link !== 'string')
      throw bad(`${at} (${entry.rule}) has a "link" that is not a string`);
    if (known.some((e) => e.rule === entry.rule && e.client === entry.client))
      throw bad(`${at} repeats ${entry.rule} for ${entry.client}`);
    known.push({
      rule: entry.rule as BaselineEntry['rule'],
      client: entry.client as string,
      reason: entry.reason as string,
      ...(entry.link !== undefined && { link: entry.link as string }),
    });
  });
  return { known };
}

export function readBaseline(file: string): Baseline {
  if (!existsSync(file))
    throw new OptionError(`--baseline: no such file '${file}'; write one with --update-baseline ${file}`);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new OptionError(
      `baseline '${file}' is not valid JSON (${(error as Error).message.split('\n')[0]}); fix it or write it anew with --update-baseline`,
    );
  }
  return validateBaseline(value, `baseline '${file}'`);
}

/** The previous content of a file --update-baseline rewrites: none when it does not exist yet. */
export const readBaselineIfAny = (file: string): Baseline => (existsSync(file) ? readBaseline(file) : { known: [] });

export function formatBaseline({ known }: Baseline): string {
  if (known.length === 0) return '{\n  "known": []\n}\n';
  return `{\n  "known": [\n${known.map((e) => `    ${JSON.stringify(e, FIELDS)}`).join(',\n')}\n  ]\n}\n`;
}

export const writeBaseline = (file: string, baseline: Baseline) => writeFileSync(file, formatBaseline(baseline));
