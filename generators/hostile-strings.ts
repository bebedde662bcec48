/** Strings that break naive clients: XML-special characters, line ends, whitespace kept at the edges, non-ASCII. */
import fc from 'fast-check';

/** Anything outside the XML 1.0 Char production cannot be sent at all, raw or as a reference. */
const NOT_XML_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Whole values that each break one naive assumption; the short ones come first so shrinking ends there. */
const WHOLE = [
  '',
  ' ',
  '<',
  '>',
  '&',
  '"',
  "'",
  '\t',
  '\n',
  '\r',
  '\r\n',
  ']]>',
  '  padded  ',
  'AT&T <ops> "quoted" \'single\'',
  '&amp; is already escaped',
  '&#13; written as text',
  '<![CDATA[not a section]]>',
  '<!-- not a comment -->',
  'line1\nline2\n',
  'line1\r\nline2\rline3',
  'col1\tcol2\t',
  'Café à Zürich',
  '日本語のテキスト',
  'עברית ومرحبا',
  'e\u0301 (combining accent)',
  '😀 𝄞 🇺🇸',
  'no\u00A0break\u2028separator',
  '\uFEFFleading BOM character',
  'ends in ]]',
];

/** Pieces to combine: each is one hazard. */
const FRAGMENTS = [
  '<',
  '>',
  '&',
  '"',
  "'",
  ']]>',
  ']]',
  '&lt;',
  '&#60;',
  '\t',
  '\n',
  '\r',
  '\r\n',
  ' ',
  '  ',
  'ü',
  'Ω',
  '中',
  '😀',
  '𝄞',
  'e\u0301',
  '\u00A0',
];

const cleaned = (s: string) => s.replace(NOT_XML_CHAR, '');

export function hostileString(): fc.Arbitrary<string> {
  const piece = fc.oneof(
    fc.constantFrom(...FRAGMENTS),
    fc.string({ maxLength: 6 }),
    fc.string({ unit: 'binary', maxLength: 6 }).map(cleaned),
    fc.string({ unit: 'grapheme', maxLength: 4 }).map(cleaned),
  );
  return fc.oneof(
    { withCrossShrink: true },
    { weight: 2, arbitrary: fc.constantFrom(...WHOLE) },
    { weight: 3, arbitrary: fc.array(piece, { minLength: 1, maxLength: 8 }).map((pieces) => pieces.join('')) },
  );
}
