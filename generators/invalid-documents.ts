/**
 * Invalid responses broken at the document level: malformed or truncated XML, a body that is
 * not a GetStatusResponse, undefined entities, bytes that are not UTF-8, unknown elements and
 * duplicated members.
 */
import fc from 'fast-check';
import { ARTIFACT_MEMBERS, LIST_MEMBER_ELEMENT, parseGetStatusResponse, type GetStatusOutput } from '../spec/index.ts';
import type { ResponseCase } from './case.ts';
import { creationDate } from './creation-dates.ts';
import { errorDocument } from './error-documents.ts';
import { bodyWithMarkup, breaking, insertAt, invalidCase, TEXT_TARGETS, withText } from './invalid-case.ts';
import { realisticJobId } from './job-ids.ts';
import { bucketName, signature } from './realistic-values.ts';
import { fakerArbitrary } from './seeded-faker.ts';
import { memberNodes, serialize, writeDocument, type XmlNode } from './serialize.ts';
import { plainExcept } from './plain.ts';
import type { ValidParts } from './valid-cases.ts';

/** GS-PARSE-014: malformed XML, a truncated document, an empty body. */
function malformed(from: fc.Arbitrary<ValidParts>): fc.Arbitrary<ResponseCase> {
  const truncated = breaking(from, fc.tuple(fc.nat()), ([parts, at]) => {
    const body = serialize(parts.output, parts.encoding);
    // Cut before the root's closing '>' (a comment may follow the root), and never inside a surrogate pair (that would not be the body sent).
    const end = body.indexOf('>', body.lastIndexOf('</'));
    let cut = at % end;
    if (/[\uD800-\uDBFF]/.test(body.charAt(cut - 1))) cut -= 1;
    return invalidCase('GS-PARSE-014', parts, body.slice(0, cut));
  });
  // Each is malformed whatever text surrounds it: a bare `&` followed by a name and `;` would be an undefined entity (GS-PARSE-016).
  const markup = fc.constantFrom('AT& T', 'a < b', '&#0;', '&#xFFFE;', '\u0001', '&#x110000;', 'x</Other>', '&;');
  const broken = breaking(from, fc.tuple(fc.constantFrom(...TEXT_TARGETS), markup), ([parts, target, raw]) =>
    invalidCase('GS-PARSE-014', parts, bodyWithMarkup(parts, target, raw)),
  );
  // XML has one root element: whatever follows it but comments and whitespace is not well-formed.
  const afterRoot = breaking(
    from,
    fc.tuple(fc.constantFrom('empty-root', 'second-response', 'foo', 'text')),
    ([parts, after]) => {
      const second = {
        'empty-root': '<GetStatusResponse/>',
        'second-response': serialize(
          { ...parts.output, JobId: 'SECOND' },
          { ...parts.encoding, bom: false, declaration: 'none' },
        ),
        foo: '<Foo/>',
        text: 'junk',
      }[after];
      return invalidCase('GS-PARSE-014', parts, `${serialize(parts.output, parts.encoding)}${second}`);
    },
  );
  const empty = breaking(from, fc.tuple(fc.constantFrom('', '\n', '  \r\n')), ([parts, body]) =>
    invalidCase('GS-PARSE-014', parts, body),
  );
  return fc.oneof(empty, broken, afterRoot, truncated);
}

/**
 * The plainest malformed body: the fully plain valid response made from `parts`, cut in the middle
 * of its root. A client that resolves here swallows its parser's errors, whichever malformation
 * of another rule's drew it (spec/dimensions.ts, MALFORMED_FAMILY).
 */
export function truncatedProbe(parts: ValidParts): ResponseCase {
  const plain = plainExcept({ ...parts, essence: false }, []);
  const body = serialize(plain.output, plain.encoding);
  return invalidCase('GS-PARSE-014', plain, body.slice(0, Math.floor(body.length / 2)));
}

const XHTML = (title: string) =>
  `<html><head><title>${title}</title></head><body><h1>${title}</h1><p>Please try again later.</p></body></html>\n`;

/** GS-PARSE-015: well-formed XML that is not a GetStatusResponse with a GetStatusResult. */
function notGetStatusResponse(from: fc.Arbitrary<ValidParts>): fc.Arbitrary<ResponseCase> {
  const root = fc.constantFrom(
    'GetStatusResult',
    'CreateJobResponse',
    'Response',
    'getstatusresponse',
    'GetStatusResponseX',
  );
  const wrongRoot = breaking(from, fc.tuple(root), ([parts, name]) =>
    invalidCase(
      'GS-PARSE-015',
      parts,
      writeDocument(memberNodes(parts.output, parts.encoding), parts.encoding, { root: name }),
    ),
  );
  const noWrapper = breaking(from, fc.tuple(fc.constantFrom(null, 'Result', 'GetStatusResults')), ([parts, wrapper]) =>
    invalidCase(
      'GS-PARSE-015',
      parts,
      writeDocument(memberNodes(parts.output, parts.encoding), parts.encoding, { wrapper }),
    ),
  );
  const html = breaking(
    from,
    fc.tuple(fc.constantFrom('Service Unavailable', '200 OK', 'Maintenance')),
    ([parts, title]) => invalidCase('GS-PARSE-015', parts, XHTML(title)),
  );
  const errorWith200 = breaking(from, fc.tuple(errorDocument()), ([parts, body]) =>
    invalidCase('GS-PARSE-015', parts, body),
  );
  const foo = breaking(from, fc.tuple(), ([parts]) => invalidCase('GS-PARSE-015', parts, '<Foo/>'));
  return fc.oneof(foo, wrongRoot, noWrapper, html, errorWith200);
}

/** GS-PARSE-016: an entity no DOCTYPE declares. */
function undefinedEntity(from: fc.Arbitrary<ValidParts>): fc.Arbitrary<ResponseCase> {
  return breaking(
    from,
    fc.tuple(
      fc.constantFrom(...TEXT_TARGETS),
      fc.constantFrom('nbsp', 'copy', 'eacute', 'hellip', 'mdash', 'euro', 'reg', 'foo'),
    ),
    ([parts, target, name]) => invalidCase('GS-PARSE-016', parts, bodyWithMarkup(parts, target, `&${name};`)),
  );
}

const LATIN1_TEXT = ['Café à Zürich', 'Ñandú', 'façade', '£100 ±5°'];
const BAD_UTF8: readonly number[][] = [
  [0xff],
  [0xc0, 0xaf],
  [0xed, 0xa0, 0x80],
  [0xe9, 0x20],
  [0x80],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
];
/** A character that is in no valid body (not an XML character): marks where bad bytes go. */
const MARK = '\u0000';

function bytes(text: string, encoding: 'utf8' | 'latin1' | 'utf16le'): Uint8Array {
  return new Uint8Array(Buffer.from(text, encoding));
}

/** GS-PARSE-018: bytes that are not UTF-8. */
function notUtf8(from: fc.Arbitrary<ValidParts>): fc.Arbitrary<ResponseCase> {
  const latin1 = breaking(
    from,
    fc.tuple(
      fc.constantFrom(...TEXT_TARGETS),
      fc.constantFrom(...LATIN1_TEXT),
      fc.constantFrom(
        undefined,
        '<?xml version="1.0" encoding="ISO-8859-1"?>',
        '<?xml version="1.0" encoding="windows-1252"?>',
      ),
    ),
    ([parts, target, text, declaration]) => {
      // Everything else ASCII, so the body is the same text in either encoding except for `text`.
      const encoding = { ...parts.encoding, nonAscii: 'references' as const, bom: false };
      const body = writeDocument(
        withText(memberNodes(parts.output, encoding), target, text),
        encoding,
        declaration ? { declaration } : {},
      );
      return invalidCase('GS-PARSE-018', { ...parts, encoding }, bytes(body, 'latin1'));
    },
  );
  const strayBytes = breaking(
    from,
    fc.tuple(fc.constantFrom(...TEXT_TARGETS), fc.constantFrom(...BAD_UTF8)),
    ([parts, target, bad]) => {
      const [before, after] = bodyWithMarkup(parts, target, MARK).split(MARK);
      return invalidCase(
        'GS-PARSE-018',
        parts,
        new Uint8Array(Buffer.concat([bytes(before, 'utf8'), Uint8Array.from(bad), bytes(after, 'utf8')])),
      );
    },
  );
  const utf16 = breaking(from, fc.tuple(), ([parts]) =>
    invalidCase(
      'GS-PARSE-018',
      parts,
      bytes(`\uFEFF${serialize(parts.output, { ...parts.encoding, bom: false })}`, 'utf16le'),
    ),
  );
  return fc.oneof(latin1, strayBytes, utf16);
}

/** Runs of sibling elements the model does not name: one element, or one repeated. */
const extraElements: fc.Arbitrary<XmlNode[]> = fc.oneof(
  fc.constantFrom<XmlNode[]>(
    [{ name: 'NewField', text: 'x' }],
    [{ name: 'Reserved', text: '' }],
    [{ name: 'Extra', children: [{ name: 'Deep', text: 'y' }] }],
    [
      {
        name: 'ShippingStatus',
        children: [
          { name: 'Status', text: 'InTransit' },
          { name: 'Eta', text: '2015-06-01' },
        ],
      },
    ],
    [
      { name: 'Foo', text: '1' },
      { name: 'Foo', text: '2' },
    ],
    // A member's name in another case is another element: XML names are case-sensitive.
    [{ name: 'jobId', text: 'lower-case twin' }],
    [{ name: 'JobID', text: 'upper-case twin' }],
    [{ name: 'jobid', text: 'lower-case twin' }],
  ),
  fakerArbitrary((f): XmlNode[] => [
    { name: `${f.word.noun().replace(/[^A-Za-z]/g, '') || 'Field'}Detail`, text: f.lorem.words(2) },
  ]),
);

/** Elements that may carry attributes the model does not name (the service never sends any). */
const ATTRIBUTE_TARGETS = ['JobId', 'ErrorCount', 'ArtifactList', LIST_MEMBER_ELEMENT] as const;

/** `nodes` with an attribute on every element named in `targets`, at any depth. */
const withAttributes = (nodes: XmlNode[], targets: readonly string[]): XmlNode[] =>
  nodes.map((node) => {
    const tagged = targets.includes(node.name) ? { ...node, attributes: ' attr="1"' } : node;
    return 'children' in tagged ? { ...tagged, children: withAttributes(tagged.children, targets) } : tagged;
  });

/**
 * GS-PARSE-011: elements the model does not name, in GetStatusResult or inside ArtifactList, a
 * member's name in another case instead of the member, and attributes on members beside unknown
 * elements (the validator flags elements, not attributes).
 */
function unknownElements(from: fc.Arbitrary<ValidParts>): fc.Arbitrary<ResponseCase> {
  const extras = fc.array(fc.tuple(extraElements, fc.nat()), { minLength: 1, maxLength: 3 });
  const attributeTargets = fc.subarray([...ATTRIBUTE_TARGETS]);
  const inResult = breaking(from, fc.tuple(extras, attributeTargets), ([parts, runs, targets]) => {
    const nodes = runs.reduce(
      (acc, [run, at]) => insertAt(acc, at, ...run),
      withAttributes(memberNodes(parts.output, parts.encoding), targets),
    );
    return invalidCase('GS-PARSE-011', parts, writeDocument(nodes, parts.encoding));
  });
  const renamed = breaking(from, fc.tuple(fc.constantFrom('JobID', 'jobid', 'JOBID')), ([parts, name]) => {
    const nodes = memberNodes(parts.output, parts.encoding);
    const twin = nodes.some((n) => n.name === 'JobId')
      ? nodes.map((n) => (n.name === 'JobId' ? { ...n, name } : n))
      : [{ name, text: parts.jobId }, ...nodes];
    return invalidCase('GS-PARSE-011', parts, writeDocument(twin, parts.encoding));
  });
  const inArtifacts = breaking(from, fc.tuple(fc.constantFrom('in-member', 'beside-members')), ([parts, where]) => {
    const output: GetStatusOutput = {
      ...parts.output,
      ArtifactList: parts.output.ArtifactList?.length
        ? parts.output.ArtifactList
        : [{ Description: 'Success log', URL: 'https://example.com/log.txt' }],
    };
    const nodes = memberNodes(output, parts.encoding).map((node): XmlNode => {
      if (node.name !== 'ArtifactList' || !('children' in node)) return node;
      if (where === 'beside-members')
        return {
          ...node,
          children: [
            ...node.children,
            { name: 'item', children: [{ name: ARTIFACT_MEMBERS[0], text: 'not a member' }] },
          ],
        };
      const [first, ...rest] = node.children;
      return {
        ...node,
        children: [
          'children' in first ? { ...first, children: [...first.children, { name: 'Size', text: '1024' }] } : first,
          ...rest,
        ],
      };
    });
    return invalidCase('GS-PARSE-011', parts, writeDocument(nodes, parts.encoding));
  });
  return fc.oneof(inResult, inArtifacts, renamed);
}

/**
 * Members a client may return either value of; the conditional ones are left out so both values stay
 * valid, and the values are plain, so a string or ErrorCount deviation stays its own rule's.
 */
const sentence = fakerArbitrary((f) => f.lorem.sentence());
const DUPLICABLE = {
  JobId: realisticJobId(),
  JobType: fc.constantFrom('Import', 'Export'),
  LocationMessage: sentence,
  ProgressMessage: sentence,
  LogBucket: fakerArbitrary(bucketName),
  LogKey: fakerArbitrary((f) => `logs/${f.string.alphanumeric(8)}.log`),
  Signature: fakerArbitrary(signature),
  ErrorCount: fc.integer({ min: 1, max: 20 }),
  CreationDate: creationDate(),
  ArtifactList: fc.array(fc.record({ Description: sentence, URL: fc.webUrl() }), { minLength: 2, maxLength: 3 }),
} satisfies Partial<Record<keyof GetStatusOutput, fc.Arbitrary<unknown>>>;

/** GS-PARSE-017: a member sent twice. A client may fail, or return either value; the accepted outputs are the two valid documents' outputs. */
function duplicatedMember(from: fc.Arbitrary<ValidParts>): fc.Arbitrary<ResponseCase> {
  const member = fc.oneof(
    ...(Object.entries(DUPLICABLE) as [keyof typeof DUPLICABLE, fc.Arbitrary<unknown>][]).map(([name, value]) =>
      fc.tuple(fc.constant(name), value, value),
    ),
  );
  return breaking(from, fc.tuple(member, fc.nat()), ([parts, [name, first, second], at]) => {
    const once = { ...parts.output, [name]: first } as GetStatusOutput;
    const other = { ...parts.output, [name]: second } as GetStatusOutput;
    const nodes = memberNodes(once, parts.encoding);
    const index = nodes.findIndex((n) => n.name === name);
    const [twin] = memberNodes({ [name]: second } as GetStatusOutput, parts.encoding);
    const after = nodes.slice(index + 1);
    const body = writeDocument([...nodes.slice(0, index + 1), ...insertAt(after, at, twin)], parts.encoding);
    const accept = [
      parseGetStatusResponse(serialize(once, parts.encoding)),
      parseGetStatusResponse(serialize(other, parts.encoding)),
    ];
    return invalidCase('GS-PARSE-017', parts, body, {
      expected: { outcome: 'fail-or-tolerated', rule: 'GS-PARSE-017', accept },
    });
  });
}

export const DOCUMENT_CASES = {
  'GS-PARSE-014': malformed,
  'GS-PARSE-015': notGetStatusResponse,
  'GS-PARSE-016': undefinedEntity,
  'GS-PARSE-018': notUtf8,
  'GS-PARSE-011': unknownElements,
  'GS-PARSE-017': duplicatedMember,
} as const;
