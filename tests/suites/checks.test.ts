/** A check is its rule's: one check per rule, and a check's level and subject are the rule's own. */
import { expect, test } from 'vitest';
import { ruleById } from '../../spec/index.ts';
import { checksBySuite } from '../../suites/checks/index.ts';

const checks = Object.values(checksBySuite()).flat();

test('no two checks share a rule id', () => {
  const ids = checks.map((c) => c.id);
  expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
});

test.each(checks.map((c) => ({ id: c.id })))('$id checks a duty of the client or of its output, at the rule’s level', ({ id }) => {
  const rule = ruleById(id);
  expect(rule, `${id} is not in the catalogue`).toBeDefined();
  expect(['client', 'output']).toContain(rule!.subject);
});
