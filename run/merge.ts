/**
 * The blobs of a sharded run, merged into one report. Each shard's results carry the run they
 * belong to (client, label, seed, runs), so the report is labelled from the shards themselves, and
 * shards of different runs, or flags that contradict them, stop the merge instead of mislabelling it.
 */
import { normalize } from 'node:path';
import type { SuiteName } from '../suites/check.ts';
import type { SuiteConfig } from '../suites/config.ts';
import type { RunRecord } from '../suites/define.ts';
import { OptionError } from './options.ts';
import { buildReport, type Report } from './report.ts';
import { runSuites } from './suite-run.ts';

/** What the merge was told of the shards' run; each is checked against the shards when given. */
export type ShardFlags = Partial<RunRecord>;

const flagsOf = (r: Partial<RunRecord>) =>
  [
    r.adapter !== undefined && `--adapter ${r.adapter}`,
    r.name !== undefined && `--name ${r.name}`,
    r.seed !== undefined && `--seed ${r.seed}`,
    `--runs ${r.runs ?? "(each check's default)"}`,
  ]
    .filter(Boolean)
    .join(' ');

/** A module's path may be spelt two ways (`./a.ts`, `a.ts`). */
const sameAdapter = (a: string, b: string) =>
  a === b || (/\.(ts|mts|js|mjs)$/.test(a) && normalize(a) === normalize(b));

function disagreement(run: RunRecord, flags: ShardFlags): string | undefined {
  if (flags.adapter !== undefined && !sameAdapter(flags.adapter, run.adapter))
    return `--adapter ${run.adapter}, not ${flags.adapter}`;
  if (flags.name !== undefined && flags.name !== run.name) return `--name ${run.name}, not ${flags.name}`;
  if (flags.seed !== undefined && flags.seed !== run.seed) return `--seed ${run.seed}, not ${flags.seed}`;
  if (flags.runs !== undefined && flags.runs !== run.runs)
    return `--runs ${run.runs ?? "(each check's default)"}, not ${flags.runs}`;
  return undefined;
}

export async function mergeShards(
  dir: string,
  flags: ShardFlags,
  config: Omit<SuiteConfig, 'adapter'>,
  suites: readonly SuiteName[],
): Promise<Report> {
  const result = await runSuites({
    config: { ...config, adapter: flags.adapter ?? 'reference' },
    suites,
    mergeReports: dir,
  });
  const [run, ...others] = result.runs;
  if (!run)
    throw new OptionError(
      `--merge-reports: the blobs in '${dir}' do not say what run they are of (written by an older version?); run the shards again`,
    );
  if (others.length > 0) {
    const shards = result.runs.map((r) => `${r.suites.join(', ')} ran ${flagsOf(r)}`).join('; ');
    throw new OptionError(`--merge-reports: the blobs are of different runs (${shards}); merge the shards of one run`);
  }
  const wrong = disagreement(run, flags);
  if (wrong !== undefined)
    throw new OptionError(
      `--merge-reports: the shards ran ${wrong} as given; give the shards' own flags, or leave them out to take them from the shards`,
    );
  if (result.checks.length === 0 && result.errors.length === 0)
    throw new OptionError('no check matched the given --suite/--check/--shard');
  return buildReport(run.name, result.clientVersion, run.seed, run.runs, result.checks, result.errors);
}
