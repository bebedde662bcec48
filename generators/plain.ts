/**
 * Each dimension of spec/dimensions.ts as code: whether a case's parts are plain in it, and
 * the same parts made plain in it (nothing else changed).
 */
import {
  ARTIFACT_MEMBERS,
  DIMENSIONS,
  ERROR_COUNT_PROGRESS_CODES,
  ERRORS,
  LOCATION_CODES,
  MEMBER_NAMES,
  PROGRESS_CODES,
  RETURNED,
  type Artifact,
  type DimensionId,
  type GetStatusOutput,
} from '../spec/index.ts';
import { isOddCode, isPlainShape, PLAIN_ERROR_SHAPE } from './error-shapes.ts';
import { ZONES, type TimestampZone } from './creation-dates.ts';
import type { Spelled } from './recipe.ts';
import { TEXT_MODES, type WireEncoding } from './wire-encoding.ts';

/** Printable ASCII, no markup character, no whitespace at the edges: what every client reads. */
export const isPlainText = (value: string) =>
  /^[\x21-\x25\x27-\x3B\x3D\x3F-\x7E](?:[\x20-\x25\x27-\x3B\x3D\x3F-\x7E]*[\x21-\x25\x27-\x3B\x3D\x3F-\x7E])?$/.test(
    value,
  );

/** The value with line breaks and tabs as spaces and every other hazard dropped; '' stays ''. */
export function plainText(value: string): string {
  if (value === '' || isPlainText(value)) return value;
  return (
    value
      .replace(/\s+/g, ' ')
      .replace(/[^\x20-\x7E]|[&<>]/g, '')
      .trim() || 'x'
  );
}

export const PLAIN_CREATION_DATE = new Date(Date.UTC(2015, 4, 27, 18, 58, 21));
export const PLAIN_ARTIFACTS: readonly Required<Artifact>[] = [
  { Description: 'Log report', URL: 'https://import-logs.s3.amazonaws.com/EX1ID/log-report.txt' },
  { Description: 'Success log', URL: 'https://import-logs.s3.amazonaws.com/EX1ID/success.log' },
];
const PLAIN_ERROR_COUNT = 3;
const PLAIN_ERROR = ERRORS.find((e) => e.code === 'ServiceUnavailable')!;

/** Values for members a plain output fills in. */
const FILL: Required<Omit<GetStatusOutput, 'ArtifactList'>> = {
  JobId: 'EX1ID',
  JobType: 'Import',
  LocationCode: 'AtAWS',
  LocationMessage: 'The device is at AWS.',
  ProgressCode: 'Started',
  ProgressMessage: 'The job is being processed.',
  Carrier: 'UPS',
  TrackingNumber: '1Z999AA10123456784',
  LogBucket: 'import-logs',
  LogKey: 'logs/EX1ID/import.log',
  ErrorCount: PLAIN_ERROR_COUNT,
  Signature: 'ktKDXpdbEXAMPLEyGFJmQO744UHw=',
  SignatureFileContents: 'version:2.0 signingMethod:HmacSHA1 jobId:EX1ID',
  CurrentManifest: 'manifestVersion:2.0 bucket:import-logs deviceId:12345',
  CreationDate: PLAIN_CREATION_DATE,
};

type Output = GetStatusOutput;
/** The output with `f` applied to every string; the same object when `f` changed none. */
const mapStrings = (output: Output, f: (value: string, member: string) => string): Output => {
  const out: Record<string, unknown> = {};
  let changed = false;
  for (const [name, value] of Object.entries(output)) {
    if (typeof value === 'string') {
      out[name] = f(value, name);
      changed ||= out[name] !== value;
    } else if (Array.isArray(value)) {
      const list = value.map((a: Artifact) => mapStrings(a as Output, f) as Artifact);
      out[name] = list;
      changed ||= list.some((a, i) => a !== value[i]);
    } else out[name] = value;
  }
  return changed ? (out as Output) : output;
};
const strings = (output: Output): string[] =>
  Object.values(output).flatMap((v) =>
    typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap((a: Artifact) => Object.values(a) as string[]) : [],
  );
/** Members in model order, so an output made plain is laid out like a generated one. */
const inModelOrder = (output: Record<string, unknown>): Output => {
  const out: Record<string, unknown> = {};
  for (const name of MEMBER_NAMES) if (output[name] !== undefined) out[name] = output[name];
  return out as Output;
};
// An empty value is the empty dimension's subject, not an unknown token.
const known = (tokens: Readonly<Record<string, string>>, value: string | undefined) =>
  value === undefined || value === '' || value in tokens;
const completeArtifact = (a: Artifact, i: number): Artifact => ({
  Description: a.Description ?? PLAIN_ARTIFACTS[i % 2].Description,
  URL: a.URL ?? PLAIN_ARTIFACTS[i % 2].URL,
});

interface Rule {
  isPlain(p: Spelled): boolean;
  makePlain<P extends Spelled>(p: P): P;
  /** A rule about the wire encoding alone: how it reads and makes plain the encoding. */
  encoding?: EncodingRule;
}
interface EncodingRule {
  isPlain(e: Spelled['encoding']): boolean;
  plain(e: Spelled['encoding']): Partial<Spelled['encoding']>;
}

/** An output-only dimension: plain when there is no output. */
const onOutput = (isPlain: (o: Output) => boolean, makePlain: (o: Output) => Output): Rule => ({
  isPlain: (p) => p.output === undefined || isPlain(p.output),
  makePlain: (p) => (p.output === undefined || isPlain(p.output) ? p : { ...p, output: makePlain(p.output) }),
});
const onEncoding = (isPlain: EncodingRule['isPlain'], plain: EncodingRule['plain']): Rule => ({
  isPlain: (p) => isPlain(p.encoding),
  makePlain: (p) => (isPlain(p.encoding) ? p : { ...p, encoding: { ...p.encoding, ...plain(p.encoding) } }),
  encoding: { isPlain, plain },
});
const onTimestamp = (
  plainWhen: (zone: TimestampZone, digits: number) => boolean,
  plain: Partial<Spelled['encoding']['timestamp']>,
): Rule =>
  onEncoding(
    (e) => plainWhen(e.timestamp.zone, e.timestamp.digits),
    (e) => ({ timestamp: { ...e.timestamp, ...plain } }),
  );
/** A dimension of zone forms: plain unless the zone departs in it (generators/creation-dates.ts). */
const onZone = (dimension: DimensionId): Rule => onTimestamp((zone) => ZONES[zone] !== dimension, { zone: 'Z' });

const RULES: Record<DimensionId, Rule> = {
  text: {
    isPlain: (p) =>
      (p.output === undefined || strings(p.output).every((s) => s === '' || isPlainText(s))) &&
      (p.message === undefined || p.message === '' || isPlainText(p.message)),
    makePlain: (p) => {
      const output = p.output && mapStrings(p.output, plainText);
      const message = p.message === undefined ? undefined : plainText(p.message);
      return output === p.output && message === p.message
        ? p
        : { ...p, ...(output && { output }), ...(message !== undefined && { message }) };
    },
  },
  references: onEncoding(
    (e) => e.nonAscii === 'raw' && TEXT_MODES[e.text] !== 'references',
    (e) => ({ nonAscii: 'raw', ...(TEXT_MODES[e.text] === 'references' && { text: 'minimal' as const }) }),
  ),
  cdata: onEncoding(
    (e) => TEXT_MODES[e.text] !== 'cdata',
    () => ({ text: 'minimal' }),
  ),
  comments: onEncoding(
    (e) => !e.commentInValues,
    () => ({ commentInValues: false }),
  ),
  empty: {
    isPlain: (p) => (p.output === undefined || !strings(p.output).includes('')) && p.message !== '',
    makePlain: (p) => {
      const output =
        p.output &&
        mapStrings(p.output, (v, member) =>
          v === ''
            ? ((FILL[member as keyof typeof FILL] as string | undefined) ??
              (member === 'URL' ? PLAIN_ARTIFACTS[0].URL : PLAIN_ARTIFACTS[0].Description))
            : v,
        );
      return output === p.output && p.message !== ''
        ? p
        : { ...p, ...(output && { output }), ...(p.message === '' && { message: 'The request failed.' }) };
    },
  },
  absent: onOutput(
    (o) =>
      MEMBER_NAMES.every(
        (n) =>
          n === 'ArtifactList' ||
          o[n] !== undefined ||
          ((n === 'Carrier' || n === 'TrackingNumber') && o.LocationCode !== RETURNED),
      ),
    (o) => {
      const location =
        o.LocationCode ?? (o.Carrier !== undefined || o.TrackingNumber !== undefined ? RETURNED : FILL.LocationCode);
      const { Carrier, TrackingNumber, ...unconditional } = FILL;
      return inModelOrder({
        ...unconditional,
        ...(location === RETURNED && { Carrier, TrackingNumber }),
        ...o,
        LocationCode: location,
      });
    },
  ),
  'artifacts-absent': onOutput(
    (o) => o.ArtifactList !== undefined,
    (o) => inModelOrder({ ...o, ArtifactList: PLAIN_ARTIFACTS.map((a) => ({ ...a })) }),
  ),
  'artifacts-shape': onOutput(
    (o) =>
      o.ArtifactList === undefined ||
      (o.ArtifactList.length >= 2 && o.ArtifactList.every((a) => ARTIFACT_MEMBERS.every((k) => a[k] !== undefined))),
    (o) => {
      const list = o.ArtifactList!.map(completeArtifact);
      while (list.length < 2) list.push({ ...PLAIN_ARTIFACTS[list.length] });
      return { ...o, ArtifactList: list };
    },
  ),
  tokens: onOutput(
    (o) => known(LOCATION_CODES, o.LocationCode) && known(PROGRESS_CODES, o.ProgressCode),
    (o) => ({
      ...o,
      ...(!known(LOCATION_CODES, o.LocationCode) && { LocationCode: FILL.LocationCode }),
      ...(!known(PROGRESS_CODES, o.ProgressCode) && { ProgressCode: FILL.ProgressCode }),
    }),
  ),
  'error-count-zero': onOutput(
    (o) => o.ErrorCount !== 0,
    (o) => ({ ...o, ErrorCount: PLAIN_ERROR_COUNT }),
  ),
  'error-count-large': onOutput(
    (o) => o.ErrorCount === undefined || o.ErrorCount <= 65_535,
    (o) => ({ ...o, ErrorCount: (o.ErrorCount! % 20) + 1 }),
  ),
  'line-ends': onEncoding(
    (e) => e.layout !== 'crlf',
    () => ({ layout: 'indented' }),
  ),
  layout: onEncoding(
    (e) => e.layout === 'indented' || e.layout === 'crlf',
    () => ({ layout: 'indented' }),
  ),
  prolog: onEncoding(
    (e) => !e.bom && e.declaration === 'none',
    () => ({ bom: false, declaration: 'none' }),
  ),
  'markup-between': onEncoding(
    (e) => e.between === 'none',
    () => ({ between: 'none' }),
  ),
  order: onEncoding(
    (e) =>
      e.artifactOrder === 'model' &&
      e.order.length === MEMBER_NAMES.length &&
      e.order.every((name, i) => name === MEMBER_NAMES[i]),
    () => ({ order: MEMBER_NAMES, artifactOrder: 'model' }),
  ),
  namespace: onEncoding(
    (e) => e.namespace === 'default',
    () => ({ namespace: 'default' }),
  ),
  'timestamp-offset': onZone('timestamp-offset'),
  'timestamp-fraction': onTimestamp((_, digits) => digits === 0 || digits === 3, { digits: 0 }),
  'timestamp-no-zone': onZone('timestamp-no-zone'),
  'timestamp-other-form': onZone('timestamp-other-form'),
  'api-version': {
    isPlain: (p) => p.apiVersion === undefined,
    makePlain: (p) => {
      if (p.apiVersion === undefined) return p;
      const { apiVersion: _, ...rest } = p;
      return rest as typeof p;
    },
  },
  'content-type': {
    isPlain: (p) => p.contentType === undefined || p.contentType === 'text/xml',
    makePlain: (p) => (p.contentType === undefined ? p : { ...p, contentType: 'text/xml' }),
  },
  'error-shape': {
    isPlain: (p) => (p.shape === undefined || isPlainShape(p.shape)) && (p.error === undefined || !isOddCode(p.error)),
    makePlain: (p) => ({
      ...p,
      ...(p.shape && { shape: PLAIN_ERROR_SHAPE }),
      ...(p.error && isOddCode(p.error) && { error: PLAIN_ERROR }),
    }),
  },
  'error-modelled': {
    isPlain: (p) => p.error === undefined || !p.error.modelled,
    makePlain: (p) => (p.error?.modelled ? { ...p, error: PLAIN_ERROR } : p),
  },
  'error-format': {
    isPlain: (p) => p.format !== 'legacy',
    makePlain: (p) => (p.format === 'legacy' ? { ...p, format: 'query' } : p),
  },
};

export const ALL_DIMENSIONS: readonly DimensionId[] = DIMENSIONS.map((d) => d.id);

export const isPlainIn = (dimension: DimensionId, parts: Spelled) => RULES[dimension].isPlain(parts);
export const makePlainIn = <P extends Spelled>(dimension: DimensionId, parts: P): P =>
  RULES[dimension].makePlain(parts);

/** The dimensions in which the parts are not plain, in table order. */
export const departures = (parts: Spelled): DimensionId[] => ALL_DIMENSIONS.filter((d) => !isPlainIn(d, parts));

/**
 * The parts made plain in every dimension but `vary`: as `makePlainIn` one dimension after another,
 * with the encoding's dimensions applied to one copy of it (a case is drawn and made plain by the thousand).
 */
export function plainExcept<P extends Spelled>(parts: P, vary: readonly DimensionId[]): P {
  let out = parts;
  let encoding: Spelled['encoding'] | undefined;
  for (const dimension of ALL_DIMENSIONS) {
    if (vary.includes(dimension)) continue;
    const rule = RULES[dimension];
    if (!rule.encoding) out = rule.makePlain(out);
    else if (!rule.encoding.isPlain(encoding ?? out.encoding))
      encoding = Object.assign(encoding ?? { ...out.encoding }, rule.encoding.plain(encoding ?? out.encoding));
  }
  return encoding ? { ...out, encoding } : out;
}

/**
 * The fully plain valid response a failure about `member` is tried on: plain in every dimension,
 * without the labelled departure, carrying the member (with a plain value) when `present`, and
 * without it otherwise. A client that fails there about the same member has a bug of that member
 * on any response, whatever the check was about. Carrier and TrackingNumber come with Returned
 * only, ErrorCount goes only from an unfinished job, so the probe stays valid.
 */
export function plainProbe<P extends Spelled>(parts: P, member: string, present: boolean): P {
  const plain: P = { ...plainExcept(parts, []), essence: false };
  if (!plain.output || !(MEMBER_NAMES as readonly string[]).includes(member)) return plain;
  const name = member as keyof GetStatusOutput;
  const output: Record<string, unknown> = { ...plain.output };
  const shipment = name === 'Carrier' || name === 'TrackingNumber';
  if (present && output[name] === undefined) {
    if (shipment)
      Object.assign(output, { LocationCode: RETURNED, Carrier: FILL.Carrier, TrackingNumber: FILL.TrackingNumber });
    else output[name] = name === 'ArtifactList' ? PLAIN_ARTIFACTS.map((a) => ({ ...a })) : FILL[name];
  }
  if (!present) {
    delete output[name];
    if (shipment) {
      delete output.Carrier;
      delete output.TrackingNumber;
      if (output.LocationCode === RETURNED) output.LocationCode = FILL.LocationCode;
    }
    if (name === 'ErrorCount' && (ERROR_COUNT_PROGRESS_CODES as readonly unknown[]).includes(output.ProgressCode))
      output.ProgressCode = FILL.ProgressCode;
  }
  return { ...plain, output: inModelOrder(output) };
}

/** The plainest spelling of every encoding choice. */
export const PLAIN_ENCODING: WireEncoding = {
  order: MEMBER_NAMES,
  artifactOrder: 'model',
  layout: 'indented',
  text: 'minimal',
  nonAscii: 'raw',
  commentInValues: false,
  empty: 'self-closing',
  declaration: 'none',
  between: 'none',
  namespace: 'default',
  bom: false,
  requestId: '1b4e2f5a-0000-4000-8000-000000000000',
  timestamp: { digits: 0, zone: 'Z', offsetMinutes: 0, extraDigits: '0000' },
};

/**
 * The output with the named string members that it has emptied; a Returned LocationCode is kept,
 * so emptying never breaks the Carrier condition (GS-COND-001's subject, not GS-PARSE-005's).
 */
export const emptying =
  (names: readonly string[]) =>
  (output: GetStatusOutput): GetStatusOutput => {
    const emptied = names.filter(
      (n) =>
        output[n as keyof GetStatusOutput] !== undefined && !(n === 'LocationCode' && output.LocationCode === RETURNED),
    );
    return { ...output, ...Object.fromEntries(emptied.map((n) => [n, ''])) };
  };
