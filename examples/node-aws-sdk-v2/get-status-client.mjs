#!/usr/bin/env node
/**
 * A persistent GetStatus client on the AWS SDK for JavaScript v2 (`npm install aws-sdk`), for
 * getstatus-conformance's persistent protocol (docs/ADAPTERS.md):
 *
 *   npx getstatus-conformance --adapter persistent --command 'node examples/node-aws-sdk-v2/get-status-client.mjs'
 *
 * It prints one ready line, then answers each request line on stdin with one line on stdout:
 * {"id", "output"} when the call returned, {"id", "error": {"code", "message"}} when it failed.
 * A thrown value that is not an Error is answered as a crash. Nothing else goes to stdout.
 */
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';

const require = createRequire(import.meta.url);
require('aws-sdk/lib/maintenance_mode_message.js').suppress = true;
const AWS = require('aws-sdk/global.js');
const ImportExport = require('aws-sdk/clients/importexport.js');
const { version } = require('aws-sdk/package.json');

/** One client per endpoint, region, credentials and budget: made once, then reused. */
const clients = new Map();
function clientFor({ endpoint, region, credentials, timeoutMs }) {
  const key = JSON.stringify([endpoint, region, credentials, timeoutMs]);
  if (!clients.has(key)) {
    clients.set(
      key,
      new ImportExport({
        endpoint,
        region,
        credentials: new AWS.Credentials(credentials.accessKeyId, credentials.secretAccessKey),
        // One attempt per call; half the budget, so the client gives up on a silent server before the tool gives up on it.
        maxRetries: 0,
        httpOptions: { timeout: timeoutMs / 2, connectTimeout: timeoutMs / 2 },
      }),
    );
  }
  return clients.get(key);
}

/** What JSON would lose, kept visible: an invalid Date or a NaN becomes a string, not null. */
function plain(value) {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) return value.map(plain);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

async function answer(request) {
  const params = { JobId: request.jobId, ...(request.apiVersion !== undefined && { APIVersion: request.apiVersion }) };
  try {
    const { ResponseMetadata, ...output } = await clientFor(request).getStatus(params).promise();
    return { output: plain(output) };
  } catch (error) {
    if (!(error instanceof Error)) return { crash: `threw a non-Error: ${String(error)}` };
    // aws-sdk v2 gives a numeric code (400) for a body that is no XML error.
    return { error: { code: error.code == null ? null : String(error.code), message: error.message ?? '' } };
  }
}

const print = (line) => process.stdout.write(`${JSON.stringify(line)}\n`);
print({ ready: true, version: `aws-sdk/${version} Node.js/${process.version}` });
for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  if (line.trim() === '') continue;
  const request = JSON.parse(line);
  print({ id: request.id, ...(await answer(request)) });
}
