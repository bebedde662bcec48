/**
 * Comparing what a client did with what the reference says it must do.
 * Comparisons are exact: a value, its type and its presence all count. The only tolerance
 * is the one the rules grant (an empty ArtifactList in place of an absent one, GS-PARSE-009).
 */
import type { Expected, ResponseCase } from '../generators/case.ts';
import type { CaseResult, Outcome } from '../harness/index.ts';
import { ARTIFACT_MEMBERS, MEMBER_NAMES, renderText, Timestamp, wireTextOf, type ClientAdapter, type GetStatusOutput } from '../spec/index.ts';
import type { Verdict } from './check.ts';

export const PASS: Verdict = { ok: true };
export const fail = (reason: string, expected: unknown, actual: unknown): Verdict => ({ ok: false, reason, expected, actual });

/** A value as JSON can show it: Dates become `Date(<ISO>)` (plus the wire text), so a diff shows type and instant. */
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
  if (value === undefined) return 'undefined';
  return value;
}

export function describeOutcome(outcome: Outcome): unknown {
  switch (outcome.status) {
    case 'resolved':
      return { resolved: describeValue(outcome.output), ...(outcome.text !== undefined && { text: outcome.text }) };
    case 'rejected':
      return { rejected: outcome.error };
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

const typeName = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : v instanceof Date ? 'Date' : typeof v);

/** Why `actual` differs from `expected` for one member, or undefined when it does not. */
function memberDifference(name: string, expected: unknown, actual: unknown, adapter: ClientAdapter): string | undefined {
  if (expected instanceof Date) {
    if (adapter.creationDate === 'wire') {
      const wire = wireTextOf(expected);
      return actual === wire ? undefined : `${name}: expected the wire text ${JSON.stringify(wire)}, got ${typeName(actual)} ${JSON.stringify(describeValue(actual))}`;
    }
    if (!(actual instanceof Date)) return `${name}: expected a Date, got ${typeName(actual)} ${JSON.stringify(describeValue(actual))}`;
    if (Number.isNaN(actual.getTime())) return `${name}: got Invalid Date`;
    return actual.getTime() === expected.getTime() ? undefined : `${name}: expected ${expected.toISOString()}, got ${actual.toISOString()}`;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${name}: expected a list of ${expected.length}, got ${typeName(actual)}`;
    if (actual.length !== expected.length) return `${name}: expected ${expected.length} items, got ${actual.length}`;
    for (let i = 0; i < expected.length; i++) {
      const item = actual[i];
      if (item === null || typeof item !== 'object' || Array.isArray(item)) return `${name}[${i}]: expected an object, got ${typeName(item)}`;
      for (const key of ARTIFACT_MEMBERS) {
        const diff = presenceAndValue(`${name}[${i}].${key}`, expected[i][key], (item as Record<string, unknown>)[key], adapter);
        if (diff) return diff;
      }
    }
    return undefined;
  }
  if (typeof actual !== typeof expected) return `${name}: expected ${typeName(expected)} ${JSON.stringify(expected)}, got ${typeName(actual)} ${JSON.stringify(describeValue(actual))}`;
  return Object.is(actual, expected) ? undefined : `${name}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
}

function presenceAndValue(name: string, expected: unknown, actual: unknown, adapter: ClientAdapter): string | undefined {
  if (expected === undefined && actual === undefined) return undefined;
  if (expected === undefined) return `${name}: absent in the response, but the client returned ${JSON.stringify(describeValue(actual))}`;
  if (actual === undefined) return `${name}: the response carries ${JSON.stringify(describeValue(expected))}, but the client dropped it`;
  return memberDifference(name, expected, actual, adapter);
}

/** The first difference between a client's output and the expected output, or undefined. Keys outside the model are ignored. */
export function outputDifference(expected: GetStatusOutput, actual: unknown, adapter: ClientAdapter): string | undefined {
  if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return `output: expected an object, got ${typeName(actual)}`;
  const got = actual as Record<string, unknown>;
  for (const name of MEMBER_NAMES) {
    // GS-PARSE-009: [] in place of an absent ArtifactList loses nothing, so it is tolerated.
    if (name === 'ArtifactList' && expected.ArtifactList === undefined && Array.isArray(got.ArtifactList) && got.ArtifactList.length === 0) continue;
    const diff = presenceAndValue(name, expected[name], got[name], adapter);
    if (diff) return diff;
  }
  return undefined;
}

/** The general judgement: the client's outcome matches the case's expected outcome. */
export function judgeOutcome(c: ResponseCase, result: CaseResult, adapter: ClientAdapter): Verdict {
  const { outcome } = result;
  const expected = describeExpected(c.expected);
  const actual = describeOutcome(outcome);
  if (outcome.status === 'timeout') return fail(`the client never settled: ${outcome.reason}`, expected, actual);
  if (outcome.status === 'crashed') return fail(`the client broke: ${outcome.reason}`, expected, actual);
  switch (c.expected.outcome) {
    case 'output': {
      if (outcome.status === 'rejected') return fail(`the client failed on a response it must accept: ${outcome.error.code ?? ''} ${outcome.error.message}`.trim(), expected, actual);
      const diff = outputDifference(c.expected.output, outcome.output, adapter);
      return diff ? fail(diff, expected, actual) : PASS;
    }
    case 'fail': {
      const want = c.expected.error;
      if (outcome.status === 'resolved') {
        return fail(`the client resolved, but it must fail (${want.kind === 'service' ? `service error ${want.code}` : want.rule ?? `HTTP ${want.status}`})`, expected, actual);
      }
      if (want.kind !== 'service') return PASS;
      if (outcome.error.code !== want.code) return fail(`expected error code ${JSON.stringify(want.code)}, got ${JSON.stringify(outcome.error.code)}`, expected, actual);
      if (outcome.error.message !== want.message) return fail(`expected error message ${JSON.stringify(want.message)}, got ${JSON.stringify(outcome.error.message)}`, expected, actual);
      return PASS;
    }
    case 'fail-or-tolerated': {
      if (outcome.status === 'rejected') return PASS;
      const tolerated = c.expected.accept.some((accepted) => outputDifference(accepted, outcome.output, adapter) === undefined);
      return tolerated ? PASS : fail(`the client resolved with an output the rule does not tolerate (${c.expected.rule})`, expected, actual);
    }
  }
}

/** The client's `--output text` bytes equal what the reference prints for the same response in the adapter's style. */
export function judgeText(c: ResponseCase, result: CaseResult, adapter: ClientAdapter): Verdict {
  const outcome = judgeOutcome(c, result, adapter);
  if (!outcome.ok || c.expected.outcome !== 'output' || result.outcome.status !== 'resolved') return outcome;
  const want = renderText(c.expected.output, adapter.textStyle!);
  const got = result.outcome.text;
  if (got === undefined) return fail(`the adapter declares textStyle ${adapter.textStyle} but returned no text`, want, got);
  if (got === want) return PASS;
  const wantLines = want.split('\n');
  const gotLines = got.split('\n');
  const line = wantLines.findIndex((l, i) => l !== gotLines[i]);
  return fail(`--output text differs from the ${adapter.textStyle} layout at line ${line + 1}`, want, got);
}

export const needsText = (adapter: ClientAdapter) => (adapter.textStyle ? undefined : 'the adapter prints no --output text (no textStyle)');
