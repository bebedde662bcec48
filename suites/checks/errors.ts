import fc from 'fast-check';
import { nonXmlError, serverErrorPage, serviceError } from '../../generators/index.ts';
import type { ResponseCase } from '../../generators/case.ts';
import type { ClientAdapter, CaseResult } from '../../harness/index.ts';
import type { CheckSpec, Verdict } from '../check.ts';
import { judgeOutcome, PASS } from '../judge.ts';
import { faults } from './labelled.ts';

const modelled = (c: ResponseCase) =>
  c.expected.outcome === 'fail' &&
  c.expected.error.kind === 'service' &&
  /Exception$/.test(c.expected.error.code ?? '');

/** GS-ERR-005: decoding a gzip body by its header is correct, and so is failing on it (botocore never asks for gzip). */
function judgeGzip(c: ResponseCase, result: CaseResult, adapter: ClientAdapter): Verdict {
  if (c.fault?.type === 'gzip' && c.fault.header && result.outcome.status === 'rejected') return PASS;
  return judgeOutcome(c, result, adapter);
}

export const ERRORS: CheckSpec[] = [
  {
    id: 'GS-ERR-001',
    title: 'a service error fails the call with its code and message',
    cases: () => serviceError(['error-shape']).filter((c) => !modelled(c)),
    judge: judgeOutcome,
  },
  {
    id: 'GS-ERR-002',
    title: 'the five modelled errors keep their codes',
    cases: () => serviceError(['error-modelled']).filter(modelled),
    judge: judgeOutcome,
  },
  {
    id: 'GS-ERR-003',
    title: 'a 4xx/5xx without an ErrorResponse (the older <Response><Errors> form included) fails the call',
    cases: () =>
      fc.oneof(
        nonXmlError(),
        serverErrorPage(),
        serviceError(['error-format']).filter((c) => c.label === 'GS-ERR-003'),
      ),
    judge: judgeOutcome,
  },
  {
    id: 'GS-ERR-004',
    title: 'a reset or short body fails the call and never hangs',
    cases: faults(['reset', 'short-body']),
    runs: 60,
    judge: judgeOutcome,
    runOptions: { timeoutMs: 5_000 },
  },
  {
    id: 'GS-ERR-005',
    title: 'a gzip body is decoded by its header or fails the call',
    cases: faults(['gzip']),
    runs: 60,
    judge: judgeGzip,
  },
];
