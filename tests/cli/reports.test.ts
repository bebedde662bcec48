/**
 * Reports count causes, not checks: a deviation is listed once whatever it made fail, a check that
 * failed only through it says so, SHOULD failures are warnings apart, and the exit code follows
 * the MUST deviations.
 */
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { junitReport } from '../../cli/reports/junit.ts';
import { markdownReport } from '../../cli/reports/markdown.ts';
import { prettyReport } from '../../cli/reports/pretty.ts';
import { jsonReport } from '../../cli/reports/json.ts';
import { buildReport, reportExitCode } from '../../run/report.ts';
import type { CheckResult, Counterexample } from '../../suites/check.ts';

const example = (body: string): Counterexample => ({
  seed: 42,
  path: '3:0',
  request: { jobId: 'EX1ID' },
  status: 200,
  headers: {},
  body,
  expected: {},
  actual: {},
});
const replay = (id: string) =>
  `npx getstatus-conformance run --adapter x --suite parsing --check ${id} --seed 42 --path 3:0`;
const failed = (id: CheckResult['id'], level: CheckResult['level'], reason: string, body: string): CheckResult => ({
  id,
  suite: 'parsing',
  title: `check ${id}`,
  level,
  status: 'failed',
  cases: 9,
  reason,
  causes: [id],
  counterexample: example(body),
  replay: replay(id),
});
const explained = (id: CheckResult['id'], by: CheckResult['id'], body: string, needs?: string[]): CheckResult => ({
  id,
  suite: 'parsing',
  title: `check ${id}`,
  level: 'MUST',
  status: 'explained',
  cases: 4,
  reason: 'CreationDate: expected a, got b',
  causes: [by],
  ...(needs && { needs }),
  counterexample: example(body),
  replay: replay(id),
});
const passed = (id: CheckResult['id']): CheckResult => ({
  id,
  suite: 'parsing',
  title: `check ${id}`,
  level: 'MUST',
  status: 'passed',
  cases: 260,
});

const CHECKS: CheckResult[] = [
  failed('GS-PARSE-012', 'MUST', 'JobId: the response carries "A", but the client dropped it', '<a/>'),
  explained('GS-PARSE-001', 'GS-PARSE-012', '<a>longer</a>'),
  explained('GS-PARSE-011', 'GS-PARSE-012', '<a>longer still</a>'),
  failed('GS-REQ-005', 'SHOULD', 'the signature does not verify', '<b/>'),
  // GS-TIME-003's own check passed, yet it explains this failure: the deviation is reported from here.
  explained('GS-PARSE-013', 'GS-TIME-003', '<c/>', ['timestamp-no-zone']),
  passed('GS-TIME-003'),
  passed('GS-PARSE-002'),
];

describe('a report of causes', () => {
  const report = buildReport('x', undefined, 42, undefined, CHECKS, []);

  test('each deviation once, in catalogue order, from its own failure when there is one', () => {
    expect(report.deviations.map((d) => [d.rule, d.level, d.checks])).toEqual([
      ['GS-PARSE-012', 'MUST', ['GS-PARSE-012', 'GS-PARSE-001', 'GS-PARSE-011']],
      ['GS-TIME-003', 'MUST', ['GS-PARSE-013']],
      ['GS-REQ-005', 'SHOULD', ['GS-REQ-005']],
    ]);
    expect(report.deviations[0]).toMatchObject({
      what: 'JobId: the response carries "A", but the client dropped it',
      counterexample: { body: '<a/>' },
      replay: replay('GS-PARSE-012'),
    });
    expect(report.deviations[1]).toMatchObject({
      what: 'CreationDate: expected a, got b',
      needs: ['a CreationDate without a zone'],
    });
  });

  test('the summary counts deviations, and SHOULD failures as warnings apart from failures', () => {
    expect(report.summary).toEqual({
      deviations: 3,
      must: 2,
      passed: 2,
      failed: 1,
      warnings: 1,
      explained: 3,
      skipped: 0,
    });
  });

  test('exit 1 for a MUST deviation; a SHOULD deviation alone is a warning (exit 0)', () => {
    expect(reportExitCode([report])).toBe(1);
    const shouldOnly = buildReport('y', undefined, 42, undefined, [CHECKS[3], passed('GS-PARSE-002')], []);
    expect(shouldOnly.summary).toMatchObject({ deviations: 1, must: 0, failed: 0, warnings: 1 });
    expect(reportExitCode([shouldOnly])).toBe(0);
  });

  test('exit 1 when the client could not be set up, told by the check and not by the wording of its reason', () => {
    const skipped = (reason: string, unavailable?: true): CheckResult => ({
      id: 'GS-PARSE-001',
      suite: 'parsing',
      title: 't',
      level: 'MUST',
      status: 'skipped',
      cases: 0,
      reason,
      ...(unavailable && { unavailable }),
    });
    expect(reportExitCode([buildReport('x', undefined, 42, undefined, [skipped('boto3 not found', true)], [])])).toBe(
      1,
    );
    expect(
      reportExitCode([
        buildReport(
          'x',
          undefined,
          42,
          undefined,
          [skipped('adapter unavailable: reads like one, but the check only does not apply')],
          [],
        ),
      ]),
    ).toBe(0);
  });

  test('the pretty report starts with the deviations, marks explained checks, and ends with the counts', () => {
    const lines = prettyReport([report]).split('\n');
    expect(lines.slice(0, 6)).toEqual([
      "getstatus-conformance: adapter x, seed 42, runs: each check's default",
      '',
      '3 deviations (2 MUST)',
      '  ✗ GS-PARSE-012 (MUST) JobId: the response carries "A", but the client dropped it',
      '  ✗ GS-TIME-003 (MUST) CreationDate: expected a, got b',
      '  ! GS-REQ-005 (SHOULD: a warning) the signature does not verify',
    ]);
    expect(lines).toContain('  → GS-PARSE-001 check GS-PARSE-001 [4 cases] (explained by GS-PARSE-012)');
    expect(lines.at(-2)).toBe('3 deviations (2 MUST): 2 passed, 1 failed, 1 warning, 3 explained, 0 skipped');
  });

  test('JSON: the deviations and summary are part of the report, the same bytes every time', () => {
    const parsed = JSON.parse(jsonReport([report]));
    expect(parsed.summary.deviations).toBe(3);
    expect(parsed.deviations).toHaveLength(3);
    expect(jsonReport([report])).toBe(jsonReport([buildReport('x', undefined, 42, undefined, CHECKS, [])]));
  });

  test('JUnit: a failure for each own MUST failure and for a MUST deviation found only through another check; warnings and explained checks pass with a note', () => {
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(junitReport([report]));
    const suites = [xml.testsuites.testsuite].flat();
    const cases = suites.flatMap((s: { testcase: unknown }) => [s.testcase].flat()) as Array<Record<string, unknown>>;
    const failing = cases.filter((c) => c.failure).map((c) => c['@name']);
    expect(failing).toEqual(['GS-PARSE-012 check GS-PARSE-012', 'GS-TIME-003 (found by GS-PARSE-013)']);
    expect(Number(xml.testsuites['@failures'])).toBe(2);
    expect(cases.find((c) => c['@name'] === 'GS-PARSE-001 check GS-PARSE-001')?.['system-out']).toMatch(
      /^explained by GS-PARSE-012/,
    );
    expect(cases.find((c) => c['@name'] === 'GS-REQ-005 check GS-REQ-005')?.['system-out']).toMatch(
      /^warning \(SHOULD\)/,
    );
  });

  test('Markdown: a deviation table, and explained checks pointing at their deviation', () => {
    const md = markdownReport([report]);
    expect(md).toContain(
      '| GS-TIME-003 | MUST | CreationDate: expected a, got b (only with a CreationDate without a zone) | GS-PARSE-013 |',
    );
    expect(md).toContain('| parsing | GS-PARSE-001 | MUST | check GS-PARSE-001 | → GS-PARSE-012 |');
  });
});

test('a run with fewer cases per property than the checks default to says deviations may be missed', () => {
  const shallow = buildReport('x', undefined, 42, 5, CHECKS, []);
  expect(prettyReport([shallow]).split('\n')[0]).toBe(
    'getstatus-conformance: adapter x, seed 42, runs: 5 of up to 260 cases per property (deviations may be missed)',
  );
  expect(markdownReport([shallow])).toContain(
    'Seed 42, runs: 5 of up to 260 cases per property (deviations may be missed):',
  );
  expect(prettyReport([buildReport('x', undefined, 42, 500, CHECKS, [])]).split('\n')[0]).toBe(
    'getstatus-conformance: adapter x, seed 42, runs: 500',
  );
});
