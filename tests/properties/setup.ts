/** vitest setup: every property runs on the fixed seed, or, when exploring, on a random one whose failures are recorded. */
import { appendFileSync } from 'node:fs';
import fc from 'fast-check';
import { expect } from 'vitest';
import { EXPLORING, FINDINGS_FILE, FIXED_SEED, type Finding } from './config.ts';

function record(details: fc.RunDetails<unknown>) {
  if (!details.failed || !FINDINGS_FILE) return;
  const { currentTestName = '?', testPath = '?' } = expect.getState();
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  const finding: Finding = {
    test: currentTestName,
    file: testPath,
    seed: details.seed,
    path: details.counterexamplePath ?? '',
    counterexample: fc.stringify(details.counterexample),
    error: error.split('\n', 1)[0],
  };
  appendFileSync(FINDINGS_FILE, `${JSON.stringify(finding)}\n`);
}

if (EXPLORING) fc.installGlobalPlugin(() => ({ onAllRunsComplete: record }));
else fc.configureGlobal({ seed: FIXED_SEED });
