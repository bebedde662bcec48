import { formatFailure } from '../../suites/format.ts';
import type { Report } from './report.ts';

const MARK = { passed: '✓', failed: '✗', skipped: '-' } as const;

export function prettyReport(report: Report): string {
  const out: string[] = [`getstatus-conformance: adapter ${report.adapter}, seed ${report.seed}, runs ${report.runs}`, ''];
  let suite = '';
  for (const check of report.checks) {
    if (check.suite !== suite) {
      suite = check.suite;
      out.push(suite);
    }
    const note = check.status === 'failed' && check.level === 'SHOULD' ? ' (SHOULD: a warning, does not fail the run)' : '';
    const skipped = check.status === 'skipped' ? ` (skipped: ${check.reason})` : '';
    out.push(`  ${MARK[check.status]} ${check.id} ${check.title}${check.status === 'skipped' ? skipped : ` [${check.cases} cases]`}${note}`);
  }
  const failures = report.checks.filter((c) => c.status === 'failed');
  if (failures.length > 0) {
    out.push('', 'Failures:', '');
    for (const failure of failures) out.push(formatFailure(failure), '');
  }
  for (const error of report.errors ?? []) out.push(`error: ${error}`);
  const { passed, failed, skipped } = report.summary;
  out.push('', `${passed} passed, ${failed} failed, ${skipped} skipped`);
  return `${out.join('\n')}\n`;
}
