/**
 * Every value of every listed encoding choice (CHOICES in generators/wire-encoding.ts,
 * TIMESTAMP_CHOICES in generators/creation-dates.ts) is a spelling one dimension owns: on a plain
 * response it departs in that dimension alone, the check of the dimension's owner draws it within a
 * suite run's worth of cases, and making the dimension plain writes the body otherwise and reads
 * the same. A new value is tested here without a line of its own.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TIMESTAMP_CHOICES } from '../../generators/creation-dates.ts';
import {
  departures,
  PLAIN_ENCODING,
  recipeOf,
  validParts,
  type Expected,
  type ResponseCase,
  type WireEncoding,
} from '../../generators/index.ts';
import { CHOICES } from '../../generators/wire-encoding.ts';
import { dimensionById, type RuleId } from '../../spec/index.ts';
import { checksBySuite } from '../../suites/checks/index.ts';

const SAMPLE = { seed: 20150527, numRuns: 500 };
const CHECKS = Object.values(checksBySuite()).flat();

interface Value {
  choice: string;
  value: unknown;
  of(e: WireEncoding): unknown;
  on(e: WireEncoding, value: unknown): WireEncoding;
}
const VALUES: Value[] = [
  ...Object.entries(CHOICES).flatMap(([choice, values]) =>
    values.map(
      (value: unknown): Value => ({
        choice,
        value,
        of: (e) => e[choice as keyof WireEncoding],
        on: (e, v) => ({ ...e, [choice]: v }),
      }),
    ),
  ),
  ...Object.entries(TIMESTAMP_CHOICES).flatMap(([name, values]) =>
    values.map(
      (value: unknown): Value => ({
        choice: `timestamp.${name}`,
        value,
        of: (e) => e.timestamp[name as keyof WireEncoding['timestamp']],
        on: (e, v) => ({ ...e, timestamp: { ...e.timestamp, [name]: v } }),
      }),
    ),
  ),
];

/** Values plain in every dimension besides each choice's plain one, and why. */
const PLAIN_TOO: Record<string, string> = {
  'empty open-close':
    "the other form of an empty value: only empty values are written so, and they are the empty dimension's",
  'timestamp.digits 3': 'three fractional digits are the plain spelling of an instant with milliseconds',
};

const [drawn] = fc.sample(validParts([]), { seed: 1, numRuns: 1 });
const plain = { ...drawn, encoding: PLAIN_ENCODING };

/** Whether a correct client reads the spelling as the plain one: a spelling the service never sends may also fail (spec/rules.ts says which). */
const readsAs = (spelled: Expected, plainly: Expected) =>
  spelled.outcome === 'fail-or-tolerated' && plainly.outcome === 'output'
    ? expect(spelled.accept).toContainEqual(plainly.output)
    : expect(spelled).toEqual(plainly);

const samples = new Map<RuleId, ResponseCase[]>();
function casesOf(rule: RuleId): ResponseCase[] {
  if (!samples.has(rule)) samples.set(rule, fc.sample(CHECKS.find((c) => c.id === rule)!.cases!(), SAMPLE));
  return samples.get(rule)!;
}

describe('every value of an encoding choice is a spelling of one dimension, drawn by its owner’s check', () => {
  it.each(VALUES.map((v) => ({ ...v, name: `${v.choice} ${String(v.value)}` })))('$name', ({ name, value, of, on }) => {
    const departs = departures({ ...plain, encoding: on(plain.encoding, value) });
    if (departs.length === 0) {
      if (of(plain.encoding) !== value)
        expect(
          PLAIN_TOO,
          `${name} departs in no dimension: make a dimension of spec/dimensions.ts own it (generators/plain.ts)`,
        ).toHaveProperty([name]);
      return;
    }
    expect(departs, 'a spelling departs in one dimension').toHaveLength(1);
    const [dimension] = departs;
    const owner = dimensionById(dimension)!.owner;
    // The same case with this choice as the plain encoding has it: only the value differs.
    const unspelled = (c: ResponseCase) => {
      const { parts, build } = recipeOf(c)!;
      return build({ ...parts, encoding: on(parts.encoding, of(PLAIN_ENCODING)) });
    };
    const shown = casesOf(owner).find(
      (c) => recipeOf(c) && of(recipeOf(c)!.parts.encoding) === value && unspelled(c).body !== c.body,
    );
    expect(
      shown,
      `no case of ${owner}'s check writes ${name} otherwise than the plain value in ${SAMPLE.numRuns}`,
    ).toBeDefined();
    readsAs(shown!.expected, unspelled(shown!).expected);
  });
});
