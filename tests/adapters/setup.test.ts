/**
 * What a real-client adapter says when its client is missing or is the wrong version: one line
 * that names the client and how to install it. Run against a PATH of fake programs.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { loadAdapter } from '../../adapters/index.ts';
import { awsCliAdapter } from '../../adapters/aws-cli.ts';
import awsCliV1, { AWS_CLI_V1 } from '../../adapters/aws-cli-v1.ts';
import boto3 from '../../adapters/boto3.ts';
import { ClientNotInstalled } from '../../adapters/real-client.ts';
import type { ClientAdapter } from '../../harness/index.ts';

let bin: string;
const savedPath = process.env.PATH;

/** A PATH holding only the given programs, each a script that prints `output`. */
function fakePath(programs: Record<string, string>): string {
  rmSync(bin, { recursive: true, force: true });
  bin = mkdtempSync(join(tmpdir(), 'adapter-setup-'));
  for (const [name, output] of Object.entries(programs)) {
    const file = join(bin, name);
    writeFileSync(file, `#!/bin/sh\necho '${output}'\n`);
    chmodSync(file, 0o755);
  }
  return bin;
}

beforeAll(() => {
  bin = mkdtempSync(join(tmpdir(), 'adapter-setup-'));
});
afterEach(() => {
  process.env.PATH = savedPath;
});
afterAll(() => rmSync(bin, { recursive: true, force: true }));

const MISSING: Array<{ adapter: ClientAdapter; programs: Record<string, string>; message: unknown }> = [
  {
    adapter: awsCliV1,
    programs: {},
    message: "AWS CLI v1 not found on PATH besides /usr/bin/aws: install it with 'pip install awscli'",
  },
  {
    adapter: awsCliV1,
    programs: { aws: 'aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64' },
    message: expect.stringMatching(
      /^AWS CLI v1 not found on PATH besides \/usr\/bin\/aws \(found \/.+\/aws: aws-cli\/2\.15\.0\): install it with 'pip install awscli'$/,
    ),
  },
  {
    adapter: boto3,
    programs: {},
    message: "boto3 not found: python3 cannot import boto3; install it with 'pip install boto3'",
  },
];

test.each(MISSING)(
  '$adapter.name with PATH holding $programs: setup fails with one line saying how to install it',
  async ({ adapter, programs, message }) => {
    process.env.PATH = fakePath(programs);
    const failure = await adapter.setup!().then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ClientNotInstalled);
    expect((failure as Error).message).toEqual(message);
    expect((failure as Error).message).not.toContain('\n');
  },
);

test('a v1 found on PATH is used, and its version kept for reports', async () => {
  process.env.PATH = fakePath({ aws: 'aws-cli/1.99.0 Python/3.11.7 Linux/6.1 botocore/1.99.0' });
  const cold = awsCliAdapter(AWS_CLI_V1, 'cold');
  await cold.setup!();
  expect(cold.version).toBe('aws-cli/1.99.0 Python/3.11.7 botocore/1.99.0');
});

test('a v1 that is no Python program (a frozen binary) runs cold: each case runs it', async () => {
  process.env.PATH = fakePath({ aws: 'aws-cli/1.99.0 Python/3.11.7 Linux/6.1 botocore/1.99.0' });
  const cli = awsCliAdapter(AWS_CLI_V1);
  await cli.setup!();
  expect(cli.version).toBe('aws-cli/1.99.0 Python/3.11.7 botocore/1.99.0');
  // The fake prints its version line whatever it is asked: read as the CLI's JSON, that is not JSON.
  const outcome = await cli
    .getStatus(
      { jobId: 'J' },
      {
        endpoint: 'http://127.0.0.1:9/',
        region: 'us-east-1',
        credentials: { accessKeyId: 'A', secretAccessKey: 'S' },
        signal: new AbortController().signal,
        timeoutMs: 2_000,
        wantsText: false,
        fetch,
      },
    )
    .then(
      () => 'resolved',
      (error: Error) => error.message,
    );
  expect(outcome).toBe(
    'the command exited 0, but its stdout is not JSON: "aws-cli/1.99.0 Python/3.11.7 Linux/6.1 botocore/1.99.0"',
  );
  await cli.teardown!();
});

test.each(['aws-sdk-v2', 'aws-cli-v1', 'aws-cli-v2', 'boto3'])(
  'loadAdapter(%j) loads the adapter of that name',
  async (name) => {
    const adapter = await loadAdapter(name);
    expect(adapter.name).toBe(name);
    expect(adapter.transport).toBe('loopback');
  },
);
