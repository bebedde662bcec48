/** A failed check as a person reads it: the rule, why, the response, expected vs actual, and how to replay it. */
import { diffLinesUnified } from '@vitest/utils/diff';
import type { CheckResult } from './check.ts';

const plain = (s: string) => s;
const DIFF_OPTIONS = {
  aAnnotation: 'expected',
  bAnnotation: 'actual',
  aColor: plain,
  bColor: plain,
  changeColor: plain,
  commonColor: plain,
  patchColor: plain,
  expand: true,
};

/** Tabs, CRs and line ends made visible, so text output differences can be seen. */
export const visibleText = (text: string) => text.replace(/\t/g, '→').replace(/\r/g, '␍').replace(/\n/g, '⏎\n');

function lines(value: unknown): string[] {
  if (typeof value === 'string') return visibleText(value).split('\n');
  // undefined (a printed output the client did not return) has no JSON of its own.
  return (JSON.stringify(value, null, 2) ?? String(value)).split('\n');
}

export function expectedVersusActual(expected: unknown, actual: unknown): string {
  return diffLinesUnified(lines(expected), lines(actual), DIFF_OPTIONS);
}

const indent = (text: string, by = '    ') =>
  text
    .split('\n')
    .map((l) => (l ? by + l : l))
    .join('\n');

/** A failure as a person reads it: a check's, or a deviation's (its rule, what the client does, its smallest counterexample). */
export function formatFailure(
  result: Pick<CheckResult, 'id' | 'level' | 'title' | 'reason' | 'counterexample' | 'replay'>,
): string {
  const parts = [`${result.id} (${result.level}) ${result.title}`.trimEnd(), `  ${result.reason ?? 'failed'}`];
  const ce = result.counterexample;
  if (ce) {
    const headers = Object.entries(ce.headers).map(([k, v]) => `${k}: ${v}`);
    parts.push(
      '',
      `  request: ${JSON.stringify(ce.request)}`,
      `  response: HTTP ${ce.status}${ce.fault ? `, transport fault ${JSON.stringify(ce.fault)}` : ''}`,
      ...headers.map((h) => `    ${h}`),
      '',
      indent(ce.body),
      '',
      indent(expectedVersusActual(ce.expected, ce.actual), '  '),
    );
  }
  if (result.replay) parts.push('', `  replay: ${result.replay}`);
  return parts.join('\n');
}
