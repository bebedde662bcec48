import fc from 'fast-check';
import { emptying, validCase, type ValidParts } from '../../generators/index.ts';
import { STRING_MEMBERS, type DimensionId } from '../../spec/index.ts';
import type { CheckSpec } from '../check.ts';
import { judgeText as judge, needsText as skip } from '../judge.ts';
import { judgeJson, needsJson } from '../judge-json.ts';
import { documentationExample } from './examples.ts';

const varying = (vary: DimensionId[], reshape?: fc.Arbitrary<(p: ValidParts) => ValidParts>) => () =>
  validCase({ vary, ...(reshape && { reshape }) });
const withEmpty = fc.subarray([...STRING_MEMBERS], { minLength: 1 }).map(
  (names) =>
    (p: ValidParts): ValidParts => ({ ...p, output: emptying(names)(p.output) }),
);
const TIMESTAMP_SPELLINGS: DimensionId[] = [
  'timestamp-offset',
  'timestamp-fraction',
  'timestamp-no-zone',
  'timestamp-other-form',
];
/** What the JSON layout is about: which members print, in what order, and how strings and lists are written. */
const JSON_LAYOUT: DimensionId[] = [
  'absent',
  'artifacts-absent',
  'artifacts-shape',
  'text',
  'order',
  'error-count-zero',
  'error-count-large',
];

const CHECKS: Omit<CheckSpec, 'readsText'>[] = [
  { id: 'GS-TEXT-001', title: 'one row of the present scalars in sorted order', cases: varying([]), judge, skip },
  {
    id: 'GS-TEXT-002',
    title: 'absent members leave no column, empty ones an empty field',
    cases: () => fc.oneof(varying(['absent'])(), varying(['empty'], withEmpty)()),
    judge,
    skip,
  },
  {
    id: 'GS-TEXT-003',
    title: 'ARTIFACTLIST rows over the union of keys',
    cases: varying(['artifacts-shape', 'artifacts-absent']),
    judge,
    skip,
  },
  { id: 'GS-TEXT-004', title: 'tabs, newlines and CRs printed raw', cases: varying(['text']), judge, skip },
  {
    id: 'GS-TIME-006',
    title: 'timestamps in the text style (v1: as received)',
    cases: varying(TIMESTAMP_SPELLINGS),
    judge,
    skip: (a) => skip(a) ?? (a.textStyle !== 'v1' ? 'the adapter prints the v2 layout' : undefined),
  },
  {
    id: 'GS-TIME-007',
    title: 'timestamps in the text style (v2: isoformat)',
    cases: varying(TIMESTAMP_SPELLINGS),
    judge,
    skip: (a) => skip(a) ?? (a.textStyle !== 'v2' ? 'the adapter prints the v1 layout' : undefined),
  },
  {
    id: 'GS-TEXT-005',
    title: 'the --output json layout, byte for byte',
    cases: () => fc.oneof(varying(JSON_LAYOUT)(), varying(['empty'], withEmpty)()),
    fixed: documentationExample,
    judge: judgeJson,
    skip: needsJson,
  },
  {
    id: 'GS-TEXT-006',
    title: 'the documentation example prints as the page shows',
    fixed: documentationExample,
    judge,
    skip,
  },
];

export const TEXT: CheckSpec[] = CHECKS.map((check) => ({ ...check, readsText: true }));
