/**
 * spec/xml.ts answers a body it read lately from memory: what it answers must be what reading
 * that body afresh gives, whatever was read in between: the same elements, or the same failure
 * under the status of the read that asks.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { validCase } from '../../generators/index.ts';
import { GetStatusError } from '../../spec/errors.ts';
import { readXml } from '../../spec/xml.ts';
import { runs } from '../properties/config.ts';

const text = (body: string | Uint8Array) => (typeof body === 'string' ? body : new TextDecoder().decode(body));
/** Whole bodies, and bodies cut short: most of those are not well-formed. */
const body = fc
  .tuple(validCase(), fc.option(fc.nat(), { nil: undefined }))
  .map(([c, cut]) => (cut === undefined ? text(c.body) : text(c.body).slice(0, cut % (text(c.body).length + 1))));
const bodies = fc.array(body, { minLength: 1, maxLength: 6 });

/** Another text that reads as `body` does, character for character: one leading byte order mark more or less is dropped before reading. */
const unremembered = (body: string) => (body.startsWith('\uFEFF') ? body.slice(1) : `\uFEFF${body}`);

/** What a read gives: the elements, or the failure as a client sees it. */
function reading(body: string, status: number): unknown {
  try {
    return { root: readXml(body, status) };
  } catch (error) {
    if (!(error instanceof GetStatusError)) throw error;
    return { failure: error.toJSON() };
  }
}

test('a body read again gives what a fresh read of it gives, whatever other bodies were read in between', () => {
  let failures = 0;
  fc.assert(
    fc.property(bodies, fc.array(fc.tuple(fc.nat(), fc.constantFrom(200, 500)), { maxLength: 20 }), (drawn, order) => {
      for (const b of drawn) reading(b, 200);
      for (const [i, status] of order) {
        const b = drawn[i % drawn.length];
        const again = reading(b, status);
        if ('failure' in (again as object)) failures++;
        expect(again).toEqual(reading(unremembered(b), status));
      }
    }),
    runs(100),
  );
  // Both halves of the memory were exercised.
  expect(failures).toBeGreaterThan(0);
});
