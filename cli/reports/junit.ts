import { XMLBuilder } from 'fast-xml-parser';
import type { CheckResult } from '../../suites/check.ts';
import { formatFailure } from '../../suites/format.ts';
import type { BaselineVerdict, KnownDeviation } from '../../run/baseline.ts';
import { clientLabel, type Report } from '../../run/report.ts';

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  format: true,
  suppressEmptyNode: true,
});

/**
 * A check's testcase. Only a check's own MUST failure is a <failure>: a SHOULD failure is a
 * warning and an explained one belongs to the deviation that explains it, so both pass with a note;
 * one the baseline lists is skipped, as an expected failure.
 */
function testcase(c: CheckResult, classname: string, baseline?: BaselineVerdict) {
  const known = c.status === 'failed' ? baseline?.known.find((k) => k.rule === c.id) : undefined;
  const own = c.status === 'failed' && c.level === 'MUST' && !known;
  const note =
    c.status === 'explained'
      ? `explained by ${c.causes?.join(' + ')}: ${c.reason}`
      : known
        ? formatFailure(c)
        : c.status === 'failed'
          ? `warning (SHOULD): ${formatFailure(c)}`
          : undefined;
  return {
    '@classname': classname,
    '@name': `${c.id} ${c.title}`,
    ...(own && {
      failure: { '@message': `${baseline ? 'new: ' : ''}${c.reason ?? 'failed'}`, '#text': formatFailure(c) },
    }),
    ...(c.status === 'skipped' && { skipped: { '@message': c.reason ?? '' } }),
    ...(known && { skipped: { '@message': knownMessage(known) } }),
    ...(note !== undefined && { 'system-out': note }),
  };
}

/** A known deviation is reported as an expected failure is: skipped, with the baseline's reason. */
const knownMessage = (k: KnownDeviation) => `known deviation (baseline): ${k.reason}${k.link ? ` (${k.link})` : ''}`;

/** With a baseline: one testcase per listed deviation no longer found, a failure under --strict-baseline. */
function fixedSuite(report: Report, prefix: string) {
  const fixed = report.baseline?.fixed ?? [];
  if (fixed.length === 0) return [];
  const strict = report.baseline!.strict;
  return [
    {
      '@name': `${prefix}baseline`,
      '@tests': fixed.length,
      '@failures': strict ? fixed.length : 0,
      '@skipped': 0,
      testcase: fixed.map((e) => {
        const message = `fixed: ${e.rule} is in the baseline (${e.reason}) but no longer found; take it out of the baseline`;
        return {
          '@classname': `getstatus-conformance.${prefix}baseline`,
          '@name': `${e.rule} fixed`,
          ...(strict ? { failure: { '@message': message } } : { 'system-out': message }),
        };
      }),
    },
  ];
}

/** MUST deviations no check of their own rule failed for (found only through checks they explain): one failure each. */
function foundElsewhere(report: Report, prefix: string) {
  const own = new Set(report.checks.filter((c) => c.status === 'failed').map((c) => c.id));
  const deviations = report.deviations.filter((d) => d.level === 'MUST' && !own.has(d.rule));
  if (deviations.length === 0) return [];
  const knownOf = (rule: string) => report.baseline?.known.find((k) => k.rule === rule);
  return [
    {
      '@name': `${prefix}deviations`,
      '@tests': deviations.length,
      '@failures': deviations.filter((d) => !knownOf(d.rule)).length,
      '@skipped': deviations.filter((d) => knownOf(d.rule)).length,
      testcase: deviations.map((d) => {
        const known = knownOf(d.rule);
        const text = formatFailure({
          id: d.rule,
          level: d.level,
          title: '',
          reason: d.what,
          counterexample: d.counterexample,
          replay: d.replay,
        });
        return {
          '@classname': `getstatus-conformance.${prefix}deviations`,
          '@name': `${d.rule} (found by ${d.checks.join(', ')})`,
          ...(known
            ? { skipped: { '@message': knownMessage(known) }, 'system-out': text }
            : { failure: { '@message': `${report.baseline ? 'new: ' : ''}${d.what}`, '#text': text } }),
        };
      }),
    },
  ];
}

function testsuites(report: Report, prefix: string) {
  const bySuite = [...new Set(report.checks.map((c) => c.suite))].map((suite) => {
    const checks = report.checks.filter((c) => c.suite === suite);
    const cases = checks.map((c) => testcase(c, `getstatus-conformance.${prefix}${suite}`, report.baseline));
    return {
      '@name': `${prefix}${suite}`,
      '@tests': checks.length,
      '@failures': cases.filter((c) => 'failure' in c).length,
      '@skipped': cases.filter((c) => 'skipped' in c).length,
      testcase: cases,
    };
  });
  return [...bySuite, ...foundElsewhere(report, prefix), ...fixedSuite(report, prefix)];
}

/** JUnit XML, one testsuite per conformance suite (per client and suite for several clients), one testcase per check. */
export function junitReport(reports: Report[]): string {
  const suites = reports.flatMap((r) => testsuites(r, reports.length > 1 ? `${r.adapter}.` : ''));
  const failures = suites.reduce((sum, s) => sum + s['@failures'], 0);
  const tests = suites.reduce((sum, s) => sum + s['@tests'], 0);
  const skipped = suites.reduce((sum, s) => sum + s['@skipped'], 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({
    testsuites: {
      '@name': `getstatus-conformance (${reports.map(clientLabel).join(', ')}, seed ${reports[0].seed}: ${reports.map((r) => `${r.summary.deviations} deviations, ${r.summary.must} MUST`).join('; ')})`,
      '@tests': tests,
      '@failures': failures,
      '@skipped': skipped,
      testsuite: suites,
    },
  })}`;
}
