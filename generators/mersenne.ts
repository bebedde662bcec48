/**
 * Faker's default randomizer (MT19937, 53-bit floats), the same sequence for the same integer
 * seed, on a state that is reused: Faker's own builds a new 624-entry array at every seed, and the
 * generators re-seed for every value they draw, which made seeding most of Faker's cost in a run.
 * Keeping the sequence keeps every generated case, and so every report, as it was.
 */
import type { Randomizer } from '@faker-js/faker';

const N = 624;
const M = 397;
const UPPER = 0x80000000;
const LOWER = 0x7fffffff;
const MATRIX_A = 0x9908b0df;

export function mersenneRandomizer(): Randomizer {
  const state = new Int32Array(N);
  let index = N;

  function twist(): void {
    for (let k = 0; k < N; k++) {
      const y = (state[k] & UPPER) | (state[(k + 1) % N] & LOWER);
      state[k] = state[(k + M) % N] ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
    }
    index = 0;
  }

  function nextU32(): number {
    if (index >= N) twist();
    let y = state[index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  return {
    next() {
      const high = nextU32() >>> 5;
      const low = nextU32() >>> 6;
      return (high * 67108864 + low) * (1 / 9007199254740992);
    },
    seed(seed) {
      if (typeof seed !== 'number') throw new TypeError('mersenneRandomizer is seeded with one number');
      state[0] = seed;
      for (let k = 1; k < N; k++) {
        const previous = state[k - 1] ^ (state[k - 1] >>> 30);
        state[k] = Math.imul(1812433253, previous) + k;
      }
      index = N;
    },
  };
}
