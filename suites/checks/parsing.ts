import fc from 'fast-check';
import { emptying, invalidResponse, serviceError, validCase, type ValidParts } from '../../generators/index.ts';
import type { DimensionId, GetStatusOutput, RuleId } from '../../spec/index.ts';
import { STRING_MEMBERS } from '../../spec/index.ts';
import type { CheckSpec } from '../check.ts';
import { judgeOutcome as judge } from '../judge.ts';
import { documentationExample } from './examples.ts';

/** Valid responses plain but in `vary`, reshaped by the check. */
const varying = (vary: DimensionId[], reshape?: fc.Arbitrary<(p: ValidParts) => ValidParts>) => () =>
  validCase({ vary, ...(reshape && { reshape }) });
/** Labelled invalid responses, plain but in `vary`, or also valid ones varying `vary`. */
const labelled =
  (label: RuleId, vary: DimensionId[] = []) =>
  () =>
    vary.length === 0 ? invalidResponse([label]) : fc.oneof(invalidResponse([label]), validCase({ vary }));

const withOutput =
  (f: (o: GetStatusOutput) => GetStatusOutput) =>
  (p: ValidParts): ValidParts => ({ ...p, output: f(p.output) });

/** Some string members emptied. */
const emptied = fc.subarray([...STRING_MEMBERS], { minLength: 1 }).map((names) => withOutput(emptying(names)));

/** Line breaks inside some values, the whole document written with CR LF. */
const lineBreaks = fc
  .subarray(['LocationMessage', 'ProgressMessage', 'CurrentManifest', 'SignatureFileContents'] as const, {
    minLength: 1,
  })
  .map(
    (names) =>
      (p: ValidParts): ValidParts => ({
        ...p,
        encoding: { ...p.encoding, layout: 'crlf' },
        output: {
          ...p.output,
          ...Object.fromEntries(names.map((n) => [n, `${p.output[n] ?? n}\nsecond line\n\nlast line`])),
        },
      }),
  );

const STRING_SPELLINGS: DimensionId[] = ['text', 'references', 'cdata', 'comments'];

export const PARSING: CheckSpec[] = [
  {
    id: 'GS-PARSE-001',
    title: 'every member of a valid response, with its value and type, in any spelling',
    fixed: documentationExample,
    cases: validCase,
    judge,
  },
  { id: 'GS-PARSE-002', title: 'absent members stay absent', cases: varying(['absent', 'artifacts-absent']), judge },
  {
    id: 'GS-PARSE-003',
    title: 'strings exactly as sent: entities, CDATA, comments, whitespace',
    cases: () => fc.oneof(validCase({ vary: STRING_SPELLINGS }), serviceError(STRING_SPELLINGS)),
    judge,
  },
  { id: 'GS-PARSE-004', title: 'raw CR LF normalised to LF, &#13; kept', cases: varying([], lineBreaks), judge },
  { id: 'GS-PARSE-005', title: 'empty elements are empty strings', cases: varying(['empty'], emptied), judge },
  {
    id: 'GS-PARSE-006',
    title: 'an ErrorCount outside what the service sends: exactly that integer, or the call fails',
    cases: () =>
      fc.oneof(invalidResponse(['GS-PARSE-006'], ['error-count-zero']), validCase({ vary: ['error-count-large'] })),
    judge,
  },
  {
    id: 'GS-PARSE-007',
    title: 'a non-integer ErrorCount fails the call, or is exactly the number it spells',
    cases: labelled('GS-PARSE-007'),
    judge,
  },
  { id: 'GS-PARSE-008', title: 'ArtifactList with 0, 1 and many members', cases: varying(['artifacts-shape']), judge },
  { id: 'GS-PARSE-009', title: 'an absent ArtifactList is absent, or []', cases: varying(['artifacts-absent']), judge },
  {
    id: 'GS-PARSE-010',
    title: 'unknown JobType and tokens pass through',
    cases: labelled('GS-PARSE-010', ['tokens']),
    judge,
  },
  {
    id: 'GS-PARSE-011',
    title: 'unknown elements and attributes ignored, member order irrelevant',
    cases: labelled('GS-PARSE-011', ['order']),
    judge,
  },
  {
    id: 'GS-PARSE-012',
    title: 'namespaces and prefixes do not matter',
    cases: () => fc.oneof(validCase({ vary: ['namespace'] }), serviceError(['namespace'])),
    judge,
  },
  {
    id: 'GS-PARSE-013',
    title: 'a byte order mark, an XML declaration, and whitespace, comments or CDATA between elements',
    cases: varying(['prolog', 'layout', 'markup-between']),
    judge,
  },
  {
    id: 'GS-PARSE-014',
    title: 'malformed, truncated or empty bodies fail the call',
    cases: labelled('GS-PARSE-014'),
    judge,
  },
  {
    id: 'GS-PARSE-015',
    title: 'a body that is not a GetStatusResponse fails the call',
    cases: labelled('GS-PARSE-015'),
    judge,
  },
  { id: 'GS-PARSE-016', title: 'an undefined entity fails the call', cases: labelled('GS-PARSE-016'), judge },
  {
    id: 'GS-PARSE-017',
    title: 'a duplicated member fails the call or yields one sent value',
    cases: labelled('GS-PARSE-017'),
    judge,
  },
  {
    id: 'GS-PARSE-018',
    title: 'a body that is not UTF-8 fails the call, or decodes exactly as it says',
    cases: labelled('GS-PARSE-018'),
    judge,
  },
  {
    id: 'GS-PARSE-019',
    title: 'a body under another Content-Type is read as XML, or the call fails',
    cases: labelled('GS-PARSE-019', ['content-type']),
    judge,
  },
];
