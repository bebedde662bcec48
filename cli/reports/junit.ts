import { XMLBuilder } from 'fast-xml-parser';
import type { CheckResult } from '../../suites/check.ts';
import { formatFailure } from '../../suites/format.ts';
import { clientLabel, type Report } from './report.ts';

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', format: true, suppressEmptyNode: true });

/**
 * A check's testcase. Only a check's own MUST failure is a <failure>: a SHOULD failure is a
 * warning and an explained one belongs to the deviation that explains it, so both pass with a note.
 */
function testcase(c: CheckResult, classname: string) {
  const own = c.status === 'failed' && c.level === 'MUST';
  const note = c.status === 'explained' ? `explained by ${c.causes?.join(' + ')}: ${c.reason}` : c.status === 'failed' ? `warning (SHOULD): ${formatFailure(c)}` : undefined;
  return {
    '@classname': classname,
    '@name': `${c.id} ${c.title}`,
    ...(own && { failure: { '@message': c.reason ?? 'failed', '#text': formatFailure(c) } }),
    ...(c.status === 'skipped' && { skipped: { '@message': c.reason ?? '' } }),
    ...(note !== undefined && { 'system-out': note }),
  };
}

/** MUST deviations no check of their own rule failed for (found only through checks they explain): one failure each. */
function foundElsewhere(report: Report, prefix: string) {
  const own = new Set(report.checks.filter((c) => c.status === 'failed').map((c) => c.id));
  const deviations = report.deviations.filter((d) => d.level === 'MUST' && !own.has(d.rule));
  if (deviations.length === 0) return [];
  return [
    {
      '@name': `${prefix}deviations`,
      '@tests': deviations.length,
      '@failures': deviations.length,
      '@skipped': 0,
      testcase: deviations.map((d) => ({
        '@classname': `getstatus-conformance.${prefix}deviations`,
        '@name': `${d.rule} (found by ${d.checks.join(', ')})`,
        failure: { '@message': d.what, '#text': formatFailure({ id: d.rule, level: d.level, title: '', reason: d.what, counterexample: d.counterexample, replay: d.replay }) },
      })),
    },
  ];
}

function testsuites(report: Report, prefix: string) {
  const bySuite = [...new Set(report.checks.map((c) => c.suite))].map((suite) => {
    const checks = report.checks.filter((c) => c.suite === suite);
    return {
      '@name': `${prefix}${suite}`,
      '@tests': checks.length,
      '@failures': checks.filter((c) => c.status === 'failed' && c.level === 'MUST').length,
      '@skipped': checks.filter((c) => c.status === 'skipped').length,
      testcase: checks.map((c) => testcase(c, `getstatus-conformance.${prefix}${suite}`)),
    };
  });
  return [...bySuite, ...foundElsewhere(report, prefix)];
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
