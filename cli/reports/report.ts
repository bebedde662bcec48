/** The JSON report: deterministic for the same seed, adapter and version (no timings, no paths). */
import type { CheckResult } from '../../suites/check.ts';

export interface Report {
  adapter: string;
  seed: number;
  runs: number | 'default';
  summary: { passed: number; failed: number; skipped: number };
  checks: CheckResult[];
  /** Errors outside any check; present only when there were some. */
  errors?: string[];
}

export function buildReport(adapter: string, seed: number, runs: number | undefined, checks: CheckResult[], errors: string[]): Report {
  const count = (status: CheckResult['status']) => checks.filter((c) => c.status === status).length;
  return {
    adapter,
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
export function reportExitCode(report: Report): 0 | 1 {
  const unavailable = report.checks.some((c) => c.status === 'skipped' && c.reason?.startsWith('adapter unavailable'));
  return report.checks.some((c) => c.status === 'failed' && c.level === 'MUST') || report.errors || unavailable ? 1 : 0;
}

export const jsonReport = (report: Report) => `${JSON.stringify(report, null, 2)}\n`;
