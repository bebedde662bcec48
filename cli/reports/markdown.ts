import {
  clientLabel,
  matrixRows,
  runsLabel,
  summaryLine,
  type Deviation,
  type MatrixColumn,
  type Report,
} from '../../run/report.ts';

/**
 * Text as Markdown shows it literally, wherever a report puts it (a table cell, a heading, a list
 * item): each character that Markdown (GitHub's too: ~ strikes through, $ opens math) or the HTML
 * inside it would read is escaped, so a title like "&#13; kept" stays those characters on a GitHub
 * page rather than becoming a carriage return. ( ) { } ! . are left as they are: with [ and <
 * escaped they start nothing inline. A line break would end the table row: it becomes a space.
 */
export const cell = (text: string) =>
  text
    .replace(/[\\`*_[\]<>&|~$#]/g, '\\$&')
    // A list marker or an ordered item's number opens a list where the text starts a list item.
    .replace(/^([-+])(?=\s|$)/, '\\$1')
    .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2')
    .replace(/\r\n?|\n/g, ' ');

/** Text in a code span, which reads no escapes: a fence longer than any run of backticks inside, and `\|` for the table. */
export function code(text: string): string {
  const flat = text.replace(/\r\n?|\n/g, ' ').replace(/\|/g, '\\|');
  const fence = '`'.repeat(Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  const pad = /^[` ]|[` ]$/.test(flat) ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A link target that a space, a parenthesis or an angle bracket in it cannot end early. */
const href = (target: string) =>
  target.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

const VERDICT = { passed: 'pass', failed: 'fail', explained: 'explained', skipped: 'n/a' } as const;

/** A check's result in a table cell: an explained failure names the deviation that explains it. */
const verdictCell = (r: MatrixColumn['checks'][number], linkBase: string) => {
  if (r.status === 'explained') return `→ ${r.causes?.join(' + ') ?? '?'}`;
  if (r.status === 'failed' && r.saved) return `[fail](${href(`${linkBase}${r.saved}`)})`;
  return VERDICT[r.status];
};

/** The deviations, one row each: rule, level, what the client does, the checks it made fail, how to replay it. */
export function deviationTable(
  deviations: ReadonlyArray<
    Pick<Deviation, 'rule' | 'level' | 'what' | 'needs' | 'checks' | 'saved'> & Partial<Pick<Deviation, 'replay'>>
  >,
  linkBase = '',
): string[] {
  if (deviations.length === 0) return ['No deviations.'];
  return [
    '| rule | level | what the client does | fails | counterexample |',
    '|---|---|---|---|---|',
    ...deviations.map(
      (d) =>
        `| ${d.rule} | ${d.level} | ${cell(d.what)}${d.needs ? ` (only with ${cell(d.needs.join('; '))})` : ''} | ${d.checks.join(', ')} | ${d.saved ? `[response](${href(`${linkBase}${d.saved}`)})` : ''}${d.replay ? `${d.saved ? ', ' : ''}${code(d.replay)}` : ''} |`,
    ),
  ];
}

const linked = (e: { reason: string; link?: string }) =>
  e.link ? `${cell(e.reason)} ([link](${href(e.link)}))` : cell(e.reason);

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
      : [
          '| rule | level | what the client does | why it is accepted |',
          '|---|---|---|---|',
          ...known.map(
            (d) =>
              `| ${d.rule} | ${d.level} | ${cell(d.what)} | ${linked(baseline.known.find((k) => k.rule === d.rule)!)} |`,
          ),
        ]),
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
    `# GetStatus conformance: ${cell(clientLabel(report))}`,
    '',
    `Seed ${report.seed}, ${cell(`${runsLabel(report)}: ${summaryLine(report)}`)}.`,
    '',
    ...deviationSections(report),
    '',
    '## Checks',
    '',
    '| suite | rule | level | check | result | detail |',
    '|---|---|---|---|---|---|',
    ...report.checks.map(
      (c) =>
        `| ${c.suite} | ${c.id} | ${c.level} | ${cell(c.title)} | ${verdictCell(c, '')} | ${cell(c.reason ?? '')} |`,
    ),
  ];
}

/**
 * Rule × client. A failure links to its kept counterexample when the run saved one; `linkBase`
 * is the path from the Markdown file to the directory the saved paths are relative to.
 */
export function markdownMatrix(columns: readonly MatrixColumn[], linkBase = ''): string[] {
  return [
    `| suite | rule | level | check | ${columns.map((c) => cell(c.adapter)).join(' | ')} |`,
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
    `# GetStatus conformance: ${cell(reports.map(clientLabel).join(', '))}`,
    '',
    `Seed ${reports[0].seed}, ${runsLabel(reports[0])}.`,
    '',
    ...reports.map((r) => `- ${cell(clientLabel(r))}: ${cell(summaryLine(r))}`),
    '',
    ...markdownMatrix(reports),
    '',
    ...reports.flatMap((r) => ['', ...clientTable(r).map((l) => (l.startsWith('#') ? `#${l}` : l))]),
  ];
  return `${lines.join('\n')}\n`;
}
