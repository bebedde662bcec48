/**
 * The run reads each check from the data its test carries, never from the test's name: a check
 * whose test died before recording its result is still reported under its own rule.
 */
import { expect, test } from 'vitest';
import type { TestModule } from 'vitest/node';
import { collector, type SuiteRun } from '../../run/suite-run.ts';

/** What the collector reads of a finished test; the rest of vitest's TestCase is not needed here. */
const finished = (
  name: string,
  meta: object,
  state: 'passed' | 'failed' | 'skipped',
  errors?: Array<{ message: string }>,
) => ({
  name,
  fullName: `parsing > ${name}`,
  meta: () => meta,
  result: () => ({ state, errors }),
});

function collect(tests: ReturnType<typeof finished>[]): SuiteRun {
  const sink: SuiteRun = { checks: [], errors: [], runs: [] };
  const module = { moduleId: 'suites/parsing.test.ts', errors: () => [], children: { allTests: () => tests } };
  collector(sink).onTestRunEnd!([module as unknown as TestModule], [], 'failed');
  return sink;
}

const declared = { id: 'GS-PARSE-003', suite: 'parsing', title: 'values are not trimmed', level: 'MUST' };

test('a test that died before recording its result fails under the rule it declared, whatever its name', () => {
  const { checks, errors } = collect([
    finished('renamed by a user reporter', { declared }, 'failed', [{ message: 'worker exited' }]),
  ]);
  expect(checks).toEqual([{ ...declared, status: 'failed', cases: 0, reason: 'worker exited' }]);
  expect(errors).toEqual([]);
});

test('a check left out of the run is not reported; a failed test that declares no check is an error of the run', () => {
  const { checks, errors } = collect([
    finished('GS-PARSE-001 left out', { declared: { ...declared, id: 'GS-PARSE-001' } }, 'skipped'),
    finished('GS-PARSE-002 not ours', {}, 'failed', [{ message: 'boom' }]),
  ]);
  expect(checks).toEqual([]);
  expect(errors).toEqual(['parsing > GS-PARSE-002 not ours: boom']);
});
