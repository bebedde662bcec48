/**
 * Expected against actual as HTML: the same line diff the pretty report prints, each line marked
 * expected, actual or common, and where expected lines are replaced by as many actual lines, the
 * characters that differ marked within each pair.
 */
import { DIFF_DELETE, DIFF_EQUAL, DIFF_INSERT, diffStringsRaw } from '@vitest/utils/diff';
import { cut } from '../../suites/judge.ts';
import { expectedVersusActual } from '../../suites/format.ts';
import { visibleHtml } from './html-text.ts';

/** A huge output (a list of thousands of items) would make a page no one opens: the rest is in the JSON report. */
const MAX_LINES = 400;
const LINE_LIMIT = 1000;

type Line = { kind: 'exp' | 'act' | 'same'; text: string };

function parse(diff: string): Line[] {
  const lines = diff.split('\n');
  // diffLinesUnified starts with its legend, "- expected", "+ actual" and a blank line: the page has its own.
  const body = lines[0] === '- expected' && lines[1] === '+ actual' && lines[2] === '' ? lines.slice(3) : lines;
  return body.map((line) => ({
    kind: line.startsWith('-') ? 'exp' : line.startsWith('+') ? 'act' : 'same',
    text: cut(line.slice(2), LINE_LIMIT),
  }));
}

/** One expected line and the actual line in its place, each with the characters the other lacks marked. */
function pairedLines(expected: string, actual: string): [string, string] {
  const [parts] = diffStringsRaw(expected, actual, true);
  const side = (keep: number) =>
    parts
      .map((p) => (p[0] === DIFF_EQUAL ? visibleHtml(p[1]) : p[0] === keep ? `<mark>${visibleHtml(p[1])}</mark>` : ''))
      .join('');
  return [side(DIFF_DELETE), side(DIFF_INSERT)];
}

const SIGN = { exp: '-', act: '+', same: ' ' } as const;
const row = (kind: Line['kind'], html: string) => `<span class="${kind}">${SIGN[kind]} ${html}</span>`;

export function diffHtml(expected: unknown, actual: unknown): string {
  // A value JSON cannot hold (the client returned nothing) is shown as the word.
  const lines = parse(
    expectedVersusActual(expected === undefined ? 'undefined' : expected, actual === undefined ? 'undefined' : actual),
  );
  const shown = lines.slice(0, MAX_LINES);
  const out: string[] = [];
  for (let i = 0; i < shown.length; ) {
    let removed = i;
    while (removed < shown.length && shown[removed].kind === 'exp') removed++;
    let added = removed;
    while (added < shown.length && shown[added].kind === 'act') added++;
    if (removed > i && removed - i === added - removed) {
      const pairs = shown.slice(i, removed).map((line, k) => pairedLines(line.text, shown[removed + k].text));
      out.push(...pairs.map(([exp]) => row('exp', exp)), ...pairs.map(([, act]) => row('act', act)));
      i = added;
    } else if (added > i) {
      for (const line of shown.slice(i, added)) out.push(row(line.kind, visibleHtml(line.text)));
      i = added;
    } else {
      out.push(row('same', visibleHtml(shown[i].text)));
      i++;
    }
  }
  if (lines.length > MAX_LINES)
    out.push(
      `<span class="same note">… ${lines.length - MAX_LINES} more lines: the JSON report (--reporter json) has them all</span>`,
    );
  return out.join('');
}
