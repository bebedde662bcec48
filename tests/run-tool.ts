/** The tool as a user runs it: a child process in the package directory, read by exit code, stdout and stderr. */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function runTool(args: string[], { timeoutMs = 120_000 } = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['cli/bin.js', ...args],
      { cwd: ROOT, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
