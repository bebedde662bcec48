import { defineConfig } from 'vitest/config';
import { REAL_CLIENT_PASSES } from './vitest.config.ts';

/** `npm run test:clients`: the differential tests and the docs/CONFORMANCE.md re-run. */
export default defineConfig({
  test: {
    include: REAL_CLIENT_PASSES.map((glob) => `${glob.replace(/\*\*$/, '')}*.test.ts`),
    testTimeout: 600_000,
    hookTimeout: 120_000,
  },
});
