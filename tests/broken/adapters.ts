/**
 * Deliberately broken clients: the reference with one realistic bug each, and the rule whose
 * check must catch it. If a check stops catching its bug, the suite has lost its teeth.
 */
import { readFileSync } from 'node:fs';
import { getStatusForm } from '../../harness/index.ts';
import {
  GetStatusError,
  JOB_TYPES,
  MEMBER_NAMES,
  OUTPUT_MEMBERS,
  parseGetStatusResponse,
  renderText,
  Timestamp,
  type AdapterResult,
  type ClientAdapter,
  type GetStatusOutput,
  type GetStatusRequest,
  type RuleId,
} from '../../spec/index.ts';

interface Hooks {
  form?(request: GetStatusRequest): string;
  body?(text: string): string;
  parse?(body: Uint8Array, status: number): GetStatusOutput;
  output?(output: GetStatusOutput): GetStatusOutput;
  text?(output: GetStatusOutput): string;
  ignoreAbort?: boolean;
  error?(error: GetStatusError): Error;
}

function broken(name: string, hooks: Hooks): ClientAdapter {
  return {
    name,
    transport: 'intercept',
    textStyle: 'v2',
    async getStatus(request, context): Promise<AdapterResult> {
      const response = await fetch(context.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body: hooks.form ? hooks.form(request) : getStatusForm(request),
        ...(!hooks.ignoreAbort && { signal: context.signal }),
      });
      let body = new Uint8Array(await response.arrayBuffer());
      if (hooks.body) body = new TextEncoder().encode(hooks.body(new TextDecoder().decode(body)));
      let output: GetStatusOutput;
      try {
        output = (hooks.parse ?? parseGetStatusResponse)(body, response.status);
      } catch (error) {
        if (hooks.error && error instanceof GetStatusError) throw hooks.error(error);
        throw error;
      }
      if (hooks.output) output = hooks.output(output);
      return { output, text: hooks.text ? hooks.text(output) : renderText(output, 'v2') };
    },
  };
}

type Strings = (s: string) => string;
const mapStrings = (f: Strings) => (o: GetStatusOutput): GetStatusOutput => {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    out[k] = typeof v === 'string' ? f(v) : Array.isArray(v) ? v.map((a) => Object.fromEntries(Object.entries(a).map(([ak, av]) => [ak, f(av as string)]))) : v;
  }
  return out as GetStatusOutput;
};
const wire = (o: GetStatusOutput) => (o.CreationDate instanceof Timestamp ? o.CreationDate.wire : undefined);
const redate = (f: (wire: string) => Date) => (o: GetStatusOutput): GetStatusOutput => (wire(o) === undefined ? o : { ...o, CreationDate: f(wire(o)!) });
/** Parse, and on a failure for `rule` return what `instead` makes of it. */
const lenient = (rule: RuleId, instead: (body: Uint8Array) => GetStatusOutput) => (body: Uint8Array, status: number) => {
  try {
    return parseGetStatusResponse(body, status);
  } catch (error) {
    if (error instanceof GetStatusError && error.rule === rule) return instead(body);
    throw error;
  }
};
const tag = (body: Uint8Array, name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(new TextDecoder().decode(body))?.[1];
const sortedScalars = (o: GetStatusOutput, pick: (name: string) => string | undefined) =>
  MEMBER_NAMES.filter((n) => n !== 'ArtifactList').sort().map(pick).filter((v) => v !== undefined);
const v2 = (value: unknown) => (value instanceof Timestamp ? value.isoformat : String(value));

export interface BrokenClient {
  bug: string;
  /** The rule whose check must fail. */
  rule: RuleId;
  adapter: ClientAdapter;
}

export const BROKEN: BrokenClient[] = [
  // Parsing
  { rule: 'GS-PARSE-002', bug: 'returns every member, absent ones as empty strings', adapter: broken('absent-as-empty', { output: (o) => ({ ...Object.fromEntries(OUTPUT_MEMBERS.filter((m) => m.type === 'string').map((m) => [m.name, ''])), ...o }) }) },
  { rule: 'GS-PARSE-003', bug: 'loses everything after the first newline', adapter: broken('first-line-only', { output: mapStrings((s) => s.split('\n')[0]) }) },
  { rule: 'GS-PARSE-003', bug: 'decodes no entities', adapter: broken('no-entities', { body: (t) => t.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, '&amp;$1;') }) },
  { rule: 'GS-PARSE-003', bug: 'trims whitespace', adapter: broken('trims', { output: mapStrings((s) => s.trim()) }) },
  { rule: 'GS-PARSE-004', bug: 'keeps raw CR LF instead of normalising it', adapter: broken('raw-crlf', { body: (t) => t.replace(/\r\n/g, '&#13;\n') }) },
  { rule: 'GS-PARSE-005', bug: 'drops empty strings', adapter: broken('drops-empty', { output: (o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== '')) as GetStatusOutput }) },
  { rule: 'GS-PARSE-006', bug: 'returns ErrorCount as a string', adapter: broken('errorcount-string', { output: (o) => (o.ErrorCount === undefined ? o : ({ ...o, ErrorCount: String(o.ErrorCount) } as unknown as GetStatusOutput)) }) },
  { rule: 'GS-PARSE-007', bug: 'reads ErrorCount with parseInt (1.5 → 1, abc → NaN)', adapter: broken('parseint', { parse: lenient('GS-PARSE-007', (b) => ({ ErrorCount: Number.parseInt(tag(b, 'ErrorCount') ?? '', 10) })) }) },
  { rule: 'GS-PARSE-008', bug: 'turns a one-member ArtifactList into an object', adapter: broken('artifact-object', { output: (o) => (o.ArtifactList?.length === 1 ? ({ ...o, ArtifactList: o.ArtifactList[0] } as unknown as GetStatusOutput) : o) }) },
  { rule: 'GS-PARSE-009', bug: 'returns null for an absent ArtifactList', adapter: broken('artifacts-null', { output: (o) => ({ ArtifactList: null, ...o }) as unknown as GetStatusOutput }) },
  { rule: 'GS-PARSE-010', bug: 'rejects an unknown JobType', adapter: broken('closed-enum', { output: (o) => { if (o.JobType !== undefined && !(JOB_TYPES as readonly string[]).includes(o.JobType)) throw new Error(`unknown JobType ${o.JobType}`); return o; } }) },
  { rule: 'GS-PARSE-012', bug: 'loses every member under a namespace prefix', adapter: broken('prefix-blind', { output: (o) => o, body: (t) => (/<\w+:GetStatusResult/.test(t) ? '<GetStatusResponse><GetStatusResult/></GetStatusResponse>' : t) }) },
  { rule: 'GS-PARSE-014', bug: 'resolves {} for an empty 200 body', adapter: broken('empty-ok', { parse: lenient('GS-PARSE-014', () => ({})) }) },
  { rule: 'GS-PARSE-015', bug: 'accepts any root element', adapter: broken('any-root', { parse: lenient('GS-PARSE-015', () => ({})) }) },
  { rule: 'GS-PARSE-016', bug: 'leaves undefined entities as written', adapter: broken('undefined-entities', { body: (t) => t.replace(/&(?!(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);)(\w+);/g, '&amp;$2;') }) },
  // Timestamps
  { rule: 'GS-TIME-001', bug: 'keeps CreationDate as a string', adapter: broken('date-string', { output: (o) => (wire(o) === undefined ? o : ({ ...o, CreationDate: wire(o) } as unknown as GetStatusOutput)) }) },
  { rule: 'GS-TIME-001', bug: 'ignores the timezone offset', adapter: broken('no-offset', { output: redate((w) => new Date(`${w.replace(/([zZ]|[+-]\d\d:?\d\d)$/, '')}Z`)) }) },
  { rule: 'GS-TIME-002', bug: 'rounds fractional seconds instead of truncating', adapter: broken('rounds-fraction', { output: redate((w) => { const d = new Date(w); const f = /\.(\d+)/.exec(w)?.[1]; return f ? new Date(Math.floor(d.getTime() / 1000) * 1000 + Math.round(Number(`0.${f}`) * 1000)) : d; }) }) },
  { rule: 'GS-TIME-003', bug: 'reads a zone-less date-time in local time (UTC+05:30)', adapter: broken('local-time', { output: redate((w) => new Date(new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(w) || !w.includes('T') ? w : `${w}Z`).getTime() - (/[zZ]|[+-]\d\d:?\d\d$/.test(w) || !w.includes('T') ? 0 : 330 * 60_000))) }) },
  { rule: 'GS-TIME-005', bug: 'returns Invalid Date for an impossible CreationDate', adapter: broken('invalid-date', { parse: lenient('GS-TIME-005', (b) => ({ CreationDate: new Date(tag(b, 'CreationDate') ?? '') })) }) },
  // Conditional members
  { rule: 'GS-COND-001', bug: 'drops Carrier and TrackingNumber unless LocationCode is Returned', adapter: broken('corrects-carrier', { output: (o) => { if (o.LocationCode === 'Returned') return o; const { Carrier: _c, TrackingNumber: _t, ...rest } = o; return rest; } }) },
  { rule: 'GS-COND-002', bug: "invents Carrier: '' when Returned comes without one", adapter: broken('invents-carrier', { output: (o) => (o.LocationCode === 'Returned' ? { Carrier: '', TrackingNumber: '', ...o } : o) }) },
  { rule: 'GS-COND-005', bug: 'drops ErrorCount when it is 0', adapter: broken('drops-zero', { output: (o) => { if (o.ErrorCount !== 0) return o; const { ErrorCount: _, ...rest } = o; return rest; } }) },
  // Text output
  { rule: 'GS-TEXT-001', bug: 'prints text columns in model order', adapter: broken('model-order', { text: (o) => `${OUTPUT_MEMBERS.filter((m) => m.type !== 'list<Artifact>' && o[m.name] !== undefined).map((m) => v2(o[m.name])).join('\t')}\n` }) },
  { rule: 'GS-TEXT-002', bug: 'prints an empty column for an absent member', adapter: broken('empty-columns', { text: (o) => `${sortedScalars(o, (n) => (o[n as keyof GetStatusOutput] === undefined ? '' : v2(o[n as keyof GetStatusOutput]))).join('\t')}\n` }) },
  { rule: 'GS-TEXT-004', bug: 'escapes tabs and newlines in text output', adapter: broken('escapes-text', { text: (o) => renderText(mapStrings((s) => s.replace(/\t/g, '\\t').replace(/\n/g, '\\n'))(o), 'v2') }) },
  { rule: 'GS-TIME-007', bug: 'prints v2 timestamps as toISOString()', adapter: broken('iso-in-text', { text: (o) => renderText(o.CreationDate ? { ...o, CreationDate: new Date(o.CreationDate.getTime()) } : o, 'v2').replace(/\+00:00/, 'Z') }) },
  // Errors
  { rule: 'GS-ERR-002', bug: 'loses the error code', adapter: broken('no-code', { error: (e) => new Error(e.message) }) },
  { rule: 'GS-ERR-003', bug: 'treats a 5xx without ErrorResponse as success', adapter: broken('5xx-ok', { parse: (body, status) => { try { return parseGetStatusResponse(body, status); } catch (error) { if (error instanceof GetStatusError && error.kind === 'http') return {}; throw error; } } }) },
  // Requests
  { rule: 'GS-REQ-002', bug: 'sends no Version', adapter: broken('no-version', { form: (r) => getStatusForm(r).replace(/&?Version=[^&]*/, '') }) },
  { rule: 'GS-REQ-003', bug: 'does not percent-encode the job id', adapter: broken('raw-jobid', { form: (r) => `Action=GetStatus&Version=2010-06-01&JobId=${r.jobId}${r.apiVersion === undefined ? '' : `&APIVersion=${encodeURIComponent(r.apiVersion)}`}` }) },
  { rule: 'GS-REQ-004', bug: 'always sends APIVersion, empty when not given', adapter: broken('apiversion-always', { form: (r) => (r.apiVersion === undefined ? `${getStatusForm(r)}&APIVersion=` : getStatusForm(r)) }) },
  // Safety
  {
    rule: 'GS-SAFE-001',
    bug: 'resolves an external entity from the file system',
    adapter: broken('xxe', {
      body: (t) => {
        const entities = [...t.matchAll(/<!ENTITY\s+(\w+)\s+SYSTEM\s+"file:\/\/([^"]+)"\s*>/g)];
        let out = t.replace(/<!DOCTYPE[\s\S]*?\]>/, '');
        for (const [, name, path] of entities) {
          let content = '';
          try {
            content = readFileSync(path, 'utf8').trim();
          } catch {}
          out = out.replaceAll(`&${name};`, content.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
        }
        return out;
      },
    }),
  },
  { rule: 'GS-SAFE-004', bug: 'ignores the abort signal', adapter: broken('no-abort', { ignoreAbort: true }) },
];
