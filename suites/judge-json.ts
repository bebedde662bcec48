/** GS-TEXT-005: the client's `--output json` bytes against what the reference prints for the same response. */
import { renderJson, type GetStatusOutput } from '../spec/index.ts';
import type { ResponseCase } from '../generators/case.ts';
import type { Verdict } from './check.ts';
import { cut, fail, judgeOutcome, outputDifference, PASS, TEXT_LIMIT } from './judge.ts';
import type { ClientAdapter, CaseResult } from '../harness/index.ts';

export function judgeJson(c: ResponseCase, result: CaseResult, adapter: ClientAdapter): Verdict {
  const outcome = judgeOutcome(c, result, adapter);
  if (!outcome.ok || result.outcome.status !== 'resolved') return outcome;
  // Where failing was right too, the JSON is judged against the output the client chose.
  const resolved = result.outcome.output;
  const shown =
    c.expected.outcome === 'output'
      ? c.expected.output
      : c.expected.outcome === 'fail-or-tolerated'
        ? c.expected.accept.find((o) => outputDifference(o, resolved, adapter) === undefined)
        : undefined;
  // The reference prints no null and no integer beyond 2^53: such a case is judged on its output alone.
  if (!shown || Object.values(shown).some((v) => v === null || typeof v === 'bigint')) return outcome;
  const style = adapter.jsonStyle!;
  const want = renderJson(shown as GetStatusOutput, style);
  const got = result.outcome.json;
  if (got === undefined)
    return {
      ...fail(`the adapter declares jsonStyle ${style} but returned no json`, cut(want, TEXT_LIMIT), got),
      aspect: 'json',
    };
  if (got === want) return PASS;
  const line = want.split('\n').findIndex((l, i) => l !== got.split('\n')[i]);
  return {
    ...fail(
      `--output json differs from the ${style} layout at line ${line + 1}`,
      cut(want, TEXT_LIMIT),
      cut(got, TEXT_LIMIT),
    ),
    aspect: 'json',
  };
}

export const needsJson = (adapter: ClientAdapter) =>
  adapter.jsonStyle ? undefined : 'the adapter prints no --output json (it declares no jsonStyle)';
