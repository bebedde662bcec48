/**
 * A client in any language kept running between cases (`--adapter persistent`): the tool sends
 * one GetStatus request per line as JSON and reads one answer per line (docs/ADAPTERS.md has
 * the protocol). One process serves one case at a time; as many run as cases run at once.
 */
import type { GetStatusRequest, OutputStyle } from '../spec/index.ts';
import { parseTimestamp } from '../spec/index.ts';
import { AdapterLoadError } from '../harness/adapter-shape.ts';
import { ClientCrashed, ClientRaised, ClientUnrepresentable } from '../harness/outcome.ts';
import { commandEnvironment } from './client-environment.ts';
import { checkStarts, userCommandLine } from './command-line.ts';
import { LineProcesses, type Answer } from './line-processes.ts';
import type { AdapterContext, AdapterResult, ClientAdapter } from '../harness/index.ts';

/** The protocol's version, sent in every request so a client can refuse one it does not know. */
export const PROTOCOL_VERSION = 1;

/** The service error (or the client's own error) a persistent client reported. */
export class ClientReportedError extends Error {
  override name = 'ClientReportedError';
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

/** One request line, as the client receives it. */
function protocolRequest(request: GetStatusRequest, context: AdapterContext, text: boolean): object {
  return {
    protocol: PROTOCOL_VERSION,
    jobId: request.jobId,
    ...(request.apiVersion !== undefined && { apiVersion: request.apiVersion }),
    endpoint: context.endpoint,
    region: context.region,
    credentials: context.credentials,
    text,
    timeoutMs: context.timeoutMs,
  };
}

const shown = (value: unknown) => JSON.stringify(value)?.slice(0, 200) ?? String(value);

/** What one answer line means: the result, or the error to throw. */
function readProtocolAnswer(
  answer: Answer,
  label: string,
  options: { text: boolean; creationDate: 'date' | 'wire' },
): AdapterResult {
  if ('error' in answer) {
    const error = answer.error as { code?: unknown; message?: unknown } | null;
    if (typeof error !== 'object' || error === null)
      throw new ClientCrashed(`${label} answered with error ${shown(error)}, not {"code", "message"}`);
    const code = typeof error.code === 'string' && error.code !== '' ? error.code : undefined;
    throw new ClientReportedError(typeof error.message === 'string' ? error.message : '', code);
  }
  if ('cannotRepresent' in answer) throw new ClientUnrepresentable(String(answer.cannotRepresent));
  // The call raised what its caller could not handle (an undocumented exception, a recovered panic); the process itself is fine.
  if ('crash' in answer) throw new ClientRaised(String(answer.crash));
  if (!('output' in answer))
    throw new ClientCrashed(
      `${label} answered ${shown(answer)}, which has none of output, error, crash, cannotRepresent`,
    );
  const output = answer.output;
  // An output that is no object is what the call resolved with: the judge says it is no output.
  const result = output as Record<string, unknown>;
  if (options.creationDate === 'date' && typeof result?.CreationDate === 'string')
    result.CreationDate = parseTimestamp(result.CreationDate) ?? result.CreationDate;
  if (!options.text) return { output: result as AdapterResult['output'] };
  if (typeof answer.text !== 'string')
    throw new ClientCrashed(`${label} was asked for text and answered with text ${shown(answer.text)}`);
  return { output: result as AdapterResult['output'], text: answer.text };
}

export interface PersistentAdapterOptions {
  name?: string;
  /** The layout of the `text` the client answers; without it the client is never asked for text. */
  textStyle?: OutputStyle;
  creationDate?: 'date' | 'wire';
}

/** The adapter for a persistent client program; its processes get the environment of the command adapter. */
export function persistentAdapter(command: string, options: PersistentAdapterOptions = {}): ClientAdapter {
  const line = userCommandLine(command, 'the command', `--command 'python3 my_client.py'`);
  checkStarts(line, 'the command');
  const [program, ...args] = line;
  const label = `the client (${program.split('/').pop()})`;
  const processes = new LineProcesses({ program, args, env: commandEnvironment(), label });
  return persistentClient({ ...options, name: options.name ?? 'persistent' }, processes, label);
}

/** An adapter over running processes that speak the protocol: `--adapter persistent`, and boto3. */
export function persistentClient(
  options: PersistentAdapterOptions & { name: string },
  processes: LineProcesses,
  label: string,
): ClientAdapter {
  const creationDate = options.creationDate ?? 'date';
  const adapter: ClientAdapter = {
    name: options.name,
    transport: 'loopback',
    // The request carries the budget; a process is stopped from outside only when the case ends.
    stops: 'budget',
    ...(options.textStyle && { textStyle: options.textStyle }),
    creationDate,
    async setup() {
      let ready: Answer;
      try {
        ready = await processes.start();
      } catch (error) {
        await processes.close();
        throw new AdapterLoadError(`${label} did not start: ${(error as Error).message}`);
      }
      if (typeof ready.version === 'string') adapter.version = ready.version;
    },
    async getStatus(request, context) {
      const text = options.textStyle !== undefined && context.wantsText;
      const answer = await processes.call(protocolRequest(request, context, text), context.signal);
      return readProtocolAnswer(answer, label, { text, creationDate });
    },
    teardown: () => processes.close(),
  };
  return adapter;
}
