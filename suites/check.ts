/** A conformance check: one rule, the cases that exercise it, and how to judge a client's answer. */
import type fc from 'fast-check';
import type { ResponseCase } from '../generators/case.ts';
import type { CaseResult, RunOptions } from '../harness/index.ts';
import type { ClientAdapter, Level, RuleId } from '../spec/index.ts';

export const SUITES = ['parsing', 'timestamps', 'conditional', 'text', 'errors', 'requests', 'robustness', 'authentication', 'seed'] as const;
export type SuiteName = (typeof SUITES)[number];

export type Verdict = { ok: true } | { ok: false; reason: string; expected: unknown; actual: unknown };

export interface Check {
  id: RuleId;
  suite: SuiteName;
  title: string;
  /** When the client's duty is stricter than the rule's own level (a service rule whose breach a client must still report, GS-COND-003). */
  level?: Level;
  /** Generated cases (a property), or… */
  cases?: () => fc.Arbitrary<ResponseCase>;
  /** …a fixed list of cases, each run once. */
  fixed?: () => ResponseCase[];
  /** Runs per property when the user gives none. */
  runs?: number;
  runOptions?: Omit<RunOptions, 'wantsText'>;
  /** The judge reads the client's `--output text`; otherwise adapters are told they may skip it. */
  readsText?: boolean;
  /** A reason the check does not apply to this adapter (reported as skipped), or undefined. */
  skip?(adapter: ClientAdapter): string | undefined;
  judge(c: ResponseCase, result: CaseResult, adapter: ClientAdapter): Verdict;
}

export interface Counterexample {
  seed: number;
  path: string;
  request: ResponseCase['request'];
  status: number;
  headers: Record<string, string>;
  body: string;
  fault?: ResponseCase['fault'];
  expected: unknown;
  actual: unknown;
}

export interface CheckResult {
  id: RuleId;
  suite: SuiteName;
  title: string;
  level: Level;
  status: 'passed' | 'failed' | 'skipped';
  /** Cases the client was given (runs, plus shrinking steps on failure). */
  cases: number;
  reason?: string;
  counterexample?: Counterexample;
  replay?: string;
  /** The counterexample's JSON file, when the run kept it (--save-counterexamples). */
  saved?: string;
}
