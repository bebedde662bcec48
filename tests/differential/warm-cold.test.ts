/**
 * The AWS CLIs kept warm (adapters/aws_cli_driver.py) print what a fresh `aws` process prints:
 * on generated responses (valid, invalid, service errors, bodies that are no XML error), the
 * same response is played to the warm driver and to a fresh process with the same arguments,
 * and their stdout, stderr and exit status must be equal.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AWS_CLI_V1 } from '../../adapters/aws-cli-v1.ts';
import { AWS_CLI_V2 } from '../../adapters/aws-cli-v2.ts';
import { awsCliArgs, coldCli, findCli, warmCli, type AwsCliOptions, type CliRunner } from '../../adapters/aws-cli.ts';
import { pythonOf } from '../../adapters/installed-program.ts';
import type { Finished } from '../../adapters/client-process.ts';
import { invalidResponse, nonXmlError, serviceError, validCase, type ResponseCase } from '../../generators/index.ts';
import { Harness, type CaseResult, type ClientAdapter } from '../../harness/index.ts';
import { missingClient, skipWhenMissing } from '../client-availability.ts';
import cliV1 from '../../adapters/aws-cli-v1.ts';
import cliV2 from '../../adapters/aws-cli-v2.ts';

const SEED = 20261201;
const RUNS = Number(process.env.WARM_COLD_RUNS ?? 100);

const CLIS: Array<{ options: AwsCliOptions; adapter: ClientAdapter }> = [
  { options: AWS_CLI_V1, adapter: cliV1 },
  { options: AWS_CLI_V2, adapter: cliV2 },
];
const missing = new Map(
  await Promise.all(CLIS.map(async ({ options, adapter }) => [options.name, await missingClient(adapter)] as const)),
);

/** Each response with the output the CLI is asked for: JSON or text, so both printers are compared. */
const cases = fc.sample(
  fc.tuple(
    fc.oneof(validCase(), invalidResponse(), serviceError([]), nonXmlError()),
    fc.constantFrom('json' as const, 'text' as const),
  ),
  { seed: SEED, numRuns: RUNS },
);

type Printed = Pick<Finished, 'exitCode' | 'stdout' | 'stderr'>;
const printed = ({ exitCode, stdout, stderr }: Finished): Printed => ({ exitCode, stdout, stderr });

describe.each(CLIS)('$options.name: warm equals cold', ({ options }) => {
  skipWhenMissing(() => missing.get(options.name));
  let warm: CliRunner;
  let cold: CliRunner;
  let harness: Harness;
  /** The output the cases being played ask for. */
  let printer: 'json' | 'text' = 'json';
  /** What each case printed, warm and cold, by case name. */
  const seen = new Map<string, { warm: Printed; cold: Printed }>();

  beforeAll(async () => {
    if (missing.get(options.name)) return;
    const program = await findCli(options);
    const python = await pythonOf(program.path);
    if (python === undefined) throw new Error(`no Python found for ${program.path}`);
    const driver = warmCli(python);
    await driver.start();
    warm = driver;
    cold = coldCli(program.path);
    // Both runs of a case ask the same endpoint, which answers every request with the case's response.
    const both: ClientAdapter = {
      name: `${options.name}-warm-and-cold`,
      transport: 'loopback',
      async getStatus(request, context) {
        const argv = awsCliArgs(request, context.endpoint, printer, 10_000, options.extraArgs);
        const w = printed(await warm.run(argv, context));
        const c = printed(await cold.run(argv, context));
        return { output: { warm: w, cold: c } as never };
      },
    };
    harness = await Harness.start(both, { concurrency: 2, timeoutMs: 60_000 });
  }, 60_000);
  afterAll(async () => {
    await harness?.close();
    await warm?.close();
    await cold?.close();
  });

  test(`${RUNS} responses: the same stdout, stderr and exit status`, { timeout: 900_000 }, async () => {
    const results: Array<readonly [ResponseCase, CaseResult]> = [];
    for (const output of ['json', 'text'] as const) {
      printer = output;
      const some = cases.filter(([, o]) => o === output).map(([c]) => c);
      results.push(...(await Promise.all(some.map((c) => harness.runCase(c).then((r) => [c, r] as const)))));
    }
    const differing: string[] = [];
    for (const [c, { outcome }] of results) {
      expect(outcome.status, `${c.name}: ${JSON.stringify(outcome)}`).toBe('resolved');
      const { warm: w, cold: k } = (outcome as { output: { warm: Printed; cold: Printed } }).output;
      seen.set(c.name, { warm: w, cold: k });
      if (JSON.stringify(w) !== JSON.stringify(k))
        differing.push(`${c.name}\nwarm: ${JSON.stringify(w)}\ncold: ${JSON.stringify(k)}`);
    }
    expect(differing, differing.slice(0, 3).join('\n\n')).toEqual([]);
    // The responses reached every path: success, a service error, and the CLI's own failure.
    const statuses = new Set(
      [...seen.values()].map(({ warm: w }) =>
        w.exitCode === 0 ? 'ok' : /An error occurred \(/.test(w.stderr) ? 'service error' : 'other failure',
      ),
    );
    expect([...statuses].sort()).toEqual(['ok', 'other failure', 'service error']);
  });
});
