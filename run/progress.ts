/**
 * Signs of life on stderr while a run goes: on a terminal, one line rewritten in place (checks done
 * of the total, cases run, deviations so far, time taken) and erased before the report prints; in
 * a log, one line per suite finished. The report itself, on stdout or in --out, never changes.
 */
import type { Reporter, TestCase, TestModule } from 'vitest/node';
import type { CheckResult } from '../suites/check.ts';
import { deviationsOf } from './report.ts';

/** live: a terminal's rewritten line; lines: a line per suite, for CI logs; off: nothing (--quiet, the library API). */
export type ProgressMode = 'live' | 'lines' | 'off';

/** How the command shows progress: as the terminal allows, or not at all when asked to be quiet. */
export const progressMode = (quiet: boolean, stream: { isTTY?: boolean } = process.stderr): ProgressMode =>
  quiet ? 'off' : stream.isTTY ? 'live' : 'lines';

interface Output {
  write(text: string): unknown;
  columns?: number;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const elapsed = (ms: number) => {
  const s = Math.floor(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
};
/** Erases the terminal line the cursor is on. */
const ERASE = '\r\u001b[2K';

export function progressReporter(
  client: string,
  mode: Exclude<ProgressMode, 'off'>,
  out: Output = process.stderr,
  now: () => number = Date.now,
): Reporter & { stop(): void } {
  const started = now();
  const done: CheckResult[] = [];
  let total = 0;
  // vitest collects a suite file when a worker takes it up: until every file is, more checks may come.
  let files = 0;
  let collected = 0;
  let shown = false;
  let timer: NodeJS.Timeout | undefined;

  const status = () =>
    total === 0
      ? `${client}: starting, ${elapsed(now() - started)}`
      : `${client}: ${done.length}/${total}${collected < files ? '+' : ''} check${total === 1 ? '' : 's'}, ${plural(
          done.reduce((sum, c) => sum + c.cases, 0),
          'case',
        )}, ${plural(deviationsOf(done).length, 'deviation')} so far, ${elapsed(now() - started)}`;
  const draw = () => {
    // A line longer than the terminal would wrap, and \r would then erase only its last row.
    const line = status().slice(0, Math.max(20, (out.columns || 80) - 1));
    out.write(`${ERASE}${line}`);
    shown = true;
  };
  const stop = () => {
    if (timer) clearInterval(timer);
    timer = undefined;
    if (shown) out.write(ERASE);
    shown = false;
  };

  return {
    stop,
    onTestRunStart(specifications) {
      files = specifications.length;
      if (mode !== 'live') return;
      draw();
      timer = setInterval(draw, 1000);
      timer.unref();
    },
    onTestModuleCollected(module: TestModule) {
      collected++;
      // Tests left out by --check are collected as skipped: they never run.
      for (const test of module.children.allTests())
        if (test.options.mode !== 'skip' && test.options.mode !== 'todo') total++;
    },
    onTestCaseResult(test: TestCase) {
      const { check } = test.meta();
      if (!check) return;
      done.push(check);
      if (mode === 'live') draw();
    },
    onTestModuleEnd(module: TestModule) {
      if (mode !== 'lines') return;
      const suite = [...module.children.suites()][0]?.name ?? module.moduleId;
      const checks = [...module.children.allTests()].flatMap((t) => t.meta().check ?? []);
      const failed = checks.filter((c) => c.status === 'failed').length;
      out.write(
        `${client}: ${suite} finished, ${plural(checks.length, 'check')} (${failed} failed); ${status().slice(client.length + 2)}\n`,
      );
    },
    onTestRunEnd() {
      stop();
    },
  };
}
