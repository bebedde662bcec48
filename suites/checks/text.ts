import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { getStatusOutput, hostileString, serialize, validCase, wireEncoding } from '../../generators/index.ts';
import { STRING_MEMBERS, type GetStatusOutput } from '../../spec/index.ts';
import { caseFromBody } from '../cases.ts';
import type { Check } from '../check.ts';
import { judgeText as judge, needsText as skip } from '../judge.ts';
import { SEED_RESPONSE } from './conditional.ts';
import { timestampCases } from './timestamps.ts';

const reshaped = (reshape: fc.Arbitrary<(o: GetStatusOutput) => GetStatusOutput>) => () =>
  fc.tuple(getStatusOutput(), reshape, wireEncoding()).map(([o, f, e]) => caseFromBody('valid', serialize(f(o), e)));

const sparse = fc.subarray([...STRING_MEMBERS, 'ErrorCount', 'CreationDate', 'ArtifactList'] as (keyof GetStatusOutput)[]).map((drop) => (o: GetStatusOutput) => {
  const copy = { ...o };
  for (const name of drop) delete copy[name];
  return copy;
});
const withEmpty = fc.subarray([...STRING_MEMBERS], { minLength: 1 }).map((names) => (o: GetStatusOutput) => ({ ...o, ...Object.fromEntries(names.map((n) => [n, ''])) }));
const artifacts = fc
  .array(fc.record({ Description: fc.string(), URL: fc.webUrl() }, { requiredKeys: [] }), { minLength: 1, maxLength: 4 })
  .map((list) => (o: GetStatusOutput) => ({ ...o, ArtifactList: list }));
const rawValues = fc
  .array(fc.tuple(fc.constantFrom(...STRING_MEMBERS), hostileString()), { minLength: 1, maxLength: 4 })
  .map((pairs) => (o: GetStatusOutput) => ({ ...o, ...Object.fromEntries(pairs) }));

const CHECKS: Omit<Check, 'readsText'>[] = [
  { id: 'GS-TEXT-001', suite: 'text', title: 'one row of the present scalars in sorted order', cases: validCase, judge, skip },
  { id: 'GS-TEXT-002', suite: 'text', title: 'absent members leave no column, empty ones an empty field', cases: () => fc.oneof(reshaped(sparse)(), reshaped(withEmpty)()), judge, skip },
  { id: 'GS-TEXT-003', suite: 'text', title: 'ARTIFACTLIST rows over the union of keys', cases: reshaped(artifacts), judge, skip },
  { id: 'GS-TEXT-004', suite: 'text', title: 'tabs, newlines and CRs printed raw', cases: reshaped(rawValues), judge, skip },
  { id: 'GS-TIME-006', suite: 'text', title: 'timestamps in the text style (v1: as received)', cases: timestampCases(['Z', 'z', 'offset', 'none', 'date-only', 'epoch'], [0, 3, 6, 7]), judge, skip: (a) => skip(a) ?? (a.textStyle !== 'v1' ? 'the adapter prints the v2 layout' : undefined) },
  { id: 'GS-TIME-007', suite: 'text', title: 'timestamps in the text style (v2: isoformat)', cases: timestampCases(['Z', 'z', 'offset', 'none', 'date-only', 'epoch'], [0, 3, 6, 7]), judge, skip: (a) => skip(a) ?? (a.textStyle !== 'v2' ? 'the adapter prints the v1 layout' : undefined) },
  { id: 'GS-TEXT-006', suite: 'text', title: 'the documentation example prints as the page shows', fixed: () => [caseFromBody('valid', readFileSync(SEED_RESPONSE, 'utf8'))], judge, skip },
];

export const TEXT: Check[] = CHECKS.map((check) => ({ ...check, readsText: true }));
