/**
 * Client programs kept running between cases: one JSON message per line in on stdin, one JSON
 * answer per line out on stdout, one request at a time per process. The first line a process
 * prints says it is ready (`{"ready": true, "version": "..."}`). A process that crashes, stays
 * silent past its case, or prints something that is not an answer is stopped, and the next case
 * gets a fresh one, so one bad case never spoils the next.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { ClientCrashed } from '../harness/outcome.ts';
import { parseClientJson } from './client-json.ts';
import { crashFromTrace } from './crash-trace.ts';

/** More than any answer (a 1 MB manifest in JSON and in text): a client printing without end is stopped. */
const MAX_LINE_BYTES = 16 * 1024 * 1024;
/** The stderr kept to explain a crash. */
const STDERR_TAIL_BYTES = 64 * 1024;
/** How long a process may take to exit once its input ends, at the end of a run. */
const EXIT_GRACE_MS = 1_000;
/** Longest a program may take to say it is ready (an interpreter importing an SDK on a loaded machine). */
const READY_TIMEOUT_MS = 30_000;

export interface LineProgram {
  program: string;
  args: string[];
  env: Record<string, string | undefined>;
  cwd?: string;
  /** How messages name it: `the client (my_client.py)`. */
  label: string;
}

export type Answer = Record<string, unknown>;

const firstLine = (text: string) => text.trim().split('\n')[0].slice(0, 200);
const lastLine = (text: string) => text.trim().split('\n').pop()?.slice(0, 200) ?? '';

class LineProcess {
  readonly #child: ChildProcess;
  readonly #label: string;
  #buffered: Buffer[] = [];
  #bufferedBytes = 0;
  #stderr = '';
  #waiting?: { resolve(line: string): void; reject(error: Error): void };
  #ended?: Error;
  readonly exited: Promise<void>;

  constructor({ program, args, env, cwd, label }: LineProgram) {
    this.#label = label;
    // Its own process group, so that stopping it also stops what it started (a shell's children).
    this.#child = spawn(program, args, { env, cwd, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    this.exited = new Promise((done) => this.#child.once('close', () => done()));
    this.#child.stdout!.on('data', (chunk: Buffer) => this.#read(chunk));
    this.#child.stderr!.on('data', (chunk: Buffer) => {
      this.#stderr = (this.#stderr + chunk.toString('utf8')).slice(-STDERR_TAIL_BYTES);
    });
    // A process that exits stops reading: a write then fails, and the exit explains it.
    this.#child.stdin!.on('error', () => {});
    this.#child.once('error', (error) => this.#end(new ClientCrashed(`could not start ${label}: ${error.message}`)));
    this.#child.once('close', (exitCode, signal) => this.#end(this.#exitError(exitCode, signal)));
  }

  get alive(): boolean {
    return this.#ended === undefined;
  }

  #exitError(exitCode: number | null, signal: NodeJS.Signals | null): Error {
    if (signal !== null)
      return new ClientCrashed(
        `${this.#label} died from ${signal}${this.#stderr.trim() ? `: ${JSON.stringify(lastLine(this.#stderr))}` : ''}`,
      );
    const trace = crashFromTrace(this.#stderr, exitCode ?? -1);
    if (trace) return trace;
    const said = this.#stderr.trim() ? `: ${JSON.stringify(lastLine(this.#stderr))}` : ' and printed nothing on stderr';
    return new ClientCrashed(`${this.#label} exited with status ${exitCode} without answering${said}`);
  }

  #end(error: Error): void {
    if (this.#ended) return;
    this.#ended = error;
    this.#waiting?.reject(error);
    this.#waiting = undefined;
  }

  #read(chunk: Buffer): void {
    let start = 0;
    let newline = chunk.indexOf(10);
    while (newline >= 0) {
      const line = Buffer.concat([...this.#buffered, chunk.subarray(start, newline)]).toString('utf8');
      this.#buffered = [];
      this.#bufferedBytes = 0;
      start = newline + 1;
      newline = chunk.indexOf(10, start);
      if (line.trim() === '') continue;
      const waiting = this.#waiting;
      this.#waiting = undefined;
      if (waiting) waiting.resolve(line);
      else {
        this.#end(
          new ClientCrashed(`${this.#label} printed a line nobody asked for: ${JSON.stringify(firstLine(line))}`),
        );
        this.kill();
        return;
      }
    }
    const rest = chunk.subarray(start);
    this.#bufferedBytes += rest.length;
    if (this.#bufferedBytes > MAX_LINE_BYTES) {
      this.#end(
        new ClientCrashed(
          `${this.#label} printed more than ${MAX_LINE_BYTES / 1024 / 1024} MB without a line end and was stopped`,
        ),
      );
      this.kill();
      return;
    }
    if (rest.length > 0) this.#buffered.push(rest);
  }

  /** The next line it prints, as JSON; rejects when it ends first or `signal` aborts. */
  nextAnswer(signal: AbortSignal): Promise<Answer> {
    return new Promise<string>((resolve, reject) => {
      if (this.#ended) return reject(this.#ended);
      if (signal.aborted) return reject(signal.reason);
      const onAbort = () => {
        this.#waiting = undefined;
        this.kill();
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      const done = () => signal.removeEventListener('abort', onAbort);
      this.#waiting = {
        resolve: (line) => {
          done();
          resolve(line);
        },
        reject: (error) => {
          done();
          reject(error);
        },
      };
    }).then((line) => {
      let answer: unknown;
      try {
        answer = parseClientJson(line);
      } catch {
        throw this.#malformed(`printed ${JSON.stringify(firstLine(line))}, which is not JSON`);
      }
      if (typeof answer !== 'object' || answer === null || Array.isArray(answer))
        throw this.#malformed(`printed ${JSON.stringify(firstLine(line))}, not a JSON object`);
      return answer as Answer;
    });
  }

  #malformed(what: string): ClientCrashed {
    const error = new ClientCrashed(`${this.#label} ${what}`);
    this.#end(error);
    this.kill();
    return error;
  }

  send(message: object): void {
    this.#stderr = '';
    this.#child.stdin!.write(`${JSON.stringify(message)}\n`);
  }

  /** End its input, the sign to exit; a process still running after `graceMs` is killed. */
  async finish(graceMs: number): Promise<void> {
    this.#child.stdin!.end();
    const timer = setTimeout(() => this.kill(), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  kill(): void {
    if (this.#child.exitCode !== null || this.#child.signalCode !== null) return;
    try {
      process.kill(-this.#child.pid!, 'SIGKILL');
    } catch {
      this.#child.kill('SIGKILL');
    }
  }
}

/** Processes of one program, started as cases need them; each serves one case at a time. */
export class LineProcesses {
  readonly #program: LineProgram;
  readonly #idle: LineProcess[] = [];
  readonly #all = new Set<LineProcess>();
  #nextId = 1;
  #closed = false;

  constructor(program: LineProgram) {
    this.#program = program;
  }

  /** Start one process and wait for its ready line (kept for the first case): what it said besides `ready`. */
  async start(): Promise<Answer> {
    const controller = new AbortController();
    const timer = setTimeout(
      () =>
        controller.abort(
          new ClientCrashed(`${this.#program.label} did not print its ready line within ${READY_TIMEOUT_MS / 1000} s`),
        ),
      READY_TIMEOUT_MS,
    );
    try {
      const [process, ready] = await this.#open(controller.signal);
      this.#idle.push(process);
      return ready;
    } finally {
      clearTimeout(timer);
    }
  }

  async #open(signal: AbortSignal): Promise<[LineProcess, Answer]> {
    const process = new LineProcess(this.#program);
    this.#all.add(process);
    void process.exited.then(() => this.#all.delete(process));
    const ready = await process.nextAnswer(signal).catch((error: unknown) => {
      process.kill();
      throw error;
    });
    if (ready.ready !== true) {
      process.kill();
      throw new ClientCrashed(
        `${this.#program.label} must first print {"ready": true}, but printed ${JSON.stringify(ready).slice(0, 200)}`,
      );
    }
    return [process, ready];
  }

  /**
   * Send one message (its `id` added) and read the answer with that id. A process that fails the
   * exchange is stopped; the error says what it did (a ClientCrashed, or the signal's reason).
   */
  async call(message: object, signal: AbortSignal): Promise<Answer> {
    if (this.#closed) throw new Error('the client processes were stopped');
    let process = this.#idle.pop();
    while (process && !process.alive) process = this.#idle.pop();
    process ??= (await this.#open(signal))[0];
    const id = this.#nextId++;
    process.send({ id, ...message });
    const answer = await process.nextAnswer(signal);
    if (answer.id !== id) {
      process.kill();
      throw new ClientCrashed(
        `${this.#program.label} answered with id ${JSON.stringify(answer.id)} where ${id} was asked`,
      );
    }
    if (this.#closed) process.kill();
    else this.#idle.push(process);
    return answer;
  }

  /** End every process's input, kill what still runs a second later, and wait until all are gone. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#idle.length = 0;
    await Promise.all([...this.#all].map((p) => p.finish(EXIT_GRACE_MS)));
  }
}
