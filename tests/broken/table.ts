/**
 * One bug, one rule: each deliberately broken client, run through every check, shows exactly
 * one deviation, under the rule that names its bug, with a counterexample and a replay line.
 * The check of the bug's rule runs at its default depth, as a user's run would; every other
 * check runs on fewer cases, to find a deviation the bug should not cause.
 */
import { describe, expect, test } from 'vitest';
import { deviationsOf } from '../../run/report.ts';
import { Harness, type ClientAdapter } from '../../harness/index.ts';
import type { RuleId } from '../../spec/index.ts';
import type { Check, CheckResult } from '../../suites/check.ts';
import { checksBySuite } from '../../suites/checks/index.ts';
import { suiteConfig } from '../../suites/config.ts';
import { runCheck } from '../../suites/runner.ts';
import { BROKEN } from './adapters.ts';

const CHECKS = Object.values(checksBySuite()).flat();
const OTHER_RUNS = 12;
/** Checks that wait on the clock (a stalled server) cost wall time per case, not CPU. */
const TIMED_RUNS = 3;

const runsFor = (check: Check, rules: readonly RuleId[]) =>
  rules.includes(check.id) ? undefined : check.runOptions?.abortAfterMs !== undefined ? TIMED_RUNS : OTHER_RUNS;

/** Every check against the client; the checks of `rules` (its bugs') at their default runs. */
export async function runEveryCheck(adapter: ClientAdapter, rules: readonly RuleId[] = []): Promise<CheckResult[]> {
  const harness = await Harness.start(adapter, { concurrency: 2, timeoutMs: 5_000 });
  try {
    const results: CheckResult[] = [];
    for (const check of CHECKS)
      results.push(
        await runCheck(check, {
          harness,
          adapter,
          config: { ...suiteConfig({}), timeoutMs: 5_000, runs: runsFor(check, rules) },
        }),
      );
    return results;
  } finally {
    await harness.close();
  }
}

/** The failures, one line each, for an assertion message. */
export const failures = (results: CheckResult[]) =>
  results
    .filter((r) => r.status === 'failed' || r.status === 'explained')
    .map((r) => `${r.id} → ${r.causes?.join(' + ')}: ${r.reason?.slice(0, 200)}`)
    .join('\n');

/** The broken clients whose index is `shard` modulo `of`: the table is split over files so vitest runs them in parallel. */
export function brokenClientTests(shard: number, of: number): void {
  describe('one bug, one deviation, under its own rule', () => {
    test.each(BROKEN.filter((_, i) => i % of === shard))(
      '$rule alone for a client that $bug',
      async ({ rule, adapter }) => {
        const results = await runEveryCheck(adapter, [rule]);
        const deviations = deviationsOf(results);
        expect(
          deviations.map((d) => d.rule),
          failures(results),
        ).toEqual([rule]);
        expect(deviations[0].counterexample).toBeDefined();
        expect(deviations[0].replay).toMatch(/--check GS-[A-Z]+-\d+ --seed \d+ --path /);
      },
    );
  });
}
