/**
 * Whatever a client returns, the HTML report shows it as text: every character HTML treats
 * specially reads back as itself, and no value can open an element or a script of its own.
 * (tests/cli/html-report.test.ts reads the same text back in a real browser.)
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { htmlReport } from '../../cli/reports/html.ts';
import { escapeHtml, fileLink, link } from '../../cli/reports/html-text.ts';
import { buildReport } from '../../run/report.ts';
import type { CheckResult } from '../../suites/check.ts';

/** How an HTML parser reads a character reference back (HTML: "numeric character reference end state"; the five named ones XML also has). */
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function readBack(html: string): string {
  return html.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(\w+));/gi, (_, dec: string, hex: string, name: string) => {
    if (name !== undefined) return NAMED[name];
    const code = dec !== undefined ? Number(dec) : parseInt(hex, 16);
    return code === 0 ? '\uFFFD' : String.fromCodePoint(code);
  });
}

/** Characters an HTML parser does not take as text: markup and references, attribute quotes, CR (read as LF) and NUL (dropped). */
const SPECIAL = ['&', '<', '>', '"', "'", '\r', '\0'];

describe('escapeHtml', () => {
  test('each character HTML treats specially is written as a reference that reads back as the character', () => {
    for (const char of SPECIAL) {
      const written = escapeHtml(`a${char}b`);
      expect(written, JSON.stringify(char)).not.toMatch(/[<>"'\r\0]/);
      // HTML has no way to carry NUL: it is read back as U+FFFD, as &#0; would be.
      expect(readBack(written), JSON.stringify(char)).toBe(`a${char === '\0' ? '\uFFFD' : char}b`);
    }
  });

  test('any text: no raw markup, quote, CR or NUL in what is written; every & starts a reference; it reads back as the text', () => {
    const text = fc.string({
      unit: fc.oneof(
        fc.constantFrom(...SPECIAL, '&amp;', '&#13;', '&#x80;', '</script>', ' ', '\n', '\t'),
        fc.string({ unit: 'binary', maxLength: 1 }),
      ),
    });
    fc.assert(
      fc.property(text, (value) => {
        const written = escapeHtml(value);
        expect(written).not.toMatch(/[<>"'\r\0]/);
        expect(written.replace(/&(?:amp|lt|gt|quot|#39|#13);/g, '')).not.toContain('&');
        expect(readBack(written)).toBe(value.replace(/\0/g, '\uFFFD'));
      }),
    );
  });

  test('a link from a baseline entry is followed only to a web address; a file link keeps #, ? and : as part of the path', () => {
    expect(link('javascript:alert(1)', 'x')).toBe('x');
    expect(link('data:text/html,<b>', 'see <b>')).toBe('see &lt;b&gt;');
    expect(link('https://example.com/?a=1&b="2"', 'issue')).toBe(
      '<a href="https://example.com/?a=1&amp;b=&quot;2&quot;">issue</a>',
    );
    expect(fileLink('../kept/a#1?:b.json', 'a#1')).toBe('<a href="../kept/a%231%3F%3Ab.json">a#1</a>');
  });
});

describe('the HTML report', () => {
  const MARKUP = `<b id="x">&#13; kept</b> & 'quoted' "&#x80;"\r</pre><script>alert(1)</script>`;
  const check = (status: CheckResult['status']): CheckResult => ({
    id: 'GS-PARSE-004',
    suite: 'parsing',
    title: MARKUP,
    level: 'MUST',
    status,
    cases: 3,
    reason: `LocationMessage: expected ${MARKUP}`,
    causes: ['GS-PARSE-004'],
    counterexample: {
      seed: 1,
      path: '0',
      request: { jobId: MARKUP },
      status: 200,
      headers: { 'X-Note': MARKUP },
      body: `<GetStatusResponse><LocationMessage>${MARKUP}</LocationMessage></GetStatusResponse>`,
      expected: { resolved: { LocationMessage: MARKUP } },
      actual: MARKUP,
    },
    replay: `npx getstatus-conformance run --adapter '${MARKUP}'`,
  });

  test('values from the client, the check and the baseline never become markup of the page', () => {
    const report = {
      ...buildReport(MARKUP, MARKUP, 1, 1, [check('failed')], [MARKUP]),
      baseline: {
        strict: false,
        known: [
          { rule: 'GS-PARSE-004' as const, level: 'MUST' as const, reason: MARKUP, link: `javascript:${MARKUP}` },
        ],
        new: [],
        fixed: [],
      },
    };
    const page = htmlReport([report, { ...report, adapter: 'second' }]);
    expect(page).not.toContain('<b id');
    expect(page).not.toMatch(/href="javascript:/i);
    expect(page).toContain(`(javascript:${escapeHtml(MARKUP)})`);
    // The page's own script, and no other.
    expect(page.match(/<script/g)).toHaveLength(1);
    expect(page.match(/<\/pre>/g)!.length).toBe(page.match(/<pre[ >]/g)!.length);
    expect(page).toContain(escapeHtml('&#13; kept'));
  });
});
