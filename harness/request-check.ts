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
  problems: string[];
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
  headers.forEach((value, name) => (record[name] = value));
  return record;
}

/**
 * Text a request body reads back unchanged: read as UTF-8, a body loses a leading U+FEFF and has
 * each lone surrogate replaced with U+FFFD.
 */
export const readsBackAsIs = (text: string): boolean => !/^\uFEFF|[\uD800-\uDFFF]/.test(text);

export function formParams(body: string): Record<string, string[]> {
  const params: Record<string, string[]> = {};
  for (const [key, value] of new URLSearchParams(body)) (params[key] ??= []).push(value);
  return params;
}

const FORM_TYPE = REQUEST.contentType;

/** The problems, and the error the service answers with when there is one. */
export function checkRequest(
  incoming: IncomingRequest,
  expected: ExpectedRequest,
): { recorded: RecordedRequest; error?: ServiceError } {
  const params = formParams(incoming.body);
  const problems: string[] = [];
  const first = (name: string) => params[name]?.[0];
  for (const name of Object.keys(REQUEST.params)) {
    const count = params[name]?.length ?? 0;
    if (count > 1) problems.push(`${name} appears ${count} times`);
  }

  if (incoming.method !== REQUEST.method) problems.push('not POST');
  const mediaType = (incoming.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (mediaType !== FORM_TYPE) problems.push('Content-Type is not form-encoded');

  const action = first('Action');
  if (action === undefined) problems.push('missing Action');
  else if (action !== REQUEST.params.Action.value) problems.push('Action is not GetStatus');

  const version = first('Version');
  if (version === undefined) problems.push('missing Version');
  else if (version !== SERVICE.apiVersion) problems.push(`Version is not ${SERVICE.apiVersion}`);

  const jobId = first('JobId');
  if (jobId === undefined) problems.push('missing JobId');
  else if (!expected.anyJobId && jobId !== expected.jobId) problems.push('JobId differs from the case');

  const apiVersion = first('APIVersion');
  if (!expected.anyJobId) {
    if (expected.apiVersion === undefined && apiVersion !== undefined) problems.push('APIVersion sent, but the case gives none');
    else if (expected.apiVersion !== undefined && apiVersion === undefined) problems.push('missing APIVersion');
    else if (apiVersion !== expected.apiVersion) problems.push('APIVersion differs from the case');
  }

  const recorded: RecordedRequest = { ...incoming, params, problems };
  if (problems.length === 0) return { recorded };
  return { recorded, error: serviceErrorFor(params, problems, incoming.method) };
}

/** The request rule a problem breaks: the method and body type, Action and Version, JobId, APIVersion. */
export function problemRule(problem: string): RuleId {
  if (problem === 'not POST' || problem.startsWith('Content-Type')) return 'GS-REQ-001';
  if (/\b(Action|Version)\b/.test(problem)) return 'GS-REQ-002';
  if (/\bJobId\b/.test(problem)) return 'GS-REQ-003';
  return 'GS-REQ-004';
}

/** The service's precedence: the action first, then the required parameters, then any bad value. */
function serviceErrorFor(params: Record<string, string[]>, problems: string[], method: string): ServiceError {
  const value = (name: string) => params[name]?.[0];
  for (const name of ['Action', 'Version', 'JobId']) {
    if (value(name) === undefined) {
      return { status: 400, code: 'MissingParameter', message: `The request must contain the parameter ${name}` };
    }
  }
  if (value('Action') !== REQUEST.params.Action.value) {
    return { status: 400, code: 'InvalidAction', message: `The action ${value('Action')} is not valid for this web service.` };
  }
  const problem = problems[0];
  let message: string;
  if (problem === 'not POST') message = `The HTTP method ${method} is not allowed; use POST.`;
  else if (problem.startsWith('Content-Type')) message = `The request body must be ${FORM_TYPE}.`;
  else {
    const name = Object.keys(REQUEST.params).find((n) => problem.split(' ').includes(n)) ?? 'APIVersion';
    message = `Value (${value(name) ?? ''}) for parameter ${name} is invalid.`;
  }
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
