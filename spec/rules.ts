/**
 * The catalogue of numbered rules. Each cites its source: a line of the documentation page
 * (shared/seed/get-status.txt), the botocore service model, or what a named real client did
 * (shared/reference/real-clients.md: AWS CLI v1 1.45.11, AWS CLI v2 2.9.19, boto3 1.43.11,
 * aws-sdk 2.1693.0). Where clients disagree, `why` says which behaviour is right.
 */

export type Level = 'MUST' | 'SHOULD';
/**
 * Who the rule binds: a client reading responses, the CLI layouts, or the service (checked by the
 * validator).
 */
export type Subject = 'client' | 'output' | 'service';

export interface Rule {
  id: string;
  level: Level;
  subject: Subject;
  statement: string;
  source: string;
  why?: string;
  /** Why no check runs a client against this rule; every rule without it has a check. */
  unchecked?: string;
  /** A response that shows the rule; SPEC.md prints it with the reference outcome. */
  example?: { status?: number; body: string };
}

const DOC = 'shared/seed/get-status.txt';
const MODEL = 'botocore service model importexport/2010-06-01 (service-2.json)';
const OBSERVED = 'observed (real-clients.md)';

const NAMESPACE = 'http://importexport.amazonaws.com/doc/2010-06-01/';

/**
 * Prose written over several lines: each line break, with the indentation after it, reads as one
 * space, and the break after the opening backtick as nothing.
 */
function prose(strings: TemplateStringsArray, ...values: string[]): string {
  return strings
    .reduce((text, part, i) => text + values[i - 1] + part)
    .replace(/\n */g, ' ')
    .trimStart();
}

/** A GetStatusResponse around the given GetStatusResult members (lines, joined by newlines). */
export const exampleResponse = (...members: string[]) =>
  [
    `<GetStatusResponse xmlns="${NAMESPACE}">`,
    '  <GetStatusResult>',
    ...members
      .join('\n')
      .trim()
      .split('\n')
      // Only element lines are indented, so multi-line values stay as written.
      .map((l) => (l.startsWith('<') ? `    ${l}` : l)),
    '  </GetStatusResult>',
    '</GetStatusResponse>',
    '',
  ].join('\n');

const errorBody = (code: string, message: string) =>
  [
    `<ErrorResponse xmlns="${NAMESPACE}">`,
    '  <Error>',
    '    <Type>Sender</Type>',
    `    <Code>${code}</Code>`,
    `    <Message>${message}</Message>`,
    '  </Error>',
    '  <RequestId>1b4e2f5a-0000-4000-8000-000000000000</RequestId>',
    '</ErrorResponse>',
    '',
  ].join('\n');

export const RULES = [
  // Parsing
  {
    id: 'GS-PARSE-001',
    level: 'MUST',
    subject: 'client',
    statement: prose`
      A 200 response whose root is GetStatusResponse and holds GetStatusResult yields every member
      present in GetStatusResult, with its value.`,
    source: prose`
      ${MODEL}: operation GetStatus, output GetStatusOutput, resultWrapper GetStatusResult;
      ${OBSERVED}: all four clients`,
    example: {
      body: exampleResponse('<JobId>EX1ID</JobId>', '<JobType>Import</JobType>', '<LocationCode>AtAWS</LocationCode>'),
    },
  },
  {
    id: 'GS-PARSE-002',
    level: 'MUST',
    subject: 'client',
    statement: prose`
      A member absent from the response is absent from the output: never '', null, 0 or a default in
      its place.`,
    source: prose`
      ${MODEL}: no output member is required; ${OBSERVED}: the minimal case (JobId only) gives
      {JobId} in every client; ${OBSERVED} (tests/probe/new-spellings.ts): an empty
      <GetStatusResult/> prints nothing in both AWS CLIs and gives {} in boto3 and aws-sdk v2`,
    example: { body: exampleResponse('<JobId>MIN1</JobId>') },
  },
  {
    id: 'GS-PARSE-003',
    level: 'MUST',
    subject: 'client',
    statement: prose`
      String values, error codes and messages included, are returned exactly as sent: predefined
      entities and numeric character references decoded, CDATA (whole or mixed) as text, comments
      dropped, leading/trailing whitespace, tabs and newlines kept.`,
    source: prose`
      ${OBSERVED} items 10 and 11: all four clients agree; aws-sdk v2 2.1693.0 alone empties a value
      made only of whitespace (tests/differential); ${OBSERVED} (tests/probe/new-spellings.ts):
      &#xD; and &#13; give CR in all four clients`,
    why: prose`
      aws-sdk v2 2.1693.0 returns '' for a value made only of whitespace: the caller gets a value
      that differs from what was sent, without an error.`,
    example: {
      body: exampleResponse(
        '<JobId>EX<!-- note -->1ID</JobId>',
        '<LocationMessage>  &lt;Dock&gt; &amp; &#8220;bay&#8221;<![CDATA[ <7> ]]></LocationMessage>',
      ),
    },
  },
  {
    id: 'GS-PARSE-004',
    level: 'MUST',
    subject: 'client',
    statement: prose`
      Line ends are normalised as XML requires: a raw CR LF or lone CR in a value becomes LF, while
      &#13; stays CR.`,
    source: `XML 1.0 §2.11; ${OBSERVED} item 10: botocore clients normalise, aws-sdk v2 keeps raw CR LF`,
    why: prose`
      Line-end normalisation is part of XML parsing, not a choice. aws-sdk v2 2.1693.0 keeps the raw
      CR LF: the value differs from the document's.`,
    example: {
      body: exampleResponse('<JobId>CRLF1</JobId>', '<ProgressMessage>line1&#13;', 'line2</ProgressMessage>'),
    },
  },
  {
    id: 'GS-PARSE-005',
    level: 'MUST',
    subject: 'client',
    statement: prose`
      An empty element (<X/> or <X></X>) of a string member is the empty string, present in the
      output.`,
    source: `${OBSERVED}: str_empty_location, all four clients`,
    example: {
      body: exampleResponse('<JobId>EMP1</JobId>', '<LocationMessage/>', '<ProgressMessage></ProgressMessage>'),
    },
  },
  {
    id: 'GS-PARSE-006',
    level: 'MUST',
    subject: 'client',
    statement: prose`
      An ErrorCount spelled as an integer the service never sends (surrounding whitespace, a sign,
      leading zeros, a negative value, beyond 32 bits) is returned as exactly that integer, or makes
      the call fail; never another number. Returning it is preferred (SHOULD), as botocore and
      aws-sdk v2 do.`,
    source: prose`
      ${MODEL}: ErrorCount is an integer; ${OBSERVED} ErrorCount table: " 7 " → 7, -1 and 2147483648
      accepted by all four clients; ${OBSERVED} (tests/probe/new-spellings.ts): botocore prints
      9007199254740993 exactly, aws-sdk v2 9007199254740992`,
    why: prose`
      Levelled by the policy: the service sends ASCII digits of a non-negative 32-bit integer, so
      the exact integer and a failure are both harmless; a rounded one is not. The rule used to
      demand reading every such spelling. aws-sdk v2 2.1693.0 reads 9007199254740993 as
      9007199254740992 (a JavaScript number): a count that differs from what was sent.`,
    example: {
      body: exampleResponse(
        '<JobId>EC1</JobId>',
        '<ProgressCode>SuccessWithErrors</ProgressCode>',
        '<ErrorCount> 7 </ErrorCount>',
      ),
    },
  },
  {
    id: 'GS-PARSE-007',
    level: 'MUST',
    subject: 'client',
    statement: prose`
      An ErrorCount that is not an integer (abc, 1.5, 1e3, empty) makes the call fail, or is
      returned as exactly the number it spells (in any script's decimal digits, digits grouped by
      _), an empty one as null; never a truncated, rounded or invented number (1 for 1.5, NaN).
      Failing is preferred (SHOULD).`,
    source: prose`
      ${OBSERVED}: botocore clients fail (ValueError); aws-sdk v2 returns NaN, 1 and null;
      ${OBSERVED} (tests/probe/new-spellings.ts): botocore reads ١٢ as 12 and 1_000 as 1000 and
      fails on 1.5, 7.0, 1e3; aws-sdk v2 reads 1e3 and 1_000 as 1, ١٢ as NaN`,
    why: prose`
      Levelled by the policy: the rule used to demand a failure, so it failed botocore for reading
      ١٢ as 12 and 1_000 as 1000 (Python's int()), which loses nothing. aws-sdk v2 2.1693.0 returns
      1 for 1.5 and NaN for abc (parseInt): a count the service never sent.`,
    example: { body: exampleResponse('<JobId>EC1</JobId>\n<ErrorCount>1.5</ErrorCount>') },
  },
  {
    id: 'GS-PARSE-008',
    level: 'MUST',
    subject: 'client',
    statement: prose`
      ArtifactList is a list of {Description, URL}: one member is a list of one, <ArtifactList/> is
      [], an artifact member missing on the wire is missing in the output.`,
    source: `${MODEL}: ArtifactList is a list of Artifact; ${OBSERVED} item 11`,
    example: {
      body: exampleResponse(
        '<JobId>ART1</JobId>',
        '<ArtifactList>',
        '  <member><Description>report</Description><URL>https://example.com/r.pdf</URL></member>',
        '</ArtifactList>',
      ),
    },
  },
  {
    id: 'GS-PARSE-009',
    level: 'MUST',
    subject: 'client',
    statement: prose`
      An absent ArtifactList is absent from the output, or an empty list; never anything else.
      Absent is preferred (SHOULD).`,
    source: `${OBSERVED} item 11: botocore omits the key, aws-sdk v2 returns []`,
    why: prose`
      Levelled by the policy (it was a SHOULD): [] says "no artifacts" as absence does, so both are
      harmless; null or an invented artifact is not.`,
    example: { body: exampleResponse('<JobId>NOART</JobId>') },
  },
  {
    id: 'GS-PARSE-010',
    level: 'MUST',
    subject: 'client',
    statement: prose`
      JobType is Import or Export in the model, but any other JobType, and any LocationCode or
      ProgressCode token, is passed through unchanged; the validator flags an unknown JobType.`,
    source: prose`
      ${MODEL}: JobType enum [Import, Export]; ${DOC}: LocationCode/ProgressCode are tokens "such
      as"; ${OBSERVED}: JobType Transfer passed through by all four clients`,
    example: {
      body: exampleResponse(
        '<JobId>ENUM1</JobId>',
        '<JobType>Transfer</JobType>',
        '<LocationCode>InTransit</LocationCode>',
      ),
    },
  },
  {
    id: 'GS-PARSE-011',
    level: 'MUST',
    subject: 'client',
    statement: prose`
      Unknown elements (also nested or repeated ones, and names that differ from a member only in
      case, such as <JobID>) and attributes on any element are ignored, and member order is
      irrelevant; the validator flags unknown elements.`,
    source: prose`
      ${OBSERVED} item 11: all four clients; but botocore (AWS CLI v1 1.45.11, v2 2.9.19, boto3
      1.43.11) counts any element inside ArtifactList as a member (docs/CONFORMANCE.md); ${OBSERVED}
      (tests/probe/new-spellings.ts): repeated unknown elements, <JobID> beside or instead of
      <JobId>, and attributes on members are ignored by all four clients`,
    why: prose`
      botocore (AWS CLI v1 1.45.11, v2 2.9.19, boto3 1.43.11) counts any element inside ArtifactList
      as an artifact: it returns an artifact the service never sent.`,
    example: {
      body: exampleResponse(
        '<NewField>x</NewField>',
        '<Extra><Deep>y</Deep></Extra>',
        '<JobType>Export</JobType>',
        '<JobId>UNK1</JobId>',
      ),
    },
  },
  {
    id: 'GS-PARSE-012',
    level: 'MUST',
    subject: 'client',
    statement: prose`
      Namespaces do not matter: the default namespace present, absent or another URI, prefixed
      elements, and declarations below the root (on a member, on ArtifactList, on each <member>,
      unused prefixes) all parse to the same output.`,
    source: prose`
      ${OBSERVED} items 1 and 11: botocore ignores namespaces; aws-sdk v2 loses every prefixed
      member; ${OBSERVED} (tests/probe/new-spellings.ts): the default namespace redeclared on
      members, on ArtifactList or on each <member>, another default namespace on a member, and
      unused prefixes are read by all four clients; aws-sdk v2 drops <p:JobId> under a prefix
      declared on GetStatusResult`,
    why: prose`
      A prefix is an XML spelling, not a different document. aws-sdk v2 2.1693.0 drops every member
      written with a prefix (the output lacks what was sent), and returns "[object Object]" for a
      value of only whitespace whose element declares a namespace.`,
    example: {
      body: [
        `<ie:GetStatusResponse xmlns:ie="${NAMESPACE}">`,
        '  <ie:GetStatusResult>',
        '    <ie:JobId>NS1</ie:JobId>',
        '  </ie:GetStatusResult>',
        '</ie:GetStatusResponse>',
        '',
      ].join('\n'),
    },
  },
  {
    id: 'GS-PARSE-013',
    level: 'MUST',
    subject: 'client',
    statement: prose`
      A UTF-8 byte order mark, an XML declaration (with or without encoding, in either quote style,
      with spaces around =), any whitespace between elements (none, spaces, tabs), and comments or
      whitespace-only CDATA sections between elements are accepted.`,
    source: prose`
      ${OBSERVED} item 11: all four clients; ${OBSERVED} (tests/probe/new-spellings.ts): comments
      and whitespace-only CDATA sections between elements, comments around the root and spaces
      around = in the XML declaration are read by all four clients`,
    example: {
      body: `\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n${exampleResponse('<JobId>BOM1</JobId>')}`,
    },
  },
  {
    id: 'GS-PARSE-014',
    level: 'MUST',
    subject: 'client',
    statement: prose`
      Malformed or truncated XML, content after the root element (a second document, text), and an
      empty 200 body make the call fail.`,
    source: prose`
      ${OBSERVED}: botocore ParseError/ResponseParserError; aws-sdk v2 resolves {} for an empty
      body; ${OBSERVED} (tests/probe/new-spellings.ts): a second root element or text after the root
      fails botocore ("junk after document element"); aws-sdk v2 resolves with the first document`,
    why: prose`
      aws-sdk v2 2.1693.0 resolves {} for an empty body (a job with no status reported as a success)
      and reads only the first of two documents (the second's members silently lost).`,
    example: { body: '<GetStatusResponse><GetStatusResult><JobId>TRUNC' },
  },
  {
    id: 'GS-PARSE-015',
    level: 'MUST',
    subject: 'client',
    statement: prose`
      A 200 body whose root is not GetStatusResponse, or that has no GetStatusResult (HTML, <Foo/>,
      an ErrorResponse), makes the call fail.`,
    source: prose`
      ${MODEL}: resultWrapper GetStatusResult; ${OBSERVED}: botocore KeyError 'GetStatusResult';
      aws-sdk v2 resolves {}; docs/CONFORMANCE.md: AWS CLI v1 1.45.11 and v2 2.9.19 resolve {} for a
      root <GetStatusResult> that holds an empty <GetStatusResult/>`,
    why: prose`
      aws-sdk v2 2.1693.0 resolves {} for an HTML error page, and botocore (AWS CLI v1 1.45.11, v2
      2.9.19) for a body whose root is another element holding a GetStatusResult: a malformed answer
      reported as a job with no status.`,
    example: { body: '<html><body><h1>Service Unavailable</h1></body></html>\n' },
  },
  {
    id: 'GS-PARSE-016',
    level: 'MUST',
    subject: 'client',
    statement: 'A reference to an undefined entity (such as &nbsp;) makes the call fail.',
    source: prose`
      XML 1.0 WFC "Entity Declared"; ${OBSERVED}: botocore ParseError "undefined entity"; aws-sdk v2
      returns U+00A0`,
    why: prose`
      aws-sdk v2 2.1693.0 substitutes HTML's meaning (U+00A0 for &nbsp;): a character the document
      never defined, returned as if sent.`,
    example: { body: exampleResponse('<JobId>UND1</JobId>\n<LocationMessage>a&nbsp;b</LocationMessage>') },
  },
  {
    id: 'GS-PARSE-017',
    level: 'MUST',
    subject: 'client',
    statement: prose`
      A member sent twice makes the call fail, or yields one of the sent values as a string; never a
      list, a parser object or another value. Failing is preferred (SHOULD).`,
    source: prose`
      ${OBSERVED} item 5: botocore leaks ElementTree objects (the CLIs crash in JSON, print memory
      addresses in text); aws-sdk v2 keeps the first`,
    why: prose`
      Levelled by the policy (it was a SHOULD): the model has no repeated scalar, so failing and
      keeping one sent value are both harmless. botocore (boto3 1.43.11) returns its parser's
      element objects in place of a repeated string, and for a repeated ArtifactList (both AWS CLIs
      too) artifacts without their Description and URL: values the service never sent.`,
    example: { body: exampleResponse('<JobId>FIRST</JobId>\n<JobId>SECOND</JobId>') },
  },
  {
    id: 'GS-PARSE-018',
    level: 'MUST',
    subject: 'client',
    statement: prose`
      A body that is not UTF-8 makes the call fail, or is decoded exactly as its byte order mark
      (UTF-16) or its XML declaration (ISO-8859-1) says; never with replacement characters (U+FFFD)
      or in another encoding. Failing is preferred (SHOULD): the service sends UTF-8.`,
    source: prose`
      ${OBSERVED} item 11: botocore forces UTF-8 and fails a latin-1 document; aws-sdk v2 returns
      replacement characters; ${OBSERVED} (tests/probe/new-spellings.ts): botocore decodes UTF-16
      with a byte order mark exactly and fails on declared ISO-8859-1; aws-sdk v2 fails on UTF-16
      and returns U+FFFD for ISO-8859-1`,
    why: prose`
      Levelled by the policy (it was a SHOULD): replacement characters silently change values, which
      is harm; a UTF-16 document with a byte order mark decodes exactly, so reading it is right too,
      and the rule no longer fails botocore for it. aws-sdk v2 2.1693.0 returns U+FFFD for bytes
      that are not UTF-8: values that differ from what was sent.`,
  },
  {
    id: 'GS-PARSE-019',
    level: 'MUST',
    subject: 'client',
    statement: prose`
      A body under a Content-Type that is not XML is read as XML, or makes the call fail; never
      another output. Reading it is preferred (SHOULD): the validator flags the service for the
      header.`,
    source: `${OBSERVED}: botocore and aws-sdk v2 never look at Content-Type`,
    why: prose`
      Levelled by the policy (it was a SHOULD): the service sends text/xml, so reading the body and
      failing are both harmless; anything else is not.`,
  },
  // Timestamps
  {
    id: 'GS-TIME-001',
    level: 'MUST',
    subject: 'client',
    statement: prose`
      CreationDate is returned as a timestamp: an ISO 8601 date-time with Z, z or a numeric offset
      gives that instant, the offset applied.`,
    source: prose`
      ${DOC}: "Timestamp of the CreateJob request in ISO8601 date format"; ${MODEL}: timestamp;
      ${OBSERVED} item 6`,
    example: {
      body: exampleResponse('<JobId>TS1</JobId>', '<CreationDate>2015-05-27T18:58:21-07:30</CreationDate>'),
    },
  },
  {
    id: 'GS-TIME-002',
    level: 'MUST',
    subject: 'client',
    statement: prose`
      Fractional seconds may have any number of digits; the instant keeps them to the millisecond,
      truncated.`,
    source: `${OBSERVED} item 6: aws-sdk v2 truncates .123456 to .123; botocore truncates the 7th digit`,
    example: {
      body: exampleResponse('<JobId>TS1</JobId>', '<CreationDate>2015-05-27T18:58:21.1239999Z</CreationDate>'),
    },
  },
  {
    id: 'GS-TIME-003',
    level: 'MUST',
    subject: 'client',
    statement: "A date-time without a zone is UTC, never the machine's local zone.",
    source: prose`
      ${OBSERVED} item 6: botocore keeps it naive (printed without offset); aws-sdk v2 reads it in
      local time`,
    why: prose`
      The same response must mean the same instant on every machine. aws-sdk v2 2.1693.0 reads it in
      the machine's zone: an instant hours off, without an error.`,
    example: {
      body: exampleResponse('<JobId>TS1</JobId>', '<CreationDate>2015-05-27T18:58:21</CreationDate>'),
    },
  },
  {
    id: 'GS-TIME-004',
    level: 'MUST',
    subject: 'client',
    statement: prose`
      A CreationDate written as a date alone, as epoch seconds or as an HTTP date (Tue, 29 Apr 2014
      18:30:38 GMT) gives that instant (a date alone is midnight UTC), or makes the call fail; never
      another instant. Reading it is preferred (SHOULD), as botocore and aws-sdk v2 do.`,
    source: prose`
      ${OBSERVED} item 6: botocore (float first, then dateutil) and aws-sdk v2 both accept them;
      ${OBSERVED} (tests/probe/new-spellings.ts): HTTP dates are read by botocore (IMF-fixdate,
      asctime, RFC 850; a wrong weekday ignored) and by aws-sdk v2 (IMF-fixdate only), printed as
      received by AWS CLI v1`,
    why: prose`
      Levelled by the policy: the documentation promises ISO 8601 date-times, so a client that
      rejects these forms loses nothing; the rule used to demand reading them.`,
    example: { body: exampleResponse('<JobId>TS1</JobId>\n<CreationDate>1432753101</CreationDate>') },
  },
  {
    id: 'GS-TIME-005',
    level: 'MUST',
    subject: 'client',
    statement: prose`
      An unparseable or impossible CreationDate (not-a-date, month 13, 30 February, empty) makes the
      call fail, or is returned as the text received (an empty one also as null); never a Date,
      Invalid Date or a guess. Failing is preferred (SHOULD).`,
    source: prose`
      ${OBSERVED}: AWS CLI v2 and boto3 fail; aws-sdk v2 returns Invalid Date or null; AWS CLI v1
      prints the text as received; ${OBSERVED} (tests/probe/new-spellings.ts): aws-sdk v2 rolls
      2015-02-30 over to 2015-03-02`,
    why: prose`
      Levelled by the policy: AWS CLI v1 prints the text as received, which neither rejects nor
      corrupts, so it conforms. aws-sdk v2 2.1693.0 returns Invalid Date (a Date that holds no
      instant where the caller expects one) and rolls 30 February over to 2 March (an instant nobody
      sent).`,
    example: {
      body: exampleResponse('<JobId>TS1</JobId>', '<CreationDate>2015-02-30T00:00:00Z</CreationDate>'),
    },
  },
  {
    id: 'GS-TIME-006',
    level: 'MUST',
    subject: 'output',
    statement: 'In the v1 style a CreationDate is printed exactly as received on the wire, in JSON and text.',
    source: `${OBSERVED} item 6 and the CreationDate table: AWS CLI v1`,
    example: {
      body: exampleResponse('<JobId>TS1</JobId>', '<CreationDate>2015-05-27t18:58:21.5z</CreationDate>'),
    },
  },
  {
    id: 'GS-TIME-007',
    level: 'MUST',
    subject: 'output',
    statement: prose`
      In the v2 style a CreationDate is printed as Python's isoformat(): the offset as sent (Z as
      +00:00), six fractional digits when the microseconds are not zero and none otherwise, no
      offset for a value without a zone, epoch values in UTC.`,
    source: prose`
      ${OBSERVED} item 6: AWS CLI v2 and boto3 (dateutil); epoch values follow the machine zone
      there, UTC here`,
    example: {
      body: exampleResponse('<JobId>TS1</JobId>', '<CreationDate>2015-05-27T18:58:21.5+02:00</CreationDate>'),
    },
  },
  // Conditional members
  {
    id: 'GS-COND-001',
    level: 'SHOULD',
    subject: 'service',
    statement: prose`
      Carrier and TrackingNumber are sent only when LocationCode is Returned; the validator flags
      them with any other LocationCode.`,
    source: prose`
      ${DOC}: Carrier "is included when the LocationCode is Returned"; TrackingNumber "We return
      this value when the LocationCode is Returned"`,
    unchecked: prose`
      it binds the service, and the validator flags a response that breaks it; GS-COND-006's check
      holds a client to what such a response says`,
    example: {
      body: exampleResponse(
        '<JobId>C1</JobId>',
        '<LocationCode>NotReceived</LocationCode>',
        '<Carrier>UPS</Carrier>',
        '<TrackingNumber>1Z999AA10123456784</TrackingNumber>',
      ),
    },
  },
  {
    id: 'GS-COND-002',
    level: 'SHOULD',
    subject: 'service',
    statement: prose`
      When LocationCode is Returned, Carrier and TrackingNumber are both sent; the validator flags a
      Returned response without them.`,
    source: `${DOC}: Carrier and TrackingNumber lines`,
    unchecked: prose`
      it binds the service, and the validator flags a response that breaks it; GS-COND-007's check
      holds a client to what such a response says`,
    example: { body: exampleResponse('<JobId>C2</JobId>\n<LocationCode>Returned</LocationCode>') },
  },
  {
    id: 'GS-COND-003',
    level: 'MUST',
    subject: 'client',
    statement: prose`
      In a response that meets the documented conditions, Carrier, TrackingNumber and ErrorCount are
      returned exactly as sent.`,
    source: `${OBSERVED}: all four clients`,
    example: {
      body: exampleResponse(
        '<JobId>C3</JobId>',
        '<LocationCode>Returned</LocationCode>',
        '<Carrier>UPS</Carrier>',
        '<TrackingNumber>1Z999AA10123456784</TrackingNumber>',
        '<ProgressCode>Success</ProgressCode>',
        '<ErrorCount>2</ErrorCount>',
      ),
    },
  },
  {
    id: 'GS-COND-004',
    level: 'SHOULD',
    subject: 'service',
    statement: prose`
      When ProgressCode is Success or SuccessWithErrors, ErrorCount is sent; the validator flags a
      finished job without it.`,
    source: `${DOC}: ErrorCount "We return this value when the ProgressCode is Success or SuccessWithErrors"`,
    unchecked: prose`
      it binds the service, and the validator flags a response that breaks it; GS-COND-008's check
      holds a client to what such a response says`,
    example: { body: exampleResponse('<JobId>E1</JobId>\n<ProgressCode>Success</ProgressCode>') },
  },
  {
    id: 'GS-COND-005',
    level: 'SHOULD',
    subject: 'service',
    statement: 'ErrorCount with another ProgressCode is tolerated, not a violation.',
    source: `${DOC}: the example output itself carries ErrorCount 0 with ProgressCode Pending`,
    why: prose`
      The documentation promises ErrorCount on success but its own example sends it while Pending,
      so "only then" cannot be the contract.`,
    unchecked: prose`
      it binds the service and only allows a spelling, so the validator has nothing to flag;
      GS-COND-008's check holds a client to ErrorCount as sent, whatever the ProgressCode`,
    example: {
      body: exampleResponse(
        '<JobId>EX1ID</JobId>',
        '<ProgressCode>Pending</ProgressCode>',
        '<ErrorCount>0</ErrorCount>',
      ),
    },
  },
  {
    id: 'GS-COND-006',
    level: 'MUST',
    subject: 'client',
    statement: prose`
      Carrier and TrackingNumber sent with a LocationCode other than Returned (GS-COND-001 broken)
      are returned as sent: never dropped or corrected.`,
    source: `${OBSERVED}: carrier_notreceived kept by all four clients`,
    why: prose`
      The client reports what the service said; judging the service is the validator's job
      (GS-COND-001 is the service's SHOULD, this is the client's MUST).`,
    example: {
      body: exampleResponse('<JobId>C6</JobId>', '<LocationCode>NotReceived</LocationCode>', '<Carrier>UPS</Carrier>'),
    },
  },
  {
    id: 'GS-COND-007',
    level: 'MUST',
    subject: 'client',
    statement: prose`
      A Returned response without Carrier or TrackingNumber (GS-COND-002 broken) yields none:
      nothing is invented.`,
    source: `${OBSERVED}: all four clients return only what was sent`,
    why: 'An invented Carrier or TrackingNumber is a silently wrong value.',
    example: { body: exampleResponse('<JobId>C7</JobId>\n<LocationCode>Returned</LocationCode>') },
  },
  {
    id: 'GS-COND-008',
    level: 'MUST',
    subject: 'client',
    statement: prose`
      ErrorCount is returned exactly when sent, whatever the ProgressCode: never dropped (0
      included), and never invented for a finished job without it (GS-COND-004 broken).`,
    source: prose`
      ${DOC}: the example output carries ErrorCount 0 with ProgressCode Pending; ${OBSERVED}:
      errorcount_pending kept by all four clients`,
    why: 'A dropped ErrorCount 0 reads as "not finished"; an invented one reports errors nobody counted.',
    example: {
      body: exampleResponse(
        '<JobId>EX1ID</JobId>',
        '<ProgressCode>Pending</ProgressCode>',
        '<ErrorCount>0</ErrorCount>',
      ),
    },
  },
  // CLI output layouts
  {
    id: 'GS-TEXT-001',
    level: 'MUST',
    subject: 'output',
    statement: prose`
      --output text prints one tab-separated row of the present scalar members in sorted member-name
      order, ending in a newline, with no header.`,
    source: `${OBSERVED} item 12: AWS CLI v1 and v2 (awscli/text.py)`,
    example: {
      body: exampleResponse(
        '<JobId>T1</JobId>',
        '<JobType>Import</JobType>',
        '<CreationDate>2015-05-27T18:58:21Z</CreationDate>',
        '<ErrorCount>0</ErrorCount>',
      ),
    },
  },
  {
    id: 'GS-TEXT-002',
    level: 'MUST',
    subject: 'output',
    statement: prose`
      An absent member leaves no column (positions shift with the data); an empty string leaves an
      empty field.`,
    source: `${OBSERVED} item 12: minimal prints "MIN1\\n", empty values "EMP1\\t\\t\\n"`,
    example: {
      body: exampleResponse('<JobId>EMP1</JobId>', '<LocationMessage/>', '<ProgressMessage></ProgressMessage>'),
    },
  },
  {
    id: 'GS-TEXT-003',
    level: 'MUST',
    subject: 'output',
    statement: prose`
      Each artifact prints a row ARTIFACTLIST<TAB>Description<TAB>URL over the union of the
      artifacts' keys, a missing key as an empty field; an empty or absent list prints no row.`,
    source: `${OBSERVED} item 12: AWS CLI v1 and v2`,
    example: {
      body: exampleResponse(
        '<JobId>ART2</JobId>',
        '<ArtifactList>',
        '  <member><Description>first</Description><URL>https://example.com/1</URL></member>',
        '  <member><Description>second</Description></member>',
        '</ArtifactList>',
      ),
    },
  },
  {
    id: 'GS-TEXT-004',
    level: 'MUST',
    subject: 'output',
    statement: prose`
      Values are printed raw in text output: a newline, tab or CR inside a value is written as it
      is.`,
    source: `${OBSERVED} item 12: str_tab, str_whitespace`,
    example: { body: exampleResponse('<JobId>TAB1</JobId>\n<LocationMessage>col1\tcol2</LocationMessage>') },
  },
  {
    id: 'GS-TEXT-005',
    level: 'MUST',
    subject: 'output',
    statement: prose`
      --output json prints the members in model order with a 4-space indent, non-ASCII characters
      unescaped, ArtifactList as an array, then a newline; an empty output prints nothing.`,
    source: `${OBSERVED}: AWS CLI v1 and v2 stdout for the documentation example (fixtures/seed)`,
    example: { body: exampleResponse('<LocationMessage>Zürich ✓</LocationMessage>\n<JobId>J1</JobId>') },
  },
  {
    id: 'GS-TEXT-006',
    level: 'MUST',
    subject: 'output',
    statement: prose`
      The documentation example's response prints, in the v1 text style, the page's example output
      (the page shows tabs as spaces and breaks one line).`,
    source: `${DOC}: "The output for the get-status command looks like the following"; ${OBSERVED} item 13`,
  },
  // Errors
  {
    id: 'GS-ERR-001',
    level: 'MUST',
    subject: 'client',
    statement: prose`
      A non-2xx response with a query-protocol ErrorResponse makes the call fail with its Error Code
      and Message, modelled or not, whatever the status (402 included) and whatever else the
      ErrorResponse holds (no RequestId, more members in Error); when Message is absent or empty,
      the message is the client's to word.`,
    source: prose`
      ${MODEL}: protocol query; ${OBSERVED} item 8: all four clients report the code; ${OBSERVED}
      (tests/probe/new-spellings.ts): without RequestId, with more members in Error, at status 402,
      and with codes holding dots, hyphens or # all four clients report the code and message;
      without <Message> the AWS CLIs say "Unknown" and aws-sdk v2 undefined, for an empty one "None"
      and ""`,
    example: {
      status: 503,
      body: errorBody('ServiceUnavailable', 'Service is unavailable, try again later.'),
    },
  },
  {
    id: 'GS-ERR-002',
    level: 'MUST',
    subject: 'client',
    statement: prose`
      The five modelled errors keep their codes: InvalidJobIdException, ExpiredJobIdException,
      CanceledJobIdException, InvalidAccessKeyIdException, InvalidVersionException.`,
    source: `${MODEL}: GetStatus errors; ${OBSERVED}: all four clients`,
    example: { status: 400, body: errorBody('InvalidJobIdException', 'No such job EX1ID for your account') },
  },
  {
    id: 'GS-ERR-003',
    level: 'MUST',
    subject: 'client',
    statement: prose`
      A 4xx or 5xx whose body is not an ErrorResponse (HTML, plain text, empty, or the older
      <Response><Errors><Error> form) makes the call fail; it never resolves. Reporting the older
      form's Code is preferred (SHOULD).`,
    why: prose`
      The older form is other query services' (EC2's), not this one's: neither the documentation nor
      the model names it, so failing the call is enough. GS-ERR-001 and -002 used to demand its
      code.`,
    source: prose`
      ${OBSERVED}: err_400_non_xml fails in all four clients; ${OBSERVED}
      (tests/probe/new-spellings.ts): all four clients report the older form's code, at 400 and at
      503`,
    example: { status: 502, body: '<html><body>Bad Gateway</body></html>\n' },
  },
  {
    id: 'GS-ERR-004',
    level: 'MUST',
    subject: 'client',
    statement: prose`
      A transport fault (connection reset mid-body, a body shorter than its Content-Length) makes
      the call fail, never resolves with partial output, and never hangs.`,
    source: prose`
      ${OBSERVED} items 2 and 9: botocore ConnectionClosedError; aws-sdk v2 never settles on a short
      body`,
    why: 'A call that never settles hangs its caller: aws-sdk v2 2.1693.0 never settles on a short body.',
  },
  {
    id: 'GS-ERR-005',
    level: 'MUST',
    subject: 'client',
    statement: prose`
      A gzip-encoded body is either decoded (when Content-Encoding says gzip) and read as usual, or
      makes the call fail; gzip bytes without that header are not XML and make the call fail. Never
      another output.`,
    source: prose`
      RFC 9110 §8.4 Content-Encoding; ${OBSERVED} (re-run with AWS CLI v1 1.45.11, v2 2.9.19, boto3
      1.43.11): botocore sends Accept-Encoding identity and fails on gzip even with the header`,
    why: prose`
      botocore never asks for gzip, so failing is correct for it; a client that decodes by the
      header is correct too.`,
  },
  // Requests
  {
    id: 'GS-REQ-001',
    level: 'MUST',
    subject: 'client',
    statement: 'The request is a POST with a form-encoded body (application/x-www-form-urlencoded).',
    source: `${MODEL}: http.method POST, protocol query; ${OBSERVED} item 14: all four clients`,
  },
  {
    id: 'GS-REQ-002',
    level: 'MUST',
    subject: 'client',
    statement: 'The body carries Action=GetStatus and Version=2010-06-01.',
    source: `${MODEL}: metadata.apiVersion; ${OBSERVED} item 14`,
  },
  {
    id: 'GS-REQ-003',
    level: 'MUST',
    subject: 'client',
    statement: 'The body carries JobId exactly as given, percent-encoded where needed.',
    source: `${MODEL}: GetStatusInput requires JobId; ${DOC}: --job-id`,
  },
  {
    id: 'GS-REQ-004',
    level: 'MUST',
    subject: 'client',
    statement: prose`
      APIVersion is sent exactly when the caller gives one, with that value, and is absent
      otherwise.`,
    source: prose`
      ${MODEL}: GetStatusInput.APIVersion; ${DOC}: --api-version; ${OBSERVED} item 14: adds exactly
      one parameter`,
  },
  {
    id: 'GS-REQ-005',
    level: 'SHOULD',
    subject: 'client',
    statement: prose`
      The request is signed with the caller's credentials: SigV4 in the Authorization header or
      SigV2 in the body, and the signature verifies.`,
    source: `${OBSERVED} item 14: botocore SigV4 (service IngestionService), aws-sdk v2 SigV2 in the body`,
    why: prose`
      The service refuses a request it cannot verify with an error, so a bad signature does no
      silent harm; which signature versions it still accepts is not documented, so the check is a
      preference.`,
  },
  {
    id: 'GS-REQ-006',
    level: 'MUST',
    subject: 'client',
    statement: prose`
      The client sends its requests to the endpoint it was given and nowhere else: no instance
      metadata service, no other host, no other port.`,
    source: prose`
      ${OBSERVED} item 14: every client sends one request, to the endpoint; the AWS CLIs and boto3
      look for instance credentials (169.254.169.254) unless credentials are given or
      AWS_EC2_METADATA_DISABLED is set`,
    why: prose`
      A request elsewhere leaks that the call happens, and may wait on a host that never answers.
      The harness answers every such request itself with a network error, so none leaves the
      machine, and the other request rules judge the request sent to the endpoint.`,
  },
  // Safety
  {
    id: 'GS-SAFE-001',
    level: 'MUST',
    subject: 'client',
    statement: 'An external entity (file or URL) is never resolved: its content appears in no output.',
    source: `${OBSERVED} item 4: no client resolved file:///etc/hostname`,
    why: prose`
      The reference fails on any external entity declaration, even an unused one or a parameter
      entity; skipping it (boto3 does for %xxe;) is safe too.`,
    example: {
      body: [
        '<?xml version="1.0"?>',
        '<!DOCTYPE GetStatusResponse [<!ENTITY xxe SYSTEM "file:///etc/hostname">]>',
        exampleResponse('<JobId>XXE1</JobId>', '<LocationMessage>&xxe;</LocationMessage>'),
      ].join('\n'),
    },
  },
  {
    id: 'GS-SAFE-002',
    level: 'MUST',
    subject: 'client',
    statement: prose`
      Entity expansion is bounded: a client may reject DOCTYPE entities or expand a small internal
      one exactly, never expand exponentially.`,
    source: `${OBSERVED} item 4: botocore expands 3 levels × 10; aws-sdk v2 rejects`,
    why: prose`
      Both outcomes are safe for a small entity; the reference rejects every DOCTYPE entity so it
      never expands anything.`,
    example: {
      body: [
        '<?xml version="1.0"?>',
        '<!DOCTYPE GetStatusResponse [<!ENTITY a "lol"><!ENTITY b "&a;&a;">]>',
        exampleResponse('<JobId>ENT1</JobId>', '<LocationMessage>&b;</LocationMessage>'),
      ].join('\n'),
    },
  },
  {
    id: 'GS-SAFE-003',
    level: 'MUST',
    subject: 'client',
    statement: 'Oversized values (a 1 MB CurrentManifest) are returned intact.',
    source: `${OBSERVED} item 10: a 102400-character CurrentManifest kept intact by all four clients`,
  },
  {
    id: 'GS-SAFE-004',
    level: 'MUST',
    subject: 'client',
    statement: 'A client stops waiting for a stalled server once the call is aborted or times out.',
    source: `${OBSERVED} item 9: every client times out on a delayed response`,
    why: 'aws-sdk v2 2.1693.0 keeps waiting after the abort: its caller hangs as long as the server stalls.',
  },
  {
    id: 'GS-SAFE-005',
    level: 'MUST',
    subject: 'client',
    statement: prose`
      A response the call must fail on makes it fail cleanly, with an error its caller can handle:
      never a crash (an uncaught exception, a Python traceback, a panic, death by a signal).`,
    source: prose`
      ${OBSERVED}: the AWS CLIs print a one-line error and exit 255 even on their own internal
      errors (KeyError, ParseError); boto3 and aws-sdk v2 raise their own error types; ${OBSERVED}
      (tests/probe/new-spellings.ts): boto3 1.43.11 lets a ValueError (ErrorCount abc) and a
      KeyError (a 200 body without GetStatusResult) escape get_status`,
    why: prose`
      A crash takes the caller down with it, so it is harm even where failing is right. Whichever
      check drew the case, a crash where the call must fail is reported under this rule, "the client
      crashed: …". A process client has crashed when it dies by a signal or prints an uncaught
      exception's trace (docs/ADAPTERS.md: a program); an in-process client when it throws something
      that is not an Error. boto3 raises Python's ValueError or KeyError, not a botocore error: a
      caller that handles botocore's errors (ClientError, BotoCoreError) is taken down.`,
  },
] as const satisfies readonly Rule[];

export type RuleId = (typeof RULES)[number]['id'];

export const RULE_IDS: readonly RuleId[] = RULES.map((r) => r.id);

export function ruleById(id: string): Rule | undefined {
  return (RULES as readonly Rule[]).find((r) => r.id === id);
}
