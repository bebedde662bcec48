/**
 * The ownership table: every way a generated response can depart from the plainest spelling,
 * and the one rule that owns it. A check varies only its own dimensions and keeps the others
 * plain; when a check fails, the harness makes the counterexample's dimensions plain one at a
 * time, and the dimensions the failure cannot do without name the rule that explains it.
 *
 * "Plain" is what every real client reads correctly and no other rule examines.
 */
import type { GetStatusOutput } from './types.ts';
import type { RuleId } from './rules.ts';

export interface Dimension {
  id: string;
  /** The rule whose check varies this dimension, and which a failure that needs it is reported under. */
  owner: RuleId;
  /**
   * When the client's output is right but its `--output text` is wrong, the rule a text failure
   * that needs this dimension is reported under ('timestamp-layout': GS-TIME-006 for the v1 style, GS-TIME-007 for v2).
   */
  textOwner?: RuleId | 'timestamp-layout';
  /** What the dimension varies, in a client author's words. */
  varies: string;
  /** Its plain spelling. */
  plain: string;
  /** Dimensions this one's rule is about in combination with it: a failure that needs both is this rule's alone. */
  with?: readonly string[];
}

export const DIMENSIONS = [
  {
    id: 'text',
    owner: 'GS-PARSE-003',
    textOwner: 'GS-TEXT-004',
    varies:
      'a string value (error messages included) with markup characters, non-ASCII, a tab or line break, or whitespace at its edges or only whitespace',
    plain: 'printable ASCII words',
  },
  {
    id: 'references',
    owner: 'GS-PARSE-003',
    varies: 'characters written as entities or numeric character references, CR as &#xD;',
    plain: 'only & and < escaped, non-ASCII written raw, CR as &#13;',
  },
  {
    id: 'cdata',
    owner: 'GS-PARSE-003',
    varies: 'values written in CDATA sections, whole or mixed with text',
    plain: 'no CDATA',
  },
  { id: 'comments', owner: 'GS-PARSE-003', varies: 'a comment splitting a value in two', plain: 'no comments' },
  {
    id: 'empty',
    owner: 'GS-PARSE-005',
    textOwner: 'GS-TEXT-002',
    varies: 'an empty string value, as <X/> or <X></X>',
    plain: 'no empty values',
  },
  {
    id: 'absent',
    owner: 'GS-PARSE-002',
    textOwner: 'GS-TEXT-002',
    varies: 'scalar members left out, or every member with ArtifactList too (an empty GetStatusResult)',
    plain: 'every scalar member present (Carrier and TrackingNumber with Returned only)',
    with: ['artifacts-absent'],
  },
  {
    id: 'artifacts-absent',
    owner: 'GS-PARSE-009',
    textOwner: 'GS-TEXT-003',
    varies: 'no ArtifactList element',
    plain: 'an ArtifactList of two artifacts',
  },
  {
    id: 'artifacts-shape',
    owner: 'GS-PARSE-008',
    textOwner: 'GS-TEXT-003',
    varies: 'an empty <ArtifactList/>, a list of one, an artifact missing Description or URL',
    plain: 'two artifacts, each with Description and URL',
  },
  {
    id: 'tokens',
    owner: 'GS-PARSE-010',
    varies: 'a LocationCode or ProgressCode the documentation does not name',
    plain: 'documented tokens',
  },
  { id: 'error-count-zero', owner: 'GS-COND-008', varies: 'ErrorCount 0', plain: 'ErrorCount between 1 and 20' },
  {
    id: 'error-count-large',
    owner: 'GS-PARSE-006',
    varies: 'ErrorCount above 65535',
    plain: 'ErrorCount between 1 and 20',
  },
  {
    id: 'line-ends',
    owner: 'GS-PARSE-004',
    varies: 'CR LF line ends, between elements and inside values',
    plain: 'LF',
    with: ['text'],
  },
  {
    id: 'layout',
    owner: 'GS-PARSE-013',
    varies: 'no whitespace between elements, or tabs',
    plain: 'elements on their own lines, indented with spaces',
  },
  {
    id: 'prolog',
    owner: 'GS-PARSE-013',
    varies: 'a UTF-8 byte order mark or an XML declaration (spaces around = included)',
    plain: 'neither',
  },
  {
    id: 'markup-between',
    owner: 'GS-PARSE-013',
    varies: 'a comment or a whitespace-only CDATA section before each element, comments before and after the root',
    plain: 'none',
  },
  {
    id: 'order',
    owner: 'GS-PARSE-011',
    varies: 'members in another order than the model, URL before Description',
    plain: 'model order',
  },
  {
    id: 'namespace',
    owner: 'GS-PARSE-012',
    varies:
      'no namespace, another namespace, a namespace prefix on every element, or declarations below the root: the default namespace again on each member, another one on a member, an unused prefix, a prefix declared on GetStatusResult',
    plain: 'the service namespace as the default namespace on the root',
    with: ['empty'],
  },
  {
    id: 'timestamp-offset',
    owner: 'GS-TIME-001',
    textOwner: 'timestamp-layout',
    varies: 'a CreationDate with a numeric offset or a lower-case z',
    plain: 'Z',
  },
  {
    id: 'timestamp-fraction',
    owner: 'GS-TIME-002',
    textOwner: 'timestamp-layout',
    varies: 'a CreationDate with 6 or 7 fractional digits',
    plain: 'none, or 3 when the instant has milliseconds',
  },
  {
    id: 'timestamp-no-zone',
    owner: 'GS-TIME-003',
    textOwner: 'timestamp-layout',
    varies: 'a CreationDate without a zone',
    plain: 'Z',
  },
  {
    id: 'timestamp-other-form',
    owner: 'GS-TIME-004',
    textOwner: 'timestamp-layout',
    varies: 'a CreationDate as a date alone, epoch seconds or an HTTP date',
    plain: 'a date-time with Z',
  },
  {
    id: 'api-version',
    owner: 'GS-REQ-004',
    varies: 'an APIVersion given by the caller (a request, not a response, dimension)',
    plain: 'none given',
  },
  {
    id: 'content-type',
    owner: 'GS-PARSE-019',
    varies: 'Content-Type text/xml;charset=UTF-8 or application/xml',
    plain: 'text/xml',
  },
  {
    id: 'error-format',
    owner: 'GS-ERR-003',
    varies: 'an error in the older <Response><Errors><Error> form',
    plain: '<ErrorResponse><Error>',
  },
  {
    id: 'error-shape',
    owner: 'GS-ERR-001',
    varies:
      'an ErrorResponse without RequestId or Message, with elements the model does not name in Error, status 402, or a code with a dot or hyphen',
    plain: 'Type, Code, Message and RequestId, an identifier code at its usual status',
  },
  {
    id: 'error-modelled',
    owner: 'GS-ERR-002',
    varies: 'one of the five error codes the model names',
    plain: 'an error code the model does not name (ServiceUnavailable)',
  },
] as const satisfies readonly Dimension[];

export type DimensionId = (typeof DIMENSIONS)[number]['id'];

export function dimensionById(id: string): Dimension | undefined {
  return (DIMENSIONS as readonly Dimension[]).find((d) => d.id === id);
}

/**
 * A failure that stays on a fully plain valid response is located by the member it is about:
 * a member of a type with its own rule is reported under that rule, the rest under GS-PARSE-001.
 */
export const MEMBER_OWNERS: Partial<
  Record<keyof GetStatusOutput, { value: RuleId; dropped: RuleId; fraction?: RuleId }>
> = {
  // Only the fractional seconds wrong (a date cut to whole seconds): the fraction's rule.
  CreationDate: { value: 'GS-TIME-001', dropped: 'GS-PARSE-001', fraction: 'GS-TIME-002' },
  ErrorCount: { value: 'GS-PARSE-006', dropped: 'GS-COND-008' },
  ArtifactList: { value: 'GS-PARSE-008', dropped: 'GS-PARSE-008' },
  Carrier: { value: 'GS-COND-003', dropped: 'GS-COND-003' },
  TrackingNumber: { value: 'GS-COND-003', dropped: 'GS-COND-003' },
};
/**
 * Malformations of other rules' that a parser rejects as it rejects any malformed body: a client
 * that resolves on one of them and also on the plainest malformed body (a truncated plain
 * response) swallows its parser's errors, one deviation, GS-PARSE-014's.
 */
export const MALFORMED_FAMILY: readonly RuleId[] = ['GS-PARSE-016', 'GS-SAFE-002'];
export const MALFORMED_OWNER: RuleId = 'GS-PARSE-014';
/** A member returned although the response has none is GS-PARSE-002's (an absent ArtifactList GS-PARSE-009's). */
export const UNEXPECTED_MEMBER_OWNER: RuleId = 'GS-PARSE-002';
export const UNEXPECTED_LIST_OWNER: RuleId = 'GS-PARSE-009';
export const PLAIN_FAILURE_OWNER: RuleId = 'GS-PARSE-001';
/** A crash where the call must fail is GS-SAFE-005's, whichever check drew the case. */
export const CRASH_OWNER: RuleId = 'GS-SAFE-005';
/**
 * A text failure on a plain response: the row of scalars is GS-TEXT-001's, a column more or fewer
 * than the present members GS-TEXT-002's, CreationDate's field its layout rule's, artifact rows GS-TEXT-003's.
 */
export const PLAIN_TEXT_OWNER: RuleId = 'GS-TEXT-001';
export const TEXT_COLUMNS_OWNER: RuleId = 'GS-TEXT-002';
export const ARTIFACT_ROWS_OWNER: RuleId = 'GS-TEXT-003';
