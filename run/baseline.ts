/**
 * Known deviations: a client's accepted departures, written down so a run fails only on a new
 * one, and says when a listed one is gone so the list shrinks (as web-platform-tests' expectation
 * files, test262's known failures and pytest's strict xfail do). One entry is one deviation: a
 * rule the diagnosis traced failures to, for one client.
 */
import { RULE_IDS, type Level, type RuleId } from '../spec/index.ts';
import type { Report } from './report.ts';

export interface BaselineEntry {
  rule: RuleId;
  /** The client's name, as reports label it (the adapter's `name`). */
  client: string;
  /** Why the deviation is accepted, in one line. */
  reason: string;
  /** Where it is tracked: an issue, a ticket. */
  link?: string;
}

export interface Baseline {
  known: BaselineEntry[];
}

/** A deviation the run found that the baseline lists. */
export interface KnownDeviation {
  rule: RuleId;
  level: Level;
  reason: string;
  link?: string;
}

/** How a client's run compares with its baseline. */
export interface BaselineVerdict {
  /** --strict-baseline: a fixed entry fails the run too. */
  strict: boolean;
  /** Deviations listed in the baseline: reported, but they do not fail the run. */
  known: KnownDeviation[];
  /** MUST deviations the baseline does not list: each fails the run. */
  new: RuleId[];
  /** Entries whose rule was checked and showed no deviation: take them out of the baseline. */
  fixed: BaselineEntry[];
}

const sameDeviation = (entry: BaselineEntry, client: string, rule: string) =>
  entry.client === client && entry.rule === rule;

/**
 * Which of the report's deviations are known, which are new, and which listed ones are gone.
 * An entry counts as fixed only when its rule's own check ran: a run of some suites or one shard
 * says nothing of the rules it left out.
 */
export function compareWithBaseline(report: Report, baseline: Baseline, strict: boolean): BaselineVerdict {
  const client = report.adapter;
  const listed = baseline.known.filter((e) => e.client === client);
  const known: KnownDeviation[] = [];
  const found: RuleId[] = [];
  for (const d of report.deviations) {
    const entry = listed.find((e) => e.rule === d.rule);
    if (entry)
      known.push({
        rule: d.rule,
        level: d.level,
        reason: entry.reason,
        ...(entry.link !== undefined && { link: entry.link }),
      });
    else if (d.level === 'MUST') found.push(d.rule);
  }
  const checked = new Set(report.checks.filter((c) => c.status !== 'skipped').map((c) => c.id));
  const fixed = listed.filter((e) => checked.has(e.rule) && !report.deviations.some((d) => d.rule === e.rule));
  return { strict, known, new: found, fixed };
}

export const withBaseline = (report: Report, baseline: Baseline, strict: boolean): Report => ({
  ...report,
  baseline: compareWithBaseline(report, baseline, strict),
});

/** Whether the baseline verdict fails the run. */
export const baselineFails = (verdict: BaselineVerdict) =>
  verdict.new.length > 0 || (verdict.strict && verdict.fixed.length > 0);

/** "1 known, 1 new, 0 fixed". */
export const baselineCounts = (v: BaselineVerdict) =>
  `${v.known.length} known, ${v.new.length} new, ${v.fixed.length} fixed`;

/** How a report's new MUST deviations read as entries: the finding, cut to one line. */
const REASON_LENGTH = 160;
const oneLine = (text: string) => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > REASON_LENGTH ? `${line.slice(0, REASON_LENGTH)}…` : line;
};

/**
 * The baseline after these runs: each client run keeps the entries still found (their reasons and
 * links as written), loses the fixed ones and gains its new MUST deviations; clients not run keep theirs.
 */
export function updatedBaseline(previous: Baseline, reports: readonly Report[]): Baseline {
  const ran = new Set(reports.map((r) => r.adapter));
  const entries = previous.known.filter((e) => !ran.has(e.client));
  for (const report of reports) {
    const verdict = compareWithBaseline(report, previous, false);
    const gone = new Set(verdict.fixed.map((e) => e.rule));
    entries.push(...previous.known.filter((e) => e.client === report.adapter && !gone.has(e.rule)));
    for (const rule of verdict.new)
      entries.push({
        rule,
        client: report.adapter,
        reason: oneLine(report.deviations.find((d) => d.rule === rule)!.what),
      });
  }
  const order = (e: BaselineEntry) => RULE_IDS.indexOf(e.rule);
  return { known: entries.sort((a, b) => (a.client < b.client ? -1 : a.client > b.client ? 1 : order(a) - order(b))) };
}

export const countChange = (before: Baseline, after: Baseline) => ({
  added: after.known.filter((e) => !before.known.some((p) => sameDeviation(p, e.client, e.rule))).length,
  removed: before.known.filter((e) => !after.known.some((p) => sameDeviation(p, e.client, e.rule))).length,
});
