/**
 * spec/xml.ts answers a body it read lately from memory: what it answers must be what reading
 * that body afresh gives, whatever was read in between.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { validCase } from '../../generators/index.ts';
import { readXml } from '../../spec/xml.ts';

const bodies = fc.array(validCase().map((c) => (typeof c.body === 'string' ? c.body : new TextDecoder().decode(c.body))), { minLength: 1, maxLength: 6 });

test('a body read again gives what a fresh read of it gives, whatever other bodies were read in between', () => {
  fc.assert(
    fc.property(bodies, fc.array(fc.nat(), { maxLength: 20 }), (drawn, order) => {
      for (const body of drawn) readXml(body, 200);
      for (const i of order) {
        const body = drawn[i % drawn.length];
        // A trailing line end is another text, so never remembered, and reads to the same elements.
        expect(readXml(body, 200)).toEqual(readXml(`${body}\n`, 200));
      }
    }),
    { numRuns: 100 },
  );
});
