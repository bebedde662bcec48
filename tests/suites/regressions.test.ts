/** A kept counterexample reads back as the case that was written: body bytes, request, fault, and a rule's own expectation. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { parseTimestamp, Timestamp } from '../../spec/index.ts';
import { caseFromBody } from '../../suites/cases.ts';
import { readRegression, writeRegression } from '../../suites/regressions.ts';

const dir = mkdtempSync(join(tmpdir(), 'regressions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a tolerance with a timestamp keeps its wire text; body bytes, request and fault survive', () => {
  const body = new Uint8Array([...Buffer.from('<GetStatusResponse><GetStatusResult><JobId>A&#13;</JobId>'), 0xff]);
  const created = parseTimestamp('2015-05-27T18:58:21.000+02:00')!;
  const written = {
    ...caseFromBody('invalid', body, {
      jobId: 'A B',
      apiVersion: '2.0',
      fault: { type: 'stall', where: 'body', ms: 20 },
      label: 'GS-PARSE-017',
    }),
    expected: {
      outcome: 'fail-or-tolerated' as const,
      rule: 'GS-PARSE-017' as const,
      accept: [{ JobId: 'A', CreationDate: created }],
    },
  };
  const file = writeRegression(dir, 'kept', written, 'GS-PARSE-017', { client: 'x', reason: 'why' });
  const read = readRegression(file);
  expect(Buffer.from(read.body as Uint8Array)).toEqual(Buffer.from(body));
  expect(read).toMatchObject({
    label: 'GS-PARSE-017',
    kind: 'invalid',
    request: { jobId: 'A B', apiVersion: '2.0' },
    fault: written.fault,
    expected: written.expected,
  });
  const accepted = (read.expected as typeof written.expected).accept[0].CreationDate;
  expect(accepted).toBeInstanceOf(Timestamp);
  expect((accepted as Timestamp).wire).toBe('2015-05-27T18:58:21.000+02:00');
});

test('an expectation the reference derives from the body is not stored, but derived again', () => {
  const c = caseFromBody(
    'valid',
    '<GetStatusResponse><GetStatusResult><ErrorCount>0</ErrorCount></GetStatusResult></GetStatusResponse>',
    { label: 'GS-COND-005' },
  );
  const read = readRegression(writeRegression(dir, 'derived', c, 'GS-COND-005', undefined));
  expect(read.expected).toEqual({ outcome: 'output', output: { ErrorCount: 0 } });
});

test('an ErrorCount beyond 2^53 that a rule tolerates reads back exactly', () => {
  const c = caseFromBody(
    'invalid',
    '<GetStatusResponse><GetStatusResult><ErrorCount>9007199254740993</ErrorCount></GetStatusResult></GetStatusResponse>',
    { label: 'GS-PARSE-006' },
  );
  expect(c.expected).toEqual({
    outcome: 'fail-or-tolerated',
    rule: 'GS-PARSE-006',
    accept: [{ ErrorCount: 9007199254740993n }],
  });
  const read = readRegression(writeRegression(dir, 'beyond-2-53', c, 'GS-PARSE-006', undefined));
  expect(read.expected).toEqual(c.expected);
});
