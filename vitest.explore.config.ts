import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

/** Every test file that states a property (fc.assert): what `npm run test:explore` runs on random seeds. */
const propertyFiles = readdirSync('tests', { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.test.ts'))
  .map((file) => join('tests', file))
  .filter((file) => readFileSync(file, 'utf8').includes('fc.assert('))
  .sort();

export default defineConfig({
  test: {
    include: propertyFiles,
    setupFiles: ['tests/properties/setup.ts'],
    testTimeout: 600_000,
  },
});
