/** The JSON reporter: the report model as it is, indented. */
import type { MatrixReport, Report } from '../../run/report.ts';

/** One report as before; several as a MatrixReport. */
export function jsonReport(reports: Report[]): string {
  const [first] = reports;
  const value: Report | MatrixReport =
    reports.length === 1 ? first : { seed: first.seed, runs: first.runs, clients: reports };
  return `${JSON.stringify(value, null, 2)}\n`;
}
