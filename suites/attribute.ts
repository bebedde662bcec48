/**
 * Which rule a failure belongs to. The counterexample's dimensions (spec/dimensions.ts) are
 * made plain one at a time, other rules' first and the check's own last; a dimension whose
 * plain spelling makes the failure disappear is needed, the others stay plain. The needed
 * dimensions' owners explain the failure; a failure that needs one of the check's own is the
 * check's, and one that stays on a fully plain valid response (or a fixed one) is located by the
 * member it is about.
 */
import { departures, fromRecipe, impliedRecipe, makePlainIn, recipeOf, type Recipe, type Spelled } from '../generators/index.ts';
import type { ResponseCase } from '../generators/case.ts';
import {
  dimensionById,
  ARTIFACT_ROWS_OWNER,
  CRASH_OWNER,
  MEMBER_OWNERS,
  PLAIN_FAILURE_OWNER,
  PLAIN_TEXT_OWNER,
  TEXT_COLUMNS_OWNER,
  UNEXPECTED_LIST_OWNER,
  UNEXPECTED_MEMBER_OWNER,
  type ClientAdapter,
  type DimensionId,
  type GetStatusOutput,
  type RuleId,
} from '../spec/index.ts';
import type { Check, Failure, Verdict } from './check.ts';

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
  return d.textOwner === 'timestamp-layout' ? timestampLayout(adapter) : d.textOwner ?? check.id;
}

const timestampLayout = (adapter: ClientAdapter): RuleId => (adapter.textStyle === 'v1' ? 'GS-TIME-006' : 'GS-TIME-007');

/** The rule a failure on a fully plain response belongs to, by what it is about; undefined when nothing locates it. */
function plainOwner(c: ResponseCase, verdict: Failure, adapter: ClientAdapter): RuleId | undefined {
  if (verdict.aspect === 'text') {
    if (verdict.member === 'ArtifactList') return ARTIFACT_ROWS_OWNER;
    if (verdict.problem === 'unexpected') return TEXT_COLUMNS_OWNER;
    return verdict.member === 'CreationDate' ? timestampLayout(adapter) : PLAIN_TEXT_OWNER;
  }
  if (c.expected.outcome === 'output' && verdict.problem !== undefined && verdict.problem !== 'hung') {
    if (verdict.problem === 'unexpected') return verdict.member === 'ArtifactList' ? UNEXPECTED_LIST_OWNER : UNEXPECTED_MEMBER_OWNER;
    const owners = MEMBER_OWNERS[verdict.member as keyof GetStatusOutput];
    if (owners && verdict.problem === 'dropped') return owners.dropped;
    if (owners && verdict.problem === 'value') return owners.value;
    return PLAIN_FAILURE_OWNER;
  }
  // A service error the check drew from another rule's cases (error spellings in GS-PARSE-003, -012).
  return c.kind === 'error' ? c.label : undefined;
}

/** The rules that explain the needed dimensions: one rule when its subject is their combination. */
function ownersOf(needs: readonly string[], check: Check, verdict: Failure, adapter: ClientAdapter): RuleId[] {
  const combined = needs.find((n) => needs.every((m) => m === n || ((dimensionById(n)?.with ?? []) as readonly string[]).includes(m)));
  const explaining = combined !== undefined && needs.length > 1 ? [combined] : needs;
  return [...new Set(explaining.map((d) => ownerOf(d, check, verdict, adapter)))];
}

const served = (c: ResponseCase) => JSON.stringify([c.status, c.headers, c.fault ?? null, c.request, typeof c.body === 'string' ? c.body : Buffer.from(c.body).toString('base64')]);

/** Every dimension in which `parts` are not plain, the check's own last. */
function candidates(parts: Spelled, check: Check): string[] {
  const all: string[] = [...(parts.essence ? [ESSENCE] : []), ...departures(parts)];
  const own = (d: string) => d === ESSENCE || dimensionById(d)?.owner === check.id || dimensionById(d)?.textOwner === check.id;
  return [...all.filter((d) => !own(d)), ...all.filter(own)];
}

const plainIn = (dimension: string, parts: Spelled): Spelled => (dimension === ESSENCE ? { ...parts, essence: false } : makePlainIn(dimension as DimensionId, parts));

/**
 * The shown counterexample without the members the failure does not need: plain responses carry
 * every member, so each is left out in turn and stays out when the same difference remains.
 */
async function withoutBystanders(recipe: Recipe, parts: Spelled, found: { case: ResponseCase; verdict: Failure }, judge: (c: ResponseCase) => Promise<Verdict>) {
  let current = found;
  let output = parts.output;
  for (const member of Object.keys(output ?? {}).reverse() as (keyof GetStatusOutput)[]) {
    if (member === current.verdict.member || !output) continue;
    const { [member]: _, ...fewer } = output;
    const rebuilt = fromRecipe({ ...parts, output: fewer }, recipe.build);
    const verdict = await judge(rebuilt);
    if (!verdict.ok && verdict.reason === current.verdict.reason) {
      output = fewer;
      current = { case: rebuilt, verdict };
    }
  }
  return current;
}

export async function attribute(check: Check, c: ResponseCase, verdict: Failure, adapter: ClientAdapter, judge: (c: ResponseCase) => Promise<Verdict>): Promise<Attribution> {
  // The service refused the request: the request rules explain whatever followed.
  if (verdict.refused) return { causes: verdict.refused.includes(check.id) ? [check.id] : verdict.refused, needs: [], case: c, verdict };
  if (verdict.problem === 'crashed') return { causes: [CRASH_OWNER], needs: [], case: c, verdict };
  const recipe = recipeOf(c) ?? impliedRecipe(c);
  let current = { case: c, verdict };
  const needs: string[] = [];
  let parts = recipe?.parts;
  for (const dimension of recipe && parts ? candidates(parts, check) : []) {
    const plainer = plainIn(dimension, parts!);
    const rebuilt = fromRecipe(plainer, recipe!.build);
    if (served(rebuilt) === served(current.case)) {
      parts = plainer;
      continue;
    }
    const rebuiltVerdict = await judge(rebuilt);
    if (rebuiltVerdict.ok) needs.push(dimension);
    else {
      parts = plainer;
      current = { case: rebuilt, verdict: rebuiltVerdict };
    }
  }
  const owners = needs.length > 0 ? ownersOf(needs, check, current.verdict, adapter) : [plainOwner(current.case, current.verdict, adapter) ?? check.id];
  const causes = owners.includes(check.id) ? [check.id] : owners;
  // Leaving members out one by one would cost a whole budget per member of a client that hangs.
  const smallest = recipe && parts && current.verdict.problem !== 'hung' ? await withoutBystanders(recipe, parts, current, judge) : current;
  return { causes, needs, case: smallest.case, verdict: smallest.verdict };
}
