import { misbehaving } from './misbehaving.ts';

// Allocates until something stops it.
export default misbehaving('grows', () => {
  const kept: string[][] = [];
  for (;;) kept.push(Array.from({ length: 100_000 }, (_, i) => `${i}-${kept.length}`));
});
