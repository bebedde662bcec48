/**
 * How an output is written on the wire. Every choice here is a spelling, not a meaning:
 * all encodings of one output parse to the same output (GS-PARSE-003, -005, -011, -012, -013, GS-TIME-*).
 */
import fc from 'fast-check';
import { MEMBER_NAMES, type DimensionId, type GetStatusOutput } from '../spec/index.ts';
import { fakerArbitrary } from './seeded-faker.ts';
import { timestampEncoding, type TimestampEncoding } from './creation-dates.ts';

// Each choice's values are listed once, in the order of the draws: its type and its arbitrary come from the list,
// and so does, where the list says, the dimension a value departs in or the text it is written as.

/**
 * How character data is written, each mode with the dimension it departs in ('minimal' is plain).
 * Every mode writes CR as a reference (a raw CR would be read as LF): `&#xD;` in 'hex' or with
 * non-ASCII references, `&#13;` otherwise.
 */
export const TEXT_MODES = {
  /** Only what must be escaped: `&`, `<`, and `>` after `]]`. */
  minimal: undefined,
  /** The five predefined entities for the five special characters. */
  entities: 'references',
  /** Decimal character references (`&#60;`) for the special characters. */
  decimal: 'references',
  /** Hexadecimal character references (`&#x3C;`). */
  hex: 'references',
  /** The whole value in CDATA, split around `]]>` and interrupted for references. */
  cdata: 'cdata',
  /** Special characters each in their own CDATA section, the rest raw. */
  'mixed-cdata': 'cdata',
} as const satisfies Record<string, DimensionId | undefined>;
export type TextMode = keyof typeof TEXT_MODES;

/** 'crlf' writes every line end of the document as CR LF, those inside values included. */
export const LAYOUTS = ['compact', 'indented', 'tabs', 'crlf'] as const;
export type Layout = (typeof LAYOUTS)[number];
export const NAMESPACES = [
  /** The service namespace as the default namespace on the root. */
  'default',
  'none',
  /** Another URI as the default namespace on the root. */
  'other',
  /** `ie:` on every element, declared on the root. */
  'prefix',
  /** The default namespace declared again (same URI) on every element below the result wrapper. */
  'redeclared',
  /** The first member element declares another URI as its default namespace. */
  'member-other',
  /** A prefix nothing uses, declared on the root and on the first member element. */
  'unused-prefix',
  /** A prefix declared on the result wrapper (and its siblings) and used on every element below it. */
  'wrapper-prefix',
] as const;
export type Namespace = (typeof NAMESPACES)[number];
/** Each XML declaration, as written. */
export const DECLARATIONS = {
  none: '',
  version: '<?xml version="1.0"?>',
  'utf-8': '<?xml version="1.0" encoding="UTF-8"?>',
  'single-quoted': "<?xml version='1.0' encoding='utf-8'?>",
  spaced: '<?xml version = "1.0" encoding = "UTF-8" ?>',
} as const;
export type Declaration = keyof typeof DECLARATIONS;
/** Markup that is no element, as written before each child element (comments around the root too). */
export const BETWEEN = { none: '', comments: '<!-- between -->', cdata: '<![CDATA[ ]]>' } as const;
export type Between = keyof typeof BETWEEN;
export const ARTIFACT_ORDERS = ['model', 'reversed'] as const;
export const NON_ASCII = ['raw', 'references'] as const;
export const EMPTY_FORMS = ['self-closing', 'open-close'] as const;

/** Every value of each listed choice: tests/generators/choices.test.ts walks them, so a new value needs no test of its own. */
export const CHOICES = {
  artifactOrder: ARTIFACT_ORDERS,
  layout: LAYOUTS,
  text: Object.keys(TEXT_MODES) as TextMode[],
  nonAscii: NON_ASCII,
  empty: EMPTY_FORMS,
  declaration: Object.keys(DECLARATIONS) as Declaration[],
  between: Object.keys(BETWEEN) as Between[],
  namespace: NAMESPACES,
} satisfies { [K in keyof WireEncoding]?: readonly WireEncoding[K][] };

export interface WireEncoding {
  /** Member order in GetStatusResult (every member name, present or not). */
  order: readonly (keyof GetStatusOutput)[];
  /** Artifact members in model order (Description, URL) or reversed. */
  artifactOrder: (typeof ARTIFACT_ORDERS)[number];
  /** Whitespace between elements; never inside a value. */
  layout: Layout;
  text: TextMode;
  /** Characters outside ASCII written raw (UTF-8) or as hexadecimal references. */
  nonAscii: (typeof NON_ASCII)[number];
  /** A comment splits each non-empty value in two. */
  commentInValues: boolean;
  /** An empty value as `<x/>` or `<x></x>`. */
  empty: (typeof EMPTY_FORMS)[number];
  declaration: Declaration;
  between: Between;
  namespace: Namespace;
  bom: boolean;
  /** ResponseMetadata/RequestId after GetStatusResult, when set (error bodies carry their own). */
  requestId?: string;
  timestamp: TimestampEncoding;
}

export function wireEncoding(): fc.Arbitrary<WireEncoding> {
  return fc.record({
    order: fc.oneof(
      { withCrossShrink: true },
      fc.constant(MEMBER_NAMES),
      fc.shuffledSubarray(MEMBER_NAMES, { minLength: MEMBER_NAMES.length, maxLength: MEMBER_NAMES.length }),
    ),
    artifactOrder: fc.constantFrom(...CHOICES.artifactOrder),
    layout: fc.constantFrom(...CHOICES.layout),
    text: fc.constantFrom(...CHOICES.text),
    nonAscii: fc.constantFrom(...CHOICES.nonAscii),
    commentInValues: fc.oneof(
      { weight: 4, arbitrary: fc.constant(false) },
      { weight: 1, arbitrary: fc.constant(true) },
    ),
    empty: fc.constantFrom(...CHOICES.empty),
    declaration: fc.constantFrom(...CHOICES.declaration),
    between: fc.constantFrom(...CHOICES.between),
    namespace: fc.constantFrom(...CHOICES.namespace),
    bom: fc.boolean(),
    requestId: fakerArbitrary((faker) => faker.string.uuid()),
    timestamp: timestampEncoding(),
  });
}
