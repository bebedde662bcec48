/**
 * An AWS CLI as a client: `aws importexport get-status` run per case over loopback, once with
 * `--output json` (read as the output, and kept as the JSON it printed) and once with `--output
 * text` (kept as the text), at the same time. Its stdout and stderr are read by the AWS CLI readers, as for the `command`
 * adapter. By default the CLI runs warm: its own driver in a Python process of its own
 * installation, kept between cases (aws_cli_driver.py), printing what `aws` would print; cold,
 * a fresh `aws` process per run. Either way it gets an environment of its own (no config
 * file, no retries, a fixed locale).
 */
import { fileURLToPath } from 'node:url';
import { Timestamp, type GetStatusRequest, type OutputStyle } from '../spec/index.ts';
import { ClientCrashed } from '../harness/outcome.ts';
import { readCliError, readCliJson } from './aws-cli-output.ts';
import { builtInClientEnvironment } from './client-environment.ts';
import { crashFromTrace } from './crash-trace.ts';
import { ClientProcesses, type Finished } from './client-process.ts';
import { programOutput, pythonOf } from './installed-program.ts';
import { LineProcesses } from './line-processes.ts';
import { ClientNotInstalled } from './real-client.ts';
import type { AdapterContext, ClientAdapter, AdapterResult } from '../harness/index.ts';

export interface AwsCliOptions {
  name: string;
  /** The version `aws --version` must report: its output starts with `aws-cli/<major>.`. */
  major: 1 | 2;
  textStyle: OutputStyle;
  creationDate: 'date' | 'wire';
  /** The CLI programs to try, best first (found when `setup` runs). */
  candidates(): string[];
  /** Where it was looked for, for the not-installed message: `AWS CLI v2 not found at /usr/bin/aws`. */
  lookedAt: string;
  /** How to install it, as a command line. */
  install: string;
  /** Arguments only this CLI takes. */
  extraArgs?: string[];
}

/** Where Debian's `awscli` package puts AWS CLI v2. */
export const AWS_CLI_V2_PATH = '/usr/bin/aws';

/**
 * Half the case's budget in whole seconds (at least 1, the CLI's unit), so that a silent server
 * is the CLI's own read timeout, answered before the tool gives up on the case.
 */
const timeouts = (budgetMs: number) => {
  const seconds = String(Math.max(1, Math.floor(budgetMs / 2000)));
  return ['--cli-read-timeout', seconds, '--cli-connect-timeout', seconds];
};

export function awsCliArgs(
  request: GetStatusRequest,
  endpoint: string,
  output: 'json' | 'text',
  budgetMs: number,
  extra: string[] = [],
): string[] {
  return [
    'importexport',
    'get-status',
    // `=`: a job id that starts with '-' must stay a value, not become an option.
    `--job-id=${request.jobId}`,
    '--endpoint-url',
    endpoint,
    ...(request.apiVersion !== undefined ? [`--api-version=${request.apiVersion}`] : []),
    '--output',
    output,
    ...timeouts(budgetMs),
    ...extra,
  ];
}

const DRIVER = fileURLToPath(new URL('./aws_cli_driver.py', import.meta.url));

/** How `aws ARGS` is run: a fresh process each time, or the CLI's driver in a warm process. */
export interface CliRunner {
  run(argv: string[], context: AdapterContext): Promise<Finished>;
  close(): Promise<void>;
}

export function coldCli(program: string): CliRunner {
  const processes = new ClientProcesses();
  return { run: (argv, context) => processes.run(program, argv, context), close: () => processes.killAll() };
}

/** The CLI's driver under `python`; `start` resolves with what `aws --version` prints. */
export function warmCli(python: string): CliRunner & { start(): Promise<string> } {
  const processes = new LineProcesses({
    program: python,
    args: [DRIVER],
    env: builtInClientEnvironment(),
    label: 'the AWS CLI driver (aws_cli_driver.py)',
  });
  return {
    async start() {
      const ready = await processes.start();
      return String(ready.version ?? '');
    },
    async run(argv, context) {
      const answer = await processes.call({ argv }, context.signal);
      if (
        typeof answer.exitCode !== 'number' ||
        typeof answer.stdout !== 'string' ||
        typeof answer.stderr !== 'string'
      ) {
        throw new ClientCrashed(
          `the AWS CLI driver answered ${JSON.stringify(answer).slice(0, 200)}, not {exitCode, stdout, stderr}`,
        );
      }
      return { exitCode: answer.exitCode, signal: null, stdout: answer.stdout, stderr: answer.stderr };
    },
    close: () => processes.close(),
  };
}

/** The kernel token describes the machine, not the client: reports stay the same across machines. */
const clientVersion = (printed: string) => printed.split('\n')[0].replace(/ (Linux|Darwin|Windows)\/\S+/, '');

/** The CLI named by `options`, warm (default) or cold: a process per run. */
export function awsCliAdapter(options: AwsCliOptions, mode: 'warm' | 'cold' = 'warm'): ClientAdapter {
  let runner: CliRunner | undefined;

  function throwIfFailed(finished: Finished): void {
    if (finished.signal !== null) throw new ClientCrashed(`the AWS CLI died from ${finished.signal}`);
    if (finished.exitCode !== 0) {
      const exitCode = finished.exitCode ?? -1;
      // Without --debug the CLI prints no traceback, even for its own bugs (`'GetStatusResult'`, exit 255): a trace is Python failing under it.
      const crash = crashFromTrace(finished.stderr, exitCode);
      if (crash) throw crash;
      const error = readCliError(finished.stderr, exitCode);
      // Without a service error, the CLI's sentence is its first line; botocore may follow it with the raw body (`b'…'`).
      const sentence = finished.stderr.split('\n').find((line) => line.trim() !== '');
      if (error.code === undefined && sentence !== undefined) error.message = sentence.trim();
      throw error;
    }
  }

  function readOutput(stdout: string): AdapterResult['output'] {
    const output = readCliJson(stdout);
    // readCliJson parses CreationDate; a 'wire' CLI printed the text it received, which the Timestamp kept.
    if (options.creationDate === 'wire' && output?.CreationDate instanceof Timestamp)
      output.CreationDate = output.CreationDate.wire;
    return output as AdapterResult['output'];
  }

  const adapter: ClientAdapter = {
    name: options.name,
    transport: 'loopback',
    textStyle: options.textStyle,
    // One CLI prints both layouts in one style.
    jsonStyle: options.textStyle,
    creationDate: options.creationDate,
    // Told its budget through its read and connect timeouts.
    stops: 'budget',

    async setup() {
      const program = await findCli(options);
      adapter.version = clientVersion(program.version);
      // A CLI that is no Python program (the official v2 installer's frozen binary) can only run cold.
      const python = mode === 'warm' ? await pythonOf(program.path) : undefined;
      if (python === undefined) {
        runner = coldCli(program.path);
        return;
      }
      const warm = warmCli(python);
      runner = warm;
      const version = clientVersion(await warm.start());
      if (version !== adapter.version)
        throw new ClientCrashed(
          `${options.name}: the warm driver under ${python} is ${version}, but ${program.path} is ${adapter.version}`,
        );
    },

    async getStatus(request, context: AdapterContext): Promise<AdapterResult> {
      if (runner === undefined)
        throw new ClientCrashed(`${options.name}: setup() was not called, so no AWS CLI was found`);
      const run = (output: 'json' | 'text') =>
        runner!.run(awsCliArgs(request, context.endpoint, output, context.timeoutMs, options.extraArgs), context);
      const [json, text] = await Promise.allSettled([run('json'), context.wantsText ? run('text') : undefined]);
      if (json.status === 'rejected') throw json.reason;
      throwIfFailed(json.value);
      const output = readOutput(json.value.stdout);
      if (text.status === 'rejected') throw text.reason;
      if (text.value === undefined) return { output, json: json.value.stdout };
      try {
        throwIfFailed(text.value);
      } catch (error) {
        (error as Error).message = `--output text failed where --output json succeeded: ${(error as Error).message}`;
        throw error;
      }
      return { output, text: text.value.stdout, json: json.value.stdout };
    },

    teardown: async () => {
      await runner?.close();
    },
  };
  return adapter;
}

/** The first candidate that is this CLI's major version, with what its `--version` printed. */
export async function findCli(options: AwsCliOptions): Promise<{ path: string; version: string }> {
  const versions: string[] = [];
  for (const candidate of options.candidates()) {
    const version = await programOutput(candidate, ['--version']);
    if (version?.startsWith(`aws-cli/${options.major}.`)) return { path: candidate, version };
    versions.push(`${candidate}: ${version?.split(' ')[0] ?? 'does not run'}`);
  }
  const found = versions.length > 0 ? ` (found ${versions.join(', ')})` : '';
  throw new ClientNotInstalled(
    `AWS CLI v${options.major} not found ${options.lookedAt}${found}: install it with '${options.install}'`,
  );
}
