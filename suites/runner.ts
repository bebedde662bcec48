/**
 * Running one check against a client: every generated case through the harness, then, on a
 * failure, fast-check's shrinking down to a small counterexample with a replay command.
 */
import { relative } from 'node:path';
import fc from 'fast-check';
import type { ResponseCase } from '../generators/case.ts';
import { servedDigest } from '../generators/index.ts';
import { DEFAULT_TIMEOUT_MS, type CaseResult, type CaseRunner, type ClientAdapter } from '../harness/index.ts';
import { ruleById, type RuleId } from '../spec/index.ts';
import { attribute, caseDepartures, sameSymptom, symptomOf, symptomsOf, type Attribution } from './attribute.ts';
import { cut, TEXT_LIMIT } from './judge.ts';
import type { Check, CheckResult, Counterexample, Explained, Failure, Symptom, Verdict } from './check.ts';
import { DEFAULT_RUNS, type SuiteConfig } from './config.ts';
import { writeRegression } from './regressions.ts';

/**
 * Shrinking a case the client never answers costs its whole budget per step: after this long, the
 * smallest counterexample found so far is the one reported (Hypothesis bounds its shrinking the same way).
 */
export const HANG_SHRINK_LIMIT_MS = 30_000;

export interface RunContext {
  harness: CaseRunner;
  adapter: ClientAdapter;
  config: SuiteConfig;
}

/** Bodies are text when they are UTF-8, else base64 with a marker, so the report stays JSON. */
export function printableBody(body: string | Uint8Array): string {
  if (typeof body === 'string') return body;
  const text = Buffer.from(body).toString('utf8');
  return Buffer.from(text, 'utf8').equals(Buffer.from(body)) ? text : `base64:${Buffer.from(body).toString('base64')}`;
}

const quote = (arg: string) => (/^[\w./:=@%+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);

export function replayCommand(check: Check, config: SuiteConfig, seed: number, path: string): string {
  const args = ['npx', 'getstatus-conformance', 'run', '--adapter', config.adapter];
  if (config.name) args.push('--name', config.name);
  if (config.command) args.push('--command', config.command);
  if (config.textCommand) args.push('--text-command', config.textCommand);
  args.push('--suite', check.suite, '--check', check.id, '--seed', String(seed), '--path', path);
  if (config.timeoutMs !== DEFAULT_TIMEOUT_MS) args.push('--timeout', String(config.timeoutMs));
  return args.map(quote).join(' ');
}

function counterexample(c: ResponseCase, verdict: Failure, seed: number, path: string): Counterexample {
  return {
    seed,
    path,
    request: c.request,
    status: c.status,
    headers: c.headers,
    // The whole response is in the kept counterexample (--save-counterexamples); a report shows its start.
    body: cut(printableBody(c.body), TEXT_LIMIT),
    ...(c.fault && { fault: c.fault }),
    ...(verdict.at && { at: verdict.at }),
    expected: verdict.expected,
    actual: verdict.actual,
  };
}

/** Where a finding was drawn: its seed and replay path. */
interface Drawn {
  seed: number;
  path: string;
}

/** A finding as the report shows it: its smallest case, its replay line and, when kept, its file. */
function shown(check: Check, { adapter, config }: RunContext, attribution: Attribution, drawn: Drawn, name: string) {
  const { causes, needs, case: c, verdict } = attribution;
  const replay = replayCommand(check, config, drawn.seed, drawn.path);
  const meta = {
    client: adapter.name,
    ...(adapter.version !== undefined && { version: adapter.version }),
    reason: verdict.reason,
    replay,
  };
  const saved = config.saveCounterexamples
    ? relative(process.cwd(), writeRegression(config.saveCounterexamples, name, c, causes[0], meta))
    : undefined;
  return {
    reason: verdict.reason,
    causes,
    ...(needs.length > 0 && { needs }),
    counterexample: counterexample(c, verdict, drawn.seed, drawn.path),
    replay,
    ...(saved !== undefined && { saved }),
  };
}

/** Another rule's failure the check met, set aside from then on. */
interface Aside {
  symptom: Symptom;
  /** The dimensions it needs: a case departing in all of them, with the same symptom, shows the same failure. */
  needs: string[];
  /** The request rules the service refused it for, when it was refused. */
  refused?: RuleId[];
  attribution: Attribution;
  drawn: Drawn;
}

/**
 * One check's search for failures of its own. A failing case's differences are each put to
 * what the check has already set aside; each new one is attributed (suites/attribute.ts), and
 * a difference of another rule's is set aside in turn. The case fails the check only when a
 * difference of its own remains: a client with a pervasive bug is still judged on everything
 * else, and shrinking keeps to the check's own failure (Hypothesis keeps failures of different
 * origins apart the same way).
 */
class Search {
  readonly aside: Aside[] = [];
  /** For a case that failed the check, the difference of its own. */
  readonly own = new Map<ResponseCase, Attribution>();
  constructor(
    private readonly check: Check,
    private readonly adapter: ClientAdapter,
    private readonly verdictOf: (c: ResponseCase) => Promise<Verdict>,
  ) {}

  private setAside(c: ResponseCase, verdict: Failure, symptom: Symptom): boolean {
    const departs = caseDepartures(c);
    return this.aside.some((a) =>
      a.refused
        ? (verdict.refused?.every((r) => a.refused!.includes(r)) ?? false)
        : !verdict.refused && sameSymptom(a.symptom, symptom) && a.needs.every((d) => departs.includes(d)),
    );
  }

  /** True when the case passes, or fails only through other rules; `drawn` says where it came from, for the findings it adds. */
  async holds(c: ResponseCase, verdict: Verdict, drawn: Drawn): Promise<boolean> {
    if (verdict.ok) return true;
    for (const symptom of verdict.refused ? [symptomOf(verdict)] : symptomsOf(verdict)) {
      if (this.setAside(c, verdict, symptom)) continue;
      const attribution = await attribute(this.check, c, verdict, this.adapter, this.verdictOf, symptom);
      if (attribution.causes.includes(this.check.id)) {
        this.own.set(c, attribution);
        return false;
      }
      this.aside.push({
        symptom,
        needs: attribution.needs,
        ...(verdict.refused && { refused: verdict.refused }),
        attribution,
        drawn,
      });
    }
    return true;
  }
}

/** The check's result: its own failure when it found one, else the first other rule's it set aside; each other rule's finding beside it, once. */
function resultOf(
  check: Check,
  context: RunContext,
  base: Pick<CheckResult, 'id' | 'suite' | 'title' | 'level'>,
  cases: number,
  search: Search,
  own?: { attribution: Attribution; drawn: Drawn },
): CheckResult {
  const name = `${context.adapter.name.replace(/[^\w.-]+/g, '_')}-${check.suite}-${check.id}`;
  const seen = new Set<string>();
  const findings: Explained[] = [];
  for (const { attribution, drawn } of search.aside) {
    const rules = attribution.causes.join('+');
    if (seen.has(rules)) continue;
    seen.add(rules);
    findings.push(shown(check, context, attribution, drawn, own || findings.length > 0 ? `${name}-${rules}` : name));
  }
  const main = own ? shown(check, context, own.attribution, own.drawn, name) : findings.shift();
  if (!main) return { ...base, status: 'passed', cases };
  return {
    ...base,
    status: own ? 'failed' : 'explained',
    cases,
    ...main,
    ...(findings.length > 0 && { explained: findings }),
  };
}

export async function runCheck(check: Check, context: RunContext): Promise<CheckResult> {
  const { harness, adapter, config } = context;
  const runOptions = { ...check.runOptions, wantsText: check.readsText === true };
  const base = { id: check.id, suite: check.suite, title: check.title, level: ruleById(check.id)!.level };
  const skip = check.skip?.(adapter);
  if (skip) return { ...base, status: 'skipped', cases: 0, reason: skip };

  let cases = 0;
  const results = new Map<string, Promise<CaseResult>>();
  const run = (c: ResponseCase) => {
    const key = servedDigest(c);
    let result = results.get(key);
    if (!result) {
      cases++;
      result = harness.runCase(c, runOptions);
      results.set(key, result);
    }
    return result;
  };
  const verdictOf = async (c: ResponseCase): Promise<Verdict> => {
    const result = await run(c);
    const verdict = check.judge(c, result, adapter);
    // A request elsewhere was answered by no service (GS-REQ-006's); what the endpoint refused explains what followed.
    const problems = result.requests.find((r) => !r.stray)?.problems ?? [];
    if (verdict.ok || problems.length === 0) return verdict;
    return {
      ...verdict,
      reason: `the service refused the request (${problems.map((p) => p.text).join('; ')}), so: ${verdict.reason}`,
      refused: [...new Set(problems.map((p) => p.rule))],
    };
  };
  const search = new Search(check, adapter, verdictOf);
  const done = (own?: { attribution: Attribution; drawn: Drawn }) => {
    results.clear();
    return resultOf(check, context, base, cases, search, own);
  };

  const fixedPath = config.path?.startsWith('fixed:') ? Number(config.path.slice('fixed:'.length)) : undefined;
  if (check.fixed && (config.path === undefined || fixedPath !== undefined)) {
    const fixed = check.fixed();
    if (fixedPath === undefined && adapter.transport === 'loopback') await Promise.all(fixed.map(run));
    const indices = fixedPath !== undefined ? [fixedPath] : fixed.map((_, i) => i);
    for (const i of indices) {
      const c = fixed[i];
      if (!c)
        return {
          ...base,
          status: 'failed',
          cases,
          reason: `--path ${config.path} names no fixed case of this check (fixed:0..fixed:${fixed.length - 1})`,
        };
      const drawn = { seed: config.seed, path: `fixed:${i}` };
      if (!(await search.holds(c, await verdictOf(c), drawn))) return done({ attribution: search.own.get(c)!, drawn });
    }
    if (fixedPath !== undefined || !check.cases) return done();
  }
  if (!check.cases)
    return {
      ...base,
      status: 'failed',
      cases,
      reason: `--path ${config.path} names no case of this check: it has fixed cases only (fixed:N)`,
    };

  const arbitrary = check.cases();
  const numRuns = config.runs ?? check.runs ?? DEFAULT_RUNS;
  // Out-of-process clients are slow, and cases that wait out an abort are slow for every client: run
  // the cases fast-check is about to draw concurrently first, so the property below finds their
  // results ready. Same seed, same draws. Other in-process cases gain nothing from it but the cost
  // of drawing every case twice.
  if (!config.path && (adapter.transport === 'loopback' || check.runOptions?.abortAfterMs !== undefined)) {
    const drawn = fc.sample(arbitrary, { seed: config.seed, numRuns });
    if (config.shrink === false) {
      // Verdicts only: the property stops at its first failure, so the prefetch stops there too
      // (a client that hangs would otherwise wait out its timeout on every drawn case).
      for (let i = 0; i < drawn.length; i += config.concurrency) {
        const batch = drawn.slice(i, i + config.concurrency);
        const results = await Promise.all(batch.map(run));
        if (batch.some((c, j) => !check.judge(c, results[j], adapter).ok)) break;
      }
    } else await Promise.all(drawn.map(run));
  }

  let hangingSince: number | undefined;
  // Until the first own failure, the property's n-th call is the n-th drawn case: what a finding set aside replays with.
  let calls = 0;
  let shrinking = false;
  const holds = async (c: ResponseCase) => {
    // Every later candidate counts as passing, so fast-check keeps what it has.
    if (hangingSince !== undefined && performance.now() - hangingSince > HANG_SHRINK_LIMIT_MS) return true;
    const result = await run(c);
    const verdict = await verdictOf(c);
    const drawn = { seed: config.seed, path: config.path ?? String(calls++) };
    const ok = await search.holds(c, verdict, shrinking ? { seed: config.seed, path: config.path ?? '' } : drawn);
    if (!ok) {
      shrinking = true;
      if (result.outcome.status === 'timeout') hangingSince ??= performance.now();
    }
    return ok;
  };
  const details = await fc.check(fc.asyncProperty(arbitrary, holds), {
    seed: config.seed,
    numRuns,
    ...(config.shrink === false && { endOnFailure: true }),
    ...(config.path && { path: config.path }),
  });
  if (!details.failed) return done();

  const path = details.counterexamplePath ?? '';
  const [c] = details.counterexample ?? [];
  const found = c && search.own.get(c);
  if (!c || !found) {
    results.clear();
    const error =
      details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    return { ...base, status: 'failed', cases, reason: `the check itself failed: ${error}` };
  }
  // Findings set aside while shrinking replay with the counterexample's own path.
  for (const a of search.aside) if (a.drawn.path === '') a.drawn = { seed: details.seed, path };
  return done({ attribution: found, drawn: { seed: details.seed, path } });
}
