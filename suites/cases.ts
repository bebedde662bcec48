/** Cases the suites build around a body of their own, judged by the reference like every generated case. */
import { buildCase, XML_HEADERS, type CaseKind, type ResponseCase } from '../generators/index.ts';

export function caseFromBody(
  kind: CaseKind,
  body: string | Uint8Array,
  options: Partial<Pick<ResponseCase, 'status' | 'headers' | 'label' | 'fault'>> & {
    jobId?: string;
    apiVersion?: string;
  } = {},
): ResponseCase {
  return buildCase({
    kind,
    request: {
      jobId: options.jobId ?? 'EX1ID',
      ...(options.apiVersion !== undefined && { apiVersion: options.apiVersion }),
    },
    status: options.status ?? 200,
    headers: options.headers ?? { ...XML_HEADERS },
    body,
    ...(options.label && { label: options.label }),
    ...(options.fault && { fault: options.fault }),
  });
}
