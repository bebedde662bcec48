/** Cases the suites build for themselves around a body, judged by the reference like every generated case. */
import { createHash } from 'node:crypto';
import type { CaseKind, Expected, ResponseCase } from '../generators/case.ts';
import { GetStatusError, parseGetStatusResponse, type RuleId } from '../spec/index.ts';

export function expectedFor(body: string | Uint8Array, status: number): Expected {
  try {
    return { outcome: 'output', output: parseGetStatusResponse(body, status) };
  } catch (error) {
    if (error instanceof GetStatusError) return { outcome: 'fail', error: error.toJSON() };
    throw error;
  }
}

export function caseFromBody(
  kind: CaseKind,
  body: string | Uint8Array,
  options: { status?: number; jobId?: string; apiVersion?: string; label?: RuleId; headers?: Record<string, string> } = {},
): ResponseCase {
  const status = options.status ?? 200;
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
  return {
    name: `${kind}-${options.label ?? 'ok'}-${hash}`,
    kind,
    request: { jobId: options.jobId ?? 'EX1ID', ...(options.apiVersion !== undefined && { apiVersion: options.apiVersion }) },
    status,
    headers: options.headers ?? { 'Content-Type': 'text/xml' },
    body,
    ...(options.label && { label: options.label }),
    expected: expectedFor(body, status),
  };
}
