/**
 * The reference client's reading of a GetStatus response: what a correct client returns,
 * or how it must fail. Pure: no I/O.
 */
import { GetStatusError, malformed } from './errors.ts';
import { ARTIFACT_MEMBERS, LIST_MEMBER_ELEMENT, OUTPUT_MEMBERS, SERVICE } from './model.ts';
import { parseTimestamp } from './timestamps.ts';
import type { Artifact, GetStatusOutput } from './types.ts';
import { child, readXml, type XmlElement } from './xml.ts';

/** Python's int() as botocore applies it: surrounding whitespace and a sign allowed, digits only. */
const INTEGER = /^\s*[+-]?\d+\s*$/;

export function parseErrorCount(text: string, status = 200): number {
  const value = INTEGER.test(text) ? Number(text.trim()) : NaN;
  if (!Number.isSafeInteger(value)) {
    throw malformed('GS-PARSE-007', status, `ErrorCount ${JSON.stringify(text)} is not an integer`);
  }
  // `-0` would print as 0 but compare unequal under Object.is.
  return value === 0 ? 0 : value;
}

function single(parent: XmlElement, name: string, status: number): XmlElement | undefined {
  const found = parent.children.filter((c) => c.name === name);
  if (found.length > 1) {
    throw malformed('GS-PARSE-017', status, `<${name}> appears ${found.length} times in <${parent.name}>`);
  }
  return found[0];
}

function readArtifacts(list: XmlElement, status: number): Artifact[] {
  return list.children
    .filter((c) => c.name === LIST_MEMBER_ELEMENT)
    .map((member) => {
      const artifact: Artifact = {};
      for (const name of ARTIFACT_MEMBERS) {
        const el = single(member, name, status);
        if (el) artifact[name] = el.text;
      }
      return artifact;
    });
}

function readServiceError(body: string | Uint8Array, status: number): GetStatusError {
  let root: XmlElement | undefined;
  try {
    root = readXml(body, status);
  } catch {
    root = undefined;
  }
  // Query services answer <ErrorResponse><Error>…; older ones <Response><Errors><Error>…
  const error = root && (child(root, 'Error') ?? (child(root, 'Errors') && child(child(root, 'Errors')!, 'Error')));
  const code = error && child(error, 'Code')?.text;
  if (!root || !error || !code) {
    return new GetStatusError({ kind: 'http', status, message: `HTTP ${status} without an ErrorResponse body` });
  }
  return new GetStatusError({
    kind: 'service',
    status,
    code,
    message: child(error, 'Message')?.text ?? '',
    requestId: child(root, 'RequestId')?.text,
  });
}

/**
 * Read a GetStatus HTTP response. Returns the output, or throws a `GetStatusError`:
 * kind 'service' for an ErrorResponse, 'http' for another non-2xx answer,
 * 'malformed' (with the rule broken) for a 2xx body that is not a usable GetStatus response.
 */
export function parseGetStatusResponse(body: string | Uint8Array, status = 200): GetStatusOutput {
  if (status < 200 || status >= 300) throw readServiceError(body, status);
  const root = readXml(body, status);
  if (root.name !== SERVICE.responseRoot) {
    throw malformed('GS-PARSE-015', status, `root element is <${root.name}>, not <${SERVICE.responseRoot}>`);
  }
  const result = single(root, SERVICE.resultWrapper, status);
  if (!result) throw malformed('GS-PARSE-015', status, `<${SERVICE.responseRoot}> has no <${SERVICE.resultWrapper}>`);

  const output: GetStatusOutput = {};
  for (const member of OUTPUT_MEMBERS) {
    const el = single(result, member.name, status);
    if (!el) continue;
    switch (member.type) {
      case 'string':
        (output as Record<string, string>)[member.name] = el.text;
        break;
      case 'integer':
        output.ErrorCount = parseErrorCount(el.text, status);
        break;
      case 'timestamp': {
        const date = parseTimestamp(el.text);
        if (!date) throw malformed('GS-TIME-005', status, `CreationDate ${JSON.stringify(el.text)} is not a valid timestamp`);
        output.CreationDate = date;
        break;
      }
      case 'list<Artifact>':
        output.ArtifactList = readArtifacts(el, status);
        break;
    }
  }
  return output;
}
