/**
 * The suites can fail: each deliberately broken client fails the check of the rule that names
 * its bug, with the default seed and runs, and comes with a replay line.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { Harness } from '../../harness/index.ts';
import { checksBySuite } from '../../suites/checks/index.ts';
import { suiteConfig } from '../../suites/config.ts';
import { runCheck } from '../../suites/runner.ts';
import { BROKEN } from './adapters.ts';

const checks = Object.values(checksBySuite()).flat();
const config = { ...suiteConfig({}), timeoutMs: 5_000 };

describe('every broken client is caught by the check of its rule', () => {
  test('the table holds at least 25 bugs', () => {
    expect(BROKEN.length).toBeGreaterThanOrEqual(25);
  });

  test.each(BROKEN)('$rule catches a client that $bug', async ({ rule, adapter }) => {
    const check = checks.find((c) => c.id === rule);
    expect(check, `no check for ${rule}`).toBeDefined();
    const harness = await Harness.start(adapter, { concurrency: 2, timeoutMs: config.timeoutMs });
    try {
      const result = await runCheck(check!, { harness, adapter, config });
      expect(result.status, result.reason).toBe('failed');
      expect(result.counterexample).toBeDefined();
      expect(result.replay).toContain(`--check ${rule}`);
    } finally {
      await harness.close();
    }
  });

  test('the README lists every bug the suites catch', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const { bug, rule } of BROKEN) expect(readme).toContain(`| ${rule} | ${bug} |`);
  });
});
