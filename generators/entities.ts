/**
 * DOCTYPE entities: external ones (file and loopback URL, never to be resolved) and internal
 * ones, small enough to expand exactly or nested to explode (the body itself stays small).
 */
import fc from 'fast-check';
import { parseGetStatusResponse } from '../spec/index.ts';
import type { ResponseCase } from './case.ts';
import { bodyWithMarkup, breaking, halves, invalidCase, TEXT_TARGETS } from './invalid-case.ts';
import { memberNodes, serialize, writeDocument } from './serialize.ts';
import type { ValidParts } from './valid-cases.ts';

/** A body with the given internal subset and, when `name` is given, `&name;` in the middle of the target member's value. */
function withEntity(parts: ValidParts, target: string, name: string | undefined, doctype: string): string {
  if (name === undefined) return writeDocument(memberNodes(parts.output, parts.encoding), parts.encoding, { doctype });
  return bodyWithMarkup(parts, target, `&${name};`, { doctype });
}

/** What an external entity points at: this machine's host name, or a loopback URL. */
// /etc/passwd exists on every Unix machine and its content is unmistakable in an output.
const EXTERNAL = ['file:///etc/passwd', 'http://127.0.0.1:9/passwd'];

/** GS-SAFE-001: an external entity, referenced in a value or declared as a parameter entity. */
function externalEntity(from: fc.Arbitrary<ValidParts>): fc.Arbitrary<ResponseCase> {
  const declaration = fc.record({
    name: fc.constantFrom('xxe', 'ext', 'host'),
    uri: fc.constantFrom(...EXTERNAL),
    form: fc.constantFrom('system', 'public', 'parameter'),
  });
  return breaking(
    from,
    fc.tuple(fc.constantFrom(...TEXT_TARGETS), declaration),
    ([parts, target, { name, uri, form }]) => {
      const doctype =
        form === 'system'
          ? `<!ENTITY ${name} SYSTEM "${uri}">`
          : form === 'public'
            ? `<!ENTITY ${name} PUBLIC "-//Example//Hostname//EN" "${uri}">`
            : `<!ENTITY % ${name} SYSTEM "${uri}"> %${name};`;
      return invalidCase(
        'GS-SAFE-001',
        parts,
        withEntity(parts, target, form === 'parameter' ? undefined : name, doctype),
      );
    },
  );
}

/** `levels` entities, each `fan` references to the one before, over `word`. */
function nested(word: string, levels: number, fan: number): string {
  const lines = [`<!ENTITY lol0 "${word}">`];
  for (let i = 1; i <= levels; i++) lines.push(`<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(fan)}">`);
  return lines.join('');
}

/**
 * GS-SAFE-002, small (≤ 3 levels × 10): a client may reject it or expand it exactly; the accepted
 * output is the document with the expansion written out.
 */
function smallExpansion(from: fc.Arbitrary<ValidParts>): fc.Arbitrary<ResponseCase> {
  return breaking(
    from,
    fc.tuple(
      fc.constantFrom(...TEXT_TARGETS),
      fc.constantFrom('lol', 'ha', 'x'),
      fc.integer({ min: 1, max: 3 }),
      fc.integer({ min: 2, max: 10 }),
    ),
    ([parts, target, word, levels, fan]) => {
      const [before, after] = halves(parts, target);
      const expanded = { ...parts.output, [target]: `${before}${word.repeat(fan ** levels)}${after}` };
      return invalidCase('GS-SAFE-002', parts, withEntity(parts, target, `lol${levels}`, nested(word, levels, fan)), {
        expected: {
          outcome: 'fail-or-tolerated',
          rule: 'GS-SAFE-002',
          accept: [parseGetStatusResponse(serialize(expanded, parts.encoding))],
        },
      });
    },
  );
}

/** GS-SAFE-002, exponential: 10 levels × 10 would expand to 10^10 copies; the reference, and every safe client, fails. */
function exponentialExpansion(from: fc.Arbitrary<ValidParts>): fc.Arbitrary<ResponseCase> {
  return breaking(
    from,
    fc.tuple(fc.constantFrom(...TEXT_TARGETS), fc.constantFrom('lol', 'ha')),
    ([parts, target, word]) =>
      invalidCase('GS-SAFE-002', parts, withEntity(parts, target, 'lol10', nested(word, 10, 10))),
  );
}

export const ENTITY_CASES = {
  'GS-SAFE-001': externalEntity,
  'GS-SAFE-002': (from: fc.Arbitrary<ValidParts>) => fc.oneof(smallExpansion(from), exponentialExpansion(from)),
} as const;
