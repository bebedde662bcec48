/**
 * GS-SAFE-004 for a process client tests the client's own give-up, never the tool's kill: a
 * command told its budget must fail the call before a stalled server answers; a command told
 * nothing is skipped with the reason, never passed.
 */
import { expect, test } from 'vitest';
import type { Report } from '../../run/report.ts';
import { runTool } from '../run-tool.ts';

const CLI = 'node tests/harness/clients/fake-cli.mjs get-status --job-id {jobId} --endpoint-url {endpoint}';

async function giveUp(command: string, args: string[] = []): Promise<Report['checks'][number]> {
  const run = await runTool([
    '--adapter',
    'command',
    '--command',
    command,
    ...args,
    '--check',
    'GS-SAFE-004',
    '--runs',
    '3',
    '--no-shrink',
    '--reporter',
    'json',
  ]);
  if (!run.stdout.startsWith('{')) throw new Error(`the run did not report (exit ${run.code}): ${run.stderr.trim()}`);
  const report = JSON.parse(run.stdout) as Report;
  return report.checks.find((c) => c.id === 'GS-SAFE-004')!;
}

test.concurrent.each([
  {
    name: 'told its budget and honouring it: passes',
    command: `${CLI} --timeout-ms {timeoutMs}`,
    check: { status: 'passed' },
  },
  {
    name: 'told its budget and ignoring it: fails, waiting past the budget',
    command: `${CLI} --ignored {timeoutSeconds}`,
    check: {
      status: 'failed',
      reason: expect.stringMatching(/^the client went on waiting for the stalled server past its 1000 ms budget/),
    },
  },
  {
    name: 'told nothing: skipped, with how to tell it',
    command: CLI,
    check: {
      status: 'skipped',
      reason: expect.stringContaining('put {timeoutMs} or {timeoutSeconds} in --command (or use --adapter persistent)'),
    },
  },
  {
    name: 'labelled with --name and told nothing: skipped, still with how to tell it',
    command: CLI,
    args: ['--name', 'my-cli'],
    check: {
      status: 'skipped',
      reason: expect.stringContaining('put {timeoutMs} or {timeoutSeconds} in --command (or use --adapter persistent)'),
    },
  },
])('a command $name', async ({ command, args, check }) => {
  expect(await giveUp(command, args)).toMatchObject(check);
});
