/**
 * Running one check against a client: every generated case through the harness, then, on a
 * failure, fast-check's shrinking down to a small counterexample with a replay command.
 */
import { relative } from 'node:path';
import fc from 'fast-check';
import type { ResponseCase } from '../generators/case.ts';
import { servedDigest } from '../generators/index.ts';
import { DEFAULT_TIMEOUT_MS, type CaseResult, type CaseRunner } from '../harness/index.ts';
import { ruleById, type ClientAdapter } from '../spec/index.ts';
import { attribute } from './attribute.ts';
import { cut, TEXT_LIMIT } from './judge.ts';
import type { Check, CheckResult, Counterexample, Failure, Verdict } from './check.ts';
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
    expected: verdict.expected,
    actual: verdict.actual,
  };
}

/** The failing case as the report shows it, with the rules that explain it. */
async function failedResult(
  check: Check,
  { adapter, config }: RunContext,
  base: Pick<CheckResult, 'id' | 'suite' | 'title' | 'level'>,
  found: { case: ResponseCase; verdict: Failure; seed: number; path: string },
  judge: (c: ResponseCase) => Promise<Verdict>,
  cases: () => number,
): Promise<CheckResult> {
  const { causes, needs, case: c, verdict } = await attribute(check, found.case, found.verdict, adapter, judge);
  const own = causes.includes(check.id);
  const reason = own ? verdict.reason : `explained by ${causes.join(' + ')}: ${verdict.reason}`;
  const replay = replayCommand(check, config, found.seed, found.path);
  const name = `${adapter.name.replace(/[^\w.-]+/g, '_')}-${check.suite}-${check.id}`;
  const meta = { client: adapter.name, ...(adapter.version !== undefined && { version: adapter.version }), reason, replay };
  const saved = config.saveCounterexamples ? relative(process.cwd(), writeRegression(config.saveCounterexamples, name, c, causes[0], meta)) : undefined;
  return {
    ...base,
    status: own ? 'failed' : 'explained',
    cases: cases(),
    reason,
    causes,
    ...(needs.length > 0 && { needs }),
    counterexample: counterexample(c, verdict, found.seed, found.path),
    replay,
    ...(saved !== undefined && { saved }),
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
    return { ...verdict, reason: `the service refused the request (${problems.map((p) => p.text).join('; ')}), so: ${verdict.reason}`, refused: [...new Set(problems.map((p) => p.rule))] };
  };
  const verdicts = new Map<ResponseCase, Verdict>();
  let hangingSince: number | undefined;
  const judge = async (c: ResponseCase) => {
    // Every later candidate counts as passing, so fast-check keeps what it has.
    if (hangingSince !== undefined && performance.now() - hangingSince > HANG_SHRINK_LIMIT_MS) return true;
    const result = await run(c);
    const verdict = await verdictOf(c);
    verdicts.set(c, verdict);
    if (!verdict.ok && result.outcome.status === 'timeout') hangingSince ??= performance.now();
    return verdict.ok;
  };
  const failed = (c: ResponseCase, verdict: Failure, seed: number, path: string) => failedResult(check, context, base, { case: c, verdict, seed, path }, verdictOf, () => cases);

  const fixedPath = config.path?.startsWith('fixed:') ? Number(config.path.slice('fixed:'.length)) : undefined;
  if (check.fixed && (config.path === undefined || fixedPath !== undefined)) {
    const fixed = check.fixed();
    if (fixedPath === undefined && adapter.transport === 'loopback') await Promise.all(fixed.map(run));
    const indices = fixedPath !== undefined ? [fixedPath] : fixed.map((_, i) => i);
    for (const i of indices) {
      const c = fixed[i];
      if (!c) return { ...base, status: 'failed', cases, reason: `--path ${config.path} names no fixed case of this check (fixed:0..fixed:${fixed.length - 1})` };
      const verdict = await verdictOf(c);
      if (!verdict.ok) return failed(c, { ...verdict, reason: `${c.name}: ${verdict.reason}` }, config.seed, `fixed:${i}`);
    }
    if (fixedPath !== undefined || !check.cases) return { ...base, status: 'passed', cases };
  }
  if (!check.cases) return { ...base, status: 'failed', cases, reason: `--path ${config.path} names no case of this check: it has fixed cases only (fixed:N)` };

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
  const details = await fc.check(fc.asyncProperty(arbitrary, judge), {
    seed: config.seed,
    numRuns,
    ...(config.shrink === false && { endOnFailure: true }),
    ...(config.path && { path: config.path }),
  });
  if (!details.failed) {
    results.clear();
    return { ...base, status: 'passed', cases };
  }

  const path = details.counterexamplePath ?? '';
  const [c] = details.counterexample ?? [];
  let verdict = c && verdicts.get(c);
  if (c && !verdict) verdict = await verdictOf(c);
  if (!c || !verdict || verdict.ok) {
    results.clear();
    const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    return { ...base, status: 'failed', cases, reason: `the check itself failed: ${error}` };
  }
  const result = await failed(c, verdict, details.seed, path);
  results.clear();
  return result;
}
