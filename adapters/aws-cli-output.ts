/**
 * Reading what an AWS-CLI-like program printed: its `--output json` stdout as an output object,
 * its stderr as an error code and message.
 */
import { parseTimestamp } from '../spec/index.ts';
import { ClientCrashed } from '../harness/outcome.ts';
import { parseClientJson } from './client-json.ts';

/** A client program that exited non-zero. `code` is the service error code it printed, if any. */
export class CommandFailed extends Error {
  override name = 'CommandFailed';
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

const firstLine = (text: string) => text.trim().split('\n')[0].slice(0, 120);

/**
 * The JSON the AWS CLI prints for GetStatus. Empty stdout is the empty output `{}` (the CLI
 * prints nothing for an empty result). An integer beyond 2^53 comes back as the exact bigint.
 * CreationDate comes back as a Date that keeps its text, whichever CLI style printed it; a
 * value that is no date stays the string it was. JSON that is not an object comes back as it is.
 */
export function readCliJson(stdout: string): Record<string, unknown> {
  if (stdout.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = parseClientJson(stdout);
  } catch {
    throw new ClientCrashed(`the command exited 0, but its stdout is not JSON: ${JSON.stringify(firstLine(stdout))}`);
  }
  // JSON that is no object is what the client resolved with: the judge says it is no output.
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return parsed as Record<string, unknown>;
  const output = parsed as Record<string, unknown>;
  if (typeof output.CreationDate === 'string')
    output.CreationDate = parseTimestamp(output.CreationDate) ?? output.CreationDate;
  return output;
}

/** `An error occurred (Code) when calling the GetStatus operation[ (reached max retries: 0)]: Message`, the message to the end of stderr. */
const AWS_CLI_ERROR = /An error occurred \(([^)]*)\) when calling the \S+ operation(?: \([^)]*\))?: ([\s\S]*)$/;
const ERROR_CODE = /An error occurred \(([^)]*)\)/;

/**
 * The code and message a failed command printed, as the AWS CLI prints them: the code in
 * `An error occurred (Code)`, the message everything after its `: ` (several lines allowed, the
 * final line end dropped). Without that line there is no code, and the message is stderr's last line.
 */
export function readCliError(stderr: string, exitCode: number): CommandFailed {
  // CR LF line ends are a Windows program's only when every line ends so: the AWS CLI prints a message's own CR before its LF.
  const text = /\r\n/.test(stderr) && !/(^|[^\r])\n/.test(stderr) ? stderr.replace(/\r\n/g, '\n') : stderr;
  const full = AWS_CLI_ERROR.exec(text);
  if (full) return new CommandFailed(full[2].replace(/\n$/, ''), full[1], exitCode);
  const code = ERROR_CODE.exec(text);
  if (code) {
    const line = text.slice(code.index).split('\n')[0];
    const colon = line.indexOf(': ');
    return new CommandFailed(colon >= 0 ? line.slice(colon + 2) : line.trim(), code[1], exitCode);
  }
  const last = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .pop();
  return new CommandFailed(
    last ?? `the command exited with status ${exitCode} and printed nothing on stderr`,
    undefined,
    exitCode,
  );
}
