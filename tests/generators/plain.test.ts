/**
 * The ownership table's dimensions as generators use them: a check's cases depart from the plain
 * spelling only where the check varies, making one dimension plain leaves the others as they were,
 * and a plain response still means what the reference reads.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALL_DIMENSIONS,
  departures,
  errorBody,
  isPlainIn,
  isPlainText,
  makePlainIn,
  plainExcept,
  plainText,
  recipeOf,
  serviceError,
  validCase,
  validParts,
  invalidResponse,
  INVALID_LABELS,
} from '../../generators/index.ts';
import { DIMENSIONS, parseGetStatusResponse, RULE_IDS, type DimensionId } from '../../spec/index.ts';
import { runs } from '../properties/config.ts';

const RUNS = runs(300);
const dimension = fc.constantFrom(...ALL_DIMENSIONS);
/** Valid parts and error bodies, as generated for the broad checks (every dimension varying). */
const anyParts = fc.oneof(validParts(), errorBody());

describe('the ownership table', () => {
  it('every dimension has an owner in the catalogue, and combinations name dimensions that exist', () => {
    for (const d of DIMENSIONS) {
      expect(RULE_IDS).toContain(d.owner);
      for (const other of ('with' in d ? d.with : []) as string[]) expect(ALL_DIMENSIONS).toContain(other);
    }
  });
});

describe('plain parts', () => {
  it('parts made plain in every dimension depart in none', () => {
    fc.assert(
      fc.property(anyParts, (parts) => {
        expect(departures(plainExcept(parts, []))).toEqual([]);
      }),
      RUNS,
    );
  });

  it('plainExcept is each dimension not varied made plain in turn, as makePlainIn does, and leaves the parts it was given as they were', () => {
    fc.assert(
      fc.property(anyParts, fc.subarray([...ALL_DIMENSIONS]), (parts, vary) => {
        const given = structuredClone(parts);
        const oneByOne = ALL_DIMENSIONS.filter((d) => !vary.includes(d)).reduce((p, d) => makePlainIn(d, p), parts);
        expect(plainExcept(parts, vary)).toStrictEqual(oneByOne);
        expect(parts).toEqual(given);
      }),
      RUNS,
    );
  });

  it('a check varying some dimensions draws cases that depart only in them', () => {
    fc.assert(
      fc.property(fc.subarray([...ALL_DIMENSIONS]), fc.integer(), (vary, seed) => {
        for (const parts of fc.sample(validParts(vary), { seed, numRuns: 5 }))
          expect(departures(parts).filter((d) => !vary.includes(d))).toEqual([]);
      }),
      runs(60),
    );
  });

  it('making one dimension plain makes it plain and keeps every other plain dimension plain', () => {
    fc.assert(
      fc.property(anyParts, dimension, (parts, d: DimensionId) => {
        const plainer = makePlainIn(d, parts);
        expect(isPlainIn(d, plainer)).toBe(true);
        for (const other of ALL_DIMENSIONS)
          if (isPlainIn(other, parts)) expect(isPlainIn(other, plainer), `${d} broke ${other}`).toBe(true);
      }),
      RUNS,
    );
  });

  it('a plain output is written so the reference reads it back unchanged', () => {
    fc.assert(
      fc.property(validCase({ vary: [] }), (c) => {
        const { parts } = recipeOf(c)!;
        expect(parseGetStatusResponse(c.body)).toEqual(parts.output);
      }),
      RUNS,
    );
  });

  it('plain text is printable ASCII without markup or edge whitespace; plainText makes any string so, and keeps "" empty', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (value) => {
        const plain = plainText(value);
        if (value === '') expect(plain).toBe('');
        else expect(isPlainText(plain)).toBe(true);
        if (isPlainText(value)) expect(plain).toBe(value);
      }),
      RUNS,
    );
  });
});

describe('recipes', () => {
  const recipeCases = fc.oneof(validCase(), invalidResponse(INVALID_LABELS, ALL_DIMENSIONS), serviceError());

  it('every generated case can be rebuilt from its recipe, byte for byte', () => {
    fc.assert(
      fc.property(recipeCases, (c) => {
        const recipe = recipeOf(c)!;
        expect(recipe).toBeDefined();
        const again = recipe.build(recipe.parts);
        expect(again.body).toEqual(c.body);
        expect(again.expected).toEqual(c.expected);
      }),
      RUNS,
    );
  });

  it('a labelled case without its departure is the valid response it was made from', () => {
    fc.assert(
      fc.property(invalidResponse(), (c) => {
        const recipe = recipeOf(c)!;
        const valid = recipe.build({ ...recipe.parts, essence: false });
        expect(valid.kind).toBe('valid');
        expect(valid.expected).toEqual({ outcome: 'output', output: parseGetStatusResponse(valid.body) });
      }),
      RUNS,
    );
  });
});
