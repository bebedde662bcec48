/**
 * The persistent clients in examples/ run as docs/ADAPTERS.md tells a user to run them, and
 * judge like the built-in client on the same SDK: on the same seed and runs, the same deviations.
 */
import { expect, test } from 'vitest';
import boto3 from '../../adapters/boto3.ts';
import type { Report } from '../../run/report.ts';
import { missingClient } from '../client-availability.ts';
import { runTool } from '../run-tool.ts';

const boto3Missing = await missingClient(boto3);

const EXAMPLES = [
  {
    example: 'node examples/node-aws-sdk-v2/get-status-client.mjs',
    builtIn: 'aws-sdk-v2',
    version: /^aws-sdk\/2\.\d+\.\d+ Node\.js\/v\d+/,
    needs: undefined,
  },
  {
    example: 'python3 examples/python-boto3/get_status_client.py',
    builtIn: 'boto3',
    version: /^boto3\/1\.\d+\.\d+ botocore\/1\.\d+\.\d+ Python\/3\./,
    needs: boto3Missing,
  },
];

const COMMON = ['--suite', 'parsing,errors', '--runs', '8', '--no-shrink', '--reporter', 'json'];

async function report(args: string[]): Promise<Report> {
  const run = await runTool([...args, ...COMMON], { timeoutMs: 180_000 });
  if (!run.stdout.startsWith('{')) throw new Error(`the run did not report (exit ${run.code}): ${run.stderr.trim()}`);
  return JSON.parse(run.stdout);
}

test.for(EXAMPLES)(
  '$example: runs with --adapter persistent and finds what the built-in $builtIn finds',
  { timeout: 200_000 },
  async ({ example, builtIn, version, needs }, { skip }) => {
    if (needs) skip(needs);
    const [persistent, reference] = await Promise.all([
      report(['--adapter', 'persistent', '--command', example]),
      report(['--adapter', builtIn]),
    ]);
    expect(persistent.version).toMatch(version);
    expect(persistent.checks.filter((c) => c.status === 'skipped')).toEqual([]);
    expect(reference.deviations.length).toBeGreaterThan(0);
    expect(persistent.deviations.map((d) => d.rule)).toEqual(reference.deviations.map((d) => d.rule));
  },
);
