/**
 * Faker driven by fast-check: each value comes from a Faker instance re-seeded with an
 * integer fast-check draws, so the fast-check seed alone reproduces it. The global `faker` is
 * never used: its state would leak between values and make them depend on call order.
 * One instance is shared and re-seeded (seeding resets all its state): building a Faker per
 * value cost more than everything else in a run.
 */
import { base, en, Faker } from '@faker-js/faker';
import fc from 'fast-check';
import { mersenneRandomizer } from './mersenne.ts';

/** A Faker instance with this seed; `base` supplies data (file types, ...) the `en` locale leaves out. */
const shared = new Faker({ locale: [en, base], randomizer: mersenneRandomizer() });

/** The shared Faker, re-seeded: use it before drawing another seeded value. */
export function seededFaker(seed: number): Faker {
  shared.seed(seed);
  return shared;
}

/** Values built by `make` from a Faker seeded by fast-check. */
export function fakerArbitrary<T>(make: (faker: Faker) => T): fc.Arbitrary<T> {
  return fc.nat().map((seed) => make(seededFaker(seed)));
}
