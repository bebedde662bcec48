/** serialize() is lossless: every valid output, written in every wire encoding, parses back to itself, each value spelled as its encoding promises. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getStatusOutput, hostileString, serialize, wireEncoding } from '../../generators/index.ts';
import { writeText } from '../../generators/serialize.ts';
import { parseGetStatusResponse, STRING_MEMBERS, type GetStatusOutput } from '../../spec/index.ts';
import { runs } from '../properties/config.ts';

const RUNS = runs(1000);

/** toEqual compares Dates by instant, so a parsed Timestamp equals the plain Date it was written from. */
function expectSameOutput(parsed: GetStatusOutput, original: GetStatusOutput) {
  expect(parsed).toEqual(original);
  expect(Object.keys(parsed).sort()).toEqual(Object.keys(original).sort());
  expect(parsed.CreationDate?.getTime()).toBe(original.CreationDate?.getTime());
}

describe('serialize', () => {
  it('parse(serialize(o, e)) equals o for every generated output and encoding', () => {
    fc.assert(
      fc.property(getStatusOutput(), wireEncoding(), (output, encoding) => {
        expectSameOutput(parseGetStatusResponse(serialize(output, encoding)), output);
      }),
      RUNS,
    );
  });

  it('any hostile string in any string member, and in artifacts, survives every encoding', () => {
    const member = fc.constantFrom(...STRING_MEMBERS);
    fc.assert(
      fc.property(member, hostileString(), hostileString(), wireEncoding(), (name, value, description, encoding) => {
        const output: GetStatusOutput = { [name]: value, ArtifactList: [{ Description: description, URL: value }] };
        expectSameOutput(parseGetStatusResponse(serialize(output, encoding)), output);
      }),
      RUNS,
    );
  });
});

describe('hostileString', () => {
  it('holds only characters XML can carry (raw or as a reference), and no lone surrogate', () => {
    fc.assert(
      fc.property(hostileString(), (s) => {
        expect(s).toMatch(/^[\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u);
      }),
      RUNS,
    );
  });
});

describe('writeText', () => {
  /**
   * What is left of written text once its CDATA sections, the comment that splits it, and its
   * references are taken out. A reference ends a run of character data (`]]&#13;>` holds no
   * `]]>`), so it leaves a NUL, which no value holds; a comment leaves nothing, since a reader
   * may strip comments by pattern.
   */
  const outsideMarkup = (written: string) =>
    written
      .replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '')
      .replace(/<!-- split -->/g, '')
      .replace(/&(?:#x[0-9A-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, '\0');
  // A small alphabet, so that values with nothing to escape, and values with one odd character, are both common.
  const value = fc.oneof(
    hostileString(),
    fc.string({ unit: fc.constantFrom('a', ' ', '"', "'", '&', '<', '>', ']', '\r', 'é', '😀') }),
  );

  const asPromised = fc.property(value, wireEncoding(), (text, encoding) => {
    const written = writeText(text, encoding);
    expect(written).not.toContain('\r');
    if (encoding.nonAscii === 'references') expect(written).toMatch(/^\p{ASCII}*$/u);
    const left = outsideMarkup(written);
    if (encoding.text === 'cdata') expect(left.replaceAll('\0', '')).toBe('');
    else if (encoding.text === 'minimal') expect(left).not.toMatch(/[&<]|\]\]>/);
    else expect(left).not.toMatch(/[&<>"']/);
  });

  it('writes each value as its encoding promises: CR always a reference, non-ASCII a reference when asked, markup escaped by its text style', () => {
    fc.assert(asPromised, RUNS);
  });

  // Found by random seeds: "]]>" split by a comment after "]" kept its ">" raw (the text read "]]>" without the comment).
  // …and "]]\r>" in the minimal style, written "]]&#13;>", well-formed: the property had taken the reference out and read "]]>".
  it.each([
    { seed: 1937805945, path: '194:1:1:1:1:1:1:1:1:1:1:1:1:1:1' },
    { seed: 1397624117, path: '1527:2:12:11:11:11:11:11:11:11:11:11:11:11:11:11:11:11' },
  ])('writes each value as promised in the case once found at seed $seed, path $path', (replay) => {
    fc.assert(asPromised, replay);
  });
});
