import fc from 'fast-check';
import { getStatusOutput, hostileString, serialize, validCase, wireEncoding } from '../../generators/index.ts';
import { invalidLabelled } from './labelled.ts';
import { caseFromBody } from '../cases.ts';
import { STRING_MEMBERS, type GetStatusOutput } from '../../spec/index.ts';
import type { Check } from '../check.ts';
import { judgeOutcome } from '../judge.ts';

/** Valid cases built from outputs the given function reshapes, written every way the encodings allow. */
const validFrom = (reshape: fc.Arbitrary<(o: GetStatusOutput) => GetStatusOutput>, options: { hostile?: boolean; transformBody?: (body: string) => string } = {}) =>
  fc
    .tuple(getStatusOutput({ hostile: options.hostile }), reshape, wireEncoding())
    .map(([output, f, encoding]) => caseFromBody('valid', (options.transformBody ?? String)(String(serialize(f(output), encoding)))));
/** For checks about structure rather than strings: realistic text only. */
const plain = { hostile: false };

const keep = (o: GetStatusOutput) => o;

/** Every string member replaced by a hostile one, at random. */
const hostile = fc
  .array(fc.tuple(fc.constantFrom(...STRING_MEMBERS), hostileString()), { minLength: 1, maxLength: 6 })
  .map((pairs) => (o: GetStatusOutput) => ({ ...o, ...Object.fromEntries(pairs) }));

/** A random subset of the members kept. */
const sparse = fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }).map((mask) => (o: GetStatusOutput) => {
  const names = Object.keys(o) as (keyof GetStatusOutput)[];
  return Object.fromEntries(names.filter((_, i) => mask[i % mask.length]).map((k) => [k, o[k]])) as GetStatusOutput;
});

const emptied = fc.subarray([...STRING_MEMBERS], { minLength: 1 }).map((names) => (o: GetStatusOutput) => ({ ...o, ...Object.fromEntries(names.map((n) => [n, ''])) }));

const artifacts = fc
  .array(fc.record({ Description: fc.string({ minLength: 1, maxLength: 30 }).filter((d) => d.trim() === d), URL: fc.webUrl() }, { requiredKeys: [] }), { maxLength: 5 })
  .map((list) => (o: GetStatusOutput) => ({ ...o, ArtifactList: list }));

const withoutArtifacts = fc.constant((o: GetStatusOutput) => {
  const { ArtifactList: _, ...rest } = o;
  return rest;
});


const judge = judgeOutcome;

export const PARSING: Check[] = [
  { id: 'GS-PARSE-001', suite: 'parsing', title: 'every member of a valid response, with its value and type', cases: validCase, judge },
  { id: 'GS-PARSE-002', suite: 'parsing', title: 'absent members stay absent', cases: () => validFrom(sparse, plain), judge },
  { id: 'GS-PARSE-003', suite: 'parsing', title: 'strings exactly as sent: entities, CDATA, whitespace', cases: () => validFrom(hostile), judge },
  { id: 'GS-PARSE-004', suite: 'parsing', title: 'raw CR LF and CR normalised to LF, &#13; kept', cases: () => validFrom(hostile, { transformBody: (body) => body.replace(/\n/g, '\r\n') }), judge },
  { id: 'GS-PARSE-005', suite: 'parsing', title: 'empty elements are empty strings', cases: () => validFrom(emptied, plain), judge },
  { id: 'GS-PARSE-006', suite: 'parsing', title: 'ErrorCount is a number, whitespace and sign accepted, no int32 limit', cases: invalidLabelled('GS-PARSE-006'), judge },
  { id: 'GS-PARSE-007', suite: 'parsing', title: 'a non-integer ErrorCount fails the call', cases: invalidLabelled('GS-PARSE-007'), judge },
  { id: 'GS-PARSE-008', suite: 'parsing', title: 'ArtifactList with 0, 1 and many members', cases: () => validFrom(artifacts, plain), judge },
  { id: 'GS-PARSE-009', suite: 'parsing', title: 'an absent ArtifactList is absent (or [])', cases: () => validFrom(withoutArtifacts, plain), judge },
  { id: 'GS-PARSE-010', suite: 'parsing', title: 'unknown JobType and tokens pass through', cases: invalidLabelled('GS-PARSE-010'), judge },
  { id: 'GS-PARSE-011', suite: 'parsing', title: 'unknown elements ignored, member order irrelevant', cases: invalidLabelled('GS-PARSE-011'), judge },
  { id: 'GS-PARSE-012', suite: 'parsing', title: 'namespaces and prefixes do not matter', cases: () => validFrom(fc.constant(keep), plain), judge },
  { id: 'GS-PARSE-014', suite: 'parsing', title: 'malformed, truncated or empty bodies fail the call', cases: invalidLabelled('GS-PARSE-014'), judge },
  { id: 'GS-PARSE-015', suite: 'parsing', title: 'a body that is not a GetStatusResponse fails the call', cases: invalidLabelled('GS-PARSE-015'), judge },
  { id: 'GS-PARSE-016', suite: 'parsing', title: 'an undefined entity fails the call', cases: invalidLabelled('GS-PARSE-016'), judge },
  { id: 'GS-PARSE-017', suite: 'parsing', title: 'a duplicated member fails or yields one sent value', cases: invalidLabelled('GS-PARSE-017'), judge },
  { id: 'GS-PARSE-018', suite: 'parsing', title: 'bytes that are not UTF-8 fail the call', cases: invalidLabelled('GS-PARSE-018'), judge },
  { id: 'GS-PARSE-019', suite: 'parsing', title: 'the body is XML whatever its Content-Type', cases: invalidLabelled('GS-PARSE-019'), judge },
];
