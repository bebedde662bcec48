/**
 * Comparing what a client did with what the reference says it must do.
 * Comparisons are exact: a value, its type and its presence all count. The only tolerance
 * is the one the rules grant (an empty ArtifactList in place of an absent one, GS-PARSE-009).
 */
import { createHash } from 'node:crypto';
import type { Expected, ResponseCase } from '../generators/case.ts';
import type { CaseResult, ClientAdapter, Outcome } from '../harness/index.ts';
import {
  ARTIFACT_MEMBERS,
  MEMBER_NAMES,
  renderText,
  Timestamp,
  wireTextOf,
  type GetStatusOutput,
  type RuleId,
  type ToleratedOutput,
} from '../spec/index.ts';
import { findingText, type Difference, type ElementPath, type Failure, type Verdict } from './check.ts';

export const PASS: Verdict = { ok: true };
export const fail = (reason: string, expected: unknown, actual: unknown): Failure => ({
  ok: false,
  reason,
  expected,
  actual,
});

/** How much of a value a report shows: a member's value, and a whole text output or body. */
export const VALUE_LIMIT = 200;
export const TEXT_LIMIT = 4000;

/** Its length and the start of its SHA-256, so two long values can be told apart or matched. */
const fingerprint = (value: string) =>
  `${value.length} characters, sha256 ${createHash('sha256').update(value).digest('hex').slice(0, 12)}`;
const head = (value: string, limit: number) => value.slice(0, Math.ceil(limit * 0.75));
const tail = (value: string, limit: number) => value.slice(value.length - Math.floor(limit * 0.2));

/** A long value cut to its start and end, with its full length and a short hash; a short one as it is. */
export function cut(value: string, limit = VALUE_LIMIT): string {
  return value.length <= limit ? value : `${head(value, limit)}…${tail(value, limit)} [${fingerprint(value)}]`;
}

/** A value as JSON can show it: Dates become `Date(<ISO>)` (plus the wire text), so a diff shows type and instant; long strings are cut. */
export function describeValue(value: unknown): unknown {
  if (value instanceof Date) {
    const iso = Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
    return value instanceof Timestamp ? `Date(${iso}) from "${value.wire}"` : `Date(${iso})`;
  }
  if (Array.isArray(value)) return value.map(describeValue);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) out[key] = describeValue((value as Record<string, unknown>)[key]);
    return out;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return `number(${value})`;
  if (Object.is(value, -0)) return 'number(-0)';
  if (typeof value === 'bigint') return `bigint(${value})`;
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return cut(value);
  return value;
}

export function describeOutcome(outcome: Outcome): unknown {
  switch (outcome.status) {
    case 'resolved':
      return {
        resolved: describeValue(outcome.output),
        ...(outcome.text !== undefined && { text: cut(outcome.text, TEXT_LIMIT) }),
      };
    case 'rejected':
      // A client's error message may be anything its adapter passed on (aws-sdk v2 gives null for some).
      return {
        rejected:
          typeof outcome.error.message === 'string'
            ? { ...outcome.error, message: cut(outcome.error.message) }
            : outcome.error,
      };
    default:
      return { [outcome.status]: outcome.reason };
  }
}

export function describeExpected(expected: Expected): unknown {
  switch (expected.outcome) {
    case 'output':
      return { resolved: describeValue(expected.output) };
    case 'fail':
      return { rejected: expected.error };
    case 'fail-or-tolerated':
      return { 'rejected, or resolved with one of': expected.accept.map(describeValue) };
  }
}

const typeName = (v: unknown) =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'array'
      : v instanceof Date
        ? 'Date'
        : typeof v === 'bigint'
          ? 'number'
          : typeof v;

/** Characters a reader cannot see or tells from a space only by their code (JSON.stringify escapes the controls below U+0020). */
const INVISIBLE =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: U+034F is listed as a character of its own, not to combine
  /[\u007F-\u00A0\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u2000-\u200F\u2028-\u202F\u205F-\u206F\u3000\uFEFF]/gu;
const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** A string quoted as JSON, with invisible characters spelled out (\u{00A0}...); a long one cut as `cut` does. */
export function quoted(value: string): string {
  const json = (text: string) => JSON.stringify(text).replace(INVISIBLE, (c) => `\\u{${codePoint(c).slice(2)}}`);
  return value.length <= VALUE_LIMIT
    ? json(value)
    : `${json(head(value, VALUE_LIMIT))}…${json(tail(value, VALUE_LIMIT))} [${fingerprint(value)}]`;
}

/** What tells two different strings apart when they may look alike. */
function stringDifference(expected: string, actual: string): string {
  if (actual.trim() === expected.trim()) {
    const lead = (s: string) => s.length - s.trimStart().length;
    const trail = (s: string) => s.length - s.trimEnd().length;
    const edges = [
      lead(expected) !== lead(actual) && 'leading',
      trail(expected) !== trail(actual) && 'trailing',
    ].filter(Boolean);
    return `; they differ in ${edges.join(' and ')} whitespace`;
  }
  if (actual.normalize('NFC') === expected.normalize('NFC'))
    return '; they differ only in Unicode normalisation (composed vs decomposed characters)';
  let i = 0;
  while (i < expected.length && i < actual.length && expected[i] === actual[i]) i++;
  const at = (s: string) => {
    if (i >= s.length) return 'the end';
    const char = String.fromCodePoint(s.codePointAt(i)!);
    return `${quoted(char)} (${codePoint(char)})`;
  };
  return `; first difference at character ${i + 1}: expected ${at(expected)}, got ${at(actual)}`;
}

/** A scalar difference in words: type, sign, whitespace or invisible characters when the printed values would look the same. */
function scalarDifference(name: string, expected: unknown, actual: unknown): string {
  if (typeof expected === 'bigint')
    return `${name}: expected exactly ${expected}, got ${typeName(actual)} ${JSON.stringify(describeValue(actual))}`;
  if (typeof actual !== typeof expected)
    return `${name}: expected ${typeName(expected)} ${JSON.stringify(describeValue(expected))}, got ${typeName(actual)} ${JSON.stringify(describeValue(actual))}`;
  if (typeof expected === 'string')
    return `${name}: expected ${quoted(expected)}, got ${quoted(actual as string)}${stringDifference(expected, actual as string)}`;
  return `${name}: expected ${JSON.stringify(describeValue(expected))}, got ${JSON.stringify(describeValue(actual))}`;
}

/** Where a client's output departs from the expected one: the message, and the member it is about. */
export interface OutputDifference extends Difference {
  /** 'unexpected': present though the response has none; 'dropped': missing though sent; 'value': present with another value or type. */
  problem: 'unexpected' | 'dropped' | 'value' | 'shape';
}

const differs = (at: ElementPath, problem: OutputDifference['problem'], message: string): OutputDifference => ({
  member: at[0] as string,
  problem,
  message,
  at,
});
/** How a finding names an element: `ArtifactList[0].Description`. */
const nameOf = (at: ElementPath) =>
  at.map((step, i) => (typeof step === 'number' ? `[${step}]` : i === 0 ? step : `.${step}`)).join('');
const floorToSecond = (time: number) => Math.floor(time / 1000);

/** Why `actual` differs from `expected` for one member, or undefined when it does not. Numbers compare by value (-0 is 0). */
function memberDifference(
  at: ElementPath,
  expected: unknown,
  actual: unknown,
  adapter: ClientAdapter,
): OutputDifference | undefined {
  if (expected instanceof Date) {
    if (adapter.creationDate === 'wire') {
      const wire = wireTextOf(expected);
      return actual === wire
        ? undefined
        : differs(
            at,
            'value',
            `${nameOf(at)}: expected the wire text ${JSON.stringify(wire)}, got ${typeName(actual)} ${JSON.stringify(describeValue(actual))}`,
          );
    }
    if (!(actual instanceof Date))
      return differs(
        at,
        'value',
        `${nameOf(at)}: expected a Date, got ${typeName(actual)} ${JSON.stringify(describeValue(actual))}`,
      );
    if (Number.isNaN(actual.getTime())) return differs(at, 'value', `${nameOf(at)}: got Invalid Date`);
    if (actual.getTime() === expected.getTime()) return undefined;
    const difference = differs(
      at,
      'value',
      `${nameOf(at)}: expected ${expected.toISOString()}, got ${actual.toISOString()}`,
    );
    // The right second with other fractional digits is a fraction's bug (GS-TIME-002), not the instant's.
    return floorToSecond(actual.getTime()) === floorToSecond(expected.getTime())
      ? { ...difference, kind: 'fraction' }
      : difference;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual))
      return differs(at, 'value', `${nameOf(at)}: expected a list of ${expected.length}, got ${typeName(actual)}`);
    if (actual.length !== expected.length)
      return differs(at, 'value', `${nameOf(at)}: expected ${expected.length} items, got ${actual.length}`);
    for (let i = 0; i < expected.length; i++) {
      const item = actual[i];
      if (item === null || typeof item !== 'object' || Array.isArray(item))
        return differs([...at, i], 'value', `${nameOf(at)}[${i}]: expected an object, got ${typeName(item)}`);
      for (const key of ARTIFACT_MEMBERS) {
        const diff = presenceAndValue(
          [...at, i, key],
          expected[i][key],
          (item as Record<string, unknown>)[key],
          adapter,
        );
        if (diff) return { ...diff, problem: 'value' };
      }
    }
    return undefined;
  }
  if (typeof expected === 'number' && typeof actual === 'number' && actual === expected) return undefined;
  // An integer beyond 2^53 held exactly; a double equals it only when it is that very integer.
  if (
    typeof expected === 'bigint' &&
    (typeof actual === 'bigint' || (typeof actual === 'number' && Number.isInteger(actual))) &&
    BigInt(actual) === expected
  )
    return undefined;
  return Object.is(actual, expected) ? undefined : differs(at, 'value', scalarDifference(nameOf(at), expected, actual));
}

function presenceAndValue(
  at: ElementPath,
  expected: unknown,
  actual: unknown,
  adapter: ClientAdapter,
): OutputDifference | undefined {
  if (expected === undefined && actual === undefined) return undefined;
  if (expected === undefined)
    return differs(
      at,
      'unexpected',
      `${nameOf(at)}: absent in the response, but the client returned ${typeName(actual)} ${JSON.stringify(describeValue(actual))}`,
    );
  if (actual === undefined)
    return differs(
      at,
      'dropped',
      `${nameOf(at)}: the response carries ${JSON.stringify(describeValue(expected))}, but the client dropped it`,
    );
  return memberDifference(at, expected, actual, adapter);
}

/** Every difference between a client's output and the expected output, in model order; none when they agree. Keys outside the model are ignored. */
export function outputDifferences(
  expected: ToleratedOutput,
  actual: unknown,
  adapter: ClientAdapter,
): OutputDifference[] {
  if (actual === null || typeof actual !== 'object' || Array.isArray(actual))
    return [{ problem: 'shape', message: `output: expected an object, got ${typeName(actual)}` }];
  const got = actual as Record<string, unknown>;
  const found: OutputDifference[] = [];
  for (const name of MEMBER_NAMES) {
    // GS-PARSE-009: [] in place of an absent ArtifactList loses nothing, so it is tolerated.
    if (
      name === 'ArtifactList' &&
      expected.ArtifactList === undefined &&
      Array.isArray(got.ArtifactList) &&
      got.ArtifactList.length === 0
    )
      continue;
    const diff = presenceAndValue([name], expected[name], got[name], adapter);
    if (diff) found.push(diff);
  }
  return found;
}

/** The first difference, or undefined. */
export const outputDifference = (
  expected: ToleratedOutput,
  actual: unknown,
  adapter: ClientAdapter,
): OutputDifference | undefined => outputDifferences(expected, actual, adapter)[0];

/** A failure that shows `differences`, the first one in its own fields. */
const differing = (failure: Failure, differences: OutputDifference[], tolerating?: RuleId): Failure => {
  const [first] = differences;
  return {
    ...failure,
    reason: findingText(first.message, tolerating),
    ...(tolerating && { tolerating }),
    problem: first.problem,
    ...(first.member && { member: first.member }),
    ...(first.kind && { kind: first.kind }),
    ...(first.at && { at: first.at }),
    differences,
  };
};

/** The general judgement: the client's outcome matches the case's expected outcome. */
export function judgeOutcome(c: ResponseCase, result: CaseResult, adapter: ClientAdapter): Verdict {
  const { outcome } = result;
  // Described only for a failure: most cases pass, and describing a value costs more than judging it.
  const failing = (message: string) => fail(message, describeExpected(c.expected), describeOutcome(outcome));
  if (outcome.status === 'timeout')
    return { ...failing(`the client never settled: ${outcome.reason}`), problem: 'hung' };
  if (outcome.status === 'crashed') {
    // A crash where the call must fail is its own harm (GS-SAFE-005); on a response to accept, the answer is simply wrong.
    const crashed = `the client crashed: ${outcome.raised ?? outcome.reason}`;
    if (c.expected.outcome !== 'output') return { ...failing(crashed), problem: 'crashed' };
    return failing(outcome.raised !== undefined ? crashed : `the client broke: ${outcome.reason}`);
  }
  if (outcome.status === 'unrepresentable') {
    const what = `its adapter cannot represent what the client returned: ${outcome.reason}`;
    return c.expected.outcome === 'fail'
      ? failing(`the client returned where it must fail (${what})`)
      : { ...failing(what), problem: 'shape' };
  }
  switch (c.expected.outcome) {
    case 'output': {
      if (outcome.status === 'rejected')
        return {
          ...failing(
            `the client failed on a response it must accept: ${cut(`${outcome.error.code ?? ''} ${outcome.error.message}`.trim())}`,
          ),
          problem: 'rejected',
        };
      const diffs = outputDifferences(c.expected.output, outcome.output, adapter);
      return diffs.length > 0 ? differing(failing(''), diffs) : PASS;
    }
    case 'fail': {
      const want = c.expected.error;
      if (outcome.status === 'resolved') {
        const got = typeName(outcome.output);
        const resolved =
          got === 'object' ? 'resolved, but it' : `resolved with ${/^[aeiou]/.test(got) ? 'an' : 'a'} ${got} where it`;
        return {
          ...failing(
            `the client ${resolved} must fail (${want.kind === 'service' ? `service error ${want.code}` : (want.rule ?? `HTTP ${want.status}`)})`,
          ),
          problem: 'resolved',
        };
      }
      if (want.kind !== 'service') return PASS;
      if (outcome.error.code !== want.code)
        return { ...failing(scalarDifference('error code', want.code, outcome.error.code)), at: ['Code'] };
      // A missing or empty Message leaves the words to the client (botocore says "None" or "Unknown").
      if (want.message !== '' && outcome.error.message !== want.message)
        return { ...failing(scalarDifference('error message', want.message, outcome.error.message)), at: ['Message'] };
      return PASS;
    }
    case 'fail-or-tolerated': {
      if (outcome.status === 'rejected') return PASS;
      const diffs = c.expected.accept.map((accepted) => outputDifferences(accepted, outcome.output, adapter));
      if (diffs.some((d) => d.length === 0)) return PASS;
      return differing(failing(''), diffs[0], c.expected.rule);
    }
  }
}

/**
 * The client's `--output text` bytes equal what the reference prints for the same response in the
 * adapter's style. When the output itself differs, its text is still judged, against what the
 * reference prints for the output the client returned.
 */
export function judgeText(c: ResponseCase, result: CaseResult, adapter: ClientAdapter): Verdict {
  const outcome = judgeOutcome(c, result, adapter);
  if (result.outcome.status !== 'resolved') return outcome;
  if (!outcome.ok && !outcome.differences) return outcome;
  // Where failing was right too, the text is judged against the output the client chose.
  const resolved = result.outcome.output;
  const shown =
    c.expected.outcome === 'output'
      ? c.expected.output
      : c.expected.outcome === 'fail-or-tolerated'
        ? (c.expected.accept.find((o) => outputDifference(o, resolved, adapter) === undefined) ??
          (outcome.ok ? undefined : c.expected.accept[0]))
        : undefined;
  if (!shown || Object.values(shown).some((v) => v === null || typeof v === 'bigint')) return outcome;
  const want = renderText(shown as GetStatusOutput, adapter.textStyle!);
  const got = result.outcome.text;
  if (got === undefined)
    return outcome.ok
      ? {
          ...fail(
            `the adapter declares textStyle ${adapter.textStyle} but returned no text`,
            cut(want, TEXT_LIMIT),
            got,
          ),
          aspect: 'text',
        }
      : outcome;
  if (got === want) return outcome;
  const at = (line: number) => `--output text differs from the ${adapter.textStyle} layout at line ${line + 1}`;
  if (outcome.ok) {
    const wantLines = want.split('\n');
    const gotLines = got.split('\n');
    const line = wantLines.findIndex((l, i) => l !== gotLines[i]);
    return {
      ...fail(at(line), cut(want, TEXT_LIMIT), cut(got, TEXT_LIMIT)),
      aspect: 'text',
      ...textMember(shown as GetStatusOutput, wantLines, gotLines, line),
    };
  }
  // The output is wrong: its text is judged against what the reference prints for the output the
  // client returned, so that only a difference of the printing itself is a text difference. A wrong
  // list leaves its rows out of the comparison, and a wrong CreationDate the row of scalars (a Date
  // that crossed a thread boundary lost the digits the client printed).
  const wrong = new Set(outcome.differences!.map((d) => d.member));
  const own = printable(resolved, shown as GetStatusOutput);
  let ownWant: string;
  try {
    ownWant = renderText(own, adapter.textStyle!);
  } catch {
    return outcome;
  }
  const compared = (text: string) => {
    const rows = wrong.has('ArtifactList') || own.ArtifactList === undefined ? beforeArtifacts(text) : text;
    return wrong.has('CreationDate') ? rows.slice(rows.indexOf('\n') + 1) : rows;
  };
  const ownLines = compared(ownWant).split('\n');
  const gotCompared = compared(got).split('\n');
  const line = ownLines.findIndex((l, i) => l !== gotCompared[i]);
  if (line < 0 && gotCompared.length === ownLines.length) return outcome;
  // A text shorter than the reference's differs at its first missing line; the scalar row, when left out, is line 1.
  const firstDiffering = line < 0 ? ownLines.length : line;
  const about = wrong.has('CreationDate') ? {} : textMember(own, ownLines, gotCompared, firstDiffering);
  const shownLine = firstDiffering + (wrong.has('CreationDate') ? 1 : 0);
  return { ...outcome, differences: [...outcome.differences!, { ...about, aspect: 'text', message: at(shownLine) }] };
}

/** The text before its first ARTIFACTLIST row (a value may hold a line break, so rows are not lines). */
const beforeArtifacts = (text: string) => {
  const at = text.search(/(^|\n)ARTIFACTLIST\t/);
  return at < 0 ? text : text.slice(0, at === 0 ? 0 : at + 1);
};

/**
 * What the client returned as an output the reference can print: nulls, and a list that is not
 * one, left out; a CreationDate at the expected instant printed as the expected one (with its digits).
 */
function printable(resolved: unknown, expected: GetStatusOutput): GetStatusOutput {
  const got = resolved as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const name of MEMBER_NAMES) {
    const value = got[name];
    if (value === null || value === undefined || (name === 'ArtifactList' && !Array.isArray(value))) continue;
    const sameInstant =
      name === 'CreationDate' && value instanceof Date && value.getTime() === expected.CreationDate?.getTime();
    out[name] = sameInstant ? expected.CreationDate : value;
  }
  return out as GetStatusOutput;
}

/**
 * What a text difference is about: an ARTIFACTLIST row; the one field of the scalar row that
 * differs; or the row's columns themselves ('unexpected': a column more or fewer than present members).
 */
function textMember(
  output: GetStatusOutput,
  want: string[],
  got: string[],
  line: number,
): Pick<Failure, 'member' | 'problem'> {
  if (want[line]?.startsWith('ARTIFACTLIST\t')) return { member: 'ArtifactList' };
  if (line !== 0 || got[0] === undefined || want[0].startsWith('ARTIFACTLIST\t')) return {};
  const scalars = MEMBER_NAMES.filter((n) => n !== 'ArtifactList' && output[n] !== undefined).sort();
  const wantFields = want[0].split('\t');
  const gotFields = got[0].split('\t');
  if (wantFields.length !== scalars.length) return {};
  if (gotFields.length !== wantFields.length) return { problem: 'unexpected' };
  const differing = wantFields.flatMap((f, i) => (f === gotFields[i] ? [] : [i]));
  return differing.length === 1 ? { member: scalars[differing[0]] } : {};
}

export const needsText = (adapter: ClientAdapter) => {
  if (adapter.textStyle) return undefined;
  return adapter.howTo?.text
    ? `the client prints no --output text: ${adapter.howTo.text}`
    : 'the adapter prints no --output text (it declares no textStyle)';
};
