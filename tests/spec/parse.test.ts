/**
 * The reference reading of whole responses (parseGetStatusResponse) and the validator's
 * judgement of the service (validateGetStatusResponse). Rows live in response-cases.ts.
 */
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import {
  parseGetStatusResponse,
  validateGetStatusResponse,
  type GetStatusOutput,
  type RuleId,
  type WireResponse,
} from '../../spec/index.ts';
import { getStatusBody, errorBody, NAMESPACE } from './bodies.ts';
import { failureOf } from './failure.ts';
import { FAILURE_ROWS, OUTPUT_ROWS, SEED_BYTES, type PlainOutput } from './response-cases.ts';

/** The output with CreationDate as its instant, so it compares with a written-out row. */
function plain(output: GetStatusOutput): PlainOutput {
  const { CreationDate, ...rest } = output;
  return CreationDate === undefined ? rest : { ...rest, CreationDate: CreationDate.toISOString() };
}

describe('parseGetStatusResponse: outputs', () => {
  it.each(OUTPUT_ROWS)('$rule $case', ({ body, status, output: expected }) => {
    const output = parseGetStatusResponse(body, status ?? 200);
    // Strict: an absent member must be absent, not undefined, '' or a default (GS-PARSE-002).
    expect(plain(output)).toStrictEqual(expected);
    // Artifact members in model order whatever the wire order (real-clients.md item 11).
    expect(output.ArtifactList?.map((a) => Object.keys(a))).toEqual(expected.ArtifactList?.map((a) => Object.keys(a)));
  });
});

describe('parseGetStatusResponse: failures', () => {
  it.each(FAILURE_ROWS)('$rule $case', ({ body, status, failure: expected }) => {
    const failure = failureOf(() => parseGetStatusResponse(body, status ?? 200));
    // toJSON holds exactly kind, status, code (service, and the older error form), message and rule (malformed only).
    expect(failure.toJSON()).toStrictEqual({ message: expect.any(String), ...expected });
  });

  const xxeRows = FAILURE_ROWS.filter((r) => r.rule === 'GS-SAFE-001');
  it.each(xxeRows)('GS-SAFE-001 $case: the host name appears nowhere in the failure', ({ body }) => {
    const name = hostname();
    expect(name.length).toBeGreaterThan(0);
    const failure = failureOf(() => parseGetStatusResponse(body));
    expect(failure.rule).toBe('GS-SAFE-001');
    for (const shown of [failure.message, JSON.stringify(failure), String(failure), failure.stack ?? '']) {
      expect(shown).not.toContain(`>${name}<`);
      expect(shown.split(/[^A-Za-z0-9.-]+/)).not.toContain(name);
    }
  });
});

interface ValidationRow {
  rule: RuleId;
  case: string;
  response: WireResponse;
  broken: RuleId[];
}

const ok = (members: string, headers: Record<string, string> = { 'Content-Type': 'text/xml' }): WireResponse => ({
  status: 200,
  body: getStatusBody(members),
  headers,
});
const ec = (wire: string) =>
  ok(
    `    <JobId>EC1</JobId>\n    <ProgressCode>SuccessWithErrors</ProgressCode>\n    <ErrorCount>${wire}</ErrorCount>`,
  );

/**
 * Expected from the documentation page (conditional members), the model (ErrorCount integer,
 * JobType enum) and the catalogue's statements of what the validator flags.
 */
const validationRows: ValidationRow[] = [
  {
    rule: 'GS-COND-005',
    case: 'seed: the documentation example (ErrorCount 0 while Pending) validates clean',
    response: { status: 200, body: SEED_BYTES, headers: { 'Content-Type': 'text/xml' } },
    broken: [],
  },
  {
    rule: 'GS-COND-005',
    case: 'errorcount_pending',
    response: ok('    <JobId>E3</JobId>\n    <ProgressCode>Pending</ProgressCode>\n    <ErrorCount>3</ErrorCount>'),
    broken: [],
  },
  {
    rule: 'GS-COND-001',
    case: 'carrier_notreceived',
    response: ok(
      '    <JobId>C1</JobId>\n    <LocationCode>NotReceived</LocationCode>\n    <Carrier>UPS</Carrier>\n    <TrackingNumber>1Z9</TrackingNumber>',
    ),
    broken: ['GS-COND-001'],
  },
  {
    rule: 'GS-COND-001',
    case: 'added: TrackingNumber alone, no LocationCode',
    response: ok('    <JobId>C1</JobId>\n    <TrackingNumber>1Z9</TrackingNumber>'),
    broken: ['GS-COND-001'],
  },
  {
    rule: 'GS-COND-002',
    case: 'added: Returned without Carrier and TrackingNumber',
    response: ok('    <JobId>C2</JobId>\n    <LocationCode>Returned</LocationCode>'),
    broken: ['GS-COND-002'],
  },
  {
    rule: 'GS-COND-002',
    case: 'added: Returned with Carrier only',
    response: ok('    <JobId>C2</JobId>\n    <LocationCode>Returned</LocationCode>\n    <Carrier>UPS</Carrier>'),
    broken: ['GS-COND-002'],
  },
  {
    rule: 'GS-COND-002',
    case: 'added: Returned with both is clean',
    response: ok(
      '    <JobId>C2</JobId>\n    <LocationCode>Returned</LocationCode>\n    <Carrier>UPS</Carrier>\n    <TrackingNumber>1Z9</TrackingNumber>',
    ),
    broken: [],
  },
  {
    rule: 'GS-COND-004',
    case: 'added: Success without ErrorCount',
    response: ok('    <JobId>E1</JobId>\n    <ProgressCode>Success</ProgressCode>'),
    broken: ['GS-COND-004'],
  },
  {
    rule: 'GS-COND-004',
    case: 'added: SuccessWithErrors without ErrorCount',
    response: ok('    <JobId>E1</JobId>\n    <ProgressCode>SuccessWithErrors</ProgressCode>'),
    broken: ['GS-COND-004'],
  },
  {
    rule: 'GS-COND-004',
    case: 'added: Success with ErrorCount 0 is clean',
    response: ok('    <JobId>E1</JobId>\n    <ProgressCode>Success</ProgressCode>\n    <ErrorCount>0</ErrorCount>'),
    broken: [],
  },
  { rule: 'GS-PARSE-006', case: 'ec_0 is clean', response: ec('0'), broken: [] },
  { rule: 'GS-PARSE-006', case: 'ec_max_int32 is clean', response: ec('2147483647'), broken: [] },
  { rule: 'GS-PARSE-006', case: 'ec_overflow_int32', response: ec('2147483648'), broken: ['GS-PARSE-006'] },
  { rule: 'GS-PARSE-006', case: 'ec_negative', response: ec('-1'), broken: ['GS-PARSE-006'] },
  { rule: 'GS-PARSE-006', case: 'ec_spaces', response: ec(' 7 '), broken: ['GS-PARSE-006'] },
  { rule: 'GS-PARSE-006', case: 'added: +3', response: ec('+3'), broken: ['GS-PARSE-006'] },
  { rule: 'GS-PARSE-006', case: 'added: 007', response: ec('007'), broken: ['GS-PARSE-006'] },
  {
    rule: 'GS-PARSE-010',
    case: 'struct_enum_unknown',
    response: ok('    <JobId>ENUM1</JobId>\n    <JobType>Transfer</JobType>'),
    broken: ['GS-PARSE-010'],
  },
  {
    rule: 'GS-PARSE-010',
    case: 'added: Export, and unknown Location/ProgressCode tokens are clean',
    response: ok(
      '    <JobId>ENUM2</JobId>\n    <JobType>Export</JobType>\n    <LocationCode>InTransit</LocationCode>\n    <ProgressCode>Paused</ProgressCode>',
    ),
    broken: [],
  },
  {
    rule: 'GS-PARSE-011',
    case: 'struct_unknown_element',
    response: ok('    <JobId>UNK1</JobId>\n    <NewField>x</NewField>'),
    broken: ['GS-PARSE-011'],
  },
  {
    rule: 'GS-PARSE-011',
    case: 'added: unknown element inside an artifact',
    response: ok(
      '    <JobId>UNK2</JobId>\n    <ArtifactList><member><Description>d</Description><Size>3</Size></member></ArtifactList>',
    ),
    broken: ['GS-PARSE-011'],
  },
  {
    rule: 'GS-PARSE-011',
    case: 'added: unknown element in place of <member>',
    response: ok('    <JobId>UNK3</JobId>\n    <ArtifactList><item><Description>d</Description></item></ArtifactList>'),
    broken: ['GS-PARSE-011'],
  },
  {
    rule: 'GS-PARSE-011',
    case: 'added: an unknown element repeated',
    response: ok('    <Foo>1</Foo>\n    <Foo>2</Foo>\n    <JobId>UNK4</JobId>'),
    broken: ['GS-PARSE-011'],
  },
  {
    rule: 'GS-PARSE-011',
    case: 'added: <JobID> beside <JobId>',
    response: ok('    <JobID>X</JobID>\n    <JobId>UNK5</JobId>'),
    broken: ['GS-PARSE-011'],
  },
  {
    rule: 'GS-PARSE-011',
    case: 'added: <jobid> alone',
    response: ok('    <jobid>UNK6</jobid>'),
    broken: ['GS-PARSE-011'],
  },
  {
    rule: 'GS-PARSE-011',
    case: 'struct_reordered is clean',
    response: ok('    <JobType>Import</JobType>\n    <JobId>R1</JobId>'),
    broken: [],
  },
  {
    rule: 'GS-PARSE-019',
    case: 'added: Content-Type text/plain',
    response: ok('    <JobId>CT1</JobId>', { 'Content-Type': 'text/plain' }),
    broken: ['GS-PARSE-019'],
  },
  {
    rule: 'GS-PARSE-019',
    case: 'added: lower-case content-type text/html',
    response: ok('    <JobId>CT1</JobId>', { 'content-type': 'text/html; charset=utf-8' }),
    broken: ['GS-PARSE-019'],
  },
  {
    rule: 'GS-PARSE-019',
    case: 'added: application/xml with charset is clean',
    response: ok('    <JobId>CT1</JobId>', { 'Content-Type': 'application/xml;charset=UTF-8' }),
    broken: [],
  },
  {
    rule: 'GS-PARSE-019',
    case: 'added: no Content-Type is clean',
    response: ok('    <JobId>CT1</JobId>', {}),
    broken: [],
  },
  {
    rule: 'GS-PARSE-014',
    case: 'mal_truncated',
    response: { status: 200, body: '<GetStatusResponse><GetStatusResult><JobId>TRUNC' },
    broken: ['GS-PARSE-014'],
  },
  {
    rule: 'GS-PARSE-017',
    case: 'struct_duplicate_jobid',
    response: ok('    <JobId>FIRST</JobId>\n    <JobId>SECOND</JobId>'),
    broken: ['GS-PARSE-017'],
  },
  {
    rule: 'GS-ERR-002',
    case: 'err_invalid_job_id: a well-formed error response is clean',
    response: {
      status: 400,
      body: errorBody('InvalidJobIdException', 'No such job'),
      headers: { 'Content-Type': 'text/xml' },
    },
    broken: [],
  },
  {
    rule: 'GS-COND-001',
    case: 'added: several broken rules come back sorted',
    response: ok('    <Carrier>UPS</Carrier>\n    <JobType>Transfer</JobType>\n    <Extra/>', {
      'Content-Type': 'text/plain',
    }),
    broken: ['GS-COND-001', 'GS-PARSE-010', 'GS-PARSE-011', 'GS-PARSE-019'],
  },
];

describe('validateGetStatusResponse', () => {
  it.each(validationRows)('$rule $case', ({ response, broken }) => {
    expect(validateGetStatusResponse(response)).toStrictEqual(broken);
  });
});

/** One response in its plain spelling; each row below spells the same response another way. */
const member =
  (attributes = '') =>
  (description: string, url: string) =>
    `      <member${attributes}><Description>${description}</Description><URL>${url}</URL></member>`;
const plainMembers = (m = member()) =>
  `    <JobId>SP1</JobId>\n    <JobType>Import</JobType>\n    <ErrorCount>3</ErrorCount>\n    <ArtifactList>\n${m('d1', 'u1')}\n${m('d2', 'u2')}\n    </ArtifactList>`;
const redeclared = ` xmlns="${NAMESPACE}"`;
const SAME_AS_PLAIN: { rule: RuleId; case: string; body: string }[] = [
  {
    rule: 'GS-PARSE-012',
    case: 'the default namespace again on each member, ArtifactList and each <member>',
    body: getStatusBody(
      `    <JobId${redeclared}>SP1</JobId>\n    <JobType${redeclared}>Import</JobType>\n    <ErrorCount${redeclared}>3</ErrorCount>\n    <ArtifactList${redeclared}>\n${member(redeclared)('d1', 'u1')}\n${member(redeclared)('d2', 'u2')}\n    </ArtifactList>`,
    ),
  },
  {
    rule: 'GS-PARSE-012',
    case: 'another default namespace on a member',
    body: getStatusBody(plainMembers().replace('<JobId>', '<JobId xmlns="urn:other">')),
  },
  {
    rule: 'GS-PARSE-012',
    case: 'an unused prefix on the root and on a member',
    body: getStatusBody(plainMembers().replace('<JobId>', '<JobId xmlns:x="urn:x">')).replace(
      '<GetStatusResponse ',
      '<GetStatusResponse xmlns:x="urn:x" ',
    ),
  },
  {
    rule: 'GS-PARSE-012',
    case: 'a prefix declared on GetStatusResult and used below it',
    body: getStatusBody(plainMembers().replace(/<(\/?)/g, '<$1p:')).replace(
      '<GetStatusResult>',
      `<GetStatusResult xmlns:p="${NAMESPACE}">`,
    ),
  },
  {
    rule: 'GS-PARSE-013',
    case: 'comments between members and between artifacts, before and after the root',
    body: `<!-- before -->\n${getStatusBody(plainMembers().replace(/\n/g, '\n<!-- between -->'))}<!-- after -->\n`,
  },
  {
    rule: 'GS-PARSE-013',
    case: 'whitespace-only CDATA sections between members and between artifacts',
    body: getStatusBody(plainMembers().replace(/\n/g, '\n<![CDATA[ ]]>')),
  },
  {
    rule: 'GS-PARSE-013',
    case: 'an XML declaration with spaces around =',
    body: `<?xml version = "1.0" encoding = "UTF-8" ?>\n${getStatusBody(plainMembers())}`,
  },
];

describe('parseGetStatusResponse: spellings that read as the plain one', () => {
  const plainOutput = parseGetStatusResponse(getStatusBody(plainMembers()));
  it.each(SAME_AS_PLAIN)('$rule $case', ({ body }) => {
    expect(parseGetStatusResponse(body)).toStrictEqual(plainOutput);
  });

  it('GS-PARSE-003 CR as &#xD; and as &#13; reads as CR', () => {
    for (const cr of ['&#xD;', '&#xd;', '&#13;'])
      expect(
        parseGetStatusResponse(getStatusBody(`    <LocationMessage>a${cr}b</LocationMessage>`)).LocationMessage,
      ).toBe('a\rb');
  });

  it.each(['<GetStatusResult/>', '<GetStatusResult></GetStatusResult>'])(
    'GS-PARSE-002 an empty %s reads as {}',
    (result) => {
      expect(
        parseGetStatusResponse(`<GetStatusResponse xmlns="${NAMESPACE}">${result}</GetStatusResponse>`),
      ).toStrictEqual({});
    },
  );
});

describe('parseGetStatusResponse: one root element only', () => {
  it.each([
    ['a second GetStatusResponse', getStatusBody('    <JobId>SECOND</JobId>')],
    ['<Foo/>', '<Foo/>'],
    ['text', 'junk'],
  ])('GS-PARSE-014 %s after the root fails the call', (_, after) => {
    expect(failureOf(() => parseGetStatusResponse(`${getStatusBody('    <JobId>FIRST</JobId>')}${after}`)).rule).toBe(
      'GS-PARSE-014',
    );
  });
});

describe('parseGetStatusResponse: error responses in other shapes', () => {
  const error = (inner: string, tail = '<RequestId>r1</RequestId>') =>
    `<ErrorResponse xmlns="${NAMESPACE}"><Error>${inner}</Error>${tail}</ErrorResponse>`;
  it.each([
    {
      case: 'without RequestId',
      body: error('<Type>Sender</Type><Code>Throttling</Code><Message>M</Message>', ''),
      status: 400,
      code: 'Throttling',
      message: 'M',
    },
    {
      case: 'Detail and Extra before Code',
      body: error('<Type>Sender</Type><Detail/><Extra>x</Extra><Code>Throttling</Code><Message>M</Message>'),
      status: 400,
      code: 'Throttling',
      message: 'M',
    },
    {
      case: 'Detail and Extra after Code',
      body: error('<Type>Sender</Type><Code>Throttling</Code><Detail/><Extra>x</Extra><Message>M</Message>'),
      status: 400,
      code: 'Throttling',
      message: 'M',
    },
    {
      case: 'without Message: the message is empty',
      body: error('<Type>Sender</Type><Code>Throttling</Code>'),
      status: 400,
      code: 'Throttling',
      message: '',
    },
    {
      case: 'status 402',
      body: error('<Type>Sender</Type><Code>Throttling</Code><Message>M</Message>'),
      status: 402,
      code: 'Throttling',
      message: 'M',
    },
    {
      case: 'a code with a dot',
      body: error('<Type>Sender</Type><Code>Throttling.RateExceeded</Code><Message>M</Message>'),
      status: 400,
      code: 'Throttling.RateExceeded',
      message: 'M',
    },
    {
      case: 'a code with hyphens',
      body: error('<Type>Sender</Type><Code>Request-Limit-Exceeded</Code><Message>M</Message>'),
      status: 400,
      code: 'Request-Limit-Exceeded',
      message: 'M',
    },
  ])('GS-ERR-001 $case fails with the code', ({ body, status, code, message }) => {
    expect(failureOf(() => parseGetStatusResponse(body, status)).toJSON()).toStrictEqual({
      kind: 'service',
      status,
      code,
      message,
    });
  });
});
