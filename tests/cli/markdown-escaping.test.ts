/**
 * The Markdown report shows every text it carries as those characters, read by a CommonMark
 * renderer with GitHub's tables: no character Markdown or HTML treats specially (an entity, a tag,
 * emphasis, a link, a table's pipe) changes what a reader sees on a summary page.
 */
import MarkdownIt from 'markdown-it';
import { describe, expect, test } from 'vitest';
import { withBaseline } from '../../run/baseline.ts';
import { markdownReport } from '../../cli/reports/markdown.ts';
import { buildReport } from '../../run/report.ts';
import type { CheckResult } from '../../suites/check.ts';

// GitHub Flavored Markdown: tables and strikethrough on, raw HTML read as HTML.
const md = new MarkdownIt({ html: true });

/** What a reader sees of each inline run (a table cell, a heading, a list item): text and code only, a line break as a space. */
function shown(markdown: string): string[] {
  const seen = (children: ReturnType<typeof md.parse>) =>
    children
      .map((t) =>
        t.type === 'text' || t.type === 'code_inline'
          ? t.content
          : t.type === 'softbreak'
            ? ' '
            : t.type === 'html_inline'
              ? ''
              : '',
      )
      .join('');
  return md
    .parse(markdown, {})
    .filter((t) => t.type === 'inline')
    .map((t) => seen(t.children ?? []));
}

const SPECIAL = [
  '\\',
  '`',
  '*',
  '_',
  '{',
  '}',
  '[',
  ']',
  '(',
  ')',
  '#',
  '+',
  '-',
  '.',
  '!',
  '|',
  '<',
  '>',
  '&',
  '~',
  '$',
];

/** Each special character alone, around a word, doubled around it, and leading; then the spellings that once rendered as something else. */
const TEXTS: Array<[string, string]> = [
  ...SPECIAL.flatMap(
    (c): Array<[string, string]> => [
      [`${c} between`, `a${c}b`],
      [`${c} around a word`, `${c}word${c} and ${c}${c}two${c}${c}`],
      [`${c} leading`, `${c} first`],
    ],
  ),
  ['a decimal character reference', '&#13; kept'],
  ['a hex character reference in a value', 'got "&#x80;"'],
  ['a named entity', 'AT&amp;T &lt;'],
  ['a tag', '<b>bold</b> <script>x</script>'],
  ['a comment', 'a <!-- hidden --> b'],
  ['an autolink', '<https://example.org>'],
  ['a link and an image', '[a](b) ![i](x.png)'],
  ['a list item', '- item'],
  ['an ordered item', '1. item'],
  ['a heading', '# title #'],
  ['strikethrough', '~~struck~~'],
  ['math', '$x^2$'],
  ['a code span', '`code` and ``two``'],
  ['an escape', '\\*not emphasis\\*'],
  ['a hard break', 'two spaces  \nthen a line'],
];
const flat = (text: string) => text.replace(/\r\n?|\n/g, ' ');

const failed = (title: string, reason: string): CheckResult => ({
  id: 'GS-PARSE-003',
  suite: 'parsing',
  title,
  level: 'MUST',
  status: 'failed',
  cases: 1,
  reason,
  causes: ['GS-PARSE-003'],
  replay: `npx getstatus-conformance run --adapter command --command 'cli ${reason}' --suite parsing`,
});

describe('Markdown shows text as written', () => {
  test.each(TEXTS)('%s, in a check title, a finding, a client name, a baseline reason and a replay line', (_, text) => {
    const report = buildReport(text, undefined, 42, undefined, [failed(text, text)], []);
    const seen = shown(markdownReport([report]));
    expect(seen).toContain(`GetStatus conformance: ${flat(text)}`);
    // The finding in the deviation table, and the check's title and reason in the checks table.
    expect(seen.filter((s) => s === flat(text)).length).toBeGreaterThanOrEqual(3);
    expect(seen).toContain(flat(report.deviations[0].replay!));

    const known = withBaseline(
      report,
      { known: [{ rule: 'GS-PARSE-003', client: text, reason: `because ${text}` }] },
      false,
    );
    expect(shown(markdownReport([known]))).toContain(`because ${flat(text)}`);

    const two = shown(markdownReport([report, buildReport('other', undefined, 42, undefined, [], [])]));
    expect(two).toContain(
      `${flat(text)}: 1 deviation (1 MUST): 0 passed, 1 failed, 0 warnings, 0 explained, 0 skipped`,
    );
  });

  test('a table row keeps its cells whatever a value holds', () => {
    const text = 'a | b\nc';
    const html = md.render(markdownReport([buildReport('x', undefined, 42, undefined, [failed(text, text)], [])]));
    expect(html).toMatch(
      /<tr>\s*<td>parsing<\/td>\s*<td>GS-PARSE-003<\/td>\s*<td>MUST<\/td>\s*<td>a \| b c<\/td>\s*<td>fail<\/td>\s*<td>a \| b c<\/td>\s*<\/tr>/,
    );
  });
});
