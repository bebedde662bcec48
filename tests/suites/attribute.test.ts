/**
 * Attribution on its own: stand-in clients that go wrong on one feature of a response, given a
 * counterexample that departs from the plain spelling in many ways at once. The failure must be
 * traced to the rule owning that feature, with that feature alone as what it needs.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { departures, invalidResponse, recipeOf, validCase, type ResponseCase } from '../../generators/index.ts';
import { loadAdapter } from '../../adapters/index.ts';
import type { RuleId } from '../../spec/index.ts';
import { attribute, focus } from '../../suites/attribute.ts';
import type { Check, Failure, Verdict } from '../../suites/check.ts';

const adapter = await loadAdapter('reference', {});
const body = (c: ResponseCase) => String(c.body);
const failure = (extra: Partial<Failure> = {}): Failure => ({
  ok: false,
  reason: 'differs',
  expected: null,
  actual: null,
  ...extra,
});
const check = (id: RuleId): Check => ({ id, suite: 'parsing', title: id, judge: () => ({ ok: true }) });

/** A generated case with the wanted feature and at least four other departures, so there is something to rule out. */
function busyCase(arbitrary: fc.Arbitrary<ResponseCase>, has: (c: ResponseCase) => boolean): ResponseCase {
  const found = fc
    .sample(arbitrary, { seed: 7, numRuns: 3000 })
    .find((c) => has(c) && departures(recipeOf(c)!.parts).length >= 5);
  if (!found) throw new Error('no such case in the sample');
  return found;
}

interface Row {
  client: string;
  check: RuleId;
  cases: fc.Arbitrary<ResponseCase>;
  /** What the stand-in client gets wrong: a failure for the cases it mishandles. */
  wrong(c: ResponseCase): Failure | undefined;
  causes: RuleId[];
  needs: string[];
}

const ROWS: Row[] = [
  {
    client: 'loses members under a namespace prefix',
    check: 'GS-PARSE-001',
    cases: validCase(),
    wrong: (c) => (body(c).includes('<ie:') ? failure() : undefined),
    causes: ['GS-PARSE-012'],
    needs: ['namespace'],
  },
  {
    client: 'loses members under a namespace prefix',
    check: 'GS-PARSE-012',
    cases: validCase(),
    wrong: (c) => (body(c).includes('<ie:') ? failure() : undefined),
    causes: ['GS-PARSE-012'],
    needs: ['namespace'],
  },
  {
    client: 'reads a zone-less CreationDate in local time',
    check: 'GS-PARSE-001',
    cases: validCase(),
    wrong: (c) =>
      /<(\w+:)?CreationDate>[^<Zz+]*T[^<Zz+-]*</.test(body(c))
        ? failure({ member: 'CreationDate', problem: 'value' })
        : undefined,
    causes: ['GS-TIME-003'],
    needs: ['timestamp-no-zone'],
  },
  {
    client: 'keeps a raw CR LF inside a value',
    check: 'GS-PARSE-001',
    cases: validCase(),
    wrong: (c) => (/[^>\s]\r\n/.test(body(c)) ? failure() : undefined),
    causes: ['GS-PARSE-004'],
    needs: ['text', 'line-ends'],
  },
  {
    client: 'drops ErrorCount 0',
    check: 'GS-PARSE-001',
    cases: validCase(),
    wrong: (c) =>
      /<(\w+:)?ErrorCount>0</.test(body(c)) ? failure({ member: 'ErrorCount', problem: 'dropped' }) : undefined,
    causes: ['GS-COND-008'],
    needs: ['error-count-zero'],
  },
  {
    client: 'returns CreationDate as a string',
    check: 'GS-PARSE-001',
    cases: validCase(),
    wrong: (c) =>
      body(c).includes('CreationDate>') ? failure({ member: 'CreationDate', problem: 'value' }) : undefined,
    causes: ['GS-TIME-001'],
    needs: [],
  },
  {
    client: 'accepts an ErrorCount of 1.5',
    check: 'GS-PARSE-007',
    cases: invalidResponse(['GS-PARSE-007'], ['namespace', 'order', 'layout', 'prolog', 'text']),
    wrong: (c) => (c.label === 'GS-PARSE-007' ? failure() : undefined),
    causes: ['GS-PARSE-007'],
    needs: ['essence'],
  },
  {
    client: 'fails on any comment',
    check: 'GS-PARSE-007',
    cases: invalidResponse(['GS-PARSE-007'], ['comments', 'namespace', 'order', 'layout', 'prolog']),
    wrong: (c) => (body(c).includes('<!--') ? failure() : undefined),
    causes: ['GS-PARSE-003'],
    needs: ['comments'],
  },
];

describe('a failure is traced to the rule owning what it needs', () => {
  test.each(ROWS)('$check, for a client that $client: $causes', async ({ check: id, cases, wrong, causes, needs }) => {
    const c = busyCase(cases, (x) => wrong(x) !== undefined && recipeOf(x)!.parts.essence !== false);
    const judge = async (x: ResponseCase): Promise<Verdict> => wrong(x) ?? { ok: true };
    const result = await attribute(check(id), c, wrong(c)!, adapter, judge);
    expect(result.causes).toEqual(causes);
    expect(result.needs).toEqual(needs);
    expect(wrong(result.case)).toBeDefined();
    // Plain but for what it needs; members the failure does not need may be left out of the shown case.
    expect(
      departures(recipeOf(result.case)!.parts).filter(
        (d) => !needs.includes(d) && d !== 'absent' && d !== 'artifacts-absent',
      ),
    ).toEqual([]);
  });

  test('a request the service refused is explained by the request rule it breaks, whatever the check', async () => {
    const c = busyCase(validCase(), () => true);
    const refused = failure({ refused: ['GS-REQ-002'] });
    const result = await attribute(check('GS-PARSE-003'), c, refused, adapter, async () => refused);
    expect(result.causes).toEqual(['GS-REQ-002']);
  });

  test('a text-only failure on a plain response with a column too many is GS-TEXT-002’s; a wrong row otherwise GS-TEXT-001’s', async () => {
    const [c] = fc.sample(validCase({ vary: [] }), { seed: 7, numRuns: 1 });
    for (const [verdict, cause] of [
      [failure({ aspect: 'text', problem: 'unexpected' }), 'GS-TEXT-002'],
      [failure({ aspect: 'text' }), 'GS-TEXT-001'],
      [failure({ aspect: 'text', member: 'CreationDate' }), 'GS-TIME-007'],
    ] as const) {
      const result = await attribute(
        { ...check('GS-TEXT-004'), suite: 'text' },
        c,
        verdict,
        { ...adapter, textStyle: 'v2' },
        async () => verdict,
      );
      expect(result.causes).toEqual([cause]);
    }
  });
});

test('a failure focused on one of its differences is at that difference’s element, and at none for a text one', () => {
  const verdict = failure({
    member: 'JobId',
    problem: 'value',
    at: ['JobId'],
    differences: [
      { member: 'JobId', problem: 'value', message: 'JobId differs', at: ['JobId'] },
      {
        member: 'ArtifactList',
        problem: 'value',
        message: 'ArtifactList[0].URL differs',
        at: ['ArtifactList', 0, 'URL'],
      },
      { aspect: 'text', message: '--output text differs' },
    ],
  });
  expect(focus(verdict, { member: 'ArtifactList', problem: 'value' })).toMatchObject({
    reason: 'ArtifactList[0].URL differs',
    at: ['ArtifactList', 0, 'URL'],
  });
  expect(focus(verdict, { aspect: 'text' })).not.toHaveProperty('at');
});
