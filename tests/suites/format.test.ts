/** A failure as a person reads it, whatever the client gave back. */
import { expect, test } from 'vitest';
import { expectedVersusActual } from '../../suites/format.ts';

test('a printed output the client did not return reads as undefined against what was expected', () => {
  const diff = expectedVersusActual('{\n    "JobId": "J1"\n}\n', undefined);
  expect(diff).toContain('+ undefined');
  expect(diff).toContain('-     "JobId": "J1"');
});
