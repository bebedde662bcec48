/** Valid cases are valid: the validator finds nothing, the reference reads them, and realistic values look real. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getStatusOutput, jobId, validCase } from '../../generators/index.ts';
import { ERROR_COUNT_PROGRESS_CODES, JOB_TYPES, readResponse, validateGetStatusResponse } from '../../spec/index.ts';
import { runs } from '../properties/config.ts';

const RUNS = runs(1000);
const S3_BUCKET = /^(?!\d+\.\d+\.\d+\.\d+$)(?!.*\.\.)(?!.*\.-)(?!.*-\.)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

describe('validCase', () => {
  it('validates clean and expects exactly what the reference reads', () => {
    fc.assert(
      fc.property(validCase(), (c) => {
        expect(c.kind).toBe('valid');
        expect(c.status).toBe(200);
        expect(validateGetStatusResponse(c)).toEqual([]);
        const { output, orFail } = readResponse(c.body, c.status, c.headers);
        // A spelling the service never sends (an epoch CreationDate...) may also fail the call.
        expect(c.expected).toEqual(
          orFail ? { outcome: 'fail-or-tolerated', rule: orFail, accept: [output] } : { outcome: 'output', output },
        );
        expect(c.label).toBeUndefined();
        expect(c.fault).toBeUndefined();
      }),
      RUNS,
    );
  });

  it('asks for the JobId the response carries', () => {
    fc.assert(
      fc.property(validCase(), (c) => {
        const output =
          c.expected.outcome === 'output'
            ? c.expected.output
            : c.expected.outcome === 'fail-or-tolerated'
              ? c.expected.accept[0]
              : undefined;
        if (!output) throw new Error('a valid case must expect an output');
        expect(c.request.jobId).toBe(output.JobId ?? c.request.jobId);
        expect(c.request.jobId).toMatch(/^[A-Z0-9]{5}$/);
      }),
      RUNS,
    );
  });
});

describe('getStatusOutput', () => {
  it('keeps the contract: shipping exactly when Returned, ErrorCount when finished, JobType from the enum, S3 bucket names', () => {
    fc.assert(
      fc.property(getStatusOutput(), (o) => {
        const returned = o.LocationCode === 'Returned';
        expect(o.Carrier !== undefined).toBe(returned);
        expect(o.TrackingNumber !== undefined).toBe(returned);
        if ((ERROR_COUNT_PROGRESS_CODES as readonly (string | undefined)[]).includes(o.ProgressCode))
          expect(o.ErrorCount).toBeDefined();
        if (o.ErrorCount !== undefined)
          expect(Number.isInteger(o.ErrorCount) && o.ErrorCount >= 0 && o.ErrorCount <= 2 ** 31 - 1).toBe(true);
        if (o.JobType !== undefined) expect(JOB_TYPES).toContain(o.JobType);
        if (o.LogBucket !== undefined) expect(o.LogBucket).toMatch(S3_BUCKET);
        for (const token of [o.LocationCode, o.ProgressCode])
          if (token !== undefined) expect(token).toMatch(/^[A-Z][A-Za-z]+$/);
        if (o.CreationDate !== undefined) {
          expect(o.CreationDate.getTime()).toBeGreaterThanOrEqual(Date.UTC(1970, 0, 1));
          expect(o.CreationDate.getTime()).toBeLessThan(Date.UTC(2101, 0, 1));
        }
        for (const value of Object.values(o)) expect(value).not.toBeUndefined();
      }),
      RUNS,
    );
  });

  it('writes the signature file for the output’s own JobId and Signature', () => {
    fc.assert(
      fc.property(getStatusOutput(), (o) => {
        const file = o.SignatureFileContents;
        if (
          file === undefined ||
          !file.startsWith('version:2.0\n') ||
          o.JobId === undefined ||
          o.Signature === undefined
        )
          return;
        expect(file).toBe(`version:2.0\nsigningMethod:HmacSHA1\njobId:${o.JobId}\nsignature:${o.Signature}`);
      }),
      RUNS,
    );
  });
});

describe('jobId', () => {
  it('is never empty and always survives form encoding', () => {
    fc.assert(
      fc.property(jobId(), (id) => {
        expect(id.length).toBeGreaterThan(0);
        expect(new URLSearchParams(new URLSearchParams({ JobId: id }).toString()).get('JobId')).toBe(id);
      }),
      RUNS,
    );
  });
});
