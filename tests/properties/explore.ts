/**
 * `npm run test:explore [-- --rounds N]`: every property test on random seeds at ten times its
 * runs, N rounds (default 20). Prints each counterexample with its seed and path; exit 1 when
 * any was found. To keep one, add it as a fixed case of its test (the README says how).
 */
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import type { Finding } from './config.ts';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '20' } } });
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) {
  process.stderr.write(`--rounds: give a whole number of rounds, at least 1 (got '${values.rounds}')\n`);
  process.exit(2);
}

const file = join(tmpdir(), `property-findings-${process.pid}.jsonl`);
const found: Finding[] = [];
const started = performance.now();
for (let round = 1; round <= rounds; round++) {
  rmSync(file, { force: true });
  const run = spawnSync('npx', ['vitest', 'run', '--config', 'vitest.explore.config.ts', '--reporter', 'dot'], {
    env: { ...process.env, PROPERTY_EXPLORE: '1', PROPERTY_FINDINGS: file },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let lines: Finding[] = [];
  try {
    lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Finding);
  } catch {
    // No file: no property failed.
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  process.stdout.write(
    `round ${round}/${rounds}: ${lines.length === 0 ? 'no counterexample' : `${lines.length} counterexample(s)`} (${seconds} s)\n`,
  );
  for (const f of lines) {
    process.stdout.write(
      `  ✗ ${f.file.replace(`${process.cwd()}/`, '')} > ${f.test}\n    seed: ${f.seed}, path: '${f.path}'\n    counterexample: ${f.counterexample}\n    ${f.error}\n`,
    );
  }
  if (lines.length === 0 && run.status !== 0) {
    process.stderr.write(
      `round ${round}: vitest exited with status ${run.status} without a property failing: a test other than a property failed\n`,
    );
    process.exitCode = 1;
  }
  found.push(...lines);
}
rmSync(file, { force: true });
process.stdout.write(
  `${rounds} round(s) in ${((performance.now() - started) / 1000).toFixed(0)} s: ${found.length} counterexample(s)\n`,
);
if (found.length > 0) process.exitCode = 1;
