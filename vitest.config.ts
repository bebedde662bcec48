import { configDefaults, defineConfig } from 'vitest/config';

/** The long real-client passes (minutes of AWS CLI calls) run apart: `npm run test:clients`. */
export const REAL_CLIENT_PASSES = ['tests/differential/**', 'tests/conformance/**'];

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'suites/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...REAL_CLIENT_PASSES],
    // Properties on a fixed seed: the same tree, the same verdict (tests/properties/config.ts).
    setupFiles: ['tests/properties/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
