/**
 * The documentation example: fixtures/seed holds its response, what AWS CLI v1 1.45.11 and
 * v2 2.9.19 printed for it, and the documentation page itself (a byte-for-byte copy of
 * shared/seed/get-status.txt, so the tests read nothing outside the repository).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGetStatusResponse, renderJson, renderText } from '../../spec/index.ts';

const SEED = new URL('../../fixtures/seed/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, SEED), 'utf8');

const output = parseGetStatusResponse(readFileSync(new URL('response.xml', SEED)));

const fixtures = (['v1', 'v2'] as const).flatMap((style) =>
  (['json', 'text'] as const).map((format) => ({
    rule: format === 'json' ? 'GS-TEXT-005' : 'GS-TEXT-001',
    style,
    format,
  })),
);

describe('the documentation example', () => {
  it.each(fixtures)('$rule seed: $style --output $format equals the captured fixture', ({ style, format }) => {
    const printed = format === 'json' ? renderJson(output, style) : renderText(output, style);
    expect(printed).toBe(read(`expected.${style}.${format}`));
  });

  it("GS-TEXT-006 seed: the v1 text fixture is the page's example output, whitespace runs collapsed", () => {
    const page = read('get-status.txt');
    const start = 'The output for the get-status command looks like the following:\n\n';
    const end = '\n\nWhen you ship your device';
    expect(page).toContain(start);
    const example = page.slice(page.indexOf(start) + start.length, page.indexOf(end));
    // The page shows tabs as spaces and breaks one line (real-clients.md item 13): compare modulo whitespace.
    const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
    expect(example.length).toBeGreaterThan(500);
    expect(collapse(read('expected.v1.text'))).toBe(collapse(example));
    expect(collapse(renderText(output, 'v1'))).toBe(collapse(example));
  });

  it('GS-PARSE-001 seed: the v2 JSON fixture parses back to the reference values', () => {
    const printed = JSON.parse(read('expected.v2.json')) as Record<string, unknown>;
    const { CreationDate, ...rest } = output;
    const { CreationDate: printedDate, ...printedRest } = printed;
    expect(printedRest).toStrictEqual(rest);
    expect(new Date(String(printedDate)).getTime()).toBe(CreationDate?.getTime());
  });
});
