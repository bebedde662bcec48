import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Arbitrary } from 'fast-check';
import { fileURLToPath } from 'node:url';
import type { ResponseCase, TransportFault } from '../../generators/case.ts';
import { endpointHandler, type LoopbackServer, startLoopbackServer, type Serving } from '../../harness/index.ts';
import { GetStatusError, parseGetStatusResponse } from '../../spec/index.ts';
import { EXIT, integerOption, UsageError, type Command } from '../command.ts';

const SEED_RESPONSE = fileURLToPath(new URL('../../fixtures/seed/response.xml', import.meta.url));
const FAULT_TYPES = ['reset', 'short-body', 'stall', 'gzip'];

interface StoredCase {
  status?: unknown;
  body?: unknown;
  headers?: unknown;
  request?: unknown;
  fault?: unknown;
}

function readJson(file: string): StoredCase {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`'${file}' is not JSON (${(error as Error).message.split('\n')[0]})`);
  }
}

/** What a correct client does with it: kept on the case only because the type asks for it. */
function expectedOf(status: number, body: string | Uint8Array): ResponseCase['expected'] {
  try {
    return { outcome: 'output', output: parseGetStatusResponse(body, status) };
  } catch (error) {
    if (error instanceof GetStatusError) return { outcome: 'fail', error: error.toJSON() };
    throw error;
  }
}

/**
 * A stored case: a `.xml` body with an optional sibling `.json` `{status, headers, request, fault}`
 * (as `generate` writes them), or a `.json` `{status, body, ...}`. Without a stored request any
 * JobId is accepted.
 */
export function readStoredCase(file: string): { case: ResponseCase; anyJobId: boolean } {
  if (!existsSync(file))
    throw new UsageError(`no such file '${file}'; give a .xml response body or a .json with {status, body}`);
  const sibling = (ext: string) => file.replace(/\.(xml|json)$/i, ext);
  let meta: StoredCase = {};
  let body: string | Uint8Array;
  if (/\.json$/i.test(file)) {
    meta = readJson(file);
    if (typeof meta.body === 'string') body = meta.body;
    else if (existsSync(sibling('.xml'))) body = readFileSync(sibling('.xml'));
    else throw new UsageError(`'${file}' has no string "body" and there is no ${sibling('.xml')} beside it`);
  } else {
    body = readFileSync(file);
    if (existsSync(sibling('.json'))) meta = readJson(sibling('.json'));
  }
  const status = meta.status ?? 200;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 200 || status > 599) {
    throw new UsageError(`'${file}': status must be an HTTP status 200-599, got ${JSON.stringify(status)}`);
  }
  const headers = meta.headers ?? { 'Content-Type': 'text/xml' };
  if (typeof headers !== 'object' || headers === null || Object.values(headers).some((v) => typeof v !== 'string')) {
    throw new UsageError(`'${file}': headers must be an object of strings`);
  }
  const request = meta.request as { jobId?: unknown; apiVersion?: unknown } | undefined;
  if (
    request !== undefined &&
    (typeof request.jobId !== 'string' || (request.apiVersion !== undefined && typeof request.apiVersion !== 'string'))
  ) {
    throw new UsageError(`'${file}': request must be {jobId: string, apiVersion?: string}`);
  }
  const fault = meta.fault as TransportFault | undefined;
  if (fault !== undefined && !FAULT_TYPES.includes((fault as { type?: string }).type ?? '')) {
    throw new UsageError(`'${file}': fault.type must be one of ${FAULT_TYPES.join(', ')}`);
  }
  return {
    case: {
      name: basename(file).replace(/\.(xml|json)$/i, ''),
      kind: fault ? 'fault' : 'valid',
      request: (request as ResponseCase['request'] | undefined) ?? { jobId: '' },
      status,
      headers: headers as Record<string, string>,
      body,
      ...(fault && { fault }),
      expected: expectedOf(status, body),
    },
    anyJobId: request === undefined,
  };
}

/** Generated cases, one per request, from the generators' `validCase()` when they are present. */
async function generatedCases(seed: number): Promise<() => ResponseCase> {
  // Resolved at run time: the generators are built alongside and may not be in this checkout yet.
  const generatorsPath = '../../generators/index.ts';
  let validCase: unknown;
  try {
    ({ validCase } = await import(generatorsPath));
  } catch {
    validCase = undefined;
  }
  if (typeof validCase !== 'function')
    throw new UsageError(
      '--seed needs the generators (generators/index.ts exporting validCase()), which this checkout lacks; use --case FILE',
    );
  const fc = (await import('fast-check')).default;
  const arbitrary = validCase() as Arbitrary<ResponseCase>;
  const BATCH = 1000;
  let batch: ResponseCase[] = [];
  let served = 0;
  return () => {
    // fast-check draws deterministically from the seed; a longer sample repeats the shorter one's prefix.
    if (served % BATCH === 0) batch = fc.sample(arbitrary, { seed, numRuns: served + BATCH }).slice(served);
    return batch[served++ % BATCH];
  };
}

function logLine(
  c: ResponseCase,
  recorded: Parameters<Serving['record']>[0],
  answer: Parameters<Serving['record']>[1],
): string {
  const jobId = recorded.params.JobId?.[0];
  const asked = `${recorded.method} ${recorded.path}${jobId !== undefined ? ` JobId=${JSON.stringify(jobId)}` : ''}`;
  if (answer.error)
    return `${asked} → ${answer.status} ${answer.error.code} (${recorded.problems.map((p) => p.text).join('; ')})`;
  return `${asked} → ${answer.status} ${c.name}${c.fault ? ` with fault ${JSON.stringify(c.fault)}` : ''}`;
}

export const serve: Command = {
  name: 'serve',
  help: `Usage: getstatus-conformance serve [--port N] [--case FILE] [--seed S]

Runs the loopback server the suites use, so any client can be pointed at it:
  aws importexport get-status --job-id EX1ID --endpoint-url http://127.0.0.1:PORT/
Prints 'listening on http://127.0.0.1:PORT', then one line on stderr per request. Ctrl-C stops it.
  --port N     port on 127.0.0.1 (default 0: a free port)
  --case FILE  serve a stored case: a .xml body, with {status, headers, request, fault} from a
               .json of the same name if there is one (as 'generate' writes them), or a .json
               {status, body}; a stored request's JobId and APIVersion are checked
  --seed S     serve generated valid cases, the next one for each request (any JobId accepted)
Default: the documentation example response (fixtures/seed/response.xml), for any JobId.
A request the service would reject (not a form POST of Action=GetStatus, Version=2010-06-01, JobId)
gets the service's ErrorResponse instead.`,
  options: { port: { type: 'string' }, case: { type: 'string' }, seed: { type: 'string' } },
  async run(values) {
    const port = integerOption('port', values.port) ?? 0;
    if (port > 65535) throw new UsageError(`--port must be at most 65535, got ${port}`);
    const seed = integerOption('seed', values.seed);
    if (seed !== undefined && values.case !== undefined) throw new UsageError('give --case or --seed, not both');

    let next: () => { case: ResponseCase; anyJobId: boolean };
    if (seed !== undefined) {
      const draw = await generatedCases(seed);
      next = () => ({ case: draw(), anyJobId: true });
    } else {
      const stored = readStoredCase((values.case as string | undefined) ?? SEED_RESPONSE);
      next = () => stored;
    }

    const closing = new AbortController();
    const serving = (): Serving => {
      const { case: c, anyJobId } = next();
      return {
        case: c,
        anyJobId,
        signal: closing.signal,
        record: (recorded, answer) => process.stderr.write(`${logLine(c, recorded, answer)}\n`),
        serveFailed: (reason) => process.stderr.write(`${reason}\n`),
      };
    };
    let server: LoopbackServer;
    try {
      server = await startLoopbackServer((origin) => [endpointHandler(origin, serving)], port);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' || code === 'EACCES')
        throw new UsageError(`cannot listen on 127.0.0.1:${port} (${code}); give another --port, or 0 for a free one`);
      throw error;
    }
    process.stdout.write(`listening on ${server.origin}\n`);
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        resolve();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    closing.abort();
    await server.close();
    return EXIT.ok;
  },
};
