/** The clients a run is given, checked before it starts, and each one run in turn into its report. */
import { AdapterLoadError } from '../harness/adapter-shape.ts';
import { BUILT_IN_CLIENTS, loadAdapter, takesCommand, type LoadAdapterOptions } from '../adapters/index.ts';
import type { SuiteConfig } from '../suites/config.ts';
import { OptionError } from './options.ts';
import { buildReport, type Report } from './report.ts';
import type { ProgressMode } from './progress.ts';
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
      process.stderr.write(
        `${ALL_INSTALLED}: leaving out ${name}: ${error instanceof Error ? error.message : String(error)}\n`,
      );
    } finally {
      await adapter.teardown?.();
    }
  }
  return found;
}

/** A client of the run: what --adapter took, and the label --name gave it. */
export interface ClientSpec {
  adapter: string;
  name?: string;
}

const loadOptions = (client: ClientSpec, options: LoadAdapterOptions): LoadAdapterOptions => ({
  ...(takesCommand(client.adapter) && options),
  ...(client.name !== undefined && { name: client.name }),
});

/** Each client in turn, on the same seed and cases: one report each. */
export async function runClients(
  clients: ClientSpec[],
  base: Omit<SuiteConfig, 'adapter'>,
  options: Omit<SuiteRunOptions, 'config' | 'progress'> & { progress?: ProgressMode },
): Promise<Report[]> {
  const reports: Report[] = [];
  for (const client of clients) {
    const config: SuiteConfig = {
      ...base,
      ...client,
      ...(!takesCommand(client.adapter) && { command: undefined, textCommand: undefined }),
    };
    const loaded = await loadAdapter(client.adapter, loadOptions(client, config));
    const result = await runSuites({
      ...options,
      config,
      progress: { client: loaded.name, mode: options.progress ?? 'off' },
    });
    if (result.checks.length === 0 && result.errors.length === 0)
      throw new OptionError('no check matched the given --suite/--check/--shard');
    reports.push(
      buildReport(loaded.name, result.clientVersion, config.seed, config.runs, result.checks, result.errors),
    );
  }
  return reports;
}

/** The i-th --name labels the i-th --adapter: as many of one as of the other. */
function pairNames(given: string[], names: string[]): ClientSpec[] {
  const adapters = given.length > 0 ? given : ['reference'];
  if (names.length === 0) return adapters.map((adapter) => ({ adapter }));
  if (adapters.includes(ALL_INSTALLED))
    throw new OptionError(
      `--name labels the clients --adapter names one by one; give each client its own --adapter instead of ${ALL_INSTALLED}`,
    );
  const blank = names.find((n) => n.trim() === '' || /[\r\n]/.test(n));
  if (blank !== undefined) throw new OptionError(`--name must be a label on one line, got ${JSON.stringify(blank)}`);
  if (names.length !== adapters.length) {
    throw new OptionError(
      `--name labels each --adapter in order: give one --name per --adapter (${adapters.length} --adapter, ${names.length} --name)`,
    );
  }
  return adapters.map((adapter, i) => ({ adapter, name: names[i] }));
}

/**
 * The clients named, in order, each once; `all-installed` expands in place. Each is loaded once here
 * so a bad one, or two under one name, stop the run before anything starts.
 */
export async function adapterNames(
  given: string[],
  options: LoadAdapterOptions,
  names: string[] = [],
): Promise<ClientSpec[]> {
  const clients: ClientSpec[] = [];
  for (const spec of pairNames(given, names)) {
    const expanded: ClientSpec[] =
      spec.adapter === ALL_INSTALLED ? (await installedClients()).map((adapter) => ({ adapter })) : [spec];
    for (const client of expanded)
      if (!clients.some((c) => c.adapter === client.adapter && c.name === client.name)) clients.push(client);
  }
  const labels: string[] = [];
  for (const client of clients) {
    try {
      const adapter = await loadAdapter(client.adapter, loadOptions(client, options));
      // Reports, baseline entries and kept counterexamples are filed under the name: two would mix.
      if (labels.includes(adapter.name))
        throw new OptionError(`two clients named '${adapter.name}' in one run; give each its own --name`);
      labels.push(adapter.name);
      // A persistent client that cannot start is a set-up problem: one line and exit 2, before any case.
      if (client.adapter === 'persistent') await adapter.setup?.().finally(() => adapter.teardown?.());
    } catch (error) {
      if (error instanceof AdapterLoadError) throw new OptionError(error.message);
      throw error;
    }
  }
  if (options.command !== undefined && !clients.some((c) => takesCommand(c.adapter)))
    throw new OptionError(
      '--command is only used with --adapter command or persistent; add one of them or drop --command',
    );
  return clients;
}
