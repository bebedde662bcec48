/**
 * boto3, kept warm: examples/python-boto3/get_status_client.py speaks the persistent protocol
 * (docs/ADAPTERS.md) over one boto3 session reused between cases. An error botocore reports as
 * such is an answer; any other exception escapes it as a Python traceback, read as a crash.
 */
import { fileURLToPath } from 'node:url';
import type { ClientAdapter } from '../harness/index.ts';
import { builtInClientEnvironment } from './client-environment.ts';
import { programOutput } from './installed-program.ts';
import { LineProcesses } from './line-processes.ts';
import { persistentClient } from './persistent.ts';
import { ClientNotInstalled } from './real-client.ts';

export const BOTO3_PROGRAM = fileURLToPath(new URL('../examples/python-boto3/get_status_client.py', import.meta.url));
const LABEL = 'boto3 (get_status_client.py)';

/** The interpreter's own path, so the processes start it directly (a pyenv shim costs a shell per start). */
const PROBE = 'import sys, boto3; print(sys.executable)';

/** The python3 on PATH that can import boto3. */
export async function boto3Python(): Promise<string> {
  const python = await programOutput('python3', ['-c', PROBE]);
  if (!python)
    throw new ClientNotInstalled("boto3 not found: python3 cannot import boto3; install it with 'pip install boto3'");
  return python;
}

let warm: ClientAdapter | undefined;

const adapter: ClientAdapter = {
  name: 'boto3',
  transport: 'loopback',
  stops: 'budget',
  async setup() {
    const processes = new LineProcesses({
      program: await boto3Python(),
      args: [BOTO3_PROGRAM],
      env: builtInClientEnvironment(),
      label: LABEL,
    });
    warm = persistentClient({ name: 'boto3' }, processes, LABEL);
    await warm.setup!();
    adapter.version = warm.version;
  },
  getStatus: (request, context) => {
    if (!warm) throw new Error('boto3: setup() was not called');
    return warm.getStatus(request, context);
  },
  teardown: async () => {
    await warm?.teardown?.();
  },
};

export default adapter;
