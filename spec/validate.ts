/**
 * Judging the service: which rules a response breaks. A client must still read a response
 * that breaks a service rule (see GS-COND-003); the validator is how the suite says the
 * response itself is off-contract.
 */
import { GetStatusError } from './errors.ts';
import {
  ARTIFACT_MEMBERS,
  ERROR_COUNT_PROGRESS_CODES,
  JOB_TYPES,
  LIST_MEMBER_ELEMENT,
  MEMBER_NAMES,
  RETURNED,
  SERVICE,
  XML_CONTENT_TYPE,
} from './model.ts';
import { parseGetStatusResponse } from './parse.ts';
import type { RuleId } from './rules.ts';
import type { GetStatusOutput } from './types.ts';
import { child, readXml } from './xml.ts';

export interface WireResponse {
  status: number;
  body: string | Uint8Array;
  headers?: Record<string, string>;
}

const INT32_MAX = 2 ** 31 - 1;

function unknownElements(body: string | Uint8Array, status: number): boolean {
  const result = child(readXml(body, status), SERVICE.resultWrapper)!;
  return result.children.some((member) => {
    if (!(MEMBER_NAMES as string[]).includes(member.name)) return true;
    if (member.name !== 'ArtifactList') return false;
    return member.children.some(
      (item) =>
        item.name !== LIST_MEMBER_ELEMENT ||
        item.children.some((c) => !(ARTIFACT_MEMBERS as readonly string[]).includes(c.name)),
    );
  });
}

/** The ids of the rules the response breaks, sorted; [] for a valid response or a well-formed error response. */
export function validateGetStatusResponse(response: WireResponse): RuleId[] {
  const broken = new Set<RuleId>();
  const contentType = Object.entries(response.headers ?? {}).find(([k]) => k.toLowerCase() === 'content-type')?.[1];
  if (contentType !== undefined && !XML_CONTENT_TYPE.test(contentType)) broken.add('GS-PARSE-019');

  let output: GetStatusOutput;
  try {
    output = parseGetStatusResponse(response.body, response.status);
  } catch (error) {
    if (error instanceof GetStatusError && error.kind === 'malformed') broken.add(error.rule!);
    return [...broken].sort();
  }
  if (output.JobType !== undefined && !(JOB_TYPES as readonly string[]).includes(output.JobType))
    broken.add('GS-PARSE-010');
  if (unknownElements(response.body, response.status)) broken.add('GS-PARSE-011');
  if (output.ErrorCount !== undefined) {
    const wire = child(child(readXml(response.body, response.status), SERVICE.resultWrapper)!, 'ErrorCount')!.text;
    if (!/^(0|[1-9]\d*)$/.test(wire) || output.ErrorCount > INT32_MAX) broken.add('GS-PARSE-006');
  }
  const returned = output.LocationCode === RETURNED;
  const shipping = output.Carrier !== undefined || output.TrackingNumber !== undefined;
  if (shipping && !returned) broken.add('GS-COND-001');
  if (returned && (output.Carrier === undefined || output.TrackingNumber === undefined)) broken.add('GS-COND-002');
  const finished = (ERROR_COUNT_PROGRESS_CODES as readonly (string | undefined)[]).includes(output.ProgressCode);
  if (finished && output.ErrorCount === undefined) broken.add('GS-COND-004');
  return [...broken].sort();
}
