/** Turning a response into a `ResponseCase`: its expected outcome from the reference, and a stable name. */
import { createHash } from 'node:crypto';
import { GetStatusError, readResponse } from '../spec/index.ts';
import type { Expected, ResponseCase } from './case.ts';

export const XML_HEADERS: Readonly<Record<string, string>> = { 'Content-Type': 'text/xml' };

/**
 * What the reference does with the response: its output, or how it fails; or, for a spelling the
 * service never sends, the harmless answers its rule accepts (failing, or one of the outputs).
 */
export function referenceExpected(
  body: string | Uint8Array,
  status: number,
  headers: Record<string, string> = XML_HEADERS,
): Expected {
  try {
    const { output, orFail } = readResponse(body, status, headers);
    return orFail ? { outcome: 'fail-or-tolerated', rule: orFail, accept: [output] } : { outcome: 'output', output };
  } catch (error) {
    if (!(error instanceof GetStatusError)) throw error;
    return error.tolerated.length > 0
      ? { outcome: 'fail-or-tolerated', rule: error.rule!, accept: error.tolerated }
      : { outcome: 'fail', error: error.toJSON() };
  }
}

export type CaseFields = Omit<ResponseCase, 'name' | 'expected'> & { expected?: Expected };

/** Each built case's digest, so the runner's key for it costs no second hash. */
const digests = new WeakMap<object, string>();

/** The SHA-256 of everything served: status, headers, fault, request and body. */
export function servedDigest(c: CaseFields): string {
  const known = digests.get(c);
  if (known) return known;
  return createHash('sha256')
    .update(JSON.stringify([c.status, c.headers, c.fault ?? null, c.request]))
    .update(c.body)
    .digest('hex');
}

/** `${kind}-${label or 'ok'}-${hash}`: the hash covers everything served, so the same case always has the same name. */
const nameOf = (c: CaseFields, digest: string) => `${c.kind}-${c.label ?? 'ok'}-${digest.slice(0, 10)}`;

export function caseName(c: CaseFields): string {
  return nameOf(c, servedDigest(c));
}

/** A case; without an explicit `expected`, the reference decides it from the body and status. */
export function buildCase(fields: CaseFields): ResponseCase {
  const { kind, request, status, headers, body, fault, label } = fields;
  const digest = servedDigest(fields);
  const built: ResponseCase = {
    name: nameOf(fields, digest),
    kind,
    request,
    status,
    headers,
    body,
    ...(fault !== undefined && { fault }),
    ...(label !== undefined && { label }),
    expected: fields.expected ?? referenceExpected(body, status, headers),
  };
  digests.set(built, digest);
  return built;
}
