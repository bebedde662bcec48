/** Hand-built cases for the harness tests: small bodies whose expected outputs are written out here. */
import type { ResponseCase, TransportFault } from '../../generators/case.ts';
import type { ClientAdapter } from '../../harness/index.ts';
import { referenceAdapter } from '../../adapters/index.ts';

const NS = 'http://importexport.amazonaws.com/doc/2010-06-01/';

export const statusBody = (jobId: string) =>
  `<GetStatusResponse xmlns="${NS}"><GetStatusResult><JobId>${jobId}</JobId><JobType>Import</JobType><ErrorCount>0</ErrorCount></GetStatusResult></GetStatusResponse>`;

export const statusOutput = (jobId: string) => ({ JobId: jobId, JobType: 'Import', ErrorCount: 0 });

export function validCase(jobId: string, extra: Partial<ResponseCase> = {}): ResponseCase {
  return {
    name: `valid-${jobId}`,
    kind: 'valid',
    request: { jobId },
    status: 200,
    headers: { 'Content-Type': 'text/xml' },
    body: statusBody(jobId),
    expected: { outcome: 'output', output: statusOutput(jobId) },
    ...extra,
  };
}

export function faultCase(jobId: string, fault: TransportFault): ResponseCase {
  return validCase(jobId, { name: `fault-${fault.type}-${jobId}`, kind: 'fault', fault });
}

export function serviceErrorCase(jobId: string, code: string, message: string, status = 400): ResponseCase {
  return {
    name: `error-${code}`,
    kind: 'error',
    request: { jobId },
    status,
    headers: { 'Content-Type': 'text/xml' },
    body: `<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>r-1</RequestId></ErrorResponse>`,
    expected: { outcome: 'fail', error: { kind: 'service', status, code, message } },
  };
}

export function htmlCase(jobId: string): ResponseCase {
  return {
    name: 'html-500',
    kind: 'error',
    request: { jobId },
    status: 500,
    headers: { 'Content-Type': 'text/html' },
    body: '<html><body><h1>500 Internal Server Error</h1></body></html>',
    expected: {
      outcome: 'fail',
      error: { kind: 'http', status: 500, message: 'HTTP 500 without an ErrorResponse body' },
    },
  };
}

/** The reference client, made to send real HTTP to a loopback server. */
export const loopbackReference: ClientAdapter = {
  ...referenceAdapter,
  name: 'reference-loopback',
  transport: 'loopback',
};
