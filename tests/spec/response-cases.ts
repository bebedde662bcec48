/**
 * The structural cases of real-clients.md's outcome table (and a few added ones) as rows:
 * a response, and what the reference must make of it. `case` is the table's case name, or
 * 'added: …' for a row that is not in the table. Expected outputs are written out by hand from
 * what the real clients returned ("ok" in all four, or the botocore clients where they differ);
 * `deviation` names the client that differs and why. Kept apart from the test so the rows can be
 * replayed against boto3 (every row was: the botocore clients agree wherever no deviation is named).
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { ERRORS, type Artifact, type FailureKind, type RuleId } from '../../spec/index.ts';
import { errorBody, getStatusBody, NAMESPACE } from './bodies.ts';

/** A GetStatus output with CreationDate as its instant (`toISOString()`), so rows compare as plain data. */
export interface PlainOutput {
  JobId?: string;
  JobType?: string;
  LocationCode?: string;
  LocationMessage?: string;
  ProgressCode?: string;
  ProgressMessage?: string;
  Carrier?: string;
  TrackingNumber?: string;
  LogBucket?: string;
  LogKey?: string;
  ErrorCount?: number;
  Signature?: string;
  SignatureFileContents?: string;
  CurrentManifest?: string;
  CreationDate?: string;
  ArtifactList?: Artifact[];
}

interface Row {
  /** The rule the row proves. */
  rule: RuleId;
  case: string;
  status?: number;
  body: string | Uint8Array;
  deviation?: string;
}

export interface OutputRow extends Row {
  output: PlainOutput;
}

export interface FailureRow extends Row {
  failure: { kind: FailureKind; rule?: RuleId; code?: string; message?: string; status: number };
}

export const SEED_BYTES = readFileSync(new URL('../../fixtures/seed/response.xml', import.meta.url));

const SIGNATURE_FILE = 'version:2.0\nsigningMethod:HmacSHA1\njobId:EX1ID\nsignature:ktKDXpdbEXAMPLEyGFJmQO744UHw=';
const MANIFEST = [
  'manifestVersion:2.0',
  'generator:Text editor',
  'bucket:myBucket',
  'deviceId:49382',
  'eraseDevice:yes',
  'notificationEmail:john.doe@example.com;jane.roe@example.com',
  'trueCryptPassword:password123',
  'acl:private',
  'serviceLevel:standard',
  'returnAddress:',
  '    name: Jane Roe',
  '    company: Example Corp.',
  '    street1: 123 Any Street',
  '    street2:',
  '    street3:',
  '    city: Anytown',
  '    stateOrProvince: WA',
  '    postalCode: 91011-1111',
  '    country:USA',
  '    phoneNumber:206-555-1111',
].join('\n');

/** The documentation example, as every client returned it (fixtures/seed, real-clients.md "seed": ok in all four). */
export const SEED_OUTPUT: PlainOutput = {
  JobId: 'EX1ID',
  JobType: 'Import',
  LocationCode: 'NotReceived',
  LocationMessage: 'AWS has not received your device.',
  ProgressCode: 'Pending',
  ProgressMessage: 'The specified job has not started.',
  ErrorCount: 0,
  Signature: 'ktKDXpdbEXAMPLEyGFJmQO744UHw=',
  SignatureFileContents: SIGNATURE_FILE,
  CurrentManifest: MANIFEST,
  CreationDate: '2015-05-27T18:58:21.000Z',
  ArtifactList: [],
};

/** The seed's members, one element each, in wire order. */
const SEED_MEMBERS = [
  '<JobId>EX1ID</JobId>',
  '<JobType>Import</JobType>',
  '<LocationCode>NotReceived</LocationCode>',
  '<LocationMessage>AWS has not received your device.</LocationMessage>',
  '<ProgressCode>Pending</ProgressCode>',
  '<ProgressMessage>The specified job has not started.</ProgressMessage>',
  '<ErrorCount>0</ErrorCount>',
  '<Signature>ktKDXpdbEXAMPLEyGFJmQO744UHw=</Signature>',
  `<SignatureFileContents>${SIGNATURE_FILE}</SignatureFileContents>`,
  `<CurrentManifest>${MANIFEST}</CurrentManifest>`,
  '<CreationDate>2015-05-27T18:58:21Z</CreationDate>',
  '<ArtifactList/>',
];

const members = (list: string[]) => list.map((m) => `    ${m}`).join('\n');
const seedWith = (list: string[], namespace?: string) => getStatusBody(members(list), namespace);
const withoutArtifacts = SEED_MEMBERS.filter((m) => !m.startsWith('<ArtifactList'));
const { ArtifactList: _dropped, ...SEED_WITHOUT_ARTIFACTS } = SEED_OUTPUT;

/** Every element of a body given the `ie:` prefix, bound to the service namespace. */
const prefixed = (body: string) =>
  body.replace(/<(\/?)([A-Za-z])/g, '<$1ie:$2').replace(` xmlns="${NAMESPACE}"`, ` xmlns:ie="${NAMESPACE}"`);

const ALL_MEMBERS = members([
  '<JobId>ALL1</JobId>',
  '<JobType>Export</JobType>',
  '<LocationCode>Returned</LocationCode>',
  '<LocationMessage>The device has been returned.</LocationMessage>',
  '<ProgressCode>SuccessWithErrors</ProgressCode>',
  '<ProgressMessage>The job completed with errors.</ProgressMessage>',
  '<Carrier>UPS</Carrier>',
  '<TrackingNumber>1Z999AA10123456784</TrackingNumber>',
  '<LogBucket>examplelogs</LogBucket>',
  '<LogKey>logs/ALL1.log</LogKey>',
  '<ErrorCount>2</ErrorCount>',
  '<Signature>DV+TpDfx1/TdSE9ktyK9k/bDTVI=</Signature>',
  '<SignatureFileContents>version:2.0\njobId:ALL1</SignatureFileContents>',
  '<CurrentManifest>manifestVersion:2.0\nbucket:myBucket</CurrentManifest>',
  '<CreationDate>2010-03-28T20:27:35Z</CreationDate>',
  '<ArtifactList>',
  '  <member><Description>Import log</Description><URL>https://examplebucket.s3.amazonaws.com/import-log-ALL1</URL></member>',
  '  <member><Description>Error report</Description><URL>https://examplebucket.s3.amazonaws.com/ALL1-errors.txt</URL></member>',
  '</ArtifactList>',
]);

const ALL_OUTPUT: PlainOutput = {
  JobId: 'ALL1',
  JobType: 'Export',
  LocationCode: 'Returned',
  LocationMessage: 'The device has been returned.',
  ProgressCode: 'SuccessWithErrors',
  ProgressMessage: 'The job completed with errors.',
  Carrier: 'UPS',
  TrackingNumber: '1Z999AA10123456784',
  LogBucket: 'examplelogs',
  LogKey: 'logs/ALL1.log',
  ErrorCount: 2,
  Signature: 'DV+TpDfx1/TdSE9ktyK9k/bDTVI=',
  SignatureFileContents: 'version:2.0\njobId:ALL1',
  CurrentManifest: 'manifestVersion:2.0\nbucket:myBucket',
  CreationDate: '2010-03-28T20:27:35.000Z',
  ArtifactList: [
    { Description: 'Import log', URL: 'https://examplebucket.s3.amazonaws.com/import-log-ALL1' },
    { Description: 'Error report', URL: 'https://examplebucket.s3.amazonaws.com/ALL1-errors.txt' },
  ],
};

/** Deterministic text of exactly `length` characters, with line breaks, so truncation or reflow shows. */
export const manifestOfLength = (length: number) => {
  let text = '';
  for (let line = 0; text.length < length; line++)
    text += `entry${String(line).padStart(7, '0')}:s3://myBucket/key/${line % 997}\n`;
  return text.slice(0, length);
};
const ONE_MB = 1024 * 1024;

const artifacts = (items: string[]) => [
  '<JobId>ART1</JobId>',
  '<ArtifactList>',
  ...items.map((i) => `  ${i}`),
  '</ArtifactList>',
];

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/'/g, '&apos;');
const utf8 = (text: string) => new TextEncoder().encode(text);
const latin1 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

const JS_RESOLVES_EMPTY = 'js-sdk-v2 resolves {}: reporting a job with no status as success (GS-PARSE-014 why)';

export const OUTPUT_ROWS: OutputRow[] = [
  { rule: 'GS-PARSE-001', case: 'seed', body: SEED_BYTES, output: SEED_OUTPUT },
  { rule: 'GS-PARSE-001', case: 'all_members_returned', body: getStatusBody(ALL_MEMBERS), output: ALL_OUTPUT },
  { rule: 'GS-PARSE-002', case: 'minimal', body: seedWith(['<JobId>MIN1</JobId>']), output: { JobId: 'MIN1' } },
  { rule: 'GS-PARSE-002', case: 'added: empty GetStatusResult', body: getStatusBody('    '), output: {} },
  {
    rule: 'GS-PARSE-003',
    case: 'struct_comment_in_value',
    body: seedWith(['<JobId>EX<!-- -->1ID</JobId>', ...SEED_MEMBERS.slice(1)]),
    output: SEED_OUTPUT,
  },
  {
    rule: 'GS-PARSE-003',
    case: 'str_cdata (whole and mixed)',
    body: seedWith([
      '<JobId>CD1</JobId>',
      '<LocationMessage><![CDATA[<b>Dock & "bay"</b>]]></LocationMessage>',
      '<ProgressMessage>before <![CDATA[<in> & ]]>after</ProgressMessage>',
    ]),
    output: { JobId: 'CD1', LocationMessage: '<b>Dock & "bay"</b>', ProgressMessage: 'before <in> & after' },
  },
  {
    rule: 'GS-PARSE-003',
    case: 'str_entities (predefined and numeric references)',
    body: seedWith([
      '<JobId>ENT2</JobId>',
      '<LocationMessage>&lt;Dock&gt; &amp; &quot;bay&quot; &apos;7&apos; &#65;&#x42;&#x1F4E6;&#8220;</LocationMessage>',
    ]),
    output: { JobId: 'ENT2', LocationMessage: `<Dock> & "bay" '7' AB\u{1F4E6}\u201C` },
  },
  {
    rule: 'GS-PARSE-003',
    case: 'str_whitespace (leading, trailing, newlines kept)',
    body: seedWith(['<JobId> WS1 </JobId>', '<LocationMessage>\n   indented\n\n  </LocationMessage>']),
    output: { JobId: ' WS1 ', LocationMessage: '\n   indented\n\n  ' },
  },
  {
    rule: 'GS-PARSE-003',
    case: 'str_tab (raw tab and &#9;)',
    body: seedWith([
      '<JobId>TAB1</JobId>',
      '<LocationMessage>col1\tcol2</LocationMessage>',
      '<ProgressMessage>&#9;tab via charref</ProgressMessage>',
    ]),
    output: { JobId: 'TAB1', LocationMessage: 'col1\tcol2', ProgressMessage: '\ttab via charref' },
  },
  {
    rule: 'GS-PARSE-003',
    case: 'str_unicode (emoji, RTL, combining, CJK)',
    body: utf8(
      seedWith([
        '<JobId>UNI1</JobId>',
        '<LocationMessage>\u{1F4E6}\u{1F69A} مرحبا שלום e\u0301 日本語</LocationMessage>',
      ]),
    ),
    output: { JobId: 'UNI1', LocationMessage: '\u{1F4E6}\u{1F69A} مرحبا שלום e\u0301 日本語' },
  },
  {
    rule: 'GS-PARSE-004',
    case: 'str_whitespace (raw CR LF, lone CR, &#13;)',
    body: seedWith([
      '<JobId>CRLF1</JobId>',
      '<ProgressMessage>line1\r\nline2\rline3&#13;end&#13;&#10;last</ProgressMessage>',
    ]),
    output: { JobId: 'CRLF1', ProgressMessage: 'line1\nline2\nline3\rend\r\nlast' },
    deviation: 'js-sdk-v2 keeps the raw CR LF: line-end normalisation is part of XML parsing (GS-PARSE-004 why)',
  },
  {
    rule: 'GS-PARSE-005',
    case: 'str_empty_location',
    body: seedWith(['<JobId>EMP1</JobId>', '<LocationMessage/>', '<ProgressMessage></ProgressMessage>']),
    output: { JobId: 'EMP1', LocationMessage: '', ProgressMessage: '' },
  },
  {
    rule: 'GS-PARSE-008',
    case: 'artifacts_one',
    body: seedWith(
      artifacts(['<member><Description>report</Description><URL>https://example.com/r.pdf</URL></member>']),
    ),
    output: { JobId: 'ART1', ArtifactList: [{ Description: 'report', URL: 'https://example.com/r.pdf' }] },
  },
  {
    rule: 'GS-PARSE-008',
    case: 'artifacts_empty',
    body: seedWith(['<JobId>ART1</JobId>', '<ArtifactList/>']),
    output: { JobId: 'ART1', ArtifactList: [] },
  },
  {
    rule: 'GS-PARSE-008',
    case: 'added: <ArtifactList></ArtifactList>',
    body: seedWith(['<JobId>ART1</JobId>', '<ArtifactList>\n    </ArtifactList>']),
    output: { JobId: 'ART1', ArtifactList: [] },
  },
  {
    rule: 'GS-PARSE-008',
    case: 'added: three artifacts',
    body: seedWith(
      artifacts(
        [1, 2, 3].map(
          (n) => `<member><Description>part ${n}</Description><URL>https://example.com/${n}</URL></member>`,
        ),
      ),
    ),
    output: {
      JobId: 'ART1',
      ArtifactList: [1, 2, 3].map((n) => ({ Description: `part ${n}`, URL: `https://example.com/${n}` })),
    },
  },
  {
    rule: 'GS-PARSE-008',
    case: 'artifact_missing_url',
    body: seedWith(
      artifacts([
        '<member><Description>first</Description></member>',
        '<member><Description>second</Description><URL>https://example.com/2</URL></member>',
      ]),
    ),
    output: {
      JobId: 'ART1',
      ArtifactList: [{ Description: 'first' }, { Description: 'second', URL: 'https://example.com/2' }],
    },
  },
  {
    rule: 'GS-PARSE-008',
    case: 'artifact_url_first',
    body: seedWith(
      artifacts([
        '<member><URL>https://example.com/1</URL><Description>first</Description></member>',
        '<member><Description>second</Description></member>',
      ]),
    ),
    output: {
      JobId: 'ART1',
      ArtifactList: [{ Description: 'first', URL: 'https://example.com/1' }, { Description: 'second' }],
    },
  },
  {
    rule: 'GS-PARSE-008',
    case: 'added: unknown element inside an artifact',
    body: seedWith(
      artifacts(['<member><Description>d</Description><Size>3</Size><URL>https://example.com/d</URL></member>']),
    ),
    output: { JobId: 'ART1', ArtifactList: [{ Description: 'd', URL: 'https://example.com/d' }] },
  },
  { rule: 'GS-PARSE-009', case: 'artifacts_absent', body: seedWith(withoutArtifacts), output: SEED_WITHOUT_ARTIFACTS },
  {
    rule: 'GS-PARSE-010',
    case: 'struct_enum_unknown (and unknown LocationCode, ProgressCode)',
    body: seedWith([
      '<JobId>ENUM1</JobId>',
      '<JobType>Transfer</JobType>',
      '<LocationCode>InTransit</LocationCode>',
      '<ProgressCode>Paused</ProgressCode>',
    ]),
    output: { JobId: 'ENUM1', JobType: 'Transfer', LocationCode: 'InTransit', ProgressCode: 'Paused' },
  },
  {
    rule: 'GS-PARSE-011',
    case: 'struct_unknown_element (also nested)',
    body: seedWith([
      '<NewField>x</NewField>',
      ...SEED_MEMBERS.slice(0, 6),
      '<Extra><Deep>y</Deep><JobId>NOT-THIS</JobId></Extra>',
      ...SEED_MEMBERS.slice(6),
    ]),
    output: SEED_OUTPUT,
  },
  { rule: 'GS-PARSE-011', case: 'struct_reordered', body: seedWith([...SEED_MEMBERS].reverse()), output: SEED_OUTPUT },
  {
    rule: 'GS-PARSE-012',
    case: 'struct_no_ns',
    body: seedWith(SEED_MEMBERS).replace(` xmlns="${NAMESPACE}"`, ''),
    output: SEED_OUTPUT,
  },
  {
    rule: 'GS-PARSE-012',
    case: 'struct_other_ns',
    body: seedWith(SEED_MEMBERS, 'http://example.com/not-importexport/'),
    output: SEED_OUTPUT,
  },
  {
    rule: 'GS-PARSE-012',
    case: 'struct_ns_prefix',
    body: prefixed(seedWith(SEED_MEMBERS)),
    output: SEED_OUTPUT,
    deviation:
      'js-sdk-v2 loses every prefixed member: a prefix is an XML spelling, not a different document (GS-PARSE-012 why)',
  },
  {
    rule: 'GS-PARSE-013',
    case: 'struct_bom (bytes)',
    body: Uint8Array.from([0xef, 0xbb, 0xbf, ...SEED_BYTES]),
    output: SEED_OUTPUT,
  },
  {
    rule: 'GS-PARSE-013',
    case: 'struct_xmldecl',
    body: `<?xml version="1.0" encoding="UTF-8"?>\n${seedWith(SEED_MEMBERS)}`,
    output: SEED_OUTPUT,
  },
  {
    rule: 'GS-PARSE-013',
    case: 'added: BOM and declaration without encoding',
    body: utf8(`\uFEFF<?xml version="1.0"?>\n${seedWith(SEED_MEMBERS)}`),
    output: SEED_OUTPUT,
  },
  {
    rule: 'GS-COND-003',
    case: 'added: Returned with its shipment, a finished job with its ErrorCount',
    body: seedWith([
      '<JobId>C3</JobId>',
      '<LocationCode>Returned</LocationCode>',
      '<ProgressCode>Success</ProgressCode>',
      '<Carrier>UPS</Carrier>',
      '<TrackingNumber>1Z999AA10123456784</TrackingNumber>',
      '<ErrorCount>2</ErrorCount>',
    ]),
    output: {
      JobId: 'C3',
      LocationCode: 'Returned',
      ProgressCode: 'Success',
      Carrier: 'UPS',
      TrackingNumber: '1Z999AA10123456784',
      ErrorCount: 2,
    },
  },
  {
    rule: 'GS-COND-006',
    case: 'carrier_notreceived',
    body: seedWith([
      '<JobId>C3</JobId>',
      '<LocationCode>NotReceived</LocationCode>',
      '<Carrier>UPS</Carrier>',
      '<TrackingNumber>1Z999AA10123456784</TrackingNumber>',
    ]),
    output: { JobId: 'C3', LocationCode: 'NotReceived', Carrier: 'UPS', TrackingNumber: '1Z999AA10123456784' },
  },
  {
    rule: 'GS-COND-007',
    case: 'added: Returned without Carrier or TrackingNumber (nothing invented)',
    body: seedWith(['<JobId>C4</JobId>', '<LocationCode>Returned</LocationCode>']),
    output: { JobId: 'C4', LocationCode: 'Returned' },
  },
  {
    rule: 'GS-COND-008',
    case: 'errorcount_pending',
    body: seedWith(['<JobId>E3</JobId>', '<ProgressCode>Pending</ProgressCode>', '<ErrorCount>3</ErrorCount>']),
    output: { JobId: 'E3', ProgressCode: 'Pending', ErrorCount: 3 },
  },
  {
    rule: 'GS-COND-008',
    case: 'added: Success without ErrorCount (nothing invented), ErrorCount 0 kept',
    body: seedWith(['<JobId>C5</JobId>', '<ProgressCode>Success</ProgressCode>']),
    output: { JobId: 'C5', ProgressCode: 'Success' },
  },
  {
    rule: 'GS-SAFE-003',
    case: 'str_long_manifest (102400 characters)',
    body: seedWith(['<JobId>BIG1</JobId>', `<CurrentManifest>${manifestOfLength(102400)}</CurrentManifest>`]),
    output: { JobId: 'BIG1', CurrentManifest: manifestOfLength(102400) },
  },
  {
    rule: 'GS-SAFE-003',
    case: 'added: 1 MB CurrentManifest',
    body: seedWith(['<JobId>BIG2</JobId>', `<CurrentManifest>${manifestOfLength(ONE_MB)}</CurrentManifest>`]),
    output: { JobId: 'BIG2', CurrentManifest: manifestOfLength(ONE_MB) },
  },
];

/** 3 levels × 10 (real-clients.md mal_entity_expansion), or `levels` × 10 for a billion laughs. */
export const entityExpansion = (levels: number) => {
  let dtd = '<!ENTITY lol0 "lol">';
  for (let i = 1; i < levels; i++) dtd += `\n  <!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`;
  return `<?xml version="1.0"?>\n<!DOCTYPE GetStatusResponse [\n  ${dtd}\n]>\n${seedWith(['<JobId>ENT1</JobId>', `<LocationMessage>&lol${levels - 1};</LocationMessage>`])}`;
};

const xxe = (declaration: string, use: string) =>
  `<?xml version="1.0"?>\n<!DOCTYPE GetStatusResponse [\n  ${declaration}\n]>\n${seedWith(['<JobId>XXE1</JobId>', `<LocationMessage>${use}</LocationMessage>`])}`;

/** The seed cut off inside CurrentManifest: what a transfer that stops early delivers. */
const cutInManifest = SEED_BYTES.subarray(0, SEED_BYTES.indexOf('bucket:myBucket'));

const malformed = (rule: RuleId) => ({ kind: 'malformed' as const, rule, status: 200 });

export const FAILURE_ROWS: FailureRow[] = [
  { rule: 'GS-PARSE-014', case: 'mal_truncated', body: cutInManifest, failure: malformed('GS-PARSE-014') },
  {
    rule: 'GS-PARSE-014',
    case: 'mal_empty_body',
    body: '',
    failure: malformed('GS-PARSE-014'),
    deviation: JS_RESOLVES_EMPTY,
  },
  { rule: 'GS-PARSE-014', case: 'added: whitespace-only body', body: ' \n\t\n', failure: malformed('GS-PARSE-014') },
  {
    rule: 'GS-PARSE-014',
    case: 'added: mismatched end tag',
    body: seedWith(['<JobId>X1</JobType>']),
    failure: malformed('GS-PARSE-014'),
  },
  {
    rule: 'GS-PARSE-014',
    case: 'added: plain text with 200',
    body: 'Service Unavailable\n',
    failure: malformed('GS-PARSE-014'),
  },
  {
    rule: 'GS-PARSE-014',
    case: 'added: bare ampersand',
    body: seedWith(['<LocationMessage>Dock & bay</LocationMessage>']),
    failure: malformed('GS-PARSE-014'),
  },
  {
    rule: 'GS-PARSE-015',
    case: 'mal_html',
    body: '<html><body><h1>Service Unavailable</h1></body></html>\n',
    failure: malformed('GS-PARSE-015'),
    deviation: JS_RESOLVES_EMPTY,
  },
  {
    rule: 'GS-PARSE-015',
    case: 'mal_wrong_root',
    body: '<Foo/>',
    failure: malformed('GS-PARSE-015'),
    deviation: JS_RESOLVES_EMPTY,
  },
  {
    rule: 'GS-PARSE-015',
    case: 'struct_no_result_wrapper',
    body: `<GetStatusResponse xmlns="${NAMESPACE}">\n${members(SEED_MEMBERS)}\n</GetStatusResponse>\n`,
    failure: malformed('GS-PARSE-015'),
    deviation: 'js-sdk-v2 resolves {ResponseMetadata} only (GS-PARSE-015)',
  },
  {
    rule: 'GS-PARSE-015',
    case: 'err_200_errorresponse',
    body: errorBody('InvalidJobIdException', 'No such job'),
    failure: malformed('GS-PARSE-015'),
    deviation: JS_RESOLVES_EMPTY,
  },
  {
    rule: 'GS-PARSE-016',
    case: 'mal_undefined_entity',
    body: seedWith(['<JobId>UND1</JobId>', '<LocationMessage>a&nbsp;b</LocationMessage>']),
    failure: malformed('GS-PARSE-016'),
    deviation: 'js-sdk-v2 returns U+00A0 for it',
  },
  {
    rule: 'GS-PARSE-017',
    case: 'struct_duplicate_jobid',
    body: seedWith(['<JobId>FIRST</JobId>', '<JobId>SECOND</JobId>', ...SEED_MEMBERS.slice(1)]),
    failure: malformed('GS-PARSE-017'),
    deviation:
      'botocore leaks ElementTree objects (both CLIs crash in JSON, print memory addresses in text); js-sdk-v2 keeps FIRST, which GS-PARSE-017 tolerates; the reference fails (GS-PARSE-017 why)',
  },
  {
    rule: 'GS-PARSE-018',
    case: 'struct_latin1_decl',
    body: latin1(
      `<?xml version="1.0" encoding="ISO-8859-1"?>\n${seedWith(['<JobId>LAT1</JobId>', '<LocationMessage>Café à Zürich</LocationMessage>'])}`,
    ),
    failure: malformed('GS-PARSE-018'),
    deviation: 'js-sdk-v2 decodes it as UTF-8 and returns U+FFFD for each accented letter',
  },
  {
    rule: 'GS-SAFE-001',
    case: 'mal_xxe',
    body: xxe('<!ENTITY xxe SYSTEM "file:///etc/hostname">', '&xxe;'),
    failure: malformed('GS-SAFE-001'),
  },
  {
    rule: 'GS-SAFE-001',
    case: 'added: XXE through a PUBLIC identifier',
    body: xxe('<!ENTITY xxe PUBLIC "-//X//EN" "file:///etc/hostname">', '&xxe;'),
    failure: malformed('GS-SAFE-001'),
  },
  {
    rule: 'GS-SAFE-001',
    case: 'added: external parameter entity',
    body: xxe('<!ENTITY % xxe SYSTEM "file:///etc/hostname"> %xxe;', 'x'),
    failure: malformed('GS-SAFE-001'),
    deviation:
      'boto3 skips the unresolved parameter entity and returns {JobId, LocationMessage: "x"}; the reference rejects every DOCTYPE entity, so it never expands anything (GS-SAFE-002 why)',
  },
  {
    rule: 'GS-SAFE-002',
    case: 'mal_entity_expansion (3 levels x 10)',
    body: entityExpansion(3),
    failure: malformed('GS-SAFE-002'),
    deviation:
      'the botocore clients expand it to 3000 characters, which GS-SAFE-002 allows; the reference rejects every DOCTYPE entity so it never expands anything (GS-SAFE-002 why)',
  },
  {
    rule: 'GS-SAFE-002',
    case: 'added: billion laughs (10 levels x 10)',
    body: entityExpansion(10),
    failure: malformed('GS-SAFE-002'),
  },
  // GS-ERR-004: cli-v2 parses the 200 bytes a short body delivered and fails "no element found" (real-clients.md item 2).
  {
    rule: 'GS-ERR-004',
    case: 'fault_truncate (the first 200 bytes of the seed)',
    body: SEED_BYTES.subarray(0, 200),
    failure: malformed('GS-PARSE-014'),
  },
  // GS-ERR-005: gzip bytes are not XML; observed: aws-cli/1.45.11, aws-cli/2.9.19 and boto3 1.43.11 all fail with
  // "not well-formed (invalid token): line 1, column 0" (they did so even with Content-Encoding: gzip).
  {
    rule: 'GS-ERR-005',
    case: 'added: gzip body without Content-Encoding',
    body: new Uint8Array(gzipSync(SEED_BYTES)),
    failure: malformed('GS-PARSE-018'),
  },

  ...ERRORS.map(
    (e): FailureRow => ({
      rule: e.modelled ? 'GS-ERR-002' : 'GS-ERR-001',
      case: `err ${e.code} (${e.status})`,
      status: e.status,
      body: errorBody(e.code, escapeText(e.doc)),
      failure: { kind: 'service', code: e.code, message: e.doc, status: e.status },
    }),
  ),
  {
    rule: 'GS-ERR-001',
    case: 'err_400_unmodeled_code',
    status: 400,
    body: errorBody('SomethingNewException', 'Something new happened.'),
    failure: { kind: 'service', code: 'SomethingNewException', message: 'Something new happened.', status: 400 },
  },
  // observed: aws-cli/2.9.19 exits 254 with "An error occurred (InvalidJobIdException) ...: old style"; reporting the code is
  // preferred, and the reference reads it as botocore's query parser does (Smithy's ec2Query Ec2InvalidGreetingError), but
  // the form is not this service's, so a client need only fail the call (GS-ERR-003 why): kind 'http'.
  {
    rule: 'GS-ERR-003',
    case: 'added: older <Response><Errors><Error> layout',
    status: 400,
    body: '<Response><Errors><Error><Code>InvalidJobIdException</Code><Message>old style</Message></Error></Errors><RequestID>r1</RequestID></Response>',
    failure: { kind: 'http', status: 400, code: 'InvalidJobIdException', message: 'old style' },
  },
  // The botocore clients fail on these too, with the HTTP status as a made-up code ('502', 'Bad Gateway'), as js-sdk-v2 does
  // on a 400 (item 8); the reference expects no code at all: kind 'http'.
  {
    rule: 'GS-ERR-003',
    case: 'err_400_non_xml',
    status: 400,
    body: 'Bad Request\n',
    failure: { kind: 'http', status: 400 },
  },
  {
    rule: 'GS-ERR-003',
    case: 'added: 502 with HTML',
    status: 502,
    body: '<html><body>Bad Gateway</body></html>\n',
    failure: { kind: 'http', status: 502 },
  },
  {
    rule: 'GS-ERR-003',
    case: 'added: 500 with an empty body',
    status: 500,
    body: '',
    failure: { kind: 'http', status: 500 },
  },
  {
    rule: 'GS-ERR-003',
    case: 'added: 503 with plain text',
    status: 503,
    body: 'Service Unavailable',
    failure: { kind: 'http', status: 503 },
  },
  {
    rule: 'GS-ERR-003',
    case: 'added: 404 with a GetStatusResponse body',
    status: 404,
    body: SEED_BYTES,
    failure: { kind: 'http', status: 404 },
  },
];
