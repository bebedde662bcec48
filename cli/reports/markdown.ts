import { clientLabel, matrixRows, type MatrixColumn, type Report } from './report.ts';

export const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const VERDICT = { passed: 'pass', failed: 'fail', skipped: 'n/a' } as const;

function clientTable(report: Report): string[] {
  const { passed, failed, skipped } = report.summary;
  return [
    `# GetStatus conformance: ${clientLabel(report)}`,
    '',
    `Seed ${report.seed}, runs ${report.runs}: ${passed} passed, ${failed} failed, ${skipped} skipped.`,
    '',
    '| suite | rule | level | check | result | detail |',
    '|---|---|---|---|---|---|',
    ...report.checks.map((c) => `| ${c.suite} | ${c.id} | ${c.level} | ${cell(c.title)} | ${c.status} | ${cell(c.reason ?? '')}${c.replay ? ` (replay: \`${cell(c.replay)}\`)` : ''} |`),
  ];
}

/**
 * Rule × client. A failure links to its kept counterexample when the run saved one; `linkBase`
 * is the path from the Markdown file to the directory the saved paths are relative to.
 */
export function markdownMatrix(columns: readonly MatrixColumn[], linkBase = ''): string[] {
  return [
    `| suite | rule | level | check | ${columns.map((c) => c.adapter).join(' | ')} |`,
    `|---|---|---|---|${columns.map(() => '---').join('|')}|`,
    ...matrixRows(columns).map((row) => {
      const cells = row.results.map((r) => {
        if (!r) return '';
        if (r.status === 'failed' && r.saved) return `[fail](${linkBase}${r.saved})`;
        return VERDICT[r.status];
      });
      return `| ${row.suite} | ${row.id} | ${row.level} | ${cell(row.title)} | ${cells.join(' | ')} |`;
    }),
  ];
}

export function markdownReport(reports: Report[]): string {
  if (reports.length === 1) return `${clientTable(reports[0]).join('\n')}\n`;
  const lines = [
    `# GetStatus conformance: ${reports.map(clientLabel).join(', ')}`,
    '',
    `Seed ${reports[0].seed}, runs ${reports[0].runs}.`,
    '',
    ...markdownMatrix(reports),
    '',
    ...reports.flatMap((r) => ['', ...clientTable(r).map((l) => (l.startsWith('# ') ? `#${l}` : l))]),
  ];
  return `${lines.join('\n')}\n`;
}
