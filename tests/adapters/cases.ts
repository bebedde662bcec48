/**
 * Hand-built cases for the real-client tests. Each case's `expected` is the reference parse of
 * its body (spec/), never anything a client printed; what a client prints is compared with the
 * captured CLI output under fixtures/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Expected, ResponseCase, TransportFault } from '../../generators/case.ts';
import { GetStatusError, parseGetStatusResponse, wireTextOf, type GetStatusOutput } from '../../spec/index.ts';
import type { CaseResult, Harness } from '../../harness/index.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (...path: string[]) => readFileSync(join(ROOT, 'fixtures', ...path), 'utf8');

const NS = 'http://importexport.amazonaws.com/doc/2010-06-01/';

function referenceExpectation(body: string, status: number): Expected {
  try {
    return { outcome: 'output', output: parseGetStatusResponse(body, status) };
  } catch (error) {
    if (error instanceof GetStatusError) return { outcome: 'fail', error: error.toJSON() };
    throw error;
  }
}

/** A case served as `text/xml`, expected to do what the reference does with it. */
export function xmlCase(
  name: string,
  body: string,
  options: { status?: number; jobId?: string; apiVersion?: string; fault?: TransportFault } = {},
): ResponseCase {
  const status = options.status ?? 200;
  const expected = referenceExpectation(body, status);
  return {
    name,
    kind: options.fault ? 'fault' : status === 200 ? (expected.outcome === 'output' ? 'valid' : 'invalid') : 'error',
    request: {
      jobId: options.jobId ?? name,
      ...(options.apiVersion !== undefined && { apiVersion: options.apiVersion }),
    },
    status,
    headers: { 'Content-Type': 'text/xml' },
    body,
    ...(options.fault && { fault: options.fault }),
    expected,
  };
}

/** The reference's output for a case it accepts. */
export function referenceOutput(c: ResponseCase): GetStatusOutput {
  if (c.expected.outcome !== 'output')
    throw new Error(`case ${c.name}: the reference does not accept it (${c.expected.outcome})`);
  return c.expected.output;
}

/** The same output as a 'wire' client holds it: CreationDate as the text received. */
export function wireOutput(output: GetStatusOutput): Record<string, unknown> {
  return output.CreationDate === undefined
    ? { ...output }
    : { ...output, CreationDate: wireTextOf(output.CreationDate) };
}

/** The AWS documentation example, and what the CLIs print for it. */
export const SEED_BODY = fixture('seed', 'response.xml');
export const SEED_TEXT = { v1: fixture('seed', 'expected.v1.text'), v2: fixture('seed', 'expected.v2.text') };
export const SEED_JSON = { v1: fixture('seed', 'expected.v1.json'), v2: fixture('seed', 'expected.v2.json') };
export const seedCase = (name = 'seed', apiVersion?: string) =>
  xmlCase(name, SEED_BODY, { jobId: 'EX1ID', apiVersion });

/** The seed with one member's element replaced (or removed, with `null`). */
export function seedWith(name: string, member: string, element: string | null): ResponseCase {
  const pattern = new RegExp(`<${member}>[\\s\\S]*?</${member}>|<${member}/>`);
  if (!pattern.test(SEED_BODY)) throw new Error(`the seed has no ${member}`);
  return xmlCase(name, SEED_BODY.replace(pattern, element ?? ''), { jobId: 'EX1ID' });
}

/** Responses captured from both real CLIs (fixtures/cli-observed), with their stdout. */
export interface ObservedCase {
  case: ResponseCase;
  hasArtifactList: boolean;
  text: { v1: string; v2: string };
  json: { v1: string; v2: string };
}

export const OBSERVED: ObservedCase[] = readdirSync(join(ROOT, 'fixtures', 'cli-observed'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()
  .map((name) => {
    const body = fixture('cli-observed', name, 'response.xml');
    return {
      case: xmlCase(name, body),
      hasArtifactList: /<ArtifactList\b/.test(body),
      text: { v1: fixture('cli-observed', name, 'v1.text'), v2: fixture('cli-observed', name, 'v2.text') },
      json: { v1: fixture('cli-observed', name, 'v1.json'), v2: fixture('cli-observed', name, 'v2.json') },
    };
  });

export function errorResponseCase(name: string, code: string, message: string, status = 400): ResponseCase {
  const body = `<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>r-${name}</RequestId></ErrorResponse>`;
  return xmlCase(name, body, { status });
}

/** The seed's headers and first 200 bytes, then the connection ends: real-clients.md's `fault_truncate`. */
export const shortBodyCase = () =>
  xmlCase('short-body', SEED_BODY, { jobId: 'EX1ID', fault: { type: 'short-body', sendBytes: 200 } });

/**
 * Start every case at once (the harness bounds the concurrency) and look each result up by
 * case name: out-of-process clients cost about half a second a call.
 */
export function runAll(
  harness: Harness,
  cases: ResponseCase[],
  options: { timeoutMs?: number } = {},
): Map<string, Promise<CaseResult>> {
  const results = new Map<string, Promise<CaseResult>>();
  for (const c of cases) {
    if (results.has(c.name)) throw new Error(`two cases named ${c.name}`);
    const result = harness.runCase(c, options);
    // A result no test awaited (its test failed first) must not become an unhandled rejection.
    result.catch(() => {});
    results.set(c.name, result);
  }
  return results;
}
