/** A conformance check: one rule, the cases that exercise it, and how to judge a client's answer. */
import type fc from 'fast-check';
import type { ResponseCase } from '../generators/case.ts';
import type { Level, RuleId } from '../spec/index.ts';
import type { ClientAdapter, CaseResult, RunOptions } from '../harness/index.ts';

export const SUITES = [
  'parsing',
  'timestamps',
  'conditional',
  'text',
  'errors',
  'requests',
  'robustness',
  'authentication',
] as const;
export type SuiteName = (typeof SUITES)[number];

/** What one difference is: the member it is about and how it differs. Two failures with the same symptom may share a cause. */
export interface Symptom {
  /** The output member the difference is about, when it is about one. */
  member?: string;
  /**
   * How the output differs: a member present though absent in the response, dropped, another
   * value; a valid response rejected; a crash where the call must fail; no answer within the
   * budget; no request sent to the endpoint; resolved where the call must fail.
   */
  problem?: 'unexpected' | 'dropped' | 'value' | 'shape' | 'rejected' | 'crashed' | 'hung' | 'unsent' | 'resolved';
  /** A finer kind of value difference that has its own rule ('fraction': CreationDate right but for its fractional seconds). */
  kind?: 'fraction';
  /**
   * 'text': the output was right, and only the client's `--output text` differs. 'json': only its
   * `--output json` differs, a layout failure that is the check's own whatever the response spells.
   */
  aspect?: 'text' | 'json';
}

/** Where in the response a finding is: its member, then an item's index and key (['ArtifactList', 0, 'Description']). */
export type ElementPath = Array<string | number>;

/** One member's difference in a client's output, with its own words. */
export interface Difference extends Symptom {
  message: string;
  /** The element of the response the difference is about, when it is about one. */
  at?: ElementPath;
}

export interface Failure extends Symptom {
  ok: false;
  reason: string;
  expected: unknown;
  actual: unknown;
  /** Every difference of an output, the first one (`reason`, `member`, `problem`) included; absent when the failure is the whole call. */
  differences?: Difference[];
  /** The element of the response the failure is about (the first difference's, or ['Code'] for a wrong error code); absent when it is the whole response. */
  at?: ElementPath;
  /** The service refused the client's request (its answer was an error, not the case): the request rules it broke. */
  refused?: RuleId[];
  /** The rule under which failing the call is right too: the finding says so after its difference. */
  tolerating?: RuleId;
}

/** A difference's words as a finding: with the rule that lets the call fail instead, when there is one. */
export const findingText = (message: string, tolerating?: RuleId) =>
  tolerating ? `${message} (${tolerating}: failing the call is right too)` : message;
export type Verdict = { ok: true } | Failure;

export interface Check {
  id: RuleId;
  /** Given once per suite where the checks are grouped (suites/checks/index.ts), not on each check. */
  suite: SuiteName;
  title: string;
  /** Generated cases (a property), and/or… */
  cases?: () => fc.Arbitrary<ResponseCase>;
  /** …a fixed list of cases, each run once before the property. */
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

/** A check as a suite's file writes it: its suite comes from where it is grouped. */
export type CheckSpec = Omit<Check, 'suite'>;

export interface Counterexample {
  seed: number;
  path: string;
  request: ResponseCase['request'];
  status: number;
  headers: Record<string, string>;
  body: string;
  fault?: ResponseCase['fault'];
  /** The element of the response the finding is about, when it is about one. */
  at?: ElementPath;
  expected: unknown;
  actual: unknown;
}

/** A failure a check drew that belongs to other rules: set aside, and the check kept looking for its own. */
export interface Explained {
  /** The rules that explain it. */
  causes: RuleId[];
  needs?: string[];
  reason: string;
  counterexample: Counterexample;
  replay: string;
  saved?: string;
}

export interface CheckResult {
  id: RuleId;
  suite: SuiteName;
  title: string;
  level: Level;
  /** 'explained': the check failed only through other rules' subjects (see `causes`); nothing of its own failed. */
  status: 'passed' | 'failed' | 'explained' | 'skipped';
  /** Cases the client was given (runs, plus shrinking steps on failure). */
  cases: number;
  reason?: string;
  /**
   * Skipped because the client could not be set up (`reason` says why): the run fails, as a missing
   * client never passes. Absent when the check was skipped for not applying to the client.
   */
  unavailable?: true;
  /** For a failure: the rules it shows broken, [id] when it is the check's own (suites/attribute.ts). */
  causes?: RuleId[];
  /** The dimensions the failure needs (spec/dimensions.ts; 'essence': the labelled departure itself). */
  needs?: string[];
  /** The smallest failing case: every dimension the failure does not need made plain. */
  counterexample?: Counterexample;
  replay?: string;
  /** The counterexample's JSON file, when the run kept it (--save-counterexamples). */
  saved?: string;
  /** Failures of other rules the check set aside, each with its own smallest case: the first explains an 'explained' check. */
  explained?: Explained[];
}
