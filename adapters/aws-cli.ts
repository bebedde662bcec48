/**
 * An AWS CLI as a client: `aws importexport get-status` run per case over loopback, once with
 * `--output json` (read as the output) and once with `--output text` (kept as the text), at the
 * same time. Its stdout and stderr are read by the harness's AWS CLI readers, as for the
 * `command` adapter; the process is started here because the CLI needs an environment of its
 * own (no config file, no retries, a fixed locale) that the command adapter does not set.
 */
import { Timestamp, type AdapterContext, type ClientAdapter, type AdapterResult, type GetStatusRequest, type OutputStyle } from '../spec/index.ts';
import { ClientCrashed } from '../harness/index.ts';
import { readCliError, readCliJson } from './aws-cli-output.ts';
import { crashFromTrace } from './crash-trace.ts';
import { ClientProcesses, type Finished } from './client-process.ts';
import { programOutput } from './installed-program.ts';
import { ClientNotInstalled } from './real-client.ts';

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

/** Below the harness's default case timeout, so that a silent server is the CLI's read timeout. */
const TIMEOUTS = ['--cli-read-timeout', '5', '--cli-connect-timeout', '5'];

export function awsCliArgs(request: GetStatusRequest, endpoint: string, output: 'json' | 'text', extra: string[] = []): string[] {
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
    ...TIMEOUTS,
    ...extra,
  ];
}

export function awsCliAdapter(options: AwsCliOptions): ClientAdapter {
  const processes = new ClientProcesses();
  let program: string | undefined;

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
    if (options.creationDate === 'wire' && output.CreationDate instanceof Timestamp) output.CreationDate = output.CreationDate.wire;
    return output as AdapterResult['output'];
  }

  const adapter: ClientAdapter = {
    name: options.name,
    transport: 'loopback',
    textStyle: options.textStyle,
    creationDate: options.creationDate,

    async setup() {
      const versions: string[] = [];
      for (const candidate of options.candidates()) {
        const version = await programOutput(candidate, ['--version']);
        if (version?.startsWith(`aws-cli/${options.major}.`)) {
          program = candidate;
          // The kernel token describes the machine, not the client: reports stay the same across machines.
          adapter.version = version.split('\n')[0].replace(/ (Linux|Darwin|Windows)\/\S+/, '');
          return;
        }
        versions.push(`${candidate}: ${version?.split(' ')[0] ?? 'does not run'}`);
      }
      const found = versions.length > 0 ? ` (found ${versions.join(', ')})` : '';
      throw new ClientNotInstalled(`AWS CLI v${options.major} not found ${options.lookedAt}${found}: install it with '${options.install}'`);
    },

    async getStatus(request, context: AdapterContext): Promise<AdapterResult> {
      if (program === undefined) throw new ClientCrashed(`${options.name}: setup() was not called, so no AWS CLI was found`);
      const run = (output: 'json' | 'text') => processes.run(program!, awsCliArgs(request, context.endpoint, output, options.extraArgs), context);
      const [json, text] = await Promise.allSettled([run('json'), context.wantsText ? run('text') : undefined]);
      if (json.status === 'rejected') throw json.reason;
      throwIfFailed(json.value);
      const output = readOutput(json.value.stdout);
      if (text.status === 'rejected') throw text.reason;
      if (text.value === undefined) return { output };
      try {
        throwIfFailed(text.value);
      } catch (error) {
        (error as Error).message = `--output text failed where --output json succeeded: ${(error as Error).message}`;
        throw error;
      }
      return { output, text: text.value.stdout };
    },

    teardown: () => processes.killAll(),
  };
  return adapter;
}
