/** The clients a run is given, checked before it starts, and each one run in turn into its report. */
import { AdapterLoadError } from '../harness/adapter-shape.ts';
import { BUILT_IN_CLIENTS, loadAdapter, takesCommand, type LoadAdapterOptions } from '../adapters/index.ts';
import type { SuiteConfig } from '../suites/config.ts';
import { OptionError } from './options.ts';
import { buildReport, type Report } from './report.ts';
import { runSuites, type SuiteRunOptions } from './suite-run.ts';

export const ALL_INSTALLED = 'all-installed';

/** The built-in clients whose setup succeeds here; the others are named on stderr, with how to install them. */
async function installedClients(): Promise<string[]> {
  const found: string[] = [];
  for (const name of BUILT_IN_CLIENTS) {
    const adapter = await loadAdapter(name);
    try {
      await adapter.setup?.();
      found.push(name);
    } catch (error) {
      process.stderr.write(`${ALL_INSTALLED}: leaving out ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    } finally {
      await adapter.teardown?.();
    }
  }
  return found;
}

/** Each client in turn, on the same seed and cases: one report each. */
export async function runClients(names: string[], base: Omit<SuiteConfig, 'adapter'>, options: Omit<SuiteRunOptions, 'config'>): Promise<Report[]> {
  const reports: Report[] = [];
  for (const adapter of names) {
    const config: SuiteConfig = { ...base, adapter, ...(!takesCommand(adapter) && { command: undefined, textCommand: undefined }) };
    const result = await runSuites({ ...options, config });
    if (result.checks.length === 0 && result.errors.length === 0) throw new OptionError('no check matched the given --suite/--check/--shard');
    const loaded = await loadAdapter(adapter, takesCommand(adapter) ? config : {});
    reports.push(buildReport(loaded.name, result.clientVersion, config.seed, config.runs, result.checks, result.errors));
  }
  return reports;
}

/** The adapters named, in order, each once; `all-installed` expands in place. Each is loaded once here so a bad one stops the run before anything starts. */
export async function adapterNames(given: string[], options: LoadAdapterOptions): Promise<string[]> {
  const names: string[] = [];
  for (const spec of given.length > 0 ? given : ['reference']) {
    for (const name of spec === ALL_INSTALLED ? await installedClients() : [spec]) if (!names.includes(name)) names.push(name);
  }
  for (const name of names) {
    try {
      const adapter = await loadAdapter(name, takesCommand(name) ? options : {});
      // A persistent client that cannot start is a set-up problem: one line and exit 2, before any case.
      if (name === 'persistent') await adapter.setup?.().finally(() => adapter.teardown?.());
    } catch (error) {
      if (error instanceof AdapterLoadError) throw new OptionError(error.message);
      throw error;
    }
  }
  if (options.command !== undefined && !names.some(takesCommand)) throw new OptionError('--command is only used with --adapter command or persistent; add one of them or drop --command');
  return names;
}
