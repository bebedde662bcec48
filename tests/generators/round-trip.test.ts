/** serialize() is lossless: every valid output, written in every wire encoding, parses back to itself. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getStatusOutput, hostileString, serialize, wireEncoding } from '../../generators/index.ts';
import { parseGetStatusResponse, STRING_MEMBERS, type GetStatusOutput } from '../../spec/index.ts';

const RUNS = { numRuns: 1000 };

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
