import { clientLabel, matrixRows, runsLabel, summaryLine, type Deviation, type MatrixColumn, type Report } from './report.ts';

export const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const VERDICT = { passed: 'pass', failed: 'fail', explained: 'explained', skipped: 'n/a' } as const;

/** A check's result in a table cell: an explained failure names the deviation that explains it. */
const verdictCell = (r: MatrixColumn['checks'][number], linkBase: string) => {
  if (r.status === 'explained') return `→ ${r.causes?.join(' + ') ?? '?'}`;
  if (r.status === 'failed' && r.saved) return `[fail](${linkBase}${r.saved})`;
  return VERDICT[r.status];
};

/** The deviations, one row each: rule, level, what the client does, the checks it made fail, how to replay it. */
export function deviationTable(deviations: ReadonlyArray<Pick<Deviation, 'rule' | 'level' | 'what' | 'needs' | 'checks' | 'saved'> & Partial<Pick<Deviation, 'replay'>>>, linkBase = ''): string[] {
  if (deviations.length === 0) return ['No deviations.'];
  return [
    '| rule | level | what the client does | fails | counterexample |',
    '|---|---|---|---|---|',
    ...deviations.map(
      (d) =>
        `| ${d.rule} | ${d.level} | ${cell(d.what)}${d.needs ? ` (only with ${cell(d.needs.join('; '))})` : ''} | ${d.checks.join(', ')} | ${d.saved ? `[response](${linkBase}${d.saved})` : ''}${d.replay ? `${d.saved ? ', ' : ''}\`${cell(d.replay)}\`` : ''} |`,
    ),
  ];
}

const linked = (e: { reason: string; link?: string }) => (e.link ? `${cell(e.reason)} ([link](${e.link}))` : cell(e.reason));

/** With a baseline, the deviations in three parts: new (they fail the run), known, and listed ones no longer found. */
function deviationSections(report: Report): string[] {
  const { baseline } = report;
  if (!baseline) return ['## Deviations', '', ...deviationTable(report.deviations)];
  const known = report.deviations.filter((d) => baseline.known.some((k) => k.rule === d.rule));
  const fresh = report.deviations.filter((d) => !known.includes(d));
  return [
    '## New deviations',
    '',
    ...(fresh.length === 0 ? ['None: every deviation is in the baseline.'] : deviationTable(fresh)),
    '',
    '## Known deviations (baseline)',
    '',
    ...(known.length === 0
      ? ['None.']
      : ['| rule | level | what the client does | why it is accepted |', '|---|---|---|---|', ...known.map((d) => `| ${d.rule} | ${d.level} | ${cell(d.what)} | ${linked(baseline.known.find((k) => k.rule === d.rule)!)} |`)]),
    '',
    '## Fixed (in the baseline, no longer found)',
    '',
    ...(baseline.fixed.length === 0
      ? ['None.']
      : [
          `Take ${baseline.fixed.length === 1 ? 'it' : 'them'} out of the baseline${baseline.strict ? ' (--strict-baseline fails the run until then)' : ''}.`,
          '',
          '| rule | was accepted because |',
          '|---|---|',
          ...baseline.fixed.map((e) => `| ${e.rule} | ${linked(e)} |`),
        ]),
  ];
}

function clientTable(report: Report): string[] {
  return [
    `# GetStatus conformance: ${clientLabel(report)}`,
    '',
    `Seed ${report.seed}, ${runsLabel(report)}: ${summaryLine(report)}.`,
    '',
    ...deviationSections(report),
    '',
    '## Checks',
    '',
    '| suite | rule | level | check | result | detail |',
    '|---|---|---|---|---|---|',
    ...report.checks.map((c) => `| ${c.suite} | ${c.id} | ${c.level} | ${cell(c.title)} | ${verdictCell(c, '')} | ${cell(c.reason ?? '')} |`),
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
      const cells = row.results.map((r) => (r ? verdictCell(r, linkBase) : ''));
      return `| ${row.suite} | ${row.id} | ${row.level} | ${cell(row.title)} | ${cells.join(' | ')} |`;
    }),
  ];
}

export function markdownReport(reports: Report[]): string {
  if (reports.length === 1) return `${clientTable(reports[0]).join('\n')}\n`;
  const lines = [
    `# GetStatus conformance: ${reports.map(clientLabel).join(', ')}`,
    '',
    `Seed ${reports[0].seed}, ${runsLabel(reports[0])}.`,
    '',
    ...reports.map((r) => `- ${clientLabel(r)}: ${summaryLine(r)}`),
    '',
    ...markdownMatrix(reports),
    '',
    ...reports.flatMap((r) => ['', ...clientTable(r).map((l) => (l.startsWith('#') ? `#${l}` : l))]),
  ];
  return `${lines.join('\n')}\n`;
}
