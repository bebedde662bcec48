/** Shared by the invalid-response modules: building a labelled case from valid parts, and editing member nodes. */
import fc from 'fast-check';
import type { GetStatusOutput, RuleId } from '../spec/index.ts';
import type { Expected, ResponseCase } from './case.ts';
import { buildCase } from './case-builder.ts';
import { fromRecipe } from './recipe.ts';
import { memberNodes, writeDocument, writeText, type DocumentShape, type XmlNode } from './serialize.ts';
import { validCaseFrom, type ValidParts } from './valid-cases.ts';

/** Free-text members: breaking one of them breaks nothing else. */
export const TEXT_TARGETS = ['LocationMessage', 'ProgressMessage', 'LogKey', 'CurrentManifest'] as const;

export function invalidCase(
  label: RuleId,
  parts: ValidParts,
  body: string | Uint8Array,
  options: { headers?: Record<string, string>; expected?: Expected } = {},
): ResponseCase {
  return buildCase({
    kind: 'invalid',
    request: { jobId: parts.jobId },
    status: 200,
    headers: options.headers ?? { 'Content-Type': parts.contentType },
    body,
    label,
    ...(options.expected && { expected: options.expected }),
  });
}

/** `nodes` with the member `name` holding `text` (written character data): replaced in place, or added at the end. */
export function withText(nodes: XmlNode[], name: string, text: string): XmlNode[] {
  const at = nodes.findIndex((n) => n.name === name);
  if (at < 0) return [...nodes, { name, text }];
  return nodes.map((n, i) => (i === at ? { name, text } : n));
}

/** A member's value split in two at its middle code point ('' halves for an absent member). */
export function halves(parts: ValidParts, target: string): [string, string] {
  const chars = [...String(parts.output[target as keyof GetStatusOutput] ?? '')];
  const cut = Math.floor(chars.length / 2);
  return [chars.slice(0, cut).join(''), chars.slice(cut).join('')];
}

/** The parts' body with `raw` markup in the middle of the target member's value (the member added when absent). */
export function bodyWithMarkup(parts: ValidParts, target: string, raw: string, shape: DocumentShape = {}): string {
  const [before, after] = halves(parts, target);
  const text = `${writeText(before, parts.encoding)}${raw}${writeText(after, parts.encoding)}`;
  return writeDocument(withText(memberNodes(parts.output, parts.encoding), target, text), parts.encoding, shape);
}

/** Insert `inserted` at position `at` (taken modulo the possible positions), so shrinking moves it to the front. */
export function insertAt(nodes: XmlNode[], at: number, ...inserted: XmlNode[]): XmlNode[] {
  const i = at % (nodes.length + 1);
  return [...nodes.slice(0, i), ...inserted, ...nodes.slice(i)];
}

/**
 * Labelled cases made by `make` from valid parts and `extras`. The recipe keeps the departure
 * as the dimension `essence`: without it, the case is the valid response it was made from.
 */
export function breaking<E extends unknown[]>(
  from: fc.Arbitrary<ValidParts>,
  extras: fc.Arbitrary<E>,
  make: (drawn: [ValidParts, ...E]) => ResponseCase,
): fc.Arbitrary<ResponseCase> {
  return fc
    .tuple(from, extras)
    .map(([parts, drawn]) =>
      fromRecipe<ValidParts>({ ...parts, essence: true }, (p) =>
        p.essence === false ? validCaseFrom(p) : make([p, ...drawn]),
      ),
    );
}
