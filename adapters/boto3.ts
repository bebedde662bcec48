/**
 * boto3, through a small program of the project's own (boto3_client.py) run per case over
 * loopback. The program prints what `get_status` returned as JSON, CreationDate as Python's
 * isoformat(), read back here into a Date that keeps that text. An error botocore reports as
 * such is an answer the program prints; any other exception escapes it as a Python traceback,
 * read here as a crash.
 */
import { fileURLToPath } from 'node:url';
import { parseTimestamp, type AdapterResult, type ClientAdapter } from '../spec/index.ts';
import { ClientCrashed } from '../harness/index.ts';
import { parseClientJson } from './client-json.ts';
import { crashFromTrace } from './crash-trace.ts';
import { ClientProcesses, type Finished } from './client-process.ts';
import { programOutput } from './installed-program.ts';
import { ClientNotInstalled } from './real-client.ts';

const PROGRAM = fileURLToPath(new URL('./boto3_client.py', import.meta.url));
const INSTALL = "install it with 'pip install boto3'";

/** The service error (or the exception) the program reported. */
export class Boto3Error extends Error {
  override name = 'Boto3Error';
  constructor(
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

const firstLine = (text: string) => text.trim().split('\n')[0].slice(0, 200);

/** Prints the interpreter's path, so later cases start it directly (a pyenv shim costs a shell per case), then the versions. */
const PROBE = 'import sys, boto3, botocore; print(sys.executable); print(f"boto3/{boto3.__version__} botocore/{botocore.__version__} Python/{sys.version.split()[0]}")';

const lastLine = (text: string) => text.trim().split('\n').pop()?.slice(0, 200) ?? '';

function readAnswer({ stdout, stderr, exitCode }: Finished): Record<string, unknown> {
  let answer: unknown;
  try {
    answer = parseClientJson(stdout);
  } catch {
    const said = stdout.trim() !== '' ? firstLine(stdout) : lastLine(stderr);
    throw new ClientCrashed(`boto3_client.py exited ${exitCode} without a JSON answer: ${JSON.stringify(said)}`);
  }
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) {
    throw new ClientCrashed(`boto3_client.py printed ${JSON.stringify(firstLine(stdout))}, not a JSON object`);
  }
  return answer as Record<string, unknown>;
}

const processes = new ClientProcesses();
let python: string | undefined;

const adapter: ClientAdapter = {
  name: 'boto3',
  transport: 'loopback',

  async setup() {
    const probe = await programOutput('python3', ['-c', PROBE]);
    const [executable, version] = probe?.split('\n') ?? [];
    if (!executable || !version) throw new ClientNotInstalled(`boto3 not found: python3 cannot import boto3; ${INSTALL}`);
    python = executable;
    adapter.version = version;
  },

  async getStatus(request, context): Promise<AdapterResult> {
    if (python === undefined) throw new ClientCrashed('boto3: setup() was not called, so no python3 with boto3 was found');
    const args = [PROGRAM, '--endpoint-url', context.endpoint, `--job-id=${request.jobId}`];
    if (request.apiVersion !== undefined) args.push(`--api-version=${request.apiVersion}`);
    const finished = await processes.run(python, args, context);
    if (finished.signal !== null) throw new ClientCrashed(`boto3_client.py died from ${finished.signal}`);
    const crash = crashFromTrace(finished.stderr, finished.exitCode ?? -1);
    if (crash) throw crash;
    if (finished.exitCode !== 0 && finished.exitCode !== 1) {
      throw new ClientCrashed(`boto3_client.py exited ${finished.exitCode}: ${JSON.stringify(lastLine(finished.stderr))}`);
    }
    const answer = readAnswer(finished);
    if (finished.exitCode === 1) {
      const error = (answer.error ?? {}) as { code?: unknown; message?: unknown };
      throw new Boto3Error(typeof error.code === 'string' ? error.code : undefined, typeof error.message === 'string' ? error.message : '');
    }
    if (typeof answer.CreationDate === 'string') answer.CreationDate = parseTimestamp(answer.CreationDate) ?? answer.CreationDate;
    return { output: answer as AdapterResult['output'] };
  },

  teardown: () => processes.killAll(),
};

export default adapter;
