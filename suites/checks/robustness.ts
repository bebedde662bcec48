import { readFileSync } from 'node:fs';
import type { ResponseCase } from '../../generators/case.ts';
import { MIN_CLIENT_BUDGET_MS, type CaseResult, type ClientAdapter } from '../../harness/index.ts';
import { exampleResponse } from '../../spec/index.ts';
import { caseFromBody } from '../cases.ts';
import type { CheckSpec, Verdict } from '../check.ts';
import { describeOutcome, fail, judgeOutcome, PASS } from '../judge.ts';
import fc from 'fast-check';
import { invalidResponse, nonXmlError, serviceError } from '../../generators/index.ts';
import { faults } from './labelled.ts';

/** What the generated external entities point at (file:///etc/passwd): its first line is unmistakable in an output. */
const SECRETS = (() => {
  try {
    return [readFileSync('/etc/passwd', 'utf8').split('\n')[0]].filter((line) => line.length >= 8);
  } catch {
    return ['root:x:0:0'];
  }
})();

function judgeExternalEntity(c: ResponseCase, result: CaseResult, adapter: ClientAdapter): Verdict {
  const { outcome } = result;
  if (outcome.status === 'rejected') return PASS;
  if (outcome.status !== 'resolved') return judgeOutcome(c, result, adapter);
  const shown = JSON.stringify(outcome.output) + (outcome.text ?? '');
  const leaked = SECRETS.find((s) => shown.includes(s));
  // Resolving without the entity's content is safe: the rule forbids resolving the entity, not the call.
  return leaked
    ? fail(
        `the external entity was resolved: ${JSON.stringify(leaked)} appears in the output`,
        'no file or URL content in any output',
        describeOutcome(outcome),
      )
    : PASS;
}

/**
 * GS-SAFE-004: after the abort (or, for a client that stops by its own budget, past that
 * budget), a client that still resolves was waiting for the stalled server instead of giving up.
 */
function judgeAbort(_c: ResponseCase, result: CaseResult, adapter: ClientAdapter): Verdict {
  const { outcome } = result;
  if (outcome.status === 'rejected') return PASS;
  const budget = adapter.stops === 'budget' ? `its ${MIN_CLIENT_BUDGET_MS} ms budget` : 'the abort';
  const reason =
    outcome.status === 'resolved'
      ? `the client went on waiting for the stalled server past ${budget}`
      : `the client did not give up after ${budget}: ${outcome.status === 'timeout' || outcome.status === 'crashed' || outcome.status === 'unrepresentable' ? outcome.reason : ''}`;
  return fail(reason, `rejected soon after ${budget}`, describeOutcome(outcome));
}

/** A client that can neither be aborted nor told a budget cannot show that it gives up: never a vacuous pass. */
function abortSkip(adapter: ClientAdapter): string | undefined {
  if (adapter.stops !== 'none') return undefined;
  return adapter.howTo?.budget
    ? `the client is not told its time budget, and cannot be aborted: ${adapter.howTo.budget}`
    : 'the adapter can neither abort its client nor tell it a time budget (stops: none)';
}

/** Longer than a process client's budget, so giving up before the server answers is the client's own doing. */
const STALL_BEYOND_BUDGET_MS = MIN_CLIENT_BUDGET_MS + 500;

/** GS-SAFE-005: only a crash where the call must fail is this rule's; every other answer is judged by the case's own rule. */
function judgeCrash(c: ResponseCase, result: CaseResult, adapter: ClientAdapter): Verdict {
  const verdict = judgeOutcome(c, result, adapter);
  return !verdict.ok && verdict.problem === 'crashed' ? verdict : PASS;
}

/** Plain text (GS-PARSE-003 owns line breaks and the rest), so the check is about size alone. */
const MANIFEST_ENTRY = 'returnAddress: name: Jane Roe street1: 123 Any Street city: Anytown postalCode: 91011-1111; ';
const oneMegabyte = () => {
  const manifest = `manifestVersion:2.0 ${MANIFEST_ENTRY.repeat(Math.ceil(1_048_576 / MANIFEST_ENTRY.length))}`
    .slice(0, 1_048_575)
    .trimEnd()
    .padEnd(1_048_576, 'x');
  return caseFromBody('valid', exampleResponse(`<JobId>BIG1</JobId>\n<CurrentManifest>${manifest}</CurrentManifest>`));
};

export const ROBUSTNESS: CheckSpec[] = [
  {
    id: 'GS-SAFE-001',
    title: 'an external entity is never resolved',
    cases: () => invalidResponse(['GS-SAFE-001']),
    runs: 50,
    judge: judgeExternalEntity,
    readsText: true,
  },
  {
    id: 'GS-SAFE-002',
    title: 'entity expansion is bounded',
    cases: () => invalidResponse(['GS-SAFE-002']),
    runs: 50,
    judge: judgeOutcome,
    runOptions: { timeoutMs: 5_000 },
  },
  {
    id: 'GS-SAFE-003',
    title: 'a 1 MB CurrentManifest is returned intact',
    fixed: () => [oneMegabyte()],
    judge: judgeOutcome,
  },
  {
    id: 'GS-SAFE-004',
    title: 'the client gives up on a stalled server once aborted or past its budget',
    cases: faults(['stall'], STALL_BEYOND_BUDGET_MS),
    skip: abortSkip,
    runs: 20,
    // Long enough for an in-process client to be waiting on the stall: each wait holds one of --concurrency slots.
    runOptions: { abortAfterMs: 50, timeoutMs: 3_000 },
    judge: judgeAbort,
  },
  {
    id: 'GS-SAFE-005',
    title: 'a response the call must fail on fails it cleanly, never by a crash',
    cases: () => fc.oneof(invalidResponse(), serviceError([]), nonXmlError()),
    judge: judgeCrash,
  },
];
