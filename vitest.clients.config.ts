import { defineConfig } from 'vitest/config';
import { REAL_CLIENT_PASSES } from './vitest.config.ts';

/** `npm run test:clients`: the differential tests and the docs/CONFORMANCE.md re-run. */
export default defineConfig({
  test: {
    include: REAL_CLIENT_PASSES.map((glob) => `${glob.replace(/\*\*$/, '')}*.test.ts`),
    testTimeout: 600_000,
    // The docs re-run and the differential tests wait on client processes much of the time: side by
    // side they take about the longest one's time (vitest would give a 2-core machine one worker).
    maxWorkers: 2,
    hookTimeout: 120_000,
  },
});
