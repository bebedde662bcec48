/** Turning a response into a `ResponseCase`: its expected outcome from the reference, and a stable name. */
import { createHash } from 'node:crypto';
import { GetStatusError, parseGetStatusResponse } from '../spec/index.ts';
import type { Expected, ResponseCase } from './case.ts';

export const XML_HEADERS: Readonly<Record<string, string>> = { 'Content-Type': 'text/xml' };

/** What the reference does with the response: its output, or how it fails. */
export function referenceExpected(body: string | Uint8Array, status: number): Expected {
  try {
    return { outcome: 'output', output: parseGetStatusResponse(body, status) };
  } catch (error) {
    if (error instanceof GetStatusError) return { outcome: 'fail', error: error.toJSON() };
    throw error;
  }
}

export type CaseFields = Omit<ResponseCase, 'name' | 'expected'> & { expected?: Expected };

/** `${kind}-${label or 'ok'}-${hash}`: the hash covers everything served, so the same case always has the same name. */
export function caseName(c: CaseFields): string {
  const hash = createHash('sha256')
    .update(JSON.stringify([c.status, c.headers, c.fault ?? null, c.request]))
    .update(c.body)
    .digest('hex')
    .slice(0, 10);
  return `${c.kind}-${c.label ?? 'ok'}-${hash}`;
}

/** A case; without an explicit `expected`, the reference decides it from the body and status. */
export function buildCase(fields: CaseFields): ResponseCase {
  const { kind, request, status, headers, body, fault, label } = fields;
  return {
    name: caseName(fields),
    kind,
    request,
    status,
    headers,
    body,
    ...(fault !== undefined && { fault }),
    ...(label !== undefined && { label }),
    expected: fields.expected ?? referenceExpected(body, status),
  };
}
