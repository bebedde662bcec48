/**
 * Which rule a failure belongs to. A failure may show several differences (a client with
 * several bugs): each is attributed on its own, by its symptom (the member and how it differs).
 * A member's difference that a fully plain response carrying that member shows too is that
 * member's rule's (spec/dimensions.ts, MEMBER_OWNERS). Otherwise the counterexample's dimensions
 * are made plain one at a time, other rules' first and the check's own last; a dimension whose
 * plain spelling makes the symptom disappear is needed, the others stay plain. The needed
 * dimensions' owners explain the failure; a failure that needs one of the check's own is the
 * check's, and one that stays on a fully plain valid response (or a fixed one) is located by the
 * member it is about.
 */
import {
  departures,
  fromRecipe,
  impliedRecipe,
  makePlainIn,
  plainProbe,
  recipeOf,
  truncatedProbe,
  type Recipe,
  type Spelled,
  type ValidParts,
} from '../generators/index.ts';
import type { ResponseCase } from '../generators/case.ts';
import {
  dimensionById,
  ARTIFACT_ROWS_OWNER,
  CRASH_OWNER,
  MALFORMED_FAMILY,
  MALFORMED_OWNER,
  MEMBER_OWNERS,
  PLAIN_FAILURE_OWNER,
  PLAIN_TEXT_OWNER,
  TEXT_COLUMNS_OWNER,
  UNEXPECTED_LIST_OWNER,
  UNEXPECTED_MEMBER_OWNER,
  type DimensionId,
  type GetStatusOutput,
  type RuleId,
} from '../spec/index.ts';
import { findingText, type Check, type Failure, type Symptom, type Verdict } from './check.ts';
import type { ClientAdapter } from '../harness/index.ts';

/** The dimension of a labelled case's own departure (see generators/invalid-case.ts). */
const ESSENCE = 'essence';

export interface Attribution {
  /** The rules that explain the failure: the check's own id when it is the check's. */
  causes: RuleId[];
  /** The dimensions the failure needs, other rules' before the check's own ('essence': the labelled departure). */
  needs: string[];
  /** The smallest case that still fails: plain in every dimension the failure does not need, and without the members it does not need. */
  case: ResponseCase;
  verdict: Failure;
}

/** Who owns a dimension for this kind of failure. */
function ownerOf(dimension: string, check: Check, verdict: Failure, adapter: ClientAdapter): RuleId {
  if (dimension === ESSENCE || verdict.aspect === 'json') return check.id;
  const d = dimensionById(dimension)!;
  if (verdict.aspect !== 'text') return d.owner;
  return d.textOwner === 'timestamp-layout' ? timestampLayout(adapter) : (d.textOwner ?? check.id);
}

const timestampLayout = (adapter: ClientAdapter): RuleId =>
  adapter.textStyle === 'v1' ? 'GS-TIME-006' : 'GS-TIME-007';

/** The rule a failure on a fully plain response belongs to, by what it is about; undefined when nothing locates it. */
function plainOwner(c: ResponseCase, verdict: Failure, adapter: ClientAdapter): RuleId | undefined {
  if (verdict.aspect === 'text') {
    if (verdict.member === 'ArtifactList') return ARTIFACT_ROWS_OWNER;
    if (verdict.problem === 'unexpected') return TEXT_COLUMNS_OWNER;
    return verdict.member === 'CreationDate' ? timestampLayout(adapter) : PLAIN_TEXT_OWNER;
  }
  if (c.expected.outcome === 'output' && verdict.problem !== undefined && verdict.problem !== 'hung') {
    if (verdict.problem === 'unexpected')
      return verdict.member === 'ArtifactList' ? UNEXPECTED_LIST_OWNER : UNEXPECTED_MEMBER_OWNER;
    const owners = MEMBER_OWNERS[verdict.member as keyof GetStatusOutput];
    if (owners && verdict.problem === 'dropped') return owners.dropped;
    if (owners && verdict.problem === 'value') return (verdict.kind && owners[verdict.kind]) ?? owners.value;
    return PLAIN_FAILURE_OWNER;
  }
  // A service error the check drew from another rule's cases (error spellings in GS-PARSE-003, -012).
  return c.kind === 'error' ? c.label : undefined;
}

/** The rules that explain the needed dimensions: one rule when its subject is their combination. */
function ownersOf(needs: readonly string[], check: Check, verdict: Failure, adapter: ClientAdapter): RuleId[] {
  const combined = needs.find((n) =>
    needs.every((m) => m === n || ((dimensionById(n)?.with ?? []) as readonly string[]).includes(m)),
  );
  const explaining = combined !== undefined && needs.length > 1 ? [combined] : needs;
  return [...new Set(explaining.map((d) => ownerOf(d, check, verdict, adapter)))];
}

const served = (c: ResponseCase) =>
  JSON.stringify([
    c.status,
    c.headers,
    c.fault ?? null,
    c.request,
    typeof c.body === 'string' ? c.body : Buffer.from(c.body).toString('base64'),
  ]);

export const sameSymptom = (a: Symptom, b: Symptom) =>
  a.member === b.member && a.problem === b.problem && a.kind === b.kind && a.aspect === b.aspect;

/** The symptoms a failure shows: each difference of an output, or the failure itself. */
export const symptomsOf = (verdict: Failure): Symptom[] =>
  verdict.differences?.map((d) => symptomOf({ ...d, aspect: d.aspect ?? verdict.aspect })) ?? [symptomOf(verdict)];
export function symptomOf({ member, problem, kind, aspect }: Symptom): Symptom {
  return { ...(member && { member }), ...(problem && { problem }), ...(kind && { kind }), ...(aspect && { aspect }) };
}

/**
 * Whether a difference is still the one a symptom names. The printed text is one symptom: which
 * member a text line is about depends on the values on it (a tab splits a field), so any text
 * difference is the same one.
 */
const stillShows = (difference: Symptom, symptom: Symptom) =>
  symptom.aspect === 'text' ? difference.aspect === 'text' : sameSymptom(difference, symptom);

/** The verdict about `symptom` alone, when it shows it: its reason is that difference's. */
export function focus(verdict: Verdict, symptom: Symptom): Failure | undefined {
  if (verdict.ok) return undefined;
  if (!verdict.differences) return stillShows(verdict, symptom) ? verdict : undefined;
  const difference = verdict.differences.find((d) => stillShows({ ...d, aspect: d.aspect ?? verdict.aspect }, symptom));
  if (!difference) return undefined;
  const { member, problem, kind, aspect, message, at } = difference;
  const { member: _m, kind: _k, problem: _p, aspect: _a, at: _at, ...rest } = verdict;
  return {
    ...rest,
    reason: aspect ? message : findingText(message, verdict.tolerating),
    ...(problem && { problem }),
    ...(member && { member }),
    ...(kind && { kind }),
    ...(aspect && { aspect }),
    ...(at && { at }),
  };
}

/** Every dimension in which `parts` are not plain, the check's own last. */
function candidates(parts: Spelled, check: Check): string[] {
  const all: string[] = [...(parts.essence ? [ESSENCE] : []), ...departures(parts)];
  const own = (d: string) =>
    d === ESSENCE || dimensionById(d)?.owner === check.id || dimensionById(d)?.textOwner === check.id;
  return [...all.filter((d) => !own(d)), ...all.filter(own)];
}

/** The dimensions a case departs in: what a failure found on another case must find here too to be the same. */
export function caseDepartures(c: ResponseCase): string[] {
  const parts = (recipeOf(c) ?? impliedRecipe(c))?.parts;
  return parts ? [...(parts.essence ? [ESSENCE] : []), ...departures(parts)] : [];
}

const plainIn = (dimension: string, parts: Spelled): Spelled =>
  dimension === ESSENCE ? { ...parts, essence: false } : makePlainIn(dimension as DimensionId, parts);

type Found = { case: ResponseCase; verdict: Failure };

/**
 * The shown counterexample without the members the failure does not need: plain responses carry
 * every member, so each is left out in turn and stays out when the same difference remains.
 */
async function withoutBystanders(
  recipe: Recipe,
  parts: Spelled,
  found: Found,
  shows: (c: ResponseCase) => Promise<Failure | undefined>,
): Promise<Found> {
  let current = found;
  let output = parts.output;
  for (const member of Object.keys(output ?? {}).reverse() as (keyof GetStatusOutput)[]) {
    if (member === current.verdict.member || !output) continue;
    const { [member]: _, ...fewer } = output;
    const rebuilt = fromRecipe({ ...parts, output: fewer }, recipe.build);
    const verdict = await shows(rebuilt);
    if (verdict && verdict.reason === current.verdict.reason) {
      output = fewer;
      current = { case: rebuilt, verdict };
    }
  }
  return current;
}

/** Member differences on a response to accept: the ones a plain response can be tried for. */
const aboutAMember = (c: ResponseCase, symptom: Symptom) =>
  c.expected.outcome === 'output' &&
  symptom.member !== undefined &&
  symptom.aspect === undefined &&
  (symptom.problem === 'dropped' || symptom.problem === 'value' || symptom.problem === 'unexpected');

/**
 * The rules that explain `symptom`, one of the differences `verdict` shows on `c`, with the
 * smallest case that still shows it. `judge` gives the verdict on a rebuilt case.
 */
export async function attribute(
  check: Check,
  c: ResponseCase,
  verdict: Failure,
  adapter: ClientAdapter,
  judge: (c: ResponseCase) => Promise<Verdict>,
  symptom: Symptom = symptomsOf(verdict)[0],
): Promise<Attribution> {
  // The service refused the request: the request rules explain whatever followed.
  if (verdict.refused)
    return { causes: verdict.refused.includes(check.id) ? [check.id] : verdict.refused, needs: [], case: c, verdict };
  if (verdict.problem === 'crashed') return { causes: [CRASH_OWNER], needs: [], case: c, verdict };
  const shows = async (rebuilt: ResponseCase) => focus(await judge(rebuilt), symptom);
  const recipe = recipeOf(c) ?? impliedRecipe(c);
  let current: Found = { case: c, verdict: focus(verdict, symptom) ?? verdict };
  let parts = recipe?.parts;
  if (recipe && parts && aboutAMember(c, symptom)) {
    const probeParts = plainProbe(parts, symptom.member!, symptom.problem !== 'unexpected');
    const probe = fromRecipe(probeParts, recipe.build);
    const onProbe = served(probe) === served(c) ? current.verdict : await shows(probe);
    if (onProbe) {
      const owner = plainOwner(probe, onProbe, adapter) ?? check.id;
      const smallest = await withoutBystanders(recipe, probeParts, { case: probe, verdict: onProbe }, shows);
      return { causes: [owner], needs: [], case: smallest.case, verdict: smallest.verdict };
    }
  }
  // Resolved on a malformation a parser rejects, and on the plainest malformed body too: the client swallows its parser's errors.
  const resolved = symptom.problem === 'resolved' || verdict.differences !== undefined;
  if (recipe && parts && resolved && c.label !== undefined && MALFORMED_FAMILY.includes(c.label)) {
    const probe = truncatedProbe(parts as ValidParts);
    const onProbe = await judge(probe);
    if (!onProbe.ok && onProbe.problem === 'resolved')
      return { causes: [MALFORMED_OWNER], needs: [], case: probe, verdict: onProbe };
  }
  const needs: string[] = [];
  for (const dimension of recipe && parts ? candidates(parts, check) : []) {
    const plainer = plainIn(dimension, parts!);
    const rebuilt = fromRecipe(plainer, recipe!.build);
    if (served(rebuilt) === served(current.case)) {
      parts = plainer;
      continue;
    }
    const rebuiltVerdict = await shows(rebuilt);
    if (!rebuiltVerdict) needs.push(dimension);
    else {
      parts = plainer;
      current = { case: rebuilt, verdict: rebuiltVerdict };
    }
  }
  const owners =
    needs.length > 0
      ? ownersOf(needs, check, current.verdict, adapter)
      : [plainOwner(current.case, current.verdict, adapter) ?? check.id];
  const causes = owners.includes(check.id) ? [check.id] : owners;
  // Leaving members out one by one would cost a whole budget per member of a client that hangs.
  const smallest =
    recipe && parts && current.verdict.problem !== 'hung'
      ? await withoutBystanders(recipe, parts, current, shows)
      : current;
  return { causes, needs, case: smallest.case, verdict: smallest.verdict };
}
