/**
 * The reference client's reading of a GetStatus response: what a correct client returns,
 * or how it must fail. Pure: no I/O.
 */
import { GetStatusError, malformed } from './errors.ts';
import { ARTIFACT_MEMBERS, LIST_MEMBER_ELEMENT, OUTPUT_MEMBERS, SERVICE, XML_CONTENT_TYPE } from './model.ts';
import type { RuleId } from './rules.ts';
import { isLenientTimestamp, parseTimestamp } from './timestamps.ts';
import type { Artifact, GetStatusOutput, ToleratedOutput } from './types.ts';
import { child, readXml, type XmlElement } from './xml.ts';

/** What the service sends: ASCII digits of a non-negative 32-bit integer. */
const CANONICAL_INTEGER = /^(?:0|[1-9]\d*)$/;
const INT32_MAX = 2 ** 31 - 1;
/** Python's int() as botocore applies it: surrounding whitespace and a sign allowed, digits only. */
const INTEGER = /^\s*[+-]?\d+\s*$/;
/** A decimal numeral in any script's digits, digits grouped by single underscores, with a fraction or exponent. */
const NUMERAL = /^\s*([+-]?)(\p{Nd}+(?:_\p{Nd}+)*)(?:\.(\p{Nd}+))?(?:[eE]([+-]?\d+))?\s*$/u;

/** The ASCII digits of a numeral written in any script's decimal digits. */
function asciiDigits(digits: string): string {
  return [...digits]
    .map((char) => {
      const cp = char.codePointAt(0)!;
      // Nd digits come in runs of ten from zero; a run's start is the first Nd code point before it.
      let start = cp;
      while (start > 0 && /\p{Nd}/u.test(String.fromCodePoint(start - 1))) start--;
      return String((cp - start) % 10);
    })
    .join('');
}

/** The number an ErrorCount spells when it is not an integer the service sends: exact (bigint beyond 2^53), null when empty. */
function numberSpelled(text: string): number | bigint | null | undefined {
  if (text.trim() === '') return null;
  const m = NUMERAL.exec(text);
  if (!m) return undefined;
  const [sign, whole, fraction, exponent] = [
    m[1],
    asciiDigits(m[2].replaceAll('_', '')),
    m[3] && asciiDigits(m[3]),
    m[4],
  ];
  if (fraction === undefined && exponent === undefined) {
    const exact = BigInt(`${sign}${whole}`);
    return exact >= BigInt(Number.MIN_SAFE_INTEGER) && exact <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(exact) || 0
      : exact;
  }
  const value = Number(
    `${sign}${whole}${fraction === undefined ? '' : `.${fraction}`}${exponent === undefined ? '' : `e${exponent}`}`,
  );
  return Number.isFinite(value) ? value || 0 : undefined;
}

/**
 * An ErrorCount as the service sends it is that number. Any other integer spelling (whitespace,
 * a sign, leading zeros, outside 32 bits) is read too, but failing on it is as right (GS-PARSE-006);
 * anything else fails (GS-PARSE-007), and returning exactly the number it spells is tolerated.
 */
function readErrorCount(text: string): MemberReading<number> {
  if (CANONICAL_INTEGER.test(text) && Number(text) <= INT32_MAX) return { value: Number(text) };
  const spelled = numberSpelled(text);
  if (INTEGER.test(text)) {
    return typeof spelled === 'number'
      ? { value: spelled, orFail: 'GS-PARSE-006' }
      : { fail: 'GS-PARSE-006', message: `ErrorCount ${JSON.stringify(text)} is beyond 2^53`, tolerated: [spelled!] };
  }
  return {
    fail: 'GS-PARSE-007',
    message: `ErrorCount ${JSON.stringify(text)} is not an integer`,
    tolerated: spelled === undefined ? [] : [spelled],
  };
}

/** A date-time as the service sends it; a date alone, epoch seconds or an HTTP date may also fail (GS-TIME-004); anything else fails, or is returned as the text received (GS-TIME-005). */
function readCreationDate(text: string): MemberReading<Date> {
  const date = parseTimestamp(text);
  if (date) return isLenientTimestamp(text) ? { value: date, orFail: 'GS-TIME-004' } : { value: date };
  return {
    fail: 'GS-TIME-005',
    message: `CreationDate ${JSON.stringify(text)} is not a valid timestamp`,
    tolerated: text === '' ? ['', null] : [text],
  };
}

/** A member read: its value (which failing may replace, `orFail`), or a failure with the other answers it tolerates. */
type MemberReading<T> =
  | { value: T; orFail?: RuleId }
  | { fail: RuleId; message: string; tolerated: (T | string | bigint | number | null)[] };

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
  // Only the query protocol's <ErrorResponse><Error> carries a code the client must report; older
  // services' <Response><Errors><Error> is not this service's form, so failing the call is enough
  // (GS-ERR-003), but its code and message are read as botocore's query parser reads them.
  const errors = root?.name === 'Response' ? child(root, 'Errors') : undefined;
  const legacy = errors && child(errors, 'Error');
  const legacyCode = legacy && child(legacy, 'Code')?.text;
  if (legacy && legacyCode) {
    return new GetStatusError({
      kind: 'http',
      status,
      code: legacyCode,
      message: child(legacy, 'Message')?.text ?? '',
      requestId: child(root!, 'RequestID')?.text,
    });
  }
  const error = root?.name === 'ErrorResponse' ? child(root, 'Error') : undefined;
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

/** The reference's answer to a 2xx response, and whether failing the call is as right. */
export interface Reading {
  output: GetStatusOutput;
  /** The rule under which failing the call is as right as this output: the response uses a spelling the service never sends. */
  orFail?: RuleId;
}

/** Encodings a document may name for itself or by a byte order mark, which a client may decode exactly instead of failing (GS-PARSE-018). */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const declared = /^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/
    .exec(Buffer.from(bytes.subarray(0, 200)).toString('latin1'))?.[1]
    .toLowerCase();
  return declared && ['iso-8859-1', 'latin1', 'windows-1252', 'us-ascii'].includes(declared) ? declared : undefined;
}

/** The output of a body that is not UTF-8, decoded exactly as it says it is encoded; undefined when it says nothing. */
function decodedAsDeclared(body: string | Uint8Array, status: number): GetStatusOutput | undefined {
  if (typeof body === 'string') return undefined;
  const encoding = declaredEncoding(body);
  if (!encoding) return undefined;
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(body).replace(/^<\?xml[^>]*\?>/, '');
    return readGetStatusResponse(text, status).output;
  } catch {
    return undefined;
  }
}

/**
 * Read a 2xx GetStatus response: the output, and whether failing is as right. Throws a
 * `GetStatusError` of kind 'malformed' (with the rule broken, and the outputs it tolerates
 * instead of a failure) for a body that is not a usable GetStatus response.
 */
export function readGetStatusResponse(body: string | Uint8Array, status = 200): Reading {
  let root: XmlElement;
  try {
    root = readXml(body, status);
  } catch (error) {
    if (error instanceof GetStatusError && error.rule === 'GS-PARSE-018') {
      const decoded = decodedAsDeclared(body, status);
      if (decoded) throw error.tolerating([decoded]);
    }
    throw error;
  }
  if (root.name !== SERVICE.responseRoot) {
    throw malformed('GS-PARSE-015', status, `root element is <${root.name}>, not <${SERVICE.responseRoot}>`);
  }
  const result = single(root, SERVICE.resultWrapper, status);
  if (!result) throw malformed('GS-PARSE-015', status, `<${SERVICE.responseRoot}> has no <${SERVICE.resultWrapper}>`);

  const output: GetStatusOutput = {};
  let orFail: RuleId | undefined;
  const failures: { member: 'ErrorCount' | 'CreationDate'; fail: RuleId; message: string; tolerated: unknown[] }[] = [];
  const take = <T>(member: 'ErrorCount' | 'CreationDate', reading: MemberReading<T>) => {
    if ('fail' in reading) failures.push({ member, ...reading });
    else {
      (output as Record<string, unknown>)[member] = reading.value;
      orFail ??= reading.orFail;
    }
  };
  for (const member of OUTPUT_MEMBERS) {
    const el = single(result, member.name, status);
    if (!el) continue;
    switch (member.type) {
      case 'string':
        (output as Record<string, string>)[member.name] = el.text;
        break;
      case 'integer':
        take('ErrorCount', readErrorCount(el.text));
        break;
      case 'timestamp':
        take('CreationDate', readCreationDate(el.text));
        break;
      case 'list<Artifact>':
        output.ArtifactList = readArtifacts(el, status);
        break;
    }
  }
  if (failures.length === 0) return { output, ...(orFail && { orFail }) };
  // Every combination of the failing members' tolerated values, the rest of the output as read.
  let tolerated: ToleratedOutput[] = [output];
  for (const { member, tolerated: values } of failures)
    tolerated = tolerated.flatMap((o) => values.map((v) => ({ ...o, [member]: v })));
  throw malformed(failures[0].fail, status, failures.map((f) => f.message).join('; ')).tolerating(tolerated);
}

/**
 * Read a GetStatus HTTP response. Returns the output, or throws a `GetStatusError`:
 * kind 'service' for an ErrorResponse, 'http' for another non-2xx answer,
 * 'malformed' (with the rule broken) for a 2xx body that is not a usable GetStatus response.
 */
export function parseGetStatusResponse(body: string | Uint8Array, status = 200): GetStatusOutput {
  return readResponse(body, status).output;
}

/**
 * The reference's answer to a whole response, headers included: a body under a Content-Type
 * that is not XML may also be failed on (GS-PARSE-019). Throws as `parseGetStatusResponse` does.
 */
export function readResponse(body: string | Uint8Array, status = 200, headers: Record<string, string> = {}): Reading {
  if (status < 200 || status >= 300) throw readServiceError(body, status);
  const reading = readGetStatusResponse(body, status);
  const contentType = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1];
  return contentType === undefined || XML_CONTENT_TYPE.test(contentType)
    ? reading
    : { ...reading, orFail: reading.orFail ?? 'GS-PARSE-019' };
}
