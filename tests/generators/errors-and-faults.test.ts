/** Error responses and transport faults: statuses as the service sends them, expectations from the reference. */
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ODD_CODE_ERRORS } from '../../generators/error-shapes.ts';
import { errorResponse, referenceExpected, transportFault, transportFaultOf } from '../../generators/index.ts';
import { ERRORS, validateGetStatusResponse } from '../../spec/index.ts';
import { runs } from '../properties/config.ts';

const RUNS = runs(1000);
const byteLength = (body: string | Uint8Array) =>
  typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;

describe('errorResponse', () => {
  it('fails as the reference says, service errors with their code at the status the spec gives it (or 402)', () => {
    fc.assert(
      fc.property(errorResponse(), (c) => {
        expect(c.kind).toBe('error');
        expect(c.status).toBeGreaterThanOrEqual(400);
        expect(c.expected).toEqual(referenceExpected(c.body, c.status));
        if (c.expected.outcome !== 'fail') throw new Error('an error response must fail');
        const { error } = c.expected;
        if (error.kind === 'service') {
          const spec = [...ERRORS, ...ODD_CODE_ERRORS].find((e) => e.code === error.code);
          expect([spec?.status, 402]).toContain(c.status);
          expect(c.label).toBe(spec?.modelled ? 'GS-ERR-002' : 'GS-ERR-001');
        } else {
          expect(error.kind).toBe('http');
          expect(c.label).toBe('GS-ERR-003');
        }
        // An error response is not a broken GetStatus response: the validator has nothing to say.
        expect(validateGetStatusResponse({ ...c, headers: {} })).toEqual([]);
      }),
      RUNS,
    );
  });
});

describe('transportFault', () => {
  it('breaks the connection inside the body, stalls within bounds, and expects what a correct client does', () => {
    fc.assert(
      fc.property(transportFault(), (c) => {
        expect(c.kind).toBe('fault');
        const length = byteLength(c.body);
        const fault = c.fault;
        if (fault === undefined) {
          expect([500, 502, 503]).toContain(c.status);
          expect(c.expected).toMatchObject({ outcome: 'fail', error: { kind: 'http', status: c.status } });
          return;
        }
        expect(c.status).toBe(200);
        expect(validateGetStatusResponse({ status: c.status, body: c.body })).toEqual([]);
        const served = referenceExpected(c.body, c.status);
        switch (fault.type) {
          case 'reset':
            expect(fault.afterBytes).toBeLessThan(length);
            expect(c.expected).toMatchObject({ outcome: 'fail', error: { rule: 'GS-ERR-004' } });
            break;
          case 'short-body':
            expect(fault.sendBytes).toBeLessThan(length);
            expect(c.expected).toMatchObject({ outcome: 'fail', error: { rule: 'GS-ERR-004' } });
            break;
          case 'stall':
            expect(fault.ms).toBeGreaterThanOrEqual(50);
            expect(fault.ms).toBeLessThanOrEqual(2000);
            expect(c.expected).toEqual(served);
            break;
          case 'gzip':
            expect(c.expected).toEqual(
              fault.header ? served : referenceExpected(new Uint8Array(gzipSync(c.body)), c.status),
            );
            // A valid body may use a spelling the service never sends, where failing is right too.
            expect(c.expected.outcome).toMatch(fault.header ? /^(output|fail-or-tolerated)$/ : /^fail$/);
            break;
        }
      }),
      RUNS,
    );
  });

  it('transportFaultOf draws only the types asked for, stalls no shorter than asked, and no 5xx page', () => {
    const types = fc.subarray(['reset', 'short-body', 'stall', 'gzip'] as const, { minLength: 1 });
    fc.assert(
      fc.property(
        types,
        fc.integer({ min: 50, max: 2000 }),
        fc.integer({ min: 0, max: 1000 }),
        (kinds, minStallMs, seed) => {
          for (const c of fc.sample(transportFaultOf(kinds, { minStallMs }), { seed, numRuns: 5 })) {
            expect(kinds).toContain(c.fault?.type);
            if (c.fault?.type === 'stall') expect(c.fault.ms).toBeGreaterThanOrEqual(minStallMs);
          }
        },
      ),
      runs(40),
    );
  });
});
