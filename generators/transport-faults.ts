/**
 * Transport faults around a valid response: 5xx HTML pages, resets, short bodies, stalls and
 * gzip. A reset or short body must fail the call (GS-ERR-004); a stalled server that answers in
 * the end gives the valid output to a patient client (GS-SAFE-004: the harness aborts separately
 * to test giving up); gzip is decoded by its header or fails (GS-ERR-005).
 */
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { GetStatusError, type DimensionId } from '../spec/index.ts';
import type { ResponseCase, TransportFault } from './case.ts';
import { buildCase, referenceExpected } from './case-builder.ts';
import { realisticJobId } from './job-ids.ts';
import { breaking } from './invalid-case.ts';
import { ALL_DIMENSIONS } from './plain.ts';
import { validCaseFrom, validParts } from './valid-cases.ts';

const PAGES: Record<number, string> = { 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable' };

/** GS-ERR-003: what a load balancer answers when the service is down. */
export function serverErrorPage(): fc.Arbitrary<ResponseCase> {
  return fc.tuple(fc.constantFrom(500, 502, 503), realisticJobId()).map(([status, jobId]) =>
    buildCase({
      kind: 'fault',
      request: { jobId },
      status,
      headers: { 'Content-Type': 'text/html' },
      body: `<html>\n<head><title>${status} ${PAGES[status]}</title></head>\n<body>\n<center><h1>${status} ${PAGES[status]}</h1></center>\n</body>\n</html>\n`,
      label: 'GS-ERR-003',
    }),
  );
}

const byteLength = (body: string | Uint8Array) =>
  typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;

/** Where a connection breaks: a fraction (in thousandths) of the body, so shrinking moves it to byte 0. */
const breakPoint = fc.integer({ min: 0, max: 999 });

function faultCase(base: ResponseCase, fault: TransportFault): ResponseCase {
  const { name: _, expected, ...served } = base;
  const length = byteLength(base.body);
  switch (fault.type) {
    case 'reset':
    case 'short-body': {
      const sent = fault.type === 'reset' ? fault.afterBytes : fault.sendBytes;
      const what = fault.type === 'reset' ? 'the connection was reset' : 'the connection closed';
      const error = new GetStatusError({
        kind: 'malformed',
        status: base.status,
        rule: 'GS-ERR-004',
        message: `${what} after ${sent} of ${length} body bytes`,
      });
      return buildCase({
        ...served,
        kind: 'fault',
        fault,
        label: 'GS-ERR-004',
        expected: { outcome: 'fail', error: error.toJSON() },
      });
    }
    case 'stall':
      return buildCase({ ...served, kind: 'fault', fault, label: 'GS-SAFE-004', expected });
    case 'gzip':
      // Without the header the client sees the compressed bytes as the body: the reference reads them as such.
      return buildCase({
        ...served,
        kind: 'fault',
        fault,
        label: 'GS-ERR-005',
        expected: fault.header ? expected : referenceExpected(new Uint8Array(gzipSync(base.body)), base.status),
      });
  }
}

type FaultType = TransportFault['type'];
type MakeFault = (length: number) => TransportFault;

/** Each type of fault, for a body of `length` bytes; a stall of at least `minStallMs`. */
const FAULTS: Record<FaultType, (minStallMs: number) => fc.Arbitrary<MakeFault>> = {
  reset: () =>
    breakPoint.map(
      (k) =>
        (length: number): TransportFault => ({ type: 'reset', afterBytes: Math.floor((k * length) / 1000) }),
    ),
  'short-body': () =>
    breakPoint.map(
      (k) =>
        (length: number): TransportFault => ({ type: 'short-body', sendBytes: Math.floor((k * length) / 1000) }),
    ),
  stall: (minStallMs) =>
    fc
      .record({
        where: fc.constantFrom('headers' as const, 'body' as const),
        ms: fc.integer({ min: minStallMs, max: Math.max(minStallMs, 2000) }),
      })
      .map(
        ({ where, ms }) =>
          (): TransportFault => ({ type: 'stall', where, ms }),
      ),
  gzip: () => fc.boolean().map((header) => (): TransportFault => ({ type: 'gzip', header })),
};
const FAULT_TYPES = Object.keys(FAULTS) as FaultType[];

/** Faults of these types around a valid response that is plain but in the dimensions `vary` names (none by default). */
export function transportFaultOf(
  types: readonly FaultType[],
  options: { vary?: readonly DimensionId[]; minStallMs?: number } = {},
): fc.Arbitrary<ResponseCase> {
  const fault = fc.oneof(...types.map((type) => FAULTS[type](options.minStallMs ?? 50)));
  return breaking(validParts(options.vary ?? []), fc.tuple(fault), ([parts, make]) => {
    const base = validCaseFrom(parts);
    return faultCase(base, make(byteLength(base.body)));
  });
}

/** Any fault around a valid response that is plain but in the dimensions `vary` names (every one by default), or a 5xx page. */
export function transportFault(vary: readonly DimensionId[] = ALL_DIMENSIONS): fc.Arbitrary<ResponseCase> {
  return fc.oneof(
    { weight: 1, arbitrary: serverErrorPage() },
    { weight: 4, arbitrary: transportFaultOf(FAULT_TYPES, { vary }) },
  );
}
