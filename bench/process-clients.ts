/**
 * The bench's out-of-process part: a client that does nothing but start (`cat`), and each
 * built-in process client cold (a fresh process per call) and warm (kept between calls, as the
 * tool runs it), one call at a time, on the same valid cases.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { awsCliAdapter, type AwsCliOptions } from '../adapters/aws-cli.ts';
import { AWS_CLI_V1 } from '../adapters/aws-cli-v1.ts';
import { AWS_CLI_V2 } from '../adapters/aws-cli-v2.ts';
import { BOTO3_PROGRAM, boto3Python } from '../adapters/boto3.ts';
import { builtInClientEnvironment } from '../adapters/client-environment.ts';
import { loadAdapter } from '../adapters/index.ts';
import { LineProcesses } from '../adapters/line-processes.ts';
import { persistentClient } from '../adapters/persistent.ts';
import type { ResponseCase } from '../generators/index.ts';
import { Harness, type ClientAdapter } from '../harness/index.ts';

export interface ProcessBench {
  lines: string[];
}

/**
 * Calls per second of `adapter` over `cases`, `concurrency` at a time, JSON output only, after
 * `warmUp` calls (a warm client makes its SDK client on its first call to an endpoint).
 */
async function callsPerSecond(
  adapter: ClientAdapter,
  cases: ResponseCase[],
  { concurrency = 1, warmUp = 0 } = {},
): Promise<number> {
  const harness = await Harness.start(adapter, { concurrency, timeoutMs: 60_000 });
  try {
    for (const c of cases.slice(0, warmUp)) await harness.runCase(c, { wantsText: false });
    const start = performance.now();
    const results = await Promise.all(cases.map((c) => harness.runCase(c, { wantsText: false })));
    const seconds = (performance.now() - start) / 1000;
    const bad = results.filter((r) => r.outcome.status !== 'resolved');
    if (bad.length > 0)
      throw new Error(
        `${adapter.name}: ${bad.length} of ${cases.length} cases did not resolve (${JSON.stringify(bad[0].outcome).slice(0, 200)})`,
      );
    return cases.length / seconds;
  } finally {
    await harness.close();
  }
}

/** boto3 as it ran before it was kept warm: a fresh process, boto3 imported anew, for every call. */
async function coldBoto3(): Promise<ClientAdapter> {
  const python = await boto3Python();
  const fresh = () =>
    new LineProcesses({ program: python, args: [BOTO3_PROGRAM], env: builtInClientEnvironment(), label: 'boto3' });
  return {
    name: 'boto3-cold',
    transport: 'loopback',
    async getStatus(request, context) {
      const processes = fresh();
      const client = persistentClient({ name: 'boto3-cold' }, processes, 'boto3');
      try {
        await client.setup!();
        return await client.getStatus(request, context);
      } finally {
        await processes.close();
      }
    },
  };
}

const cliPair = (options: AwsCliOptions) => ({
  name: options.name,
  cold: async () => awsCliAdapter(options, 'cold'),
  warm: () => loadAdapter(options.name),
  goal: 20,
});

export async function benchProcessClients(
  cases: ResponseCase[],
  cores: number,
  callsCold: number,
  callsWarm: number,
): Promise<ProcessBench> {
  const lines: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  try {
    writeFileSync(join(dir, 'answer.json'), JSON.stringify({ JobId: 'EX1ID', JobType: 'Import' }));
    // The template must name the endpoint and job id; env passes them and execs cat in the same process.
    const cat = await loadAdapter('command', {
      command: `env ENDPOINT={endpoint} JOB_ID={jobId} cat ${join(dir, 'answer.json')}`,
    });
    const perSecond = await callsPerSecond(cat, cases.slice(0, callsWarm), { concurrency: cores });
    lines.push(
      `a process start alone (\`cat\` through --adapter command) costs ${((1000 * cores) / perSecond).toFixed(1)} ms per case at ${cores} at a time.`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const rows = ['| process client | cold calls/s | warm calls/s | warm ÷ cold | goal |', '|---|---|---|---|---|'];
  const clients = [
    cliPair(AWS_CLI_V1),
    cliPair(AWS_CLI_V2),
    { name: 'boto3', cold: coldBoto3, warm: () => loadAdapter('boto3'), goal: 100 },
  ];
  for (const client of clients) {
    try {
      // The harness calls setup before the first case and teardown after the last.
      const coldRate = await callsPerSecond(await client.cold(), cases.slice(0, callsCold));
      const warm = await client.warm();
      const warmRate = await callsPerSecond(warm, cases.slice(0, callsWarm), { warmUp: 20 });
      const ratio = warmRate / coldRate;
      process.stderr.write(`${client.name}: cold ${coldRate.toFixed(2)}/s, warm ${warmRate.toFixed(1)}/s\n`);
      rows.push(
        `| ${client.name} (${warm.version ?? ''}) | ${coldRate.toFixed(2)} | ${warmRate.toFixed(1)} | ${ratio.toFixed(0)}× | ≥ ${client.goal}× ${ratio >= client.goal ? 'met' : 'NOT met'} |`,
      );
    } catch (error) {
      rows.push(`| ${client.name} | not measured: ${(error as Error).message.split('\n')[0]} | | | |`);
    }
  }
  lines.push(
    `process clients, one call at a time (${callsCold} cold calls; ${callsWarm} warm, after 20 to warm up):`,
    '',
    ...rows,
    '',
  );
  return { lines };
}
