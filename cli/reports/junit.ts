import { XMLBuilder } from 'fast-xml-parser';
import { formatFailure } from '../../suites/format.ts';
import type { Report } from './report.ts';

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', format: true, suppressEmptyNode: true });

/** JUnit XML, one testsuite per conformance suite, one testcase per check. */
export function junitReport(report: Report): string {
  const suites = [...new Set(report.checks.map((c) => c.suite))].map((suite) => {
    const checks = report.checks.filter((c) => c.suite === suite);
    return {
      '@name': suite,
      '@tests': checks.length,
      '@failures': checks.filter((c) => c.status === 'failed').length,
      '@skipped': checks.filter((c) => c.status === 'skipped').length,
      testcase: checks.map((c) => ({
        '@classname': `getstatus-conformance.${suite}`,
        '@name': `${c.id} ${c.title}`,
        ...(c.status === 'failed' && { failure: { '@message': c.reason ?? 'failed', '#text': formatFailure(c) } }),
        ...(c.status === 'skipped' && { skipped: { '@message': c.reason ?? '' } }),
      })),
    };
  });
  const { passed, failed, skipped } = report.summary;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({
    testsuites: { '@name': `getstatus-conformance (${report.adapter}, seed ${report.seed})`, '@tests': passed + failed + skipped, '@failures': failed, '@skipped': skipped, testsuite: suites },
  })}`;
}
