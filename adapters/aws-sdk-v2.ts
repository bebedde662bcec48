/**
 * The npm package `aws-sdk` v2 (`AWS.ImportExport`), in this process.
 *
 * Transport 'loopback', not 'intercept': msw does answer the SDK (it patches the `http.request`
 * the SDK calls), but its interception cannot play transport faults to a node:http client the way
 * a socket does, and the SDK's real behaviour on them is what the suite must show (over a socket it
 * also never settles on a body shorter than its Content-Length, real-clients.md finding 2):
 * - no headers for longer than `httpOptions.timeout`: over a socket the SDK times out;
 *   intercepted the timeout never fires and the SDK resolves once the stall ends.
 * Responses without a fault were answered identically both ways. Loopback only changes where
 * the bytes come from: the SDK still runs in this process.
 *
 * The output is what the SDK resolved, minus ResponseMetadata and nothing else: its deviations
 * (`{}` for a body that is no GetStatus response, NaN for ErrorCount `abc`, `ArtifactList: []`
 * when the element is absent...) are what the suites are here to show.
 */
import { createRequire } from 'node:module';
import type AwsGlobal from 'aws-sdk/global.js';
import type ImportExportClient from 'aws-sdk/clients/importexport.js';
import { IN_PROCESS_TIME_ZONE } from '../harness/time-zone.ts';
import type { GetStatusOutput } from '../spec/index.ts';
import { ClientCrashed } from '../harness/outcome.ts';
import { ClientNotInstalled } from './real-client.ts';
import type { AdapterResult, ClientAdapter } from '../harness/index.ts';

/** Below the harness's default case timeout, so a silent server is the SDK's timeout, not the harness's. */
const HTTP_TIMEOUT_MS = 5000;

interface Sdk {
  AWS: typeof AwsGlobal;
  ImportExport: typeof ImportExportClient;
  version: string;
}

/**
 * Loaded with require, in this order: the SDK's end-of-support notice (stderr, once per process;
 * a conformance run is no place for it) can only be switched off before the SDK's timer fires,
 * and an ESM import of the SDK may let that timer run first.
 */
function loadSdk(): Sdk {
  const require = createRequire(import.meta.url);
  try {
    require('aws-sdk/lib/maintenance_mode_message.js').suppress = true;
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'MODULE_NOT_FOUND') throw error;
    throw new ClientNotInstalled(
      "aws-sdk v2 not found in node_modules: install it with 'npm ci' (it is a devDependency)",
    );
  }
  return {
    AWS: require('aws-sdk/global.js'),
    ImportExport: require('aws-sdk/clients/importexport.js'),
    // Its typings leave out AWS.VERSION.
    version: require('aws-sdk/package.json').version,
  };
}

let sdk: Sdk | undefined;

/** Under vitest's own workers (npm test) the zone is set here; the tool sets it for the whole process (cli/bin.js). */
let savedZone: string | undefined;

const adapter: ClientAdapter = {
  name: 'aws-sdk-v2',
  transport: 'loopback',
  async setup() {
    sdk ??= loadSdk();
    adapter.version = `aws-sdk/${sdk.version} node/${process.version}`;
    savedZone = process.env.TZ;
    process.env.TZ = IN_PROCESS_TIME_ZONE;
  },
  async teardown() {
    if (savedZone === undefined) delete process.env.TZ;
    else process.env.TZ = savedZone;
  },
  async getStatus(request, context): Promise<AdapterResult> {
    if (sdk === undefined) throw new ClientCrashed('aws-sdk-v2: setup() was not called, so the SDK is not loaded');
    const { AWS, ImportExport } = sdk;
    const client = new ImportExport({
      endpoint: context.endpoint,
      region: context.region,
      credentials: new AWS.Credentials(context.credentials.accessKeyId, context.credentials.secretAccessKey),
      maxRetries: 0,
      httpOptions: { timeout: HTTP_TIMEOUT_MS },
    });
    const call = client.getStatus({
      JobId: request.jobId,
      ...(request.apiVersion !== undefined && { APIVersion: request.apiVersion }),
    });
    const abort = () => call.abort();
    if (context.signal.aborted) abort();
    else context.signal.addEventListener('abort', abort, { once: true });
    try {
      const { ResponseMetadata: _metadata, ...output } =
        (await call.promise()) as ImportExportClient.GetStatusOutput & { ResponseMetadata?: unknown };
      return { output: output as GetStatusOutput };
    } finally {
      context.signal.removeEventListener('abort', abort);
    }
  },
};

export default adapter;
