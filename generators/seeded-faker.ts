/**
 * Faker driven by fast-check: each value comes from a Faker instance re-seeded with an
 * integer fast-check draws, so the fast-check seed alone reproduces it. The global `faker` is
 * never used: its state would leak between values and make them depend on call order.
 * One instance is shared and re-seeded (seeding resets all its state): building a Faker per
 * value cost more than everything else in a run.
 */
import type { Faker } from '@faker-js/faker';
// The English build alone: the package's root loads every locale, five times as long for each worker.
import { faker as english } from '@faker-js/faker/locale/en';
import fc from 'fast-check';
import { mersenneRandomizer } from './mersenne.ts';

/** English with `base` (file types, ...), as the English build has it, on the reusable randomizer. */
const shared: Faker = new (english.constructor as typeof Faker)({
  locale: english.rawDefinitions,
  randomizer: mersenneRandomizer(),
});

/** The shared Faker, re-seeded: use it before drawing another seeded value. */
export function seededFaker(seed: number): Faker {
  shared.seed(seed);
  return shared;
}

/** Values built by `make` from a Faker seeded by fast-check. */
export function fakerArbitrary<T>(make: (faker: Faker) => T): fc.Arbitrary<T> {
  return fc.nat().map((seed) => make(seededFaker(seed)));
}
