/**
 * Reading a request as the Import/Export service would: what it carries, what is wrong with
 * it, and the error the service answers a wrong request with instead of the case's response.
 */
import { REQUEST, SERVICE, type RuleId } from '../spec/index.ts';

export interface RecordedRequest {
  method: string;
  /** Path and query as sent. */
  path: string;
  /** Header names lower-cased; repeated headers joined with ', '. */
  headers: Record<string, string>;
  /** Raw body text. */
  body: string;
  /** Form-decoded body (URLSearchParams semantics; repeated keys kept). */
  params: Record<string, string[]>;
  /** What the service would reject; empty for a good request. */
  problems: RequestProblem[];
  /** Sent somewhere other than the case's endpoint (`path` is then the whole URL); the harness answered it with a network error. */
  stray?: true;
}

export interface ServiceError {
  status: number;
  code: 'MissingParameter' | 'InvalidAction' | 'InvalidParameterValue';
  message: string;
}

export interface IncomingRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** What the request is checked against. `anyJobId` serves a documentation example to any caller. */
export interface ExpectedRequest {
  jobId: string;
  apiVersion?: string;
  anyJobId?: boolean;
}

/** Header names lower-cased, as `Headers` keeps them. */
export function headerRecord(headers: Headers): Record<string, string> {
  const record: Record<string, string> = {};
  headers.forEach((value, name) => {
    record[name] = value;
  });
  return record;
}

/**
 * Text a request body reads back unchanged: read as UTF-8, a body loses a leading U+FEFF and has
 * each lone surrogate replaced with U+FFFD.
 */
export const readsBackAsIs = (text: string): boolean => !/^\uFEFF|[\uD800-\uDFFF]/.test(text);

export function formParams(body: string): Record<string, string[]> {
  const params: Record<string, string[]> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    params[key] ??= [];
    params[key].push(value);
  }
  return params;
}

const FORM_TYPE = REQUEST.contentType;
type Param = keyof typeof REQUEST.params;

/** The request rules' duties: the method and body type, Action and Version, JobId, APIVersion, the endpoint. */
export type RequestRule = Extract<RuleId, 'GS-REQ-001' | 'GS-REQ-002' | 'GS-REQ-003' | 'GS-REQ-004' | 'GS-REQ-006'>;
const PARAM_RULE: Record<Param, RequestRule> = {
  Action: 'GS-REQ-002',
  Version: 'GS-REQ-002',
  JobId: 'GS-REQ-003',
  APIVersion: 'GS-REQ-004',
};

/** Something the service finds wrong with a request: the rule it breaks, the part of the request it is about, and what, in words. */
export interface RequestProblem {
  rule: RequestRule;
  about: 'method' | 'content-type' | Param | 'endpoint';
  text: string;
}

/**
 * What a parameter must be: exactly this value; null, absent; undefined, any value, there when
 * the model requires it.
 */
type Wanted = string | null | undefined;

function paramProblem(name: Param, values: string[] | undefined, wanted: Wanted): RequestProblem | undefined {
  const problem = (text: string): RequestProblem => ({ rule: PARAM_RULE[name], about: name, text });
  if (values === undefined)
    return wanted !== null && (wanted !== undefined || REQUEST.params[name].required)
      ? problem(`the body has no ${name}`)
      : undefined;
  if (wanted === null) return problem(`${name} ${JSON.stringify(values[0])} was sent, but the caller gave none`);
  if (values.length > 1) return problem(`${name} appears ${values.length} times`);
  return wanted === undefined || values[0] === wanted
    ? undefined
    : problem(`${name} is ${JSON.stringify(values[0])}, expected ${JSON.stringify(wanted)}`);
}

/**
 * Everything the service finds wrong with a request, in the order of the request rules: the one
 * reading of a request, for the harness (which answers a wrong one with the service's error) and
 * for the request checks (which report the first problem under their own rule).
 */
export function requestProblems(
  request: Pick<RecordedRequest, 'method' | 'headers' | 'params'>,
  expected: ExpectedRequest,
): RequestProblem[] {
  const problems: Array<RequestProblem | undefined> = [];
  if (request.method !== REQUEST.method)
    problems.push({ rule: 'GS-REQ-001', about: 'method', text: `the request is a ${request.method}, not a POST` });
  const type = request.headers['content-type'] ?? '';
  if (type.split(';')[0].trim().toLowerCase() !== FORM_TYPE)
    problems.push({
      rule: 'GS-REQ-001',
      about: 'content-type',
      text: `Content-Type is ${JSON.stringify(type)}, not ${FORM_TYPE}`,
    });
  const wanted: Record<Param, Wanted> = {
    Action: REQUEST.params.Action.value,
    Version: REQUEST.params.Version.value,
    // A documentation example is served to any caller: its job id and APIVersion are not the case's.
    JobId: expected.anyJobId ? undefined : expected.jobId,
    APIVersion: expected.anyJobId ? undefined : (expected.apiVersion ?? null),
  };
  for (const name of Object.keys(REQUEST.params) as Param[])
    problems.push(paramProblem(name, request.params[name], wanted[name]));
  return problems.filter((p) => p !== undefined);
}

/** The problems, and the error the service answers with when there is one. */
export function checkRequest(
  incoming: IncomingRequest,
  expected: ExpectedRequest,
): { recorded: RecordedRequest; error?: ServiceError } {
  const params = formParams(incoming.body);
  const problems = requestProblems({ method: incoming.method, headers: incoming.headers, params }, expected);
  const recorded: RecordedRequest = { ...incoming, params, problems };
  if (problems.length === 0) return { recorded };
  return { recorded, error: serviceErrorFor(params, problems[0], incoming.method) };
}

/** The service's precedence: the action first, then the required parameters, then any bad value. */
function serviceErrorFor(params: Record<string, string[]>, first: RequestProblem, method: string): ServiceError {
  const value = (name: string) => params[name]?.[0];
  for (const name of ['Action', 'Version', 'JobId']) {
    if (value(name) === undefined) {
      return { status: 400, code: 'MissingParameter', message: `The request must contain the parameter ${name}` };
    }
  }
  if (value('Action') !== REQUEST.params.Action.value) {
    return {
      status: 400,
      code: 'InvalidAction',
      message: `The action ${value('Action')} is not valid for this web service.`,
    };
  }
  const message =
    first.about === 'method'
      ? `The HTTP method ${method} is not allowed; use POST.`
      : first.about === 'content-type'
        ? `The request body must be ${FORM_TYPE}.`
        : `Value (${value(first.about) ?? ''}) for parameter ${first.about} is invalid.`;
  return { status: 400, code: 'InvalidParameterValue', message };
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A query-protocol ErrorResponse, as the service sends it. */
export function serviceErrorBody(error: ServiceError): string {
  return [
    `<ErrorResponse xmlns="${SERVICE.xmlNamespace}">`,
    '  <Error>',
    '    <Type>Sender</Type>',
    `    <Code>${error.code}</Code>`,
    `    <Message>${escapeXml(error.message)}</Message>`,
    '  </Error>',
    // A fixed id keeps served bytes a function of the case alone.
    '  <RequestId>00000000-0000-4000-8000-000000000000</RequestId>',
    '</ErrorResponse>',
    '',
  ].join('\n');
}
