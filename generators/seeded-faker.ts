/**
 * Faker driven by fast-check: each value comes from a fresh Faker instance seeded with an
 * integer fast-check draws, so the fast-check seed alone reproduces it. The global `faker` is
 * never used: its state would leak between values and make them depend on call order.
 */
import { base, en, Faker } from '@faker-js/faker';
import fc from 'fast-check';

/** A Faker instance with this seed; `base` supplies data (file types, ...) the `en` locale leaves out. */
export function seededFaker(seed: number): Faker {
  const faker = new Faker({ locale: [en, base] });
  faker.seed(seed);
  return faker;
}

/** Values built by `make` from a Faker seeded by fast-check. */
export function fakerArbitrary<T>(make: (faker: Faker) => T): fc.Arbitrary<T> {
  return fc.nat().map((seed) => make(seededFaker(seed)));
}
