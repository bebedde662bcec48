/**
 * A report compared with a baseline: known deviations do not fail the run, new ones do, listed
 * ones no longer found are fixed (failing only under --strict-baseline), and every reporter
 * shows the three apart.
 */
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { formatBaseline, validateBaseline } from '../../run/baseline-file.ts';
import { compareWithBaseline, updatedBaseline, withBaseline, type Baseline } from '../../run/baseline.ts';
import { junitReport } from '../../cli/reports/junit.ts';
import { markdownReport } from '../../cli/reports/markdown.ts';
import { prettyReport } from '../../cli/reports/pretty.ts';
import { jsonReport } from '../../cli/reports/json.ts';
import { buildReport, reportExitCode } from '../../run/report.ts';
import type { CheckResult } from '../../suites/check.ts';

const failed = (id: CheckResult['id'], reason: string): CheckResult => ({
  id,
  suite: 'parsing',
  title: `check ${id}`,
  level: 'MUST',
  status: 'failed',
  cases: 9,
  reason,
  causes: [id],
});
const explained = (id: CheckResult['id'], by: CheckResult['id']): CheckResult => ({
  id,
  suite: 'parsing',
  title: `check ${id}`,
  level: 'MUST',
  status: 'explained',
  cases: 4,
  reason: `explained by ${by}: x`,
  causes: [by],
});
const passed = (id: CheckResult['id']): CheckResult => ({
  id,
  suite: 'parsing',
  title: `check ${id}`,
  level: 'MUST',
  status: 'passed',
  cases: 260,
});

// GS-PARSE-003 is known, GS-PARSE-012 is new, GS-COND-008 was listed and its check passes now,
// GS-TIME-003 is listed but was not checked in this run, and another client's entry is not ours.
const CHECKS = [
  failed('GS-PARSE-003', 'LocationMessage: trimmed'),
  failed('GS-PARSE-012', 'JobId: dropped'),
  explained('GS-PARSE-001', 'GS-PARSE-012'),
  passed('GS-COND-008'),
];
const BASELINE: Baseline = {
  known: [
    {
      rule: 'GS-PARSE-003',
      client: 'my-client',
      reason: 'trims values; fix planned',
      link: 'https://example.org/issues/7',
    },
    { rule: 'GS-COND-008', client: 'my-client', reason: 'drops ErrorCount 0' },
    { rule: 'GS-TIME-003', client: 'my-client', reason: 'local time' },
    { rule: 'GS-PARSE-012', client: 'other-client', reason: 'namespaces' },
  ],
};
const report = (strict = false) =>
  withBaseline(buildReport('my-client', undefined, 42, undefined, CHECKS, []), BASELINE, strict);

describe('comparing a run with its baseline', () => {
  test('known, new and fixed are told apart by rule and client; an unchecked rule is neither', () => {
    expect(compareWithBaseline(report(), BASELINE, false)).toEqual({
      strict: false,
      known: [
        {
          rule: 'GS-PARSE-003',
          level: 'MUST',
          reason: 'trims values; fix planned',
          link: 'https://example.org/issues/7',
        },
      ],
      new: ['GS-PARSE-012'],
      fixed: [{ rule: 'GS-COND-008', client: 'my-client', reason: 'drops ErrorCount 0' }],
    });
  });

  test('exit 1 on a new deviation; with none, 0 unless --strict-baseline meets a fixed entry', () => {
    expect(reportExitCode([report()])).toBe(1);
    const noNew = buildReport(
      'my-client',
      undefined,
      42,
      undefined,
      [failed('GS-PARSE-003', 'trimmed'), passed('GS-COND-008')],
      [],
    );
    expect(reportExitCode([withBaseline(noNew, BASELINE, false)])).toBe(0);
    expect(reportExitCode([withBaseline(noNew, BASELINE, true)])).toBe(1);
    expect(
      reportExitCode([
        withBaseline(
          buildReport('my-client', undefined, 42, undefined, [failed('GS-PARSE-003', 'trimmed')], []),
          BASELINE,
          true,
        ),
      ]),
    ).toBe(0);
  });

  test('the JSON report carries the verdict', () => {
    expect(JSON.parse(jsonReport([report(true)])).baseline).toMatchObject({
      strict: true,
      new: ['GS-PARSE-012'],
      fixed: [{ rule: 'GS-COND-008' }],
    });
  });

  test('pretty: new and known deviations marked apart, the baseline reason under a known one, then the fixed entries', () => {
    const lines = prettyReport([report()]).split('\n');
    expect(lines.slice(2, 8)).toEqual([
      '2 deviations (2 MUST): 1 known, 1 new, 1 fixed',
      '  ~ GS-PARSE-003 (MUST) known: LocationMessage: trimmed',
      '      baseline: trims values; fix planned (https://example.org/issues/7)',
      '  ✗ GS-PARSE-012 (MUST) new: JobId: dropped',
      'fixed: 1 in the baseline no longer found (take it out of it)',
      '  ✓ GS-COND-008 drops ErrorCount 0',
    ]);
    expect(lines).toContain('  ~ GS-PARSE-003 check GS-PARSE-003 [9 cases] (known: in the baseline)');
    expect(lines.at(-2)).toMatch(/; baseline: 1 known, 1 new, 1 fixed$/);
  });

  test('pretty: a known deviation whose reason is the finding --update-baseline wrote shows that text once, its link kept', () => {
    const long = `JobId: ${'x'.repeat(300)}`;
    const run = buildReport(
      'my-client',
      undefined,
      42,
      undefined,
      [failed('GS-PARSE-003', 'LocationMessage: trimmed'), failed('GS-PARSE-012', long)],
      [],
    );
    const written = updatedBaseline({ known: [] }, [run]);
    written.known[0].link = 'https://example.org/issues/9';
    const lines = prettyReport([withBaseline(run, written, false)]).split('\n');
    expect(lines.slice(3, 6)).toEqual([
      '  ~ GS-PARSE-003 (MUST) known: LocationMessage: trimmed',
      '      baseline: https://example.org/issues/9',
      `  ~ GS-PARSE-012 (MUST) known: ${long.slice(0, 200)}… (${long.length} characters)`,
    ]);
    expect(lines.filter((l) => l.includes('trimmed'))).toHaveLength(2);
  });

  test('Markdown: a section each for new, known and fixed', () => {
    const md = markdownReport([report(true)]);
    const section = (title: string) => md.split(`## ${title}\n\n`)[1].split('\n\n')[0];
    expect(section('New deviations')).toMatch(/\| GS-PARSE-012 \| MUST \| JobId: dropped \|/);
    expect(section('New deviations')).not.toContain('GS-PARSE-003');
    expect(section('Known deviations (baseline)')).toContain(
      '| GS-PARSE-003 | MUST | LocationMessage: trimmed | trims values; fix planned ([link](https://example.org/issues/7)) |',
    );
    expect(md).toContain('Take it out of the baseline (--strict-baseline fails the run until then).');
    expect(md).toContain('| GS-COND-008 | drops ErrorCount 0 |');
  });

  test('JUnit: a known failure is skipped with its reason, a new one fails, a fixed entry fails only when strict', () => {
    const parse = (xml: string) => {
      const doc = new XMLParser({
        ignoreAttributes: false,
        attributeNamePrefix: '@',
        isArray: (name) => name === 'testsuite' || name === 'testcase',
      }).parse(xml);
      return doc.testsuites.testsuite.flatMap((s: { testcase: object[] }) => s.testcase) as Array<
        Record<string, { '@message': string }> & { '@name': string }
      >;
    };
    const cases = parse(junitReport([report(false)]));
    const byName = (name: string) => cases.find((c) => c['@name'] === name)!;
    expect(byName('GS-PARSE-003 check GS-PARSE-003').skipped['@message']).toBe(
      'known deviation (baseline): trims values; fix planned (https://example.org/issues/7)',
    );
    expect(byName('GS-PARSE-003 check GS-PARSE-003').failure).toBeUndefined();
    expect(byName('GS-PARSE-012 check GS-PARSE-012').failure['@message']).toBe('new: JobId: dropped');
    expect(byName('GS-COND-008 fixed').failure).toBeUndefined();
    const strict = parse(junitReport([report(true)]));
    expect(strict.find((c) => c['@name'] === 'GS-COND-008 fixed')!.failure['@message']).toMatch(
      /^fixed: GS-COND-008 is in the baseline .* take it out of the baseline$/,
    );
  });
});

describe('the baseline file', () => {
  test('an update keeps the entries still found as written, drops the fixed, adds the new, and leaves other clients alone', () => {
    expect(updatedBaseline(BASELINE, [report()]).known).toEqual([
      {
        rule: 'GS-PARSE-003',
        client: 'my-client',
        reason: 'trims values; fix planned',
        link: 'https://example.org/issues/7',
      },
      { rule: 'GS-PARSE-012', client: 'my-client', reason: 'JobId: dropped' },
      { rule: 'GS-TIME-003', client: 'my-client', reason: 'local time' },
      { rule: 'GS-PARSE-012', client: 'other-client', reason: 'namespaces' },
    ]);
  });

  test('one deviation a line, and it reads back as written', () => {
    const text = formatBaseline(BASELINE);
    expect(text.split('\n').filter((l) => l.includes('"rule"'))).toHaveLength(BASELINE.known.length);
    expect(validateBaseline(JSON.parse(text), 'f')).toEqual(BASELINE);
  });

  test.each([
    ['no known list', {}, /no "known" list/],
    [
      'an unknown rule',
      { known: [{ rule: 'GS-NOPE-001', client: 'c', reason: 'r' }] },
      /entry 1 has rule "GS-NOPE-001", not a rule id/,
    ],
    [
      'a missing reason',
      { known: [{ rule: 'GS-PARSE-003', client: 'c' }] },
      /entry 1 \(GS-PARSE-003\) needs a non-empty "reason"/,
    ],
    ['a reason of two lines', { known: [{ rule: 'GS-PARSE-003', client: 'c', reason: 'a\nb' }] }, /several lines/],
    [
      'a repeated entry',
      {
        known: [
          { rule: 'GS-PARSE-003', client: 'c', reason: 'r' },
          { rule: 'GS-PARSE-003', client: 'c', reason: 's' },
        ],
      },
      /entry 2 repeats GS-PARSE-003 for c/,
    ],
    [
      'a misspelt field',
      { known: [{ rule: 'GS-PARSE-003', client: 'c', reason: 'r', url: 'x' }] },
      /unknown field "url"/,
    ],
  ])('%s is refused in one line', (_, value, message) => {
    expect(() => validateBaseline(value, 'baseline')).toThrow(message);
    try {
      validateBaseline(value, 'baseline');
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
    }
  });
});
