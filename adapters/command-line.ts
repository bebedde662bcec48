/**
 * A command template as a shell would split it, and its placeholders filled per case. No shell
 * ever runs: each placeholder's value stays one argument, whatever characters it holds.
 */
import { statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import type { GetStatusRequest } from '../spec/index.ts';
import { AdapterLoadError } from '../harness/adapter-shape.ts';
import { DEFAULT_TIMEOUT_MS } from '../harness/defaults.ts';
import { isExecutableFile } from './installed-program.ts';

/** {timeoutMs} and {timeoutSeconds} (rounded up) are the case's time budget, for the client's own timeout. */
export const PLACEHOLDERS = ['jobId', 'endpoint', 'apiVersion', 'timeoutMs', 'timeoutSeconds'] as const;

/** Whether the template tells the client its time budget, so that it can give up by itself (GS-SAFE-004). */
export const toldBudget = (template: string[]) => template.some((arg) => /\{timeout(Ms|Seconds)\}/.test(arg));

/** Split like sh: whitespace separates; '…' is literal; "…" honours \" \\ \$ \`; a backslash outside quotes escapes one character. */
export function splitCommandLine(line: string): string[] {
  const args: string[] = [];
  let current = '';
  let inArg = false;
  let i = 0;
  while (i < line.length) {
    const ch = line[i];
    if (/\s/.test(ch)) {
      if (inArg) args.push(current);
      current = '';
      inArg = false;
      i++;
      continue;
    }
    inArg = true;
    if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unterminated ' in the command: ${line}`);
      current += line.slice(i + 1, end);
      i = end + 1;
    } else if (ch === '"') {
      i++;
      while (i < line.length && line[i] !== '"') {
        if (line[i] === '\\' && i + 1 < line.length && '"\\$`'.includes(line[i + 1])) i++;
        current += line[i++];
      }
      if (i >= line.length) throw new Error(`unterminated " in the command: ${line}`);
      i++;
    } else if (ch === '\\') {
      if (i + 1 < line.length) current += line[i + 1];
      i += 2;
    } else {
      current += ch;
      i++;
    }
  }
  if (inArg) args.push(current);
  return args;
}

const PLACEHOLDER = /\{(jobId|endpoint|apiVersion|timeoutMs|timeoutSeconds)\}/g;
const OPTION_WITH_VALUE = /^-{1,2}[^=\s]+=\{apiVersion\}$/;

/**
 * The argv for one case. Without an apiVersion, an option whose value is `{apiVersion}`
 * (`--api-version {apiVersion}` or `--api-version={apiVersion}`) is left out altogether, so the
 * client is not told to send an empty APIVersion; elsewhere the placeholder becomes ''.
 */
export function commandArgv(
  template: string[],
  request: GetStatusRequest,
  endpoint: string,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): string[] {
  const values: Record<string, string | undefined> = {
    jobId: request.jobId,
    endpoint,
    apiVersion: request.apiVersion,
    timeoutMs: String(timeoutMs),
    timeoutSeconds: String(Math.ceil(timeoutMs / 1000)),
  };
  const argv: string[] = [];
  template.forEach((arg, i) => {
    if (request.apiVersion === undefined) {
      if (OPTION_WITH_VALUE.test(arg)) return;
      if (arg === '{apiVersion}') {
        if (i > 0 && template[i - 1].startsWith('-') && argv.length > 0) argv.pop();
        return;
      }
    }
    // One pass, so a value that itself looks like a placeholder is never expanded again.
    argv.push(arg.replace(PLACEHOLDER, (_, name: string) => values[name] ?? ''));
  });
  return argv;
}

const isFile = (path: string) => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/** Why `program` would not start (not found, or found but not executable), or undefined when it would. */
export function programProblem(program: string): string | undefined {
  const candidates = program.includes('/')
    ? [isAbsolute(program) ? program : resolve(program)]
    : (process.env.PATH ?? '')
        .split(delimiter)
        .filter(Boolean)
        .map((dir) => join(dir, program));
  if (candidates.some(isExecutableFile)) return undefined;
  const found = candidates.find(isFile);
  return found
    ? `program '${program}' is not executable (${found}); make it executable (chmod +x) or run it through its interpreter`
    : `program '${program}' not found; give its full path or put it on PATH`;
}

/** The arguments of a command line the user gave (`what` names it in errors), checked to be non-empty. */
export function userCommandLine(line: string, what: string, example: string): string[] {
  let args: string[];
  try {
    args = splitCommandLine(line);
  } catch (error) {
    throw new AdapterLoadError(`${what}: ${(error as Error).message}`);
  }
  if (args.length === 0) throw new AdapterLoadError(`${what} is empty; e.g. ${example}`);
  return args;
}

/** Stops the run, before any case, when the program (or the script after its interpreter) would not start. */
export function checkStarts(args: string[], what: string): void {
  const problem = programProblem(args[0]) ?? scriptProblem(args);
  if (problem) throw new AdapterLoadError(`${what}: ${problem}`);
}

/** Interpreters whose first argument is the script they run. */
const INTERPRETERS = /^(node|python\d?(\.\d+)?|ruby|perl|php|bash|sh|deno|bun|pwsh|Rscript)$/;

/** Why the script after an interpreter (`ruby get_status.rb`) would not be found, or undefined. */
export function scriptProblem(args: string[]): string | undefined {
  const [program, script] = args;
  const name = program.split('/').pop()!;
  if (
    !INTERPRETERS.test(name) ||
    script === undefined ||
    script.startsWith('-') ||
    script.includes('{') ||
    /^(run|eval)$/.test(script)
  )
    return undefined;
  return isFile(resolve(script))
    ? undefined
    : `the script '${script}' after ${name} was not found from ${process.cwd()}; give its path from there, or an absolute one`;
}
