/**
 * Running the vitest suites programmatically and collecting one CheckResult per rule checked.
 * vitest does the scheduling, sharding and blob merging; the checks travel in `task.meta`.
 */
import { accessSync, constants } from 'node:fs';
import { join, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { fileURLToPath } from 'node:url';
import type { Reporter, TestModule } from 'vitest/node';
import { SUITES, type CheckResult, type SuiteName } from '../suites/check.ts';
import { CONFIG_ENV, type SuiteConfig } from '../suites/config.ts';
import { progressReporter, type ProgressMode } from './progress.ts';
import type { RunRecord } from '../suites/define.ts';

export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Where each shard's blob report goes, under the directory the tool is run from (vitest would resolve it under the package). */
export const BLOB_DIR = '.vitest-reports';

export interface SuiteRunOptions {
  config: SuiteConfig;
  suites: readonly SuiteName[];
  shard?: string;
  mergeReports?: string;
  /** Signs of life on stderr, under the client's label (run/progress.ts). */
  progress?: { client: string; mode: ProgressMode };
}

export interface SuiteRun {
  checks: CheckResult[];
  /** Errors outside any check (a suite file that failed to load, an unhandled rejection). */
  errors: string[];
  /** The client's version, when its adapter reports one. */
  clientVersion?: string;
  /** Each distinct run the results were recorded under (one, unless merged shards disagree), with the suites where it was seen. */
  runs: Array<RunRecord & { suites: SuiteName[] }>;
}

function recordRun(sink: SuiteRun, run: RunRecord, suite: SuiteName | undefined): void {
  const key = (r: RunRecord) => JSON.stringify([r.adapter, r.name, r.seed, r.runs]);
  let seen = sink.runs.find((r) => key(r) === key(run));
  if (!seen) {
    seen = {
      adapter: run.adapter,
      name: run.name,
      seed: run.seed,
      ...(run.runs !== undefined && { runs: run.runs }),
      suites: [],
    };
    sink.runs.push(seen);
  }
  if (suite !== undefined && !seen.suites.includes(suite)) seen.suites.push(suite);
}

/** Gathers each test's CheckResult from its meta into `sink`, and whatever failed outside a check as an error. */
export function collector(sink: SuiteRun): Reporter {
  return {
    onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandled) {
      for (const module of modules) {
        for (const error of module.errors()) sink.errors.push(`${module.moduleId}: ${error.message}`);
        for (const test of module.children.allTests()) {
          const { check, declared, clientVersion, run } = test.meta();
          if (clientVersion !== undefined) sink.clientVersion = clientVersion;
          if (run) recordRun(sink, run, check?.suite);
          if (check) {
            sink.checks.push(check);
            continue;
          }
          // Checks left out of the run never ran; one that died before recording its result counts as failed.
          if (test.result().state === 'skipped') continue;
          const reason =
            test
              .result()
              .errors?.map((e) => e.message)
              .join('; ') ?? `test ${test.result().state}`;
          if (declared) sink.checks.push({ ...declared, status: 'failed', cases: 0, reason });
          else sink.errors.push(`${test.fullName}: ${reason}`);
        }
      }
      for (const error of unhandled) sink.errors.push(error.message);
    },
  };
}

/**
 * vitest keeps each suite module as transformed, by its content's hash, so a run does not
 * transform them again (half a second or more of every run's start); only where the package is writable.
 */
function moduleCache(): { experimental?: { fsModuleCache: true; fsModuleCachePath: string } } {
  try {
    accessSync(PACKAGE_ROOT, constants.W_OK);
  } catch {
    return {};
  }
  return {
    experimental: {
      fsModuleCache: true,
      fsModuleCachePath: join(PACKAGE_ROOT, 'node_modules', '.vitest-module-cache'),
    },
  };
}

const suiteRank = (s: SuiteName) => SUITES.indexOf(s);

/**
 * Young-generation room for the workers, which read it when they start: a run makes and drops
 * short-lived objects by the million, and with V8's default semi-space a default run spent about
 * 1.5 s of CPU in 250 scavenges; with 64 MB, under 0.9 s in about 120.
 */
const WORKER_SEMI_SPACE_MB = 64;

export async function runSuites(options: SuiteRunOptions): Promise<SuiteRun> {
  const { startVitest } = await import('vitest/node');
  setFlagsFromString(`--max-semi-space-size=${WORKER_SEMI_SPACE_MB}`);
  process.env[CONFIG_ENV] = JSON.stringify(options.config);
  const sink: SuiteRun = { checks: [], errors: [], runs: [] };
  const progress =
    options.progress && options.progress.mode !== 'off'
      ? progressReporter(options.progress.client, options.progress.mode)
      : undefined;
  const reporters: (Reporter | [string, object])[] = [collector(sink), ...(progress ? [progress] : [])];
  if (options.shard)
    reporters.push(['blob', { outputFile: resolve(BLOB_DIR, `blob-${options.shard.replace('/', '-')}.json`) }]);
  const files = options.suites.map((s) => `suites/${s}.test.ts`);
  // The live line is erased however the run ends, so nothing is left over the report or an error.
  try {
    const vitest = await startVitest(
      'test',
      options.mergeReports ? [] : files,
      {
        root: PACKAGE_ROOT,
        config: false,
        watch: false,
        include: ['suites/**/*.test.ts'],
        reporters: reporters as never,
        testTimeout: 0,
        pool: 'threads',
        isolate: false,
        maxWorkers: options.config.concurrency,
        hookTimeout: 120_000,
        ...moduleCache(),
        ...(options.shard && { shard: options.shard }),
        ...(options.mergeReports && { mergeReports: options.mergeReports }),
      },
      {},
    );
    await vitest?.close();
  } finally {
    progress?.stop();
  }
  sink.checks.sort(
    (a, b) =>
      suiteRank(a.suite) - suiteRank(b.suite) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) ||
      (a.title < b.title ? -1 : 1),
  );
  return sink;
}
