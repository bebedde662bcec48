/**
 * Writing a GetStatus response body. The writer works on a small element tree so invalid
 * cases can start from exactly what a valid response would hold and change one thing.
 */
import { ARTIFACT_MEMBERS, LIST_MEMBER_ELEMENT, SERVICE, type Artifact, type GetStatusOutput } from '../spec/index.ts';
import { creationDateText } from './creation-dates.ts';
import { BETWEEN, DECLARATIONS, type WireEncoding } from './wire-encoding.ts';

/**
 * An element whose character data is already written (escaped), or one with child elements;
 * `attributes` is written as is after its name (` a="1"`).
 */
export type XmlNode = ({ name: string; text: string } | { name: string; children: XmlNode[] }) & {
  attributes?: string;
};

export const OTHER_NAMESPACE = 'urn:example:not-importexport';
const PREFIX = 'ie';
const UNUSED_PREFIX = ' xmlns:x="urn:example:unused"';

const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const reference = (char: string, radix: 10 | 16) =>
  radix === 16 ? `&#x${char.codePointAt(0)!.toString(16).toUpperCase()};` : `&#${char.codePointAt(0)};`;

/** Characters that cannot be written raw in this encoding: CR always (XML would read it as LF). */
const needsReference = (char: string, encoding: WireEncoding) =>
  char === '\r' || (encoding.nonAscii === 'references' && char.codePointAt(0)! > 0x7f);
/** CR in decimal unless the encoding already writes references in hex: `&#13;` is the plain spelling. */
const radixOf = (char: string, encoding: WireEncoding): 10 | 16 =>
  char !== '\r' || encoding.text === 'hex' || encoding.nonAscii === 'references' ? 16 : 10;

/** Per text style, the characters it writes otherwise than as themselves (CR in every style). */
const WRITTEN_OTHERWISE: Record<WireEncoding['text'], RegExp> = {
  minimal: /[&<>\r]/,
  entities: /[&<>"'\r]/,
  decimal: /[&<>"'\r]/,
  hex: /[&<>"'\r]/,
  'mixed-cdata': /[&<>"'\r]/,
  // Every character goes into a CDATA section.
  cdata: /./s,
};

/**
 * `before` is the value's text already written before this run (a comment may split a value):
 * `]]>` is escaped by what the value holds, so the text stays free of it with the comment taken out.
 */
function escapeRun(value: string, encoding: WireEncoding, before = ''): string {
  // Most values are written as they are: only scan them once.
  if (
    !WRITTEN_OTHERWISE[encoding.text].test(value) &&
    (encoding.nonAscii !== 'references' || !/[^\p{ASCII}]/u.test(value))
  )
    return value;
  let out = '';
  let last2 = before.slice(-2);
  let section: string | undefined;
  const closeSection = () => {
    if (section !== undefined && section !== '') out += `<![CDATA[${section}]]>`;
    section = undefined;
  };
  for (const char of value) {
    const afterBrackets = last2 === ']]';
    last2 = (last2 + char).slice(-2);
    if (needsReference(char, encoding)) {
      closeSection();
      out += reference(char, radixOf(char, encoding));
      continue;
    }
    const special = char in ENTITY;
    switch (encoding.text) {
      case 'minimal':
        out += char === '&' || char === '<' || (char === '>' && afterBrackets) ? ENTITY[char] : char;
        break;
      case 'entities':
        out += special ? ENTITY[char] : char;
        break;
      case 'decimal':
      case 'hex':
        out += special ? reference(char, encoding.text === 'hex' ? 16 : 10) : char;
        break;
      case 'mixed-cdata':
        out += special ? `<![CDATA[${char}]]>` : char;
        break;
      case 'cdata':
        // `]]>` would end the section: end it after `]]` and start the next with `>`.
        if (char === '>' && section?.endsWith(']]')) closeSection();
        section = (section ?? '') + char;
        break;
    }
  }
  closeSection();
  return out;
}

/** A value as character data; '' for the empty string. */
export function writeText(value: string, encoding: WireEncoding): string {
  const chars = [...value];
  if (encoding.commentInValues && chars.length >= 2) {
    const half = Math.floor(chars.length / 2);
    const first = chars.slice(0, half).join('');
    return `${escapeRun(first, encoding)}<!-- split -->${escapeRun(chars.slice(half).join(''), encoding, first)}`;
  }
  return escapeRun(value, encoding);
}

export const leaf = (name: string, value: string, encoding: WireEncoding): XmlNode => ({
  name,
  text: writeText(value, encoding),
});

function artifactNode(artifact: Artifact, encoding: WireEncoding): XmlNode {
  const names = encoding.artifactOrder === 'model' ? [...ARTIFACT_MEMBERS] : [...ARTIFACT_MEMBERS].reverse();
  return {
    name: LIST_MEMBER_ELEMENT,
    children: names.filter((n) => artifact[n] !== undefined).map((n) => leaf(n, artifact[n]!, encoding)),
  };
}

/** The present members of `output` as GetStatusResult children, in the encoding's order. */
export function memberNodes(output: GetStatusOutput, encoding: WireEncoding): XmlNode[] {
  const nodes: XmlNode[] = [];
  for (const name of encoding.order) {
    const value = output[name];
    if (value === undefined) continue;
    if (name === 'ArtifactList')
      nodes.push({ name, children: (value as Artifact[]).map((a) => artifactNode(a, encoding)) });
    else if (value instanceof Date) nodes.push({ name, text: creationDateText(value, encoding.timestamp) });
    else if (typeof value === 'number') nodes.push({ name, text: String(value) });
    else nodes.push(leaf(name, value as string, encoding));
  }
  return nodes;
}

function newline(encoding: WireEncoding, depth: number): string {
  switch (encoding.layout) {
    case 'compact':
      return '';
    case 'indented':
      return `\n${'  '.repeat(depth)}`;
    case 'tabs':
      return `\n${'\t'.repeat(depth)}`;
    case 'crlf':
      return `\n${' '.repeat(depth)}`;
  }
}

/** Where an element sits: its depth (the root is 0), its place among its siblings, the prefix its name is written with. */
interface Place {
  depth: number;
  index: number;
  prefix?: string;
}

const SERVICE_DEFAULT = ` xmlns="${SERVICE.xmlNamespace}"`;
const SERVICE_PREFIX = ` xmlns:${PREFIX}="${SERVICE.xmlNamespace}"`;

/** The namespace declarations an element carries. Depth 1 is the result wrapper (an error body's Error), depth 2 its members. */
function declarations(node: XmlNode, encoding: WireEncoding, { depth, index }: Place): string {
  const firstMember = depth === 2 && index === 0;
  switch (encoding.namespace) {
    case 'none':
      return '';
    case 'other':
      return depth === 0 ? ` xmlns="${OTHER_NAMESPACE}"` : '';
    case 'prefix':
      return depth === 0 ? SERVICE_PREFIX : '';
    case 'default':
      return depth === 0 ? SERVICE_DEFAULT : '';
    case 'redeclared':
      return depth === 0 || depth >= 2 ? SERVICE_DEFAULT : '';
    case 'member-other':
      return depth === 0 ? SERVICE_DEFAULT : firstMember ? ` xmlns="${OTHER_NAMESPACE}"` : '';
    case 'unused-prefix':
      return depth === 0 ? `${SERVICE_DEFAULT}${UNUSED_PREFIX}` : firstMember ? UNUSED_PREFIX : '';
    case 'wrapper-prefix':
      return depth === 0 ? SERVICE_DEFAULT : depth === 1 && 'children' in node ? SERVICE_PREFIX : '';
  }
}

/** The prefix of the elements below this one: 'wrapper-prefix' starts it below depth 1. */
const childPrefix = (encoding: WireEncoding, place: Place) =>
  place.prefix ?? (encoding.namespace === 'wrapper-prefix' && place.depth === 1 ? PREFIX : undefined);
const qualified = (name: string, prefix: string | undefined) => (prefix === undefined ? name : `${prefix}:${name}`);

function writeElement(node: XmlNode, encoding: WireEncoding, place: Place): string {
  const name = qualified(node.name, place.prefix);
  const attributes = `${declarations(node, encoding, place)}${node.attributes ?? ''}`;
  const empty = 'text' in node ? node.text === '' : node.children.length === 0;
  if (empty) return encoding.empty === 'self-closing' ? `<${name}${attributes}/>` : `<${name}${attributes}></${name}>`;
  if ('text' in node) return `<${name}${attributes}>${node.text}</${name}>`;
  const line = newline(encoding, place.depth + 1);
  const before = BETWEEN[encoding.between] && `${line}${BETWEEN[encoding.between]}`;
  const prefix = childPrefix(encoding, place);
  const inner = node.children
    .map((c, index) => `${before}${line}${writeElement(c, encoding, { depth: place.depth + 1, index, prefix })}`)
    .join('');
  return `<${name}${attributes}>${inner}${newline(encoding, place.depth)}</${name}>`;
}

/** Departures from the GetStatusResponse shape, for invalid cases. */
export interface DocumentShape {
  /** Root element name (default GetStatusResponse). */
  root?: string;
  /** Wrapper around the members (default GetStatusResult); null puts them straight under the root. */
  wrapper?: string | null;
  /** Declarations for a DOCTYPE's internal subset. */
  doctype?: string;
  /** Replaces the encoding's XML declaration. */
  declaration?: string;
}

/** A whole document around the given GetStatusResult children (or any root's children). */
export function writeDocument(members: XmlNode[], encoding: WireEncoding, shape: DocumentShape = {}): string {
  const root = shape.root ?? SERVICE.responseRoot;
  const wrapper = shape.wrapper === undefined ? SERVICE.resultWrapper : shape.wrapper;
  const children: XmlNode[] = wrapper === null ? [...members] : [{ name: wrapper, children: members }];
  if (encoding.requestId !== undefined)
    children.push({ name: 'ResponseMetadata', children: [{ name: 'RequestId', text: encoding.requestId }] });
  return writeTree({ name: root, children }, encoding, shape);
}

/** A document with any root element, written in the encoding's style (error bodies use this too). */
export function writeTree(
  root: XmlNode,
  encoding: WireEncoding,
  shape: Pick<DocumentShape, 'doctype' | 'declaration'> = {},
): string {
  const declaration = shape.declaration ?? DECLARATIONS[encoding.declaration];
  const line = newline(encoding, 0) || '';
  // Comments may stand before and after the root; CDATA may not (it is character data, only allowed inside it).
  const aroundRoot = encoding.between === 'comments' ? BETWEEN.comments : '';
  const rootPrefix = encoding.namespace === 'prefix' ? PREFIX : undefined;
  const prolog = [
    declaration,
    shape.doctype !== undefined ? `<!DOCTYPE ${qualified(root.name, rootPrefix)} [${shape.doctype}]>` : '',
    aroundRoot,
  ]
    .filter((part) => part !== '')
    .map((part) => `${part}${line}`)
    .join('');
  const epilog = aroundRoot === '' ? '' : `${aroundRoot}${line}`;
  const document = `${encoding.bom ? '\uFEFF' : ''}${prolog}${writeElement(root, encoding, { depth: 0, index: 0, prefix: rootPrefix })}${line}${epilog}`;
  return encoding.layout === 'crlf' ? document.replace(/\n/g, '\r\n') : document;
}

/** The body of a 200 GetStatus response carrying `output`, written as `encoding` says. */
export function serialize(output: GetStatusOutput, encoding: WireEncoding): string {
  return writeDocument(memberNodes(output, encoding), encoding);
}
