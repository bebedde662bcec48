/**
 * The report model every front end shares (the command, runConformance, the matrix): a client's
 * checks, its deviations, their summary and the exit status they give. Deterministic for the same
 * seed, adapter and version (no timings, no paths).
 */
import type { CheckResult, Counterexample } from '../suites/check.ts';
import { DEFAULT_RUNS } from '../suites/config.ts';
import { dimensionById, RULE_IDS, ruleById, type Level, type RuleId } from '../spec/index.ts';
import { baselineCounts, baselineFails, type BaselineVerdict } from './baseline.ts';

/** One way the client departs from the contract, reported once however many checks it made fail. */
export interface Deviation {
  rule: RuleId;
  level: Level;
  /** What the client does, in one line: the first difference on the smallest response that shows it. */
  what: string;
  /** What the response must have for the client to go wrong (spec/dimensions.ts), when that is known. */
  needs?: string[];
  /** The checks that failed through it: the rule's own first when it failed. */
  checks: string[];
  counterexample?: Counterexample;
  replay?: string;
  saved?: string;
}

export interface Summary {
  /** Distinct deviations, and how many of them break a MUST. */
  deviations: number;
  must: number;
  passed: number;
  /** Checks that failed on their own rule, MUST. */
  failed: number;
  /** Checks that failed on their own rule, SHOULD: they do not fail the run. */
  warnings: number;
  /** Checks that failed only through another rule's deviation. */
  explained: number;
  skipped: number;
}

export interface Report {
  adapter: string;
  /** The client's own version, when its adapter reports one. */
  version?: string;
  seed: number;
  runs: number | 'default';
  summary: Summary;
  deviations: Deviation[];
  checks: CheckResult[];
  /** Errors outside any check; present only when there were some. */
  errors?: string[];
  /** Known, new and fixed deviations, when the run was given a baseline. */
  baseline?: BaselineVerdict;
}

/** Several clients run on the same seed: one report each, in the order given. */
export interface MatrixReport {
  seed: number;
  runs: number | 'default';
  clients: Report[];
}

/** One failure a check showed: its own, or another rule's it set aside. */
interface Finding extends Pick<CheckResult, 'reason' | 'causes' | 'needs' | 'counterexample' | 'replay' | 'saved'> {
  check: string;
  own: boolean;
}

const findingsOf = (check: CheckResult): Finding[] => {
  if (check.status !== 'failed' && check.status !== 'explained') return [];
  const main: Finding = {
    ...check,
    causes: check.causes ?? [check.id],
    check: check.id,
    own: check.status === 'failed',
  };
  return [main, ...(check.explained ?? []).map((e) => ({ ...e, check: check.id, own: false }))];
};
const size = (f: Finding) => f.counterexample?.body.length ?? Number.MAX_SAFE_INTEGER;
export const describeNeeds = (needs: readonly string[]) =>
  needs.map((d) => (d === 'essence' ? 'the departure the check is about' : (dimensionById(d)?.varies ?? d)));

/** Each rule a failure was traced to, once: from its own check's failure when there is one, else from the smallest failure it explains. */
export function deviationsOf(checks: readonly CheckResult[]): Deviation[] {
  const byRule = new Map<RuleId, { from: Finding; checks: string[] }>();
  const ownFirst = checks.flatMap(findingsOf).sort((a, b) => Number(b.own) - Number(a.own) || size(a) - size(b));
  for (const finding of ownFirst) {
    for (const rule of finding.causes ?? []) {
      const entry = byRule.get(rule);
      if (entry) entry.checks.push(finding.check);
      else byRule.set(rule, { from: finding, checks: [finding.check] });
    }
  }
  return [...byRule]
    .sort(([a], [b]) => RULE_IDS.indexOf(a) - RULE_IDS.indexOf(b))
    .map(([rule, { from, checks: found }]) => ({
      rule,
      level: ruleById(rule)?.level ?? 'MUST',
      what: from.reason ?? 'failed',
      ...(from.needs && { needs: describeNeeds(from.needs) }),
      checks: [...new Set(found)],
      ...(from.counterexample && { counterexample: from.counterexample }),
      ...(from.replay && { replay: from.replay }),
      ...(from.saved && { saved: from.saved }),
    }));
}

export function buildReport(
  adapter: string,
  version: string | undefined,
  seed: number,
  runs: number | undefined,
  checks: CheckResult[],
  errors: string[],
): Report {
  const count = (keep: (c: CheckResult) => boolean) => checks.filter(keep).length;
  const deviations = deviationsOf(checks);
  return {
    adapter,
    ...(version !== undefined && { version }),
    seed,
    runs: runs ?? 'default',
    summary: {
      deviations: deviations.length,
      must: deviations.filter((d) => d.level === 'MUST').length,
      passed: count((c) => c.status === 'passed'),
      failed: count((c) => c.status === 'failed' && c.level === 'MUST'),
      warnings: count((c) => c.status === 'failed' && c.level === 'SHOULD'),
      explained: count((c) => c.status === 'explained'),
      skipped: count((c) => c.status === 'skipped'),
    },
    deviations,
    checks,
    ...(errors.length > 0 && { errors }),
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
/** "3 deviations (2 MUST)": the head of the summary line, and of the pretty report's deviation list. */
export const deviationCount = (s: Summary) => `${plural(s.deviations, 'deviation')} (${s.must} MUST)`;

/** "3 deviations (2 MUST)", then the check counts, then how they compare with the baseline. */
export function summaryLine({ summary: s, baseline }: Report): string {
  const line = `${deviationCount(s)}: ${s.passed} passed, ${s.failed} failed, ${plural(s.warnings, 'warning')}, ${s.explained} explained, ${s.skipped} skipped`;
  return baseline ? `${line}; baseline: ${baselineCounts(baseline)}` : line;
}

/**
 * Exit 1 when a deviation breaks a MUST (with a baseline: one it does not list, or, strict, a
 * listed one that is gone), the run had errors, or the client could not be set up (a missing
 * client is never reported as passing); a SHOULD deviation is a warning.
 */
export function reportExitCode(reports: Report[]): 0 | 1 {
  const bad = (report: Report) =>
    report.errors !== undefined ||
    (report.baseline ? baselineFails(report.baseline) : report.summary.must > 0) ||
    report.checks.some((c) => c.unavailable === true);
  return reports.some(bad) ? 1 : 0;
}

/** What a matrix needs of a client's run: its name and each check's verdict. */
export interface MatrixColumn {
  adapter: string;
  version?: string;
  checks: ReadonlyArray<Pick<CheckResult, 'suite' | 'id' | 'title' | 'level' | 'status' | 'saved' | 'causes'>>;
}
export type MatrixRow = {
  suite: string;
  id: string;
  title: string;
  level: string;
  results: Array<MatrixColumn['checks'][number] | undefined>;
};

/** Every check any client ran, in report order, and each client's result for it. */
export function matrixRows(columns: readonly MatrixColumn[]): MatrixRow[] {
  const key = (c: { suite: string; id: string; title: string }) => `${c.suite} ${c.id} ${c.title}`;
  const rows = new Map<string, MatrixRow>();
  for (const column of columns) {
    for (const check of column.checks) {
      if (!rows.has(key(check)))
        rows.set(key(check), { suite: check.suite, id: check.id, title: check.title, level: check.level, results: [] });
    }
  }
  for (const row of rows.values()) row.results = columns.map((c) => c.checks.find((check) => key(check) === key(row)));
  return [...rows.values()];
}

/** The adapter and its client's first version token (`aws-cli-v1 (aws-cli/1.45.11)`); the whole version is in the report's header fields. */
export const clientLabel = (client: { adapter: string; version?: string }) =>
  client.version ? `${client.adapter} (${client.version.split(' ')[0]})` : client.adapter;

/** How deep the run went: `runs 5` alone would not say that fewer cases than the checks' own find fewer deviations. */
export function runsLabel(report: Pick<Report, 'runs'>): string {
  if (report.runs === 'default') return "runs: each check's default";
  return report.runs < DEFAULT_RUNS
    ? `runs: ${report.runs} of up to ${DEFAULT_RUNS} cases per property (deviations may be missed)`
    : `runs: ${report.runs}`;
}
