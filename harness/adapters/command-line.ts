/**
 * A command template as a shell would split it, and its placeholders filled per case. No shell
 * ever runs: each placeholder's value stays one argument, whatever characters it holds.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import type { GetStatusRequest } from '../../spec/index.ts';

export const PLACEHOLDERS = ['jobId', 'endpoint', 'apiVersion'] as const;

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

const PLACEHOLDER = /\{(jobId|endpoint|apiVersion)\}/g;
const OPTION_WITH_VALUE = /^-{1,2}[^=\s]+=\{apiVersion\}$/;

/**
 * The argv for one case. Without an apiVersion, an option whose value is `{apiVersion}`
 * (`--api-version {apiVersion}` or `--api-version={apiVersion}`) is left out altogether, so the
 * client is not told to send an empty APIVersion; elsewhere the placeholder becomes ''.
 */
export function commandArgv(template: string[], request: GetStatusRequest, endpoint: string): string[] {
  const values: Record<string, string | undefined> = { jobId: request.jobId, endpoint, apiVersion: request.apiVersion };
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

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Whether `program` would start: a path to an executable file, or a name found on PATH. */
export function programExists(program: string): boolean {
  if (program.includes('/')) return isExecutableFile(isAbsolute(program) ? program : resolve(program));
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir !== '' && isExecutableFile(join(dir, program)));
}
