/** The JSON report: deterministic for the same seed, adapter and version (no timings, no paths). */
import type { CheckResult } from '../../suites/check.ts';

export interface Report {
  adapter: string;
  /** The client's own version, when its adapter reports one. */
  version?: string;
  seed: number;
  runs: number | 'default';
  summary: { passed: number; failed: number; skipped: number };
  checks: CheckResult[];
  /** Errors outside any check; present only when there were some. */
  errors?: string[];
}

/** Several clients run on the same seed: one report each, in the order given. */
export interface MatrixReport {
  seed: number;
  runs: number | 'default';
  clients: Report[];
}

export function buildReport(adapter: string, version: string | undefined, seed: number, runs: number | undefined, checks: CheckResult[], errors: string[]): Report {
  const count = (status: CheckResult['status']) => checks.filter((c) => c.status === status).length;
  return {
    adapter,
    ...(version !== undefined && { version }),
    seed,
    runs: runs ?? 'default',
    summary: { passed: count('passed'), failed: count('failed'), skipped: count('skipped') },
    checks,
    ...(errors.length > 0 && { errors }),
  };
}

/**
 * Exit 1 when a MUST check failed, the run had errors, or the client could not be set up
 * (a missing client is never reported as passing); a failed SHOULD check is a warning.
 */
export function reportExitCode(reports: Report[]): 0 | 1 {
  const bad = (report: Report) =>
    report.errors !== undefined ||
    report.checks.some((c) => (c.status === 'failed' && c.level === 'MUST') || (c.status === 'skipped' && c.reason?.startsWith('adapter unavailable')));
  return reports.some(bad) ? 1 : 0;
}

/** One report as before; several as a MatrixReport. */
export function jsonReport(reports: Report[]): string {
  const [first] = reports;
  const value: Report | MatrixReport = reports.length === 1 ? first : { seed: first.seed, runs: first.runs, clients: reports };
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** What a matrix needs of a client's run: its name and each check's verdict. */
export interface MatrixColumn {
  adapter: string;
  version?: string;
  checks: ReadonlyArray<Pick<CheckResult, 'suite' | 'id' | 'title' | 'level' | 'status' | 'saved'>>;
}
export type MatrixRow = { suite: string; id: string; title: string; level: string; results: Array<MatrixColumn['checks'][number] | undefined> };

/** Every check any client ran, in report order, and each client's result for it. */
export function matrixRows(columns: readonly MatrixColumn[]): MatrixRow[] {
  const key = (c: { suite: string; id: string; title: string }) => `${c.suite} ${c.id} ${c.title}`;
  const rows = new Map<string, MatrixRow>();
  for (const column of columns) {
    for (const check of column.checks) {
      if (!rows.has(key(check))) rows.set(key(check), { suite: check.suite, id: check.id, title: check.title, level: check.level, results: [] });
    }
  }
  for (const row of rows.values()) row.results = columns.map((c) => c.checks.find((check) => key(check) === key(row)));
  return [...rows.values()];
}

export const clientLabel = (client: { adapter: string; version?: string }) => (client.version ? `${client.adapter} (${client.version.split(' ')[0]})` : client.adapter);
