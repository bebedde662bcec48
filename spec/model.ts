/**
 * The GetStatus operation as the botocore service model describes it
 * (botocore/data/importexport/2010-06-01/service-2.json), plus the tokens
 * the documentation page names.
 */
import type { GetStatusOutput } from './types.ts';

export const SERVICE = {
  apiVersion: '2010-06-01',
  protocol: 'query',
  xmlNamespace: 'http://importexport.amazonaws.com/doc/2010-06-01/',
  operation: 'GetStatus',
  resultWrapper: 'GetStatusResult',
  responseRoot: 'GetStatusResponse',
  /** botocore signs with SigV4 under this name, not the model's `signatureVersion: v2` (real-clients.md item 14). */
  sigV4Service: 'IngestionService',
} as const;

export type WireType = 'string' | 'integer' | 'timestamp' | 'list<Artifact>';

export interface MemberSpec {
  name: keyof GetStatusOutput;
  type: WireType;
  doc: string;
}

/** Output members in model order: the order botocore (and so the CLIs' JSON) emits them. */
export const OUTPUT_MEMBERS: readonly MemberSpec[] = [
  { name: 'JobId', type: 'string', doc: 'A unique identifier which refers to a particular job.' },
  { name: 'JobType', type: 'string', doc: 'Import or Export (enum, open to unknown values).' },
  {
    name: 'LocationCode',
    type: 'string',
    doc: 'A token representing the location of the storage device, such as "AtAWS".',
  },
  {
    name: 'LocationMessage',
    type: 'string',
    doc: 'A more human readable form of the physical location of the storage device.',
  },
  { name: 'ProgressCode', type: 'string', doc: 'A token representing the state of the job, such as "Started".' },
  { name: 'ProgressMessage', type: 'string', doc: 'A more human readable form of the job status.' },
  { name: 'Carrier', type: 'string', doc: 'Name of the shipping company; included when LocationCode is "Returned".' },
  {
    name: 'TrackingNumber',
    type: 'string',
    doc: 'The shipping tracking number; returned when LocationCode is "Returned".',
  },
  { name: 'LogBucket', type: 'string', doc: 'Amazon S3 bucket for user logs.' },
  { name: 'LogKey', type: 'string', doc: 'The key where the user logs were stored.' },
  {
    name: 'ErrorCount',
    type: 'integer',
    doc: 'Number of errors; returned when ProgressCode is Success or SuccessWithErrors.',
  },
  { name: 'Signature', type: 'string', doc: 'An encrypted code used to authenticate the request and response.' },
  { name: 'SignatureFileContents', type: 'string', doc: 'The contents of the signature file.' },
  {
    name: 'CurrentManifest',
    type: 'string',
    doc: 'The last manifest submitted, which will be used to process the job.',
  },
  { name: 'CreationDate', type: 'timestamp', doc: 'Timestamp of the CreateJob request in ISO8601 date format.' },
  { name: 'ArtifactList', type: 'list<Artifact>', doc: 'A collection of artifacts (Description, URL).' },
];

export const MEMBER_NAMES = OUTPUT_MEMBERS.map((m) => m.name);
export const STRING_MEMBERS = OUTPUT_MEMBERS.filter((m) => m.type === 'string').map((m) => m.name);
/** Artifact members in model order. */
export const ARTIFACT_MEMBERS = ['Description', 'URL'] as const;
/** Non-flattened query-protocol lists wrap each item in this element. */
export const LIST_MEMBER_ELEMENT = 'member';

export const JOB_TYPES = ['Import', 'Export'] as const;

/** Tokens the documentation names. The set is open: any other token is legal and passes through. */
export const LOCATION_CODES: Readonly<Record<string, string>> = {
  AtAWS: 'The device is at an AWS data center (documentation: "such as AtAWS").',
  NotReceived: 'AWS has not received the device (documentation example).',
  Returned: 'The device has been shipped back; Carrier and TrackingNumber are included.',
};

export const PROGRESS_CODES: Readonly<Record<string, string>> = {
  Pending: 'The specified job has not started (documentation example).',
  Started: 'The job is being processed (documentation: "such as Started").',
  Success: 'The job finished; ErrorCount is returned.',
  SuccessWithErrors: 'The job finished with errors; ErrorCount is returned.',
};

/** ProgressCodes with which the documentation promises an ErrorCount. */
export const ERROR_COUNT_PROGRESS_CODES = ['Success', 'SuccessWithErrors'] as const;
/** The LocationCode with which the documentation promises Carrier and TrackingNumber. */
export const RETURNED = 'Returned';

export const REQUEST = {
  method: 'POST',
  contentType: 'application/x-www-form-urlencoded',
  params: {
    Action: { value: 'GetStatus', required: true },
    Version: { value: SERVICE.apiVersion, required: true },
    JobId: { required: true },
    APIVersion: { required: false, doc: 'Specifies the version of the client tool.' },
  },
} as const;

export interface ErrorSpec {
  code: string;
  status: number;
  modelled: boolean;
  doc: string;
}

/** The five errors the model lists for GetStatus, then generic service errors every query service can send. */
export const ERRORS: readonly ErrorSpec[] = [
  {
    code: 'InvalidJobIdException',
    status: 400,
    modelled: true,
    doc: 'The JOBID was missing, not found, or not associated with the AWS account.',
  },
  {
    code: 'ExpiredJobIdException',
    status: 400,
    modelled: true,
    doc: 'The specified job has expired out of the system.',
  },
  {
    code: 'CanceledJobIdException',
    status: 400,
    modelled: true,
    doc: 'The specified job ID has been canceled and is no longer valid.',
  },
  {
    code: 'InvalidAccessKeyIdException',
    status: 400,
    modelled: true,
    doc: "The AWS Access Key ID in the request did not match the manifest's accessKeyId value.",
  },
  { code: 'InvalidVersionException', status: 400, modelled: true, doc: 'The client tool version is invalid.' },
  { code: 'ServiceUnavailable', status: 503, modelled: false, doc: 'The service is unavailable.' },
  { code: 'Throttling', status: 400, modelled: false, doc: 'Rate exceeded.' },
  {
    code: 'InternalFailure',
    status: 500,
    modelled: false,
    doc: 'The request processing has failed because of an unknown error.',
  },
  { code: 'SignatureDoesNotMatch', status: 403, modelled: false, doc: 'The request signature does not match.' },
  { code: 'MissingParameter', status: 400, modelled: false, doc: 'A required parameter is missing.' },
  { code: 'InvalidAction', status: 400, modelled: false, doc: 'The action or operation requested is invalid.' },
];

/** The Content-Types of an XML body (the service sends text/xml). */
export const XML_CONTENT_TYPE = /^(text|application)\/xml\b/i;
