import { formatFailure } from '../../suites/format.ts';
import { clientLabel, matrixRows, type Report } from './report.ts';

const MARK = { passed: '✓', failed: '✗', skipped: '-' } as const;

function clientReport(report: Report): string[] {
  const out: string[] = [`getstatus-conformance: adapter ${clientLabel(report)}, seed ${report.seed}, runs ${report.runs}`, ''];
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
  return out;
}

/** Rule × client, one mark per cell, then each client's totals. */
function matrix(reports: Report[]): string[] {
  const names = reports.map((r) => r.adapter);
  const width = Math.max(...matrixRows(reports).map((r) => `${r.suite} ${r.id}`.length));
  const out = ['Matrix', `  ${''.padEnd(width)}  ${names.join('  ')}`];
  for (const row of matrixRows(reports)) {
    const cells = row.results.map((r, i) => (r ? MARK[r.status] : ' ').padEnd(names[i].length));
    out.push(`  ${`${row.suite} ${row.id}`.padEnd(width)}  ${cells.join('  ')}`);
  }
  out.push('', ...reports.map((r) => `${clientLabel(r)}: ${r.summary.passed} passed, ${r.summary.failed} failed, ${r.summary.skipped} skipped`));
  return out;
}

export function prettyReport(reports: Report[]): string {
  const parts = reports.map((r) => clientReport(r).join('\n'));
  if (reports.length > 1) parts.push(matrix(reports).join('\n'));
  return `${parts.join('\n\n')}\n`;
}

/** The last line(s) of the pretty report: the totals, for the terminal when the report goes to a file. */
export function prettySummary(reports: Report[]): string {
  return `${reports.map((r) => `${reports.length > 1 ? `${clientLabel(r)}: ` : ''}${r.summary.passed} passed, ${r.summary.failed} failed, ${r.summary.skipped} skipped`).join('\n')}\n`;
}
