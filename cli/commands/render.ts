import { existsSync, readFileSync } from 'node:fs';
import { GetStatusError, parseGetStatusResponse, renderJson, renderText } from '../../spec/index.ts';
import { choiceOption, EXIT, UsageError, type Command } from '../command.ts';

interface StoredResponse {
  status: number;
  body: string | Uint8Array;
}

/** A `.xml` body (status from a sibling `.json` case file, else 200), or a `.json` with `{status, body}`. */
export function readResponseFile(file: string): StoredResponse {
  if (!existsSync(file))
    throw new UsageError(`no such file '${file}'; give a .xml response body or a .json with {status, body}`);
  const sibling = (ext: string) => file.replace(/\.(xml|json)$/i, ext);
  if (/\.json$/i.test(file)) {
    let stored: { status?: unknown; body?: unknown };
    try {
      stored = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new UsageError(`'${file}' is not JSON (${(error as Error).message}); give {status, body} or a .xml body`);
    }
    const status = stored.status ?? 200;
    if (typeof status !== 'number') throw new UsageError(`'${file}': status must be a number`);
    if (typeof stored.body === 'string') return { status, body: stored.body };
    if (existsSync(sibling('.xml'))) return { status, body: readFileSync(sibling('.xml')) };
    throw new UsageError(`'${file}' has no string "body" and there is no ${sibling('.xml')} beside it`);
  }
  const meta = sibling('.json');
  const status = existsSync(meta) ? (JSON.parse(readFileSync(meta, 'utf8')).status ?? 200) : 200;
  return { status, body: readFileSync(file) };
}

export const render: Command = {
  name: 'render',
  help: `Usage: getstatus-conformance render FILE [--format json|text] [--style v1|v2]

Reads a response body and prints the expected client output, as the AWS CLI prints it.
  FILE              a .xml response body (status 200, or the status in a .json of the same name),
                    or a .json file {"status": 200, "body": "<GetStatusResponse>..."}
  --format F        json (default) or text: the AWS CLI --output layout
  --style S         v2 (default): timestamps as AWS CLI v2 prints them (isoformat)
                    v1: timestamps exactly as received, as AWS CLI v1 prints them
For an error response, prints the expected error as JSON and exits 1.`,
  options: { format: { type: 'string' }, style: { type: 'string' } },
  allowPositionals: true,
  async run(values, positionals) {
    const format = choiceOption('format', values.format, ['json', 'text'] as const, 'json');
    const style = choiceOption('style', values.style, ['v1', 'v2'] as const, 'v2');
    if (positionals.length !== 1) throw new UsageError('render takes exactly one FILE; see --help');
    const response = readResponseFile(positionals[0]);
    try {
      const output = parseGetStatusResponse(response.body, response.status);
      process.stdout.write(format === 'json' ? renderJson(output, style) : renderText(output, style));
      return EXIT.ok;
    } catch (error) {
      if (!(error instanceof GetStatusError)) throw error;
      process.stdout.write(`${JSON.stringify({ error }, null, 2)}\n`);
      return EXIT.failed;
    }
  },
};
