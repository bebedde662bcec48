/** The package's library API: `runConformance` and the types of what it takes and returns. */
export { runConformance, type ConformanceOptions } from './run-conformance.ts';
/** 0 when the reports pass as the command's exit status 0 does, else 1. */
export { reportExitCode } from '../run/report.ts';
export { SUITES, type SuiteName, type CheckResult, type Counterexample } from '../suites/check.ts';
export { RULE_IDS, type RuleId, type Level } from '../spec/index.ts';
export type { Report, Deviation, Summary } from '../run/report.ts';
export type { Baseline, BaselineEntry, BaselineVerdict, KnownDeviation } from '../run/baseline.ts';
export type { ClientAdapter } from '../harness/index.ts';
/** The built-in correct client: a base to wrap, as a broken variant or a client's stand-in. */
export { referenceAdapter } from '../adapters/index.ts';
