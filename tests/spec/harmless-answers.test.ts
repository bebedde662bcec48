/**
 * For a spelling the service never sends, the reference names every harmless answer: failing, or
 * the output it would return, or the outputs it tolerates in place of its own failure (docs/SPEC.md, Levels).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CASE_KINDS, caseArbitrary } from '../../generators/index.ts';
import { GetStatusError, parseGetStatusResponse, readResponse } from '../../spec/index.ts';
import { getStatusBody } from './bodies.ts';
import { failureOf } from './failure.ts';
import { runs } from '../properties/config.ts';

const body = getStatusBody('    <JobId>ENC1</JobId>\n    <LocationMessage>Café à Zürich</LocationMessage>');
const utf16le = (text: string) => new Uint8Array(Buffer.from(`\uFEFF${text}`, 'utf16le'));
const utf16be = (text: string) => new Uint8Array(Buffer.from(`\uFEFF${text}`, 'utf16le').swap16());
const latin1 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
const DECODED = { JobId: 'ENC1', LocationMessage: 'Café à Zürich' };

describe('GS-PARSE-018: a body that is not UTF-8 fails, or decodes exactly as it says it is encoded', () => {
  it.each([
    ['UTF-16LE with a byte order mark', utf16le(body)],
    ['UTF-16BE with a byte order mark', utf16be(body)],
    [
      'UTF-16LE with a byte order mark and encoding="UTF-16"',
      utf16le(`<?xml version="1.0" encoding="UTF-16"?>\n${body}`),
    ],
    ['ISO-8859-1, declared', latin1(`<?xml version="1.0" encoding="ISO-8859-1"?>\n${body}`)],
  ])('%s: the reference fails and tolerates the exact decoding', (_, bytes) => {
    const failure = failureOf(() => parseGetStatusResponse(bytes));
    expect(failure).toMatchObject({ kind: 'malformed', rule: 'GS-PARSE-018' });
    expect(failure.tolerated).toEqual([DECODED]);
  });

  it.each([
    ['ISO-8859-1 without a declaration', latin1(body)],
    [
      'a stray 0xFF byte in UTF-8',
      new Uint8Array([...Buffer.from(body.slice(0, 80)), 0xff, ...Buffer.from(body.slice(80))]),
    ],
  ])('%s: only failing is harmless (any decoding would be a guess)', (_, bytes) => {
    expect(failureOf(() => parseGetStatusResponse(bytes)).tolerated).toEqual([]);
  });
});

describe('GS-PARSE-019: a body under a Content-Type that is not XML is read, or the call fails', () => {
  it.each(['text/html', 'application/json', 'text/plain; charset=utf-8'])(
    '%s: the output, and failing is right too',
    (type) => {
      expect(readResponse(body, 200, { 'Content-Type': type })).toEqual({ output: DECODED, orFail: 'GS-PARSE-019' });
    },
  );

  it.each(['text/xml', 'text/xml;charset=UTF-8', 'application/xml'])('%s: the output, and only the output', (type) => {
    expect(readResponse(body, 200, { 'Content-Type': type })).toEqual({ output: DECODED });
  });
});

describe('GS-SAFE-005: the reference never crashes', () => {
  it('on every generated response it returns an output or throws a GetStatusError, never another exception', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CASE_KINDS).chain(caseArbitrary), (c) => {
        try {
          readResponse(c.body, c.status, c.headers);
        } catch (error) {
          expect(error).toBeInstanceOf(GetStatusError);
        }
      }),
      runs(500),
    );
  });
});
