/**
 * Reading a response body as XML the way botocore's expat-based parser does,
 * on top of fast-xml-parser configured so that nothing is expanded behind our back:
 * - entities are decoded here, not by the library: the five predefined ones and
 *   numeric character references; anything else (`&nbsp;`, a DOCTYPE-declared
 *   entity, internal or external) is an error, so no expansion and no XXE can happen;
 * - CDATA is text, comments vanish without splitting the text around them;
 * - whitespace inside values is kept; line ends are normalised before parsing (XML 1.0 §2.11),
 *   so a raw CR LF becomes LF while `&#13;` stays CR;
 * - namespace prefixes are dropped, as botocore ignores namespaces.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { GetStatusError, malformed } from './errors.ts';
import type { RuleId } from './rules.ts';

/** Read-only: a body read lately is answered with the same elements again (see `recent`). */
export interface XmlElement {
  /** Local name, namespace prefix removed. */
  readonly name: string;
  readonly children: readonly XmlElement[];
  /** Text before the first child element, as ElementTree's `node.text` (what botocore reads for a scalar). */
  readonly text: string;
}

const parser = new XMLParser({
  // No path string built for every element: no callback here reads it.
  jPath: false,
  preserveOrder: true,
  processEntities: false,
  htmlEntities: false,
  trimValues: false,
  parseTagValue: false,
  ignoreAttributes: true,
  removeNSPrefix: true,
  cdataPropName: '#cdata',
  ignoreDeclaration: true,
  ignorePiTags: true,
});

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const REFERENCE = /&([^;&\s]*);?/g;
// XML 1.0 Char production: anything else is not well-formed, raw or as a reference.
const NOT_XML_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const DOCTYPE = /<!DOCTYPE[\s\S]*?(?:\[[\s\S]*?\]\s*)?>/;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * What the bodies read last gave, by their text, oldest first: a root, or how the body is not
 * well-formed. A case's body is read once for its expectation and again by the reference client,
 * and reading XML is much of a run's work. Bounded in count and size, so memory stays flat.
 */
const recent = new Map<string, XmlElement | NotWellFormed>();
const RECENT_COUNT = 64;
const RECENT_LONGEST = 64 * 1024;

/** A body's reading failed: the rule and message it is thrown again with, under the status of the read that asks. */
class NotWellFormed {
  constructor(
    readonly rule: RuleId,
    readonly message: string,
  ) {}
}

type OrderedNode = Record<string, unknown>;

function isXmlChar(codePoint: number): boolean {
  return codePoint <= 0x10ffff && !NOT_XML_CHAR.test(String.fromCodePoint(codePoint));
}

/** Decode the references in one run of character data; `doctype` tells a declared entity from an undefined one. */
function decodeText(raw: string, status: number, doctype: string): string {
  return raw.replace(REFERENCE, (whole, name: string) => {
    if (!whole.endsWith(';')) throw malformed('GS-PARSE-014', status, `not well-formed: bare '&' in "${whole}"`);
    if (name in PREDEFINED) return PREDEFINED[name];
    const numeric = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(name);
    if (numeric) {
      const cp = numeric[1] !== undefined ? parseInt(numeric[1], 16) : parseInt(numeric[2], 10);
      if (!isXmlChar(cp)) throw malformed('GS-PARSE-014', status, `not well-formed: ${whole} is not an XML character`);
      return String.fromCodePoint(cp);
    }
    const declared = new RegExp(`<!ENTITY\\s+${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+(SYSTEM|PUBLIC)?`).exec(
      doctype,
    );
    if (declared?.[1]) throw malformed('GS-SAFE-001', status, `external entity ${whole} is never resolved`);
    if (declared)
      throw malformed(
        'GS-SAFE-002',
        status,
        `entity ${whole} is declared in the DOCTYPE; the reference never expands DOCTYPE entities`,
      );
    throw malformed('GS-PARSE-016', status, `undefined entity ${whole}`);
  });
}

function toElement(name: string, nodes: OrderedNode[], status: number, doctype: string): XmlElement {
  const element = { name, children: [] as XmlElement[], text: '' };
  for (const node of nodes) {
    if ('#text' in node) {
      // Decode even text that is ignored, so an undefined entity anywhere is caught as expat would.
      const decoded = decodeText(String(node['#text']), status, doctype);
      if (element.children.length === 0) element.text += decoded;
    } else if ('#cdata' in node) {
      const inner = node['#cdata'] as OrderedNode[];
      if (element.children.length === 0) element.text += inner.map((n) => String(n['#text'] ?? '')).join('');
    } else {
      const tag = Object.keys(node).find((k) => k !== ':@');
      if (tag !== undefined) element.children.push(toElement(tag, node[tag] as OrderedNode[], status, doctype));
    }
  }
  return element;
}

/** Bytes or text → the root element. Throws a `malformed` GetStatusError naming the rule the body breaks. */
export function readXml(body: string | Uint8Array, status: number): XmlElement {
  let text: string;
  if (typeof body === 'string') {
    text = body;
  } else {
    try {
      text = utf8.decode(body);
    } catch {
      throw malformed('GS-PARSE-018', status, 'not well-formed: the body is not valid UTF-8');
    }
  }
  const known = recent.get(text);
  if (known instanceof NotWellFormed) throw malformed(known.rule, status, known.message);
  if (known) return known;
  let root: XmlElement;
  try {
    root = readText(text, status);
  } catch (error) {
    if (error instanceof GetStatusError && error.kind === 'malformed' && error.rule)
      remember(text, new NotWellFormed(error.rule, error.message));
    throw error;
  }
  remember(text, root);
  return root;
}

function remember(text: string, read: XmlElement | NotWellFormed): void {
  if (text.length > RECENT_LONGEST) return;
  recent.set(text, read);
  if (recent.size > RECENT_COUNT) recent.delete(recent.keys().next().value!);
}

function readText(body: string, status: number): XmlElement {
  const text = body.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw malformed('GS-PARSE-014', status, 'no element found: the body is empty');
  const bad = NOT_XML_CHAR.exec(text);
  if (bad)
    throw malformed(
      'GS-PARSE-014',
      status,
      `not well-formed: character U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML`,
    );
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    // The validator reports unclosed elements as a JSON array of their names.
    const unclosed = /^Invalid '\[(.*)\]' found/s.exec(valid.err.msg);
    const detail = unclosed
      ? `no element found: <${JSON.parse(`[${unclosed[1]}]`).join('>, <')}> not closed`
      : valid.err.msg;
    throw malformed(
      'GS-PARSE-014',
      status,
      `not well-formed (line ${valid.err.line}${valid.err.col === undefined ? '' : `, column ${valid.err.col}`}): ${detail}`,
    );
  }
  const doctype = DOCTYPE.exec(text)?.[0] ?? '';
  let top: OrderedNode[];
  try {
    top = parser.parse(text) as OrderedNode[];
  } catch (error) {
    if (/<!ENTITY\s+%?\s*\S+\s+(SYSTEM|PUBLIC)\b/.test(doctype)) {
      throw malformed('GS-SAFE-001', status, 'the DOCTYPE declares an external entity; it is never resolved');
    }
    throw malformed('GS-PARSE-014', status, `not well-formed: ${(error as Error).message}`);
  }
  const roots = top.filter((n) => !('#text' in n) || String(n['#text']).trim() !== '');
  if (roots.length !== 1 || '#text' in roots[0] || '#cdata' in roots[0]) {
    throw malformed('GS-PARSE-014', status, `not well-formed: expected one root element, found ${roots.length}`);
  }
  const [rootName] = Object.keys(roots[0]).filter((k) => k !== ':@');
  return toElement(rootName, roots[0][rootName] as OrderedNode[], status, doctype);
}

export function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => c.name === name);
}
