/**
 * Running one check against a client: every generated case through the harness, then, on a
 * failure, fast-check's shrinking down to a small counterexample with a replay command.
 */
import { createHash } from 'node:crypto';
import { relative } from 'node:path';
import fc from 'fast-check';
import type { ResponseCase } from '../generators/case.ts';
import type { CaseResult, Harness } from '../harness/index.ts';
import { ruleById, type ClientAdapter } from '../spec/index.ts';
import type { Check, CheckResult, Counterexample, Verdict } from './check.ts';
import type { SuiteConfig } from './config.ts';
import { writeRegression } from './regressions.ts';

export const DEFAULT_RUNS = 260;

export interface RunContext {
  harness: Harness;
  adapter: ClientAdapter;
  config: SuiteConfig;
}

function caseKey(c: ResponseCase): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([c.request, c.status, c.headers, c.fault ?? null]));
  hash.update(typeof c.body === 'string' ? c.body : Buffer.from(c.body));
  return hash.digest('base64');
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
  if (config.command) args.push('--command', config.command);
  if (config.textCommand) args.push('--text-command', config.textCommand);
  args.push('--suite', check.suite, '--check', check.id, '--seed', String(seed), '--path', path);
  if (config.timeoutMs !== 10_000) args.push('--timeout', String(config.timeoutMs));
  return args.map(quote).join(' ');
}

function counterexample(c: ResponseCase, verdict: Extract<Verdict, { ok: false }>, seed: number, path: string): Counterexample {
  return {
    seed,
    path,
    request: c.request,
    status: c.status,
    headers: c.headers,
    body: printableBody(c.body),
    ...(c.fault && { fault: c.fault }),
    expected: verdict.expected,
    actual: verdict.actual,
  };
}

export async function runCheck(check: Check, { harness, adapter, config }: RunContext): Promise<CheckResult> {
  const runOptions = { ...check.runOptions, wantsText: check.readsText === true };
  const base = { id: check.id, suite: check.suite, title: check.title, level: check.level ?? ruleById(check.id)!.level };
  const skip = check.skip?.(adapter);
  if (skip) return { ...base, status: 'skipped', cases: 0, reason: skip };

  let cases = 0;
  const results = new Map<string, Promise<CaseResult>>();
  const run = (c: ResponseCase) => {
    const key = caseKey(c);
    let result = results.get(key);
    if (!result) {
      cases++;
      result = harness.runCase(c, runOptions);
      results.set(key, result);
    }
    return result;
  };
  const verdicts = new Map<ResponseCase, Verdict>();
  const failed = (c: ResponseCase, verdict: Extract<Verdict, { ok: false }>, seed: number, path: string): CheckResult => {
    const replay = replayCommand(check, config, seed, path);
    const name = `${adapter.name.replace(/[^\w.-]+/g, '_')}-${check.suite}-${check.id}`;
    const found = { client: adapter.name, ...(adapter.version !== undefined && { version: adapter.version }), reason: verdict.reason, replay };
    const saved = config.saveCounterexamples ? relative(process.cwd(), writeRegression(config.saveCounterexamples, name, c, check.id, found)) : undefined;
    return { ...base, status: 'failed', cases, reason: verdict.reason, counterexample: counterexample(c, verdict, seed, path), replay, ...(saved !== undefined && { saved }) };
  };
  const judge = async (c: ResponseCase) => {
    const verdict = check.judge(c, await run(c), adapter);
    verdicts.set(c, verdict);
    return verdict.ok;
  };

  if (check.fixed) {
    const fixed = check.fixed();
    if (!config.path && adapter.transport === 'loopback') await Promise.all(fixed.map(run));
    const indices = config.path ? [Number(config.path)] : fixed.map((_, i) => i);
    for (const i of indices) {
      const c = fixed[i];
      if (!c) return { ...base, status: 'failed', cases, reason: `--path ${config.path} names no case of this check (0..${fixed.length - 1})` };
      if (!(await judge(c))) {
        const verdict = verdicts.get(c) as Extract<Verdict, { ok: false }>;
        return failed(c, { ...verdict, reason: `${c.name}: ${verdict.reason}` }, config.seed, String(i));
      }
    }
    return { ...base, status: 'passed', cases };
  }

  const arbitrary = check.cases!();
  const numRuns = config.runs ?? check.runs ?? DEFAULT_RUNS;
  // Out-of-process clients are slow: run the cases fast-check is about to draw concurrently first,
  // so the property below finds their results ready. Same seed, same draws. In-process clients
  // gain nothing from it but the cost of drawing every case twice.
  if (!config.path && adapter.transport === 'loopback') {
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
  results.clear();
  if (!details.failed) return { ...base, status: 'passed', cases };

  const path = details.counterexamplePath ?? '';
  const [c] = details.counterexample ?? [];
  let verdict = c && verdicts.get(c);
  if (c && !verdict) verdict = check.judge(c, await harness.runCase(c, runOptions), adapter);
  if (!c || !verdict || verdict.ok) {
    const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    return { ...base, status: 'failed', cases, reason: `the check itself failed: ${error}` };
  }
  return failed(c, verdict, details.seed, path);
}
