/**
 * Telling a client process that crashed from one that failed cleanly, by what its runtime
 * prints for an uncaught exception. A clean failure is the program's own sentence; a crash is
 * the runtime's trace, under the exit status that runtime gives it. The status matters: the AWS
 * CLI with --debug logs a Python traceback for an error it handled, then exits 254 or 255, while
 * Python exits 1 for the exception it could not handle.
 */
import { ClientRaised } from '../harness/outcome.ts';

interface RuntimeTrace {
  runtime: string;
  /** The statuses the runtime exits with after printing its trace; absent: any non-zero status. */
  exitCodes?: readonly number[];
  /** The line naming the uncaught exception, when stderr (as lines) holds this runtime's trace. */
  exception(lines: readonly string[]): string | undefined;
}

function firstMatch(lines: readonly string[], pattern: RegExp): RegExpExecArray | undefined {
  for (const line of lines) {
    const match = pattern.exec(line);
    if (match) return match;
  }
  return undefined;
}

/** `    at fn (file:///x.mjs:2:44)`, `    at node:internal/main/eval_string:51:3 {` */
const NODE_FRAME = /^ {4}at .+:\d+:\d+\)?(?: \{)?$/;
/** `TypeError: ...`, `Error [ERR_X]: ...`, `InvalidJobIdException: ...` */
const NODE_ERROR_LINE = /^[A-Za-z_$][\w$]*(?: \[\w+\])?(?::|$)/;

export const RUNTIME_TRACES: readonly RuntimeTrace[] = [
  {
    runtime: 'Python',
    exitCodes: [1],
    exception(lines) {
      // Chained exceptions print a traceback each; the last one names what escaped.
      const header = lines.lastIndexOf('Traceback (most recent call last):');
      return header < 0 ? undefined : lines.slice(header + 1).find((line) => /^\S/.test(line));
    },
  },
  {
    runtime: 'Go',
    // 2 from the program itself, 1 from `go run` around it.
    exitCodes: [1, 2],
    exception(lines) {
      const start = lines.findIndex((line) => /^(?:panic|fatal error): /.test(line));
      return start >= 0 && lines.slice(start + 1).some((line) => /^goroutine \d+ \[[^\]]+\]:$/.test(line))
        ? lines[start]
        : undefined;
    },
  },
  {
    runtime: 'Node.js',
    // 7: the process's own uncaughtException handler threw.
    exitCodes: [1, 7],
    exception(lines) {
      // Node signs the trace of an exception nothing caught; an error a client caught and logged (console.error(error)) is unsigned.
      if (!lines.some((line) => /^Node\.js v\d+\.\d+\.\d+$/.test(line))) return undefined;
      const frame = lines.findIndex((line) => NODE_FRAME.test(line));
      if (frame < 0) return undefined;
      // Node prints the error's stack after a blank line; a multi-line message runs down to the first frame.
      let start = frame;
      while (start > 0 && lines[start - 1].trim() !== '') start--;
      return start < frame && NODE_ERROR_LINE.test(lines[start]) ? lines[start] : undefined;
    },
  },
  {
    runtime: 'Java',
    exitCodes: [1],
    exception: (lines) => firstMatch(lines, /^Exception in thread "main" (.+)$/)?.[1],
  },
  {
    runtime: 'Ruby',
    exitCodes: [1],
    exception(lines) {
      // `client.rb:12:in 'Hash#fetch': key not found: "GetStatusResult" (KeyError)`; before Ruby 3.4, `fetch' after a backquote.
      const match = firstMatch(lines, /^\S+\.rb:\d+:in [`'][^']*': (.*) \(([A-Z][\w:]*)\)$/);
      return match ? `${match[2]}: ${match[1]}` : undefined;
    },
  },
  {
    runtime: 'Rust',
    exitCodes: [101],
    exception(lines) {
      // Since Rust 1.73 the message follows `panicked at src/main.rs:5:10:` on its own line. The
      // thread id (1.90+) differs per run: left out, so that a report stays the same run to run.
      const start = lines.findIndex((line) => /^thread 'main'(?: \(\d+\))? panicked at /.test(line));
      if (start < 0) return undefined;
      const line = lines[start].replace(/^thread 'main' \(\d+\)/, "thread 'main'");
      return line.endsWith(':') && lines[start + 1] ? `${line} ${lines[start + 1]}` : line;
    },
  },
  {
    runtime: '.NET',
    // On Linux the runtime aborts: SIGABRT, or 134 through a shell; elsewhere other statuses.
    exception: (lines) => firstMatch(lines, /^Unhandled exception\. (.+)$/)?.[1],
  },
];

const MAX_REASON = 200;

/** The runtime whose uncaught-exception trace stderr holds, and the exception's line (cut to 200 characters). */
export function findCrashTrace(stderr: string, exitCode: number): { runtime: string; exception: string } | undefined {
  if (exitCode === 0) return undefined;
  const lines = stderr.split(/\r?\n/);
  for (const trace of RUNTIME_TRACES) {
    if (trace.exitCodes && !trace.exitCodes.includes(exitCode)) continue;
    const line = trace.exception(lines)?.trim();
    if (line)
      return {
        runtime: trace.runtime,
        exception: line.length > MAX_REASON ? `${line.slice(0, MAX_REASON - 1)}…` : line,
      };
  }
  return undefined;
}

/** A process that exited `exitCode` after printing an uncaught-exception trace crashed; otherwise undefined. */
export function crashFromTrace(stderr: string, exitCode: number): ClientRaised | undefined {
  const trace = findCrashTrace(stderr, exitCode);
  return trace && new ClientRaised(trace.exception);
}
