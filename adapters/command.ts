/**
 * A client in any language, run as a program per case over loopback HTTP: the AWS CLI, or any
 * tool that prints what it prints.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { GetStatusRequest, OutputStyle } from '../spec/index.ts';
import { AdapterLoadError } from '../harness/adapter-shape.ts';
import { ClientCrashed } from '../harness/outcome.ts';
import { readCliError, readCliJson } from './aws-cli-output.ts';
import { checkStarts, commandArgv, toldBudget, userCommandLine } from './command-line.ts';
import { commandEnvironment } from './client-environment.ts';
import { crashFromTrace } from './crash-trace.ts';
import type { AdapterContext, AdapterResult, ClientAdapter } from '../harness/index.ts';

export interface CommandAdapterOptions {
  /** The layout the text command prints (default 'v2'); only with a text template. */
  textStyle?: OutputStyle;
}

function parseTemplate(template: string, what: string): string[] {
  const args = userCommandLine(
    template,
    what,
    `--command 'mycli get-status --job-id {jobId} --endpoint-url {endpoint}'`,
  );
  for (const placeholder of ['{endpoint}', '{jobId}']) {
    if (!args.some((a) => a.includes(placeholder))) {
      throw new AdapterLoadError(
        `${what} has no ${placeholder}; e.g. '... --job-id {jobId} --endpoint-url {endpoint}' so the client asks the harness, never AWS`,
      );
    }
  }
  checkStarts(args, what);
  return args;
}

/** More than any GetStatus answer (a 1 MB manifest, in JSON and text): a client printing without end is stopped here. */
const MAX_PRINTED_BYTES = 16 * 1024 * 1024;

interface Finished {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function commandAdapter(
  template: string,
  textTemplate?: string,
  options: CommandAdapterOptions = {},
): ClientAdapter {
  const jsonArgs = parseTemplate(template, 'the command');
  const textArgs = textTemplate === undefined ? undefined : parseTemplate(textTemplate, 'the text command');
  const live = new Map<ChildProcess, Promise<void>>();

  /** Its own process group, so that killing it also kills whatever it started (a shell's children). */
  function killGroup(child: ChildProcess): void {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  }

  function run(args: string[], request: GetStatusRequest, context: AdapterContext): Promise<Finished> {
    const [program, ...rest] = commandArgv(args, request, context.endpoint, context.timeoutMs);
    return new Promise((resolve, reject) => {
      if (context.signal.aborted) {
        reject(context.signal.reason);
        return;
      }
      const child = spawn(program, rest, {
        env: commandEnvironment(context.credentials, context.region),
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      });
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      let printed = 0;
      const keep = (into: Buffer[], stream: string) => (chunk: Buffer) => {
        printed += chunk.length;
        if (printed <= MAX_PRINTED_BYTES) into.push(chunk);
        else if (printed - chunk.length <= MAX_PRINTED_BYTES) {
          killGroup(child);
          reject(
            new ClientCrashed(
              `the client printed more than ${MAX_PRINTED_BYTES / 1024 / 1024} MB (on ${stream}) and was stopped`,
            ),
          );
        }
      };
      child.stdout!.on('data', keep(stdout, 'stdout'));
      child.stderr!.on('data', keep(stderr, 'stderr'));
      const onAbort = () => killGroup(child);
      context.signal.addEventListener('abort', onAbort, { once: true });
      live.set(child, new Promise((exited) => child.once('exit', () => exited())));
      child.once('exit', () => live.delete(child));
      child.once('error', (error) => {
        context.signal.removeEventListener('abort', onAbort);
        live.delete(child);
        reject(new ClientCrashed(`could not start '${program}': ${error.message}`));
      });
      child.once('close', (exitCode, signal) => {
        context.signal.removeEventListener('abort', onAbort);
        if (context.signal.aborted) {
          reject(context.signal.reason);
          return;
        }
        resolve({
          exitCode,
          signal,
          stdout: Buffer.concat(stdout).toString('utf8'),
          stderr: Buffer.concat(stderr).toString('utf8'),
        });
      });
    });
  }

  function throwIfFailed(finished: Finished): void {
    if (finished.signal !== null) throw new ClientCrashed(`the client process died from ${finished.signal}`);
    if (finished.exitCode !== 0) {
      const exitCode = finished.exitCode ?? -1;
      throw crashFromTrace(finished.stderr, exitCode) ?? readCliError(finished.stderr, exitCode);
    }
  }

  return {
    name: 'command',
    transport: 'loopback',
    // A process is only killed from outside; it can give up by itself only when told its budget.
    stops: toldBudget(jsonArgs) ? 'budget' : 'none',
    ...(textArgs && { textStyle: options.textStyle ?? 'v2' }),
    howTo: {
      text: 'give --text-command (and --text-style v1 or v2) to check it',
      budget:
        'put {timeoutMs} or {timeoutSeconds} in --command (or use --adapter persistent) so the client gives up by itself',
    },
    async getStatus(request, context): Promise<AdapterResult> {
      const [json, text] = await Promise.allSettled([
        run(jsonArgs, request, context),
        textArgs && context.wantsText ? run(textArgs, request, context) : Promise.resolve(undefined),
      ]);
      if (json.status === 'rejected') throw json.reason;
      throwIfFailed(json.value);
      const output = readCliJson(json.value.stdout);
      if (text.status === 'rejected') throw text.reason;
      if (!text.value) return { output: output as AdapterResult['output'] };
      try {
        throwIfFailed(text.value);
      } catch (error) {
        (error as Error).message = `the text command failed: ${(error as Error).message}`;
        throw error;
      }
      return { output: output as AdapterResult['output'], text: text.value.stdout };
    },
    async teardown() {
      for (const child of live.keys()) killGroup(child);
      await Promise.all(live.values());
    },
  };
}
