/** A check is its rule's: one check per rule, and a check's level and subject are the rule's own. */
import { expect, test } from 'vitest';
import { ruleById } from '../../spec/index.ts';
import { caseFromBody } from '../../suites/cases.ts';
import { checksBySuite } from '../../suites/checks/index.ts';
import type { ClientAdapter } from '../../harness/index.ts';

const checks = Object.values(checksBySuite()).flat();

test('no two checks share a rule id', () => {
  const ids = checks.map((c) => c.id);
  expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
});

test.each(checks.map((c) => ({ id: c.id })))(
  '$id checks a duty of the client or of its output, at the rule’s level',
  ({ id }) => {
    const rule = ruleById(id);
    expect(rule, `${id} is not in the catalogue`).toBeDefined();
    expect(['client', 'output']).toContain(rule!.subject);
  },
);

test.each([
  {
    outcome: { status: 'crashed' as const, reason: 'the client crashed: ValueError: bad', raised: 'ValueError: bad' },
    says: 'the client sent no request to its endpoint (crashed: the client crashed: ValueError: bad)',
  },
  {
    outcome: { status: 'timeout' as const, reason: 'did not settle within 10000 ms' },
    says: 'the client sent no request to its endpoint (timeout: did not settle within 10000 ms)',
  },
  {
    outcome: { status: 'rejected' as const, error: { message: 'could not sign: no credentials' } },
    says: 'the client sent no request to its endpoint (it failed: could not sign: no credentials)',
  },
])('a request check on a client that sent nothing says why: $outcome.status', ({ outcome, says }) => {
  const check = checks.find((c) => c.id === 'GS-REQ-001')!;
  const c = caseFromBody(
    'valid',
    '<GetStatusResponse><GetStatusResult><JobId>A</JobId></GetStatusResult></GetStatusResponse>',
  );
  expect(
    check.judge(c, { outcome, requests: [] }, { name: 'stand-in', transport: 'loopback' } as ClientAdapter),
  ).toMatchObject({ ok: false, reason: says });
});
