/**
 * Turns a list of checks into vitest tests, one per rule, against the adapter the
 * configuration names. Each test's result travels to reporters in `task.meta.check`.
 */
import { afterAll, beforeAll, describe, test } from 'vitest';
import { startHarness, type ClientAdapter } from '../harness/index.ts';
import { loadAdapter } from '../adapters/index.ts';
import { ruleById } from '../spec/index.ts';
import type { Check, CheckResult, SuiteName } from './check.ts';
import { suiteConfig, type SuiteConfig } from './config.ts';
import { formatFailure } from './format.ts';
import { runCheck, type RunContext } from './runner.ts';

declare module '@vitest/runner' {
  interface TaskMeta {
    check?: CheckResult;
    /** The check the test runs, known when it is declared: a test that dies before recording its result is still reported under its rule. */
    declared?: Pick<CheckResult, 'id' | 'suite' | 'title' | 'level'>;
    /** The client's version as its adapter reported it after setup. */
    clientVersion?: string;
    /** The run the result belongs to, so shards merged later can be checked to be of one run. */
    run?: RunRecord;
  }
}

/** What a shard ran: its blob carries it to --merge-reports. */
export interface RunRecord {
  adapter: string;
  name: string;
  seed: number;
  runs?: number;
}

export class CheckFailed extends Error {
  override name = 'CheckFailed';
}

/** Where a suite's configuration and client come from: by default the `run` command's, through the environment. */
export interface SuiteSource {
  config?: SuiteConfig;
  /** A client given as an object (a user's own vitest file), used instead of loading `config.adapter`. */
  adapter?: ClientAdapter;
  /** Why a failure is expected (a baseline lists it): the test is skipped with that note instead of failing. */
  expected?(result: CheckResult, adapter: ClientAdapter): string | undefined;
}

export function defineSuite(suite: SuiteName, checks: Check[], source: SuiteSource = {}): void {
  const config = source.config ?? suiteConfig();
  let context: RunContext | undefined;
  let unavailable: string | undefined;

  beforeAll(async () => {
    try {
      const adapter =
        source.adapter ??
        (await loadAdapter(config.adapter, {
          command: config.command,
          textCommand: config.textCommand,
          textStyle: config.textStyle,
          name: config.name,
        }));
      const harness = await startHarness(adapter, { concurrency: config.concurrency, timeoutMs: config.timeoutMs });
      context = { harness, adapter, config };
    } catch (error) {
      // A client that is not installed is reported as skipped, with the reason, never as passed.
      unavailable = error instanceof Error ? error.message : String(error);
    }
  });
  afterAll(async () => {
    await context?.harness.close();
  });

  describe(suite, () => {
    for (const check of checks) {
      const declared = { id: check.id, suite, title: check.title, level: ruleById(check.id)?.level ?? 'MUST' };
      // A check left out of the run is declared skipped, as vitest skips a test it filters out.
      const options = { meta: { declared }, skip: config.checks !== undefined && !config.checks.includes(check.id) };
      test(`${check.id} ${check.title}`, options, async ({ task, skip }) => {
        task.meta.run = {
          adapter: config.adapter,
          name: context?.adapter.name ?? config.name ?? config.adapter,
          seed: config.seed,
          ...(config.runs !== undefined && { runs: config.runs }),
        };
        if (!context) {
          const reason = `adapter unavailable: ${unavailable}`;
          task.meta.check = { ...declared, status: 'skipped', cases: 0, reason, unavailable: true };
          skip(reason);
          return;
        }
        const result = await runCheck(check, context);
        task.meta.check = result;
        if (context.adapter.version !== undefined) task.meta.clientVersion = context.adapter.version;
        if (result.status === 'skipped') skip(result.reason);
        const expected = result.status === 'failed' ? source.expected?.(result, context.adapter) : undefined;
        if (expected !== undefined) skip(expected);
        if (result.status === 'failed') throw new CheckFailed(formatFailure(result));
      });
    }
  });
}
