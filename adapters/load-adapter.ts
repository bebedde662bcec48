/** Turning what the user named on the command line into an adapter, or one line that says what to do. */
import { existsSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import type { OutputStyle } from '../spec/index.ts';
import { AdapterLoadError, checkAdapter } from '../harness/adapter-shape.ts';
import { rememberAdapterSource } from '../harness/adapter-source.ts';
import { commandAdapter } from './command.ts';
import { PLACEHOLDERS } from './command-line.ts';
import { persistentAdapter } from './persistent.ts';
import { referenceAdapter } from './reference.ts';
import type { ClientAdapter } from '../harness/index.ts';

export interface LoadAdapterOptions {
  /** With 'command': the client's command line template. */
  command?: string;
  /** With 'command': a second template whose stdout is the client's `--output text`. */
  textCommand?: string;
  /** With 'command' and a text command: the layout it prints (default 'v2'). */
  textStyle?: OutputStyle;
  /** The client's label in reports, baselines and kept counterexamples, in place of the adapter's own name (--name). */
  name?: string;
}

/** The adapter under another name; everything else is read through to it, `this` included. */
export const labelled = (adapter: ClientAdapter, name: string | undefined): ClientAdapter =>
  name === undefined || name === adapter.name
    ? adapter
    : Object.create(adapter, { name: { value: name, enumerable: true } });

const MODULE = /\.(ts|mts|js|mjs)$/;

/** The real clients the project ships adapters for, by name; imported only when named (aws-sdk v2 is a development dependency). */
const REAL_CLIENT_MODULES: Record<string, string> = {
  'aws-sdk-v2': './aws-sdk-v2.ts',
  'aws-cli-v1': './aws-cli-v1.ts',
  'aws-cli-v2': './aws-cli-v2.ts',
  boto3: './boto3.ts',
};

/** The adapters that run a program the user names with --command. */
export const takesCommand = (spec: string) => spec === 'command' || spec === 'persistent';

/** The clients built in, by name: what `--adapter all-installed` tries. */
export const BUILT_IN_CLIENTS: readonly string[] = ['reference', ...Object.keys(REAL_CLIENT_MODULES)];

const COMMAND_EXAMPLE = `--command 'mycli get-status --job-id {jobId} --endpoint-url {endpoint}'`;

/** The loaders' own headline above the parser's message. */
const WRAPPER_LINE = /^(Transform failed|Parse failure: Parse failed) with \d+ errors?:$/;

/**
 * One line out of a loader's error: esbuild (tsx), rolldown (vitest) and Node each wrap the
 * parser's message differently, over several lines with code frames.
 */
export function loaderErrorLine(error: unknown): string {
  const text = stripVTControlCharacters(error instanceof Error ? error.message : String(error));
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !WRAPPER_LINE.test(l));
  const line = (lines[0] ?? text.trim()).replace(/^\[[A-Z_]+\]\s*/, '').replace(/^.*?:\d+:\d+: ERROR: /, '');
  const at = /:(\d+):(\d+)/.exec(text);
  return at ? `${line} (line ${at[1]})` : line;
}

function isSyntaxError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return error.name === 'SyntaxError' || /Transform failed|Parse fail|PARSE_ERROR/.test(error.message);
}

async function importAdapterModule(spec: string): Promise<ClientAdapter> {
  const file = resolve(spec);
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new AdapterLoadError(
      `adapter file '${spec}' not found; give a built-in client (${BUILT_IN_CLIENTS.join(', ')}), 'command', or the path of a .ts/.js adapter module`,
    );
  }
  if (!MODULE.test(file))
    throw new AdapterLoadError(
      `adapter file '${spec}' is not a .ts or .js module; its default export must be a ClientAdapter`,
    );
  let module: { default?: unknown };
  try {
    module = await import(pathToFileURL(file).href);
  } catch (error) {
    if (isSyntaxError(error))
      throw new AdapterLoadError(`adapter '${spec}' has a syntax error: ${loaderErrorLine(error)}; fix the file`);
    throw new AdapterLoadError(`adapter '${spec}' failed to load: ${loaderErrorLine(error)}`);
  }
  if (module.default === undefined) {
    throw new AdapterLoadError(
      `adapter '${spec}' has no default export; add export default { name, transport, getStatus(request, context) }`,
    );
  }
  const candidate = module.default;
  // A missing name is filled in from the file: it only labels reports.
  if (typeof candidate === 'object' && candidate !== null && (candidate as { name?: unknown }).name === undefined) {
    (candidate as { name: string }).name = basename(file).replace(MODULE, '');
  }
  checkAdapter(candidate, `adapter '${spec}'`);
  return candidate;
}

/** `'reference'`, `'command'` or `'persistent'` (with `options.command`), a built-in client's name, or the path of a module whose default export is a ClientAdapter. */
export async function loadAdapter(spec: string, options: LoadAdapterOptions = {}): Promise<ClientAdapter> {
  if (!takesCommand(spec) && options.command !== undefined) {
    throw new AdapterLoadError(
      `--command is only used with --adapter command or persistent; add one of them or drop --command`,
    );
  }
  if (spec === 'reference') return labelled(referenceAdapter, options.name);
  if (spec === 'persistent') {
    if (options.command === undefined || options.command.trim() === '') {
      throw new AdapterLoadError(
        `--adapter persistent needs the client's command line: --command 'python3 my_client.py' (docs/ADAPTERS.md has the protocol)`,
      );
    }
    if (options.textCommand !== undefined)
      throw new AdapterLoadError(
        `--text-command is for --adapter command; a persistent client answers its text in the protocol (give --text-style)`,
      );
    const placeholder = PLACEHOLDERS.map((name) => `{${name}}`).find((p) => options.command!.includes(p));
    if (placeholder !== undefined) {
      throw new AdapterLoadError(
        `--adapter persistent takes no placeholders such as ${placeholder}: they belong to --adapter command; a persistent client is started once and gets the job id, endpoint and budget in each JSON request (docs/ADAPTERS.md)`,
      );
    }
    return persistentAdapter(options.command, {
      textStyle: options.textStyle,
      ...(options.name !== undefined && { name: options.name }),
    });
  }
  if (spec === 'command') {
    if (options.command === undefined || options.command.trim() === '') {
      throw new AdapterLoadError(`--adapter command needs the client's command line: ${COMMAND_EXAMPLE}`);
    }
    return labelled(
      commandAdapter(options.command, options.textCommand, { textStyle: options.textStyle }),
      options.name,
    );
  }
  const adapter = labelled(
    await importAdapterModule(
      Object.hasOwn(REAL_CLIENT_MODULES, spec)
        ? fileURLToPath(new URL(REAL_CLIENT_MODULES[spec], import.meta.url))
        : spec,
    ),
    options.name,
  );
  // A worker thread loads its own copy through this module (harness/isolation.ts).
  rememberAdapterSource(adapter, {
    loader: import.meta.url,
    spec: Object.hasOwn(REAL_CLIENT_MODULES, spec) ? spec : resolve(spec),
    options,
  });
  return adapter;
}
