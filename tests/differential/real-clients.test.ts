/**
 * Differential tests: over generated valid responses, each real client returns what the reference
 * parse says, and a CLI prints what the reference renders for its style, byte for byte. Where a
 * client departs, the departure is recorded (./deviations.ts) as a deviation: the rule it breaks, an exact
 * model of what the client returns instead, and the smallest response that shows it. A case is
 * explained only when the client's answer equals the modelled one exactly; anything else fails.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { validCase, type ResponseCase } from '../../generators/index.ts';
import { Harness, type CaseResult, type ClientAdapter } from '../../harness/index.ts';
import { loadAdapter } from '../../adapters/index.ts';
import type { GetStatusOutput } from '../../spec/index.ts';
import { describeOutcome, judgeOutcome, judgeText } from '../../suites/judge.ts';
import { caseFromBody } from '../../suites/cases.ts';
import { missingClient, skipWhenMissing } from '../client-availability.ts';
import { DEVIATIONS, type Deviation } from './deviations.ts';

const SEED = Number(process.env.DIFFERENTIAL_SEED ?? 20261129);
/** Cases per client in CI; the CLIs are called twice a case (JSON and text), warm. DIFFERENTIAL_RUNS=N gives every client N. */
const given = process.env.DIFFERENTIAL_RUNS === undefined ? undefined : Number(process.env.DIFFERENTIAL_RUNS);
const CLIENTS = [
  { name: 'aws-sdk-v2', runs: given ?? 1000 },
  { name: 'boto3', runs: given ?? 1000 },
  { name: 'aws-cli-v1', runs: given ?? 400 },
  { name: 'aws-cli-v2', runs: given ?? 400 },
];

const missing = new Map(
  await Promise.all(CLIENTS.map(async ({ name }) => [name, await missingClient(await loadAdapter(name))] as const)),
);

const judge = (c: ResponseCase, result: CaseResult, adapter: ClientAdapter) =>
  adapter.textStyle ? judgeText(c, result, adapter) : judgeOutcome(c, result, adapter);

/**
 * The reference reads every generated valid spelling as botocore does, those the service never sends
 * included (failing on them would be harmless too, GS-TIME-004, GS-PARSE-006): here its reading is required.
 */
function asReferenceReads(c: ResponseCase): ResponseCase {
  return c.expected.outcome === 'fail-or-tolerated' && c.expected.accept.length === 1
    ? { ...c, expected: { outcome: 'output', output: c.expected.accept[0] as GetStatusOutput } }
    : c;
}

/** The case as the client answers it by its model: every deviation that applies, in turn; undefined when none does. */
function deviant(c: ResponseCase, deviations: Deviation[]): ResponseCase | undefined {
  if (c.expected.outcome !== 'output') return undefined;
  let current = c as ResponseCase & { expected: { outcome: 'output' } };
  let applied = false;
  for (const deviation of deviations) {
    const output = deviation.output(current);
    if (output === undefined) continue;
    current = { ...current, expected: { outcome: 'output', output } };
    applied = true;
  }
  return applied ? current : undefined;
}

describe.each(CLIENTS)('$name against the reference', ({ name, runs }) => {
  let adapter: ClientAdapter;
  let harness: Harness;
  const deviations = DEVIATIONS[name] ?? [];
  skipWhenMissing(() => missing.get(name));

  beforeAll(async () => {
    if (missing.get(name)) return;
    adapter = await loadAdapter(name);
    harness = await Harness.start(adapter, { concurrency: 4, timeoutMs: 30_000 });
  }, 60_000);
  afterAll(async () => {
    await harness?.close();
  });

  test(`agrees on ${runs} generated valid responses, apart from its recorded deviations`, {
    timeout: 600_000,
  }, async () => {
    const cases = fc.sample(validCase(), { seed: SEED, numRuns: runs }).map(asReferenceReads);
    const results = await Promise.all(cases.map((c) => harness.runCase(c)));
    const unexplained: string[] = [];
    cases.forEach((c, i) => {
      if (judge(c, results[i], adapter).ok) return;
      const modelled = deviant(c, deviations);
      const explained = modelled !== undefined && judge(modelled, results[i], adapter).ok;
      if (!explained) {
        const verdict = judge(c, results[i], adapter) as { reason: string };
        unexplained.push(
          `${verdict.reason}\n${typeof c.body === 'string' ? c.body : Buffer.from(c.body).toString('utf8')}\n${JSON.stringify(describeOutcome(results[i].outcome))}`,
        );
      }
    });
    // Each entry: the first difference, the response, and what the client did.
    expect(unexplained.slice(0, 3), `${unexplained.length} of ${runs} responses disagree`).toEqual([]);
  });

  test.each(deviations.map((d) => ({ ...d, label: `${d.rule} ${d.summary}` })))(
    'deviation $label: shown by its smallest response',
    async (d) => {
      const c = caseFromBody('valid', d.example);
      const result = await harness.runCase(c);
      expect(judge(c, result, adapter).ok, 'the client now agrees with the reference: drop the deviation').toBe(false);
      expect(judge(deviant(c, [d])!, result, adapter)).toEqual({ ok: true });
    },
  );
});
