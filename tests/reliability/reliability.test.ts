/**
 * Misbehaving clients never stall, flood or mislead a run. Each row is one misbehaviour on top of
 * the reference (./clients), played one case with a 2 s budget: it must end as the right failure
 * within the budget plus one second, and the next case must end too.
 */
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ResponseCase } from '../../generators/case.ts';
import { startHarness, type CaseResult, type RunOptions, type ClientAdapter } from '../../harness/index.ts';
import { commandAdapter, loadAdapter } from '../../adapters/index.ts';
import { ROBUSTNESS } from '../../suites/checks/robustness.ts';
import { REQUESTS } from '../../suites/checks/requests.ts';
import { describeOutcome, judgeOutcome } from '../../suites/judge.ts';
import { faultCase, validCase } from '../harness/cases.ts';
import { runTool } from '../run-tool.ts';

const BUDGET_MS = 2_000;
const WITHIN_MS = BUDGET_MS + 1_000;
/** Starting a fresh copy of a client in a new thread (TypeScript loaded through tsx). */
const RESTART_MS = 10_000;
const client = (name: string) => `tests/reliability/clients/${name}.ts`;
const judgedBy = (checks: typeof REQUESTS, id: string) => checks.find((c) => c.id === id)!.judge;

interface Row {
  misbehaviour: string;
  adapter: () => Promise<ClientAdapter>;
  case?: ResponseCase;
  options?: RunOptions;
  /** What the case must end as. */
  expect(result: CaseResult, c: ResponseCase, adapter: ClientAdapter): void;
}

const outcome = (status: string, reason: RegExp) => (result: CaseResult) =>
  expect(result.outcome).toMatchObject({ status, reason: expect.stringMatching(reason) });
const command = (script: string) => async () => commandAdapter(`node -e ${JSON.stringify(script)} {endpoint} {jobId}`);

const ROWS: Row[] = [
  {
    misbehaviour: 'a promise that never settles',
    adapter: () => loadAdapter(client('never-settles')),
    expect: outcome('timeout', /did not settle within 2000 ms/),
  },
  {
    misbehaviour: 'a synchronous endless loop',
    adapter: () => loadAdapter(client('sync-loop')),
    expect: outcome('timeout', /did not return control within 2000 ms/),
  },
  {
    misbehaviour: 'a 20 s busy wait',
    adapter: () => loadAdapter(client('busy-wait')),
    expect: outcome('timeout', /did not return control within 2000 ms/),
  },
  {
    misbehaviour: 'process.exit',
    adapter: () => loadAdapter(client('exits')),
    expect: outcome('crashed', /ended its thread \(exit code 3/),
  },
  {
    misbehaviour: 'an exception thrown from a timer',
    adapter: () => loadAdapter(client('timer-throws')),
    expect: outcome('crashed', /uncaught exception: Error: thrown from a timer/),
  },
  {
    misbehaviour: 'an unhandled rejection',
    adapter: () => loadAdapter(client('unhandled-rejection')),
    expect: outcome('crashed', /unhandled rejection: Error: nobody handles this/),
  },
  {
    misbehaviour: 'an allocation without bound',
    adapter: () => loadAdapter(client('grows')),
    // Whichever comes first: the heap limit of its thread, or its budget.
    expect: (result) =>
      expect(`${result.outcome.status}: ${'reason' in result.outcome ? result.outcome.reason : ''}`).toMatch(
        /^(crashed: the client ran out of memory|timeout: the client did not return control)/,
      ),
  },
  {
    misbehaviour: 'a 50 MB value',
    adapter: () => loadAdapter(client('huge-value')),
    expect: (result, c, adapter) => {
      const verdict = judgeOutcome(c, result, adapter);
      expect(verdict.ok).toBe(false);
      // What a report shows of it: the value cut, with its length.
      const shown = JSON.stringify([verdict, describeOutcome(result.outcome)]);
      expect(shown.length).toBeLessThan(5_000);
      expect(shown).toContain('52428800 characters');
    },
  },
  {
    misbehaviour: 'requests to an outside name and an outside address',
    adapter: () => loadAdapter(client('strays')),
    expect: (result, c, adapter) => {
      const verdict = judgedBy(REQUESTS, 'GS-REQ-006')(c, result, adapter);
      expect(verdict.ok ? '' : verdict.reason).toMatch(
        /GET http:\/\/metadata\.example\.com\/latest\/meta-data\/, GET http:\/\/203\.0\.113\.7\/latest\/api\/token$/,
      );
      expect(result.outcome.status).toBe('resolved');
    },
  },
  {
    misbehaviour: 'ignoring the abort signal',
    adapter: () => loadAdapter(client('ignores-abort')),
    case: faultCase('ABORT1', { type: 'stall', where: 'headers', ms: 1_500 }),
    options: { abortAfterMs: 100, timeoutMs: 1_000 },
    expect: (result, c, adapter) => {
      const verdict = judgedBy(ROBUSTNESS, 'GS-SAFE-004')(c, result, adapter);
      expect(verdict.ok ? '' : verdict.reason).toMatch(/did not give up after the abort|ignored the abort/);
    },
  },
  {
    misbehaviour: 'a process that hangs',
    adapter: command('setInterval(() => {}, 1 << 30)'),
    expect: outcome('timeout', /did not settle within 2000 ms/),
  },
  {
    misbehaviour: 'a process killed by a signal',
    adapter: command("process.kill(process.pid, 'SIGSEGV')"),
    expect: outcome('crashed', /died from SIGSEGV/),
  },
  {
    misbehaviour: 'a process printing without end',
    adapter: command("const block = 'y'.repeat(1 << 20); const pump = () => process.stdout.write(block, pump); pump()"),
    expect: outcome('crashed', /printed more than 16 MB \(on stdout\) and was stopped/),
  },
];

describe('a misbehaving client fails its case, and the run goes on', () => {
  test.each(ROWS)('$misbehaviour', async ({ adapter: make, case: given, options, expect: check }) => {
    const adapter = await make();
    const harness = await startHarness(adapter, { concurrency: 1, timeoutMs: BUDGET_MS });
    try {
      const c = given ?? validCase('MISB1');
      const started = performance.now();
      const result = await harness.runCase(c, options);
      expect(performance.now() - started).toBeLessThan(WITHIN_MS + (options?.abortAfterMs ?? 0));
      check(result, c, adapter);
      // The harness goes on: the next case, to a fresh copy of the client where the last was stopped, ends too.
      const again = performance.now();
      await harness.runCase(c, options);
      expect(performance.now() - again).toBeLessThan(WITHIN_MS + RESTART_MS + (options?.abortAfterMs ?? 0));
    } finally {
      await harness.close();
    }
  });
});

describe('a run against a client that blocks its thread', () => {
  test('completes, reports the case as a failure of its check, and writes its report', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'gs-blocking-')), 'report.json');
    const run = await runTool([
      'run',
      '--adapter',
      client('sync-loop'),
      '--check',
      'GS-PARSE-002',
      '--runs',
      '3',
      '--timeout',
      String(BUDGET_MS),
      '--no-shrink',
      '--reporter',
      'json',
      '--out',
      out,
    ]);
    expect(run.code).toBe(1);
    expect(statSync(out).size).toBeGreaterThan(0);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    const [check] = report.checks ?? report.reports?.[0]?.checks ?? [];
    expect(check).toMatchObject({ id: 'GS-PARSE-002', status: 'failed' });
    expect(check.reason).toMatch(/did not return control within 2000 ms/);
  }, 120_000);
});
