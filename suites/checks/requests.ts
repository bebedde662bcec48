import fc from 'fast-check';
import { fromRecipe, jobId, validCaseFrom, validParts, type ValidParts } from '../../generators/index.ts';
import type { ResponseCase } from '../../generators/case.ts';
import {
  CASE_CREDENTIALS,
  requestProblems,
  type CaseResult,
  type RecordedRequest,
  type RequestRule,
  type ClientAdapter,
} from '../../harness/index.ts';
import type { CheckSpec, Verdict } from '../check.ts';
import { fail, PASS } from '../judge.ts';
import { signatureProblem } from '../../spec/signatures.ts';

// Given in one case of three: a client that cannot send it must still be judged on the requests it does send.
const apiVersion = fc.option(fc.constantFrom('2.0', '1.4', '2010-06-01', 'v 2&3'), { nil: undefined, freq: 2 });

type Requested = ValidParts & { apiVersion?: string };
const asked = (p: Requested): ResponseCase => ({
  ...validCaseFrom(p),
  request: { jobId: p.jobId, ...(p.apiVersion !== undefined && { apiVersion: p.apiVersion }) },
});

/** Valid cases asked for with a generated job id and, sometimes, an APIVersion (the dimension 'api-version'). */
const requested = () =>
  fc
    .tuple(validParts([]), jobId(), apiVersion)
    .map(([parts, id, version]) =>
      fromRecipe<Requested>({ ...parts, jobId: id, ...(version !== undefined && { apiVersion: version }) }, asked),
    );

/** Judge the first request the client sent to its endpoint with `problem`, which names what is wrong or returns undefined. */
const onRequest =
  (problem: (request: RecordedRequest, c: ResponseCase) => string | undefined) =>
  (c: ResponseCase, result: CaseResult, _adapter: ClientAdapter): Verdict => {
    // Requests elsewhere are GS-REQ-006's: the request rules judge the one the service would see.
    const request = result.requests.find((r) => !r.stray);
    if (!request) {
      const { outcome } = result;
      // Why it sent none, when the client said: a crash or a timeout before sending is the real story.
      const why =
        outcome.status === 'crashed' || outcome.status === 'timeout'
          ? ` (${outcome.status}: ${outcome.reason})`
          : outcome.status === 'rejected'
            ? ` (it failed: ${outcome.error.message.slice(0, 200)})`
            : '';
      return { ...fail(`the client sent no request to its endpoint${why}`, c.request, outcome), problem: 'unsent' };
    }
    const wrong = problem(request, c);
    return wrong
      ? fail(wrong, { request: c.request }, { method: request.method, headers: request.headers, body: request.body })
      : PASS;
  };

/** The check of a request rule: the first thing the service finds wrong with the request under that rule. */
const duty = (rule: RequestRule) =>
  onRequest((r, c) => requestProblems(r, c.request).find((p) => p.rule === rule)?.text);

export const REQUESTS: CheckSpec[] = [
  { id: 'GS-REQ-001', title: 'a POST with a form-encoded body', cases: requested, judge: duty('GS-REQ-001') },
  { id: 'GS-REQ-002', title: 'Action=GetStatus and Version=2010-06-01', cases: requested, judge: duty('GS-REQ-002') },
  { id: 'GS-REQ-003', title: 'JobId exactly as given, percent-encoded', cases: requested, judge: duty('GS-REQ-003') },
  { id: 'GS-REQ-004', title: 'APIVersion exactly when given', cases: requested, judge: duty('GS-REQ-004') },
  { id: 'GS-REQ-006', title: 'requests go to the endpoint and nowhere else', cases: requested, judge: judgeStrays },
];

/** GS-REQ-006: every request that did not go to the case's endpoint, by method and URL. */
function judgeStrays(_c: ResponseCase, result: CaseResult): Verdict {
  const strays = result.requests.filter((r) => r.stray);
  if (strays.length === 0) return PASS;
  const shown = strays.slice(0, 5).map((r) => `${r.method} ${r.path}`);
  const more = strays.length > shown.length ? ` and ${strays.length - shown.length} more` : '';
  return fail(
    `the client contacted something other than its endpoint: ${shown.join(', ')}${more}`,
    'requests to the endpoint only',
    strays.map((r) => `${r.method} ${r.path}`),
  );
}

export const AUTHENTICATION: CheckSpec[] = [
  {
    id: 'GS-REQ-005',
    title: 'the request is signed and the signature verifies',
    cases: requested,
    runs: 50,
    judge: onRequest((r) => signatureProblem(r, CASE_CREDENTIALS)),
  },
];
