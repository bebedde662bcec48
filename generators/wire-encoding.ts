/**
 * How an output is written on the wire. Every choice here is a spelling, not a meaning:
 * all encodings of one output parse to the same output (GS-PARSE-003, -005, -011, -012, -013, GS-TIME-*).
 */
import fc from 'fast-check';
import { MEMBER_NAMES, type GetStatusOutput } from '../spec/index.ts';
import { fakerArbitrary } from './seeded-faker.ts';
import { timestampEncoding, type TimestampEncoding } from './creation-dates.ts';

/**
 * How character data is written. Every mode writes CR as a reference (a raw CR would be read as
 * LF): `&#xD;` in 'hex' or with non-ASCII references, `&#13;` otherwise.
 */
export type TextMode =
  /** Only what must be escaped: `&`, `<`, and `>` after `]]`. */
  | 'minimal'
  /** The five predefined entities for the five special characters. */
  | 'entities'
  /** Decimal character references (`&#60;`) for the special characters. */
  | 'decimal'
  /** Hexadecimal character references (`&#x3C;`). */
  | 'hex'
  /** The whole value in CDATA, split around `]]>` and interrupted for references. */
  | 'cdata'
  /** Special characters each in their own CDATA section, the rest raw. */
  | 'mixed-cdata';

/** 'crlf' writes every line end of the document as CR LF, those inside values included. */
export type Layout = 'compact' | 'indented' | 'tabs' | 'crlf';
export type Namespace =
  /** The service namespace as the default namespace on the root. */
  | 'default'
  | 'none'
  /** Another URI as the default namespace on the root. */
  | 'other'
  /** `ie:` on every element, declared on the root. */
  | 'prefix'
  /** The default namespace declared again (same URI) on every element below the result wrapper. */
  | 'redeclared'
  /** The first member element declares another URI as its default namespace. */
  | 'member-other'
  /** A prefix nothing uses, declared on the root and on the first member element. */
  | 'unused-prefix'
  /** A prefix declared on the result wrapper (and its siblings) and used on every element below it. */
  | 'wrapper-prefix';
export type Declaration = 'none' | 'version' | 'utf-8' | 'single-quoted' | 'spaced';
/** Markup that is no element between elements: before each child element, and comments around the root too. */
export type Between = 'none' | 'comments' | 'cdata';

export interface WireEncoding {
  /** Member order in GetStatusResult (every member name, present or not). */
  order: readonly (keyof GetStatusOutput)[];
  /** Artifact members in model order (Description, URL) or reversed. */
  artifactOrder: 'model' | 'reversed';
  /** Whitespace between elements; never inside a value. */
  layout: Layout;
  text: TextMode;
  /** Characters outside ASCII written raw (UTF-8) or as hexadecimal references. */
  nonAscii: 'raw' | 'references';
  /** A comment splits each non-empty value in two. */
  commentInValues: boolean;
  /** An empty value as `<x/>` or `<x></x>`. */
  empty: 'self-closing' | 'open-close';
  declaration: Declaration;
  between: Between;
  namespace: Namespace;
  bom: boolean;
  /** ResponseMetadata/RequestId after GetStatusResult, when set (error bodies carry their own). */
  requestId?: string;
  timestamp: TimestampEncoding;
}

export function wireEncoding(): fc.Arbitrary<WireEncoding> {
  return fc.record(
    {
      order: fc.oneof(
        { withCrossShrink: true },
        fc.constant(MEMBER_NAMES),
        fc.shuffledSubarray(MEMBER_NAMES, { minLength: MEMBER_NAMES.length, maxLength: MEMBER_NAMES.length }),
      ),
      artifactOrder: fc.constantFrom('model' as const, 'reversed' as const),
      layout: fc.constantFrom<Layout>('compact', 'indented', 'tabs', 'crlf'),
      text: fc.constantFrom<TextMode>('minimal', 'entities', 'decimal', 'hex', 'cdata', 'mixed-cdata'),
      nonAscii: fc.constantFrom('raw' as const, 'references' as const),
      commentInValues: fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
      empty: fc.constantFrom('self-closing' as const, 'open-close' as const),
      declaration: fc.constantFrom<Declaration>('none', 'version', 'utf-8', 'single-quoted', 'spaced'),
      between: fc.constantFrom<Between>('none', 'comments', 'cdata'),
      namespace: fc.constantFrom<Namespace>('default', 'none', 'other', 'prefix', 'redeclared', 'member-other', 'unused-prefix', 'wrapper-prefix'),
      bom: fc.boolean(),
      requestId: fakerArbitrary((faker) => faker.string.uuid()),
      timestamp: timestampEncoding(),
    },
  );
}
