import { formatFailure } from '../../suites/format.ts';
import { baselineCounts, type BaselineVerdict } from '../../run/baseline.ts';
import {
  clientLabel,
  deviationCount,
  matrixRows,
  runsLabel,
  summaryLine,
  type Deviation,
  type Report,
} from '../../run/report.ts';

const MARK = { passed: '✓', failed: '✗', explained: '→', skipped: '-' } as const;
// A failure the baseline lists is marked '~': expected, not passing.

/** One line a deviation: long values are cut here, the details below show them whole. */
const LINE = 200;
const deviationLine = (d: Deviation, baseline?: BaselineVerdict) => {
  const what = d.what.length > LINE ? `${d.what.slice(0, LINE)}… (${d.what.length} characters)` : d.what;
  const known = baseline?.known.find((k) => k.rule === d.rule);
  if (known)
    return `  ~ ${d.rule} (${d.level}) known: ${what}${isFinding(known.reason, d.what) ? (known.link ? `\n      baseline: ${known.link}` : '') : `\n      baseline: ${entryNote(known)}`}`;
  const isNew = baseline !== undefined && d.level === 'MUST';
  return `  ${d.level === 'MUST' ? '✗' : '!'} ${d.rule} (${d.level}${d.level === 'SHOULD' ? ': a warning' : ''}) ${isNew ? 'new: ' : ''}${what}`;
};
const entryNote = (e: { reason: string; link?: string }) => (e.link ? `${e.reason} (${e.link})` : e.reason);
/** A reason --update-baseline wrote (the finding on one line, maybe cut) says nothing the finding does not: shown once. */
const isFinding = (reason: string, what: string) => {
  const line = what.replace(/\s+/g, ' ').trim();
  return reason === line || (reason.endsWith('…') && line.startsWith(reason.slice(0, -1)));
};

/** The head of a client's report: its deviations, and with a baseline the listed ones no longer found. */
function deviationLines(report: Report): string[] {
  const { deviations, baseline } = report;
  const head = deviationCount(report.summary);
  if (!baseline) return [head, ...deviations.map((d) => deviationLine(d))];
  const fixed =
    baseline.fixed.length === 0
      ? []
      : [
          `fixed: ${baseline.fixed.length} in the baseline no longer found (take ${baseline.fixed.length === 1 ? 'it' : 'them'} out of it${baseline.strict ? '; --strict-baseline fails the run' : ''})`,
          ...baseline.fixed.map((e) => `  ✓ ${e.rule} ${entryNote(e)}`),
        ];
  return [`${head}: ${baselineCounts(baseline)}`, ...deviations.map((d) => deviationLine(d, baseline)), ...fixed];
}

/** A deviation in full: the rule, what the client does, the smallest response, expected against actual, the replay line. */
function deviationDetail(d: Deviation): string {
  const others = d.checks.filter((id) => id !== d.rule);
  const lines = formatFailure({
    id: d.rule,
    level: d.level,
    title: d.needs ? `only with ${d.needs.join('; ')}` : '',
    reason: d.what,
    counterexample: d.counterexample,
    replay: d.replay,
  });
  return others.length > 0 ? `${lines}\n  also fails: ${others.join(', ')} (explained by this deviation)` : lines;
}

function clientReport(report: Report): string[] {
  const { deviations } = report;
  const out: string[] = [
    `getstatus-conformance: adapter ${clientLabel(report)}, seed ${report.seed}, ${runsLabel(report)}`,
    '',
    ...deviationLines(report),
    '',
  ];
  let suite = '';
  for (const check of report.checks) {
    if (check.suite !== suite) {
      suite = check.suite;
      out.push(suite);
    }
    const known = check.status === 'failed' && report.baseline?.known.some((k) => k.rule === check.id);
    const note = known
      ? ' (known: in the baseline)'
      : check.status === 'explained'
        ? ` (explained by ${check.causes?.join(' + ')})`
        : check.status === 'failed' && check.level === 'SHOULD'
          ? ' (SHOULD: a warning, does not fail the run)'
          : '';
    const detail = check.status === 'skipped' ? ` (skipped: ${check.reason})` : ` [${check.cases} cases]`;
    out.push(`  ${known ? '~' : MARK[check.status]} ${check.id} ${check.title}${detail}${note}`);
  }
  if (deviations.length > 0) {
    out.push('', 'Deviations:', '');
    for (const d of deviations) out.push(deviationDetail(d), '');
  }
  for (const error of report.errors ?? []) out.push(`error: ${error}`);
  out.push('', summaryLine(report));
  return out;
}

/** Rule × client, one mark per cell, then each client's totals. */
function matrix(reports: Report[]): string[] {
  const names = reports.map((r) => r.adapter);
  const width = Math.max(...matrixRows(reports).map((r) => `${r.suite} ${r.id}`.length));
  const out = ['Matrix (✗ failed, → explained by another deviation)', `  ${''.padEnd(width)}  ${names.join('  ')}`];
  for (const row of matrixRows(reports)) {
    const cells = row.results.map((r, i) => (r ? MARK[r.status] : ' ').padEnd(names[i].length));
    out.push(`  ${`${row.suite} ${row.id}`.padEnd(width)}  ${cells.join('  ')}`);
  }
  out.push('', ...reports.map((r) => `${clientLabel(r)}: ${summaryLine(r)}`));
  return out;
}

export function prettyReport(reports: Report[]): string {
  const parts = reports.map((r) => clientReport(r).join('\n'));
  if (reports.length > 1) parts.push(matrix(reports).join('\n'));
  return `${parts.join('\n\n')}\n`;
}

/** The last line(s) of the pretty report: the totals, for the terminal when the report goes to a file. */
export function prettySummary(reports: Report[]): string {
  return `${reports.map((r) => `${reports.length > 1 ? `${clientLabel(r)}: ` : ''}${summaryLine(r)}`).join('\n')}\n`;
}
