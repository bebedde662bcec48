/**
 * The reference client through context.fetch (in this process) and through interception of its
 * global fetch (as a module, in worker threads) gives the same report, byte for byte: the fault,
 * abort and request checks included.
 */
import { expect, test } from 'vitest';
import { runConformance } from '../../api/index.js';

const OPTIONS = { seed: 7, runs: 5, suites: ['errors', 'requests', 'robustness'] } as const;

test('same seed, same JSON report through context.fetch and through interception', { timeout: 60_000 }, async () => {
  const throughContext = await runConformance({ ...OPTIONS, adapter: 'reference' });
  const throughInterception = await runConformance({
    ...OPTIONS,
    adapter: new URL('./clients/global-fetch-reference.ts', import.meta.url).pathname,
  });
  expect(throughContext.summary.failed).toBe(0);
  expect(throughContext.checks.some((c) => c.id === 'GS-SAFE-004' && c.status === 'passed')).toBe(true);
  expect(JSON.stringify(throughInterception, null, 2)).toBe(JSON.stringify(throughContext, null, 2));
});
