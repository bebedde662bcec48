/** Job ids a caller asks for: realistic ones, and ones a form body must percent-encode. */
import fc from 'fast-check';
import { fakerArbitrary } from './seeded-faker.ts';

/** Ids shaped like the service's: five upper-case letters and digits (the documentation's EX1ID). */
export function realisticJobId(): fc.Arbitrary<string> {
  return fc.oneof(
    { withCrossShrink: true },
    fc.constantFrom('EX1ID', 'ABCDE', '4ZX2P'),
    fakerArbitrary((faker) => faker.string.alphanumeric({ length: 5, casing: 'upper' })),
  );
}

/** Characters with a meaning in application/x-www-form-urlencoded, or outside ASCII. */
const NEEDS_ENCODING = [' ', '&', '=', '+', '%', '/', '?', '#', '%20', 'ö', '中', '🙂'];

export function jobId(): fc.Arbitrary<string> {
  return fc.oneof(
    { withCrossShrink: true },
    { weight: 3, arbitrary: realisticJobId() },
    { weight: 1, arbitrary: fc.constantFrom('EX 1ID', 'A&B', 'A=B', 'A+B', '100%', 'a/b', 'Jöb1', '作业7', '🚚1') },
    {
      weight: 2,
      arbitrary: fc
        .array(fc.oneof(fc.constantFrom(...NEEDS_ENCODING), fc.stringMatching(/^[A-Z0-9]{1,4}$/)), {
          minLength: 2,
          maxLength: 6,
        })
        .map((parts) => parts.join('')),
    },
  );
}
