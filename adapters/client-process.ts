/**
 * Client programs run once per case: started with the case's environment, killed when the case
 * ends (its signal aborts) or the adapter is torn down, so no process outlives its case.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { AdapterContext } from '../harness/index.ts';
import { ClientCrashed } from '../harness/outcome.ts';
import { builtInClientEnvironment } from './client-environment.ts';

export interface Finished {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export class ClientProcesses {
  readonly #live = new Map<ChildProcess, Promise<void>>();

  /** Run `program` to completion. Rejects with the signal's reason when the case ends first. */
  run(program: string, args: string[], context: AdapterContext): Promise<Finished> {
    return new Promise((resolve, reject) => {
      if (context.signal.aborted) {
        reject(context.signal.reason);
        return;
      }
      const child = spawn(program, args, {
        env: builtInClientEnvironment(context.credentials, context.region),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      child.stdout!.on('data', (chunk: Buffer) => stdout.push(chunk));
      child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk));
      const onAbort = () => child.kill('SIGKILL');
      context.signal.addEventListener('abort', onAbort, { once: true });
      this.#live.set(child, new Promise((exited) => child.once('close', () => exited())));
      const finish = () => {
        context.signal.removeEventListener('abort', onAbort);
        this.#live.delete(child);
      };
      child.once('error', (error) => {
        finish();
        reject(new ClientCrashed(`could not start '${program}': ${error.message}`));
      });
      child.once('close', (exitCode, signal) => {
        finish();
        if (context.signal.aborted) reject(context.signal.reason);
        else
          resolve({
            exitCode,
            signal,
            stdout: Buffer.concat(stdout).toString('utf8'),
            stderr: Buffer.concat(stderr).toString('utf8'),
          });
      });
    });
  }

  /** Kill whatever still runs and wait until it is gone. */
  async killAll(): Promise<void> {
    const running = [...this.#live];
    for (const [child] of running) child.kill('SIGKILL');
    await Promise.all(running.map(([, exited]) => exited));
  }
}
