import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { deviationsOf } from '../../run/report.ts';
import { loadAdapter } from '../../adapters/index.ts';
import { BROKEN } from './adapters.ts';
import { brokenClientTests, failures, runEveryCheck } from './table.ts';

test('the table holds at least 50 bugs', () => {
  expect(BROKEN.length).toBeGreaterThanOrEqual(50);
});

test('the reference client shows no deviation', async () => {
  const results = await runEveryCheck(await loadAdapter('reference', {}));
  expect(deviationsOf(results), failures(results)).toEqual([]);
});

test('docs/BROKEN-CLIENTS.md lists every bug the suites catch', () => {
  const list = readFileSync(new URL('../../docs/BROKEN-CLIENTS.md', import.meta.url), 'utf8');
  for (const { bug, rule } of BROKEN) expect(list).toContain(`| ${rule} | ${bug} |`);
});

brokenClientTests(0, 2);
