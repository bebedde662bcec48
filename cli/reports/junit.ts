import { XMLBuilder } from 'fast-xml-parser';
import { formatFailure } from '../../suites/format.ts';
import { clientLabel, type Report } from './report.ts';

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', format: true, suppressEmptyNode: true });

function testsuites(report: Report, prefix: string) {
  return [...new Set(report.checks.map((c) => c.suite))].map((suite) => {
    const checks = report.checks.filter((c) => c.suite === suite);
    return {
      '@name': `${prefix}${suite}`,
      '@tests': checks.length,
      '@failures': checks.filter((c) => c.status === 'failed').length,
      '@skipped': checks.filter((c) => c.status === 'skipped').length,
      testcase: checks.map((c) => ({
        '@classname': `getstatus-conformance.${prefix}${suite}`,
        '@name': `${c.id} ${c.title}`,
        ...(c.status === 'failed' && { failure: { '@message': c.reason ?? 'failed', '#text': formatFailure(c) } }),
        ...(c.status === 'skipped' && { skipped: { '@message': c.reason ?? '' } }),
      })),
    };
  });
}

/** JUnit XML, one testsuite per conformance suite (per client and suite for several clients), one testcase per check. */
export function junitReport(reports: Report[]): string {
  const suites = reports.flatMap((r) => testsuites(r, reports.length > 1 ? `${r.adapter}.` : ''));
  const total = (key: 'passed' | 'failed' | 'skipped') => reports.reduce((sum, r) => sum + r.summary[key], 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({
    testsuites: {
      '@name': `getstatus-conformance (${reports.map(clientLabel).join(', ')}, seed ${reports[0].seed})`,
      '@tests': total('passed') + total('failed') + total('skipped'),
      '@failures': total('failed'),
      '@skipped': total('skipped'),
      testsuite: suites,
    },
  })}`;
}
