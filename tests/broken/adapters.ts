/**
 * Deliberately broken clients: the reference with one realistic bug each, and the rule whose
 * check must catch it. If a check stops catching its bug, the suite has lost its teeth.
 */
import { readFileSync } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { getStatusForm } from '../../adapters/index.ts';
import { signV4 } from '../../spec/signatures.ts';
import {
  ARTIFACT_MEMBERS,
  ERROR_COUNT_PROGRESS_CODES,
  ERRORS,
  GetStatusError,
  JOB_TYPES,
  MEMBER_NAMES,
  OUTPUT_MEMBERS,
  parseGetStatusResponse,
  renderJson,
  renderText,
  REQUEST,
  SERVICE,
  STRING_MEMBERS,
  Timestamp,
  type GetStatusOutput,
  type GetStatusRequest,
  type RuleId,
} from '../../spec/index.ts';
import { child, readXml, type XmlElement } from '../../spec/xml.ts';
import type { AdapterResult, ClientAdapter } from '../../harness/index.ts';

interface Hooks {
  form?(request: GetStatusRequest): string;
  /** The request's Content-Type (default: the reference's). */
  contentType?: string;
  /** Send the request without a signature. */
  unsigned?: boolean;
  /** Rewrites a UTF-8 body before it is parsed. */
  body?(text: string): string;
  parse?(body: Uint8Array, status: number): GetStatusOutput;
  /** Changes a successful output; `text` is the response body. */
  output?(output: GetStatusOutput, text: string): GetStatusOutput;
  text?(output: GetStatusOutput): string;
  /** Its `--output json`: given, the client declares it prints one (v2). */
  json?(output: GetStatusOutput): string;
  ignoreAbort?: boolean;
  error?(error: GetStatusError): Error;
  /** Fails the call before any request is sent (what a client whose model lacks a parameter does). */
  refuse?(request: GetStatusRequest): string | undefined;
}

/** Each client `broken` made, with its hooks: clients with several bugs are made from them (`withBugs`). */
const HOOKS = new WeakMap<ClientAdapter, Hooks>();

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const decode = (body: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(body);

/** The reference client (signed form POST, spec parser, v2 text) with the hooks' changes. */
function broken(name: string, hooks: Hooks): ClientAdapter {
  const adapter: ClientAdapter = {
    name,
    transport: 'intercept',
    textStyle: 'v2',
    ...(hooks.json && { jsonStyle: 'v2' as const }),
    async getStatus(request, context): Promise<AdapterResult> {
      const refused = hooks.refuse?.(request);
      if (refused) throw Object.assign(new Error(refused), { code: 'ParamValidationError' });
      const url = new URL(context.endpoint);
      const form = hooks.form ? hooks.form(request) : getStatusForm(request);
      const headers = { 'content-type': hooks.contentType ?? `${REQUEST.contentType}; charset=utf-8`, host: url.host };
      const signature = hooks.unsigned
        ? {}
        : signV4(
            { method: REQUEST.method, path: url.pathname, headers, body: form },
            context.credentials,
            context.region,
            new Date(),
          );
      const { host: _host, ...sent } = headers;
      const response = await fetch(context.endpoint, {
        method: REQUEST.method,
        headers: { ...sent, ...signature },
        body: form,
        ...(!hooks.ignoreAbort && { signal: context.signal }),
      });
      let body = new Uint8Array(await response.arrayBuffer());
      if (hooks.body) {
        let text: string | undefined;
        try {
          text = utf8.decode(body);
        } catch {}
        if (text !== undefined) body = new TextEncoder().encode(hooks.body(text));
      }
      let output: GetStatusOutput;
      try {
        output = (hooks.parse ?? parseGetStatusResponse)(body, response.status);
      } catch (error) {
        if (hooks.error && error instanceof GetStatusError) throw hooks.error(error);
        throw error;
      }
      if (hooks.output) output = hooks.output(output, decode(body));
      // A null member prints nothing, so a client's null bug shows in its output alone.
      return {
        output,
        text: hooks.text ? hooks.text(output) : renderText(withoutNulls(output), 'v2'),
        ...(hooks.json && { json: hooks.json(withoutNulls(output)) }),
      };
    },
  };
  HOOKS.set(adapter, hooks);
  return adapter;
}

const inTurn = <A extends unknown[], R>(fs: Array<((value: R, ...rest: A) => R) | undefined>) => {
  const given = fs.filter((f) => f !== undefined);
  return given.length === 0 ? undefined : (value: R, ...rest: A) => given.reduce((v, f) => f(v, ...rest), value);
};

/**
 * One client with the bugs of every client given: hooks that rewrite (body, output) apply
 * in turn, the others are taken from whichever client has one; two of those (two parsers, two
 * forms) cannot go together.
 */
export function withBugs(name: string, clients: readonly BrokenClient[]): ClientAdapter {
  const all = clients.map((c) => {
    const hooks = HOOKS.get(c.adapter);
    if (!hooks) throw new Error(`${c.bug}: not a client made by broken()`);
    return hooks;
  });
  const parsers = all.flatMap((h) => (h.parse ? [h.parse] : []));
  // Lenient parsers each tolerate their own rule's failure: together, each of them.
  const parse =
    parsers.length > 1 && parsers.every((p) => TOLERATES.has(p))
      ? tolerating(new Map(parsers.flatMap((p) => [...TOLERATES.get(p)!])))
      : undefined;
  for (const single of ['parse', 'form', 'text', 'refuse', 'error'] as const) {
    if (all.filter((h) => h[single]).length > 1 && !(single === 'parse' && parse))
      throw new Error(`${name}: two of the bugs replace ${single}`);
  }
  return broken(name, {
    ...Object.assign({}, ...all),
    ...(parse && { parse }),
    body: inTurn(all.map((h) => h.body)),
    output: inTurn(all.map((h) => h.output)),
  });
}

type Strings = (s: string) => string;
const mapStrings =
  (f: Strings) =>
  (o: GetStatusOutput): GetStatusOutput => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) {
      out[k] =
        typeof v === 'string'
          ? f(v)
          : Array.isArray(v)
            ? v.map((a) => Object.fromEntries(Object.entries(a).map(([ak, av]) => [ak, f(av as string)])))
            : v;
    }
    return out as GetStatusOutput;
  };
/** null where the output type says string: what a client that returns null gives. */
const NULL = null as unknown as string;
const without = (o: GetStatusOutput, name: keyof GetStatusOutput): GetStatusOutput => {
  const { [name]: _, ...rest } = o;
  return rest;
};
const withoutNulls = (o: GetStatusOutput) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null)) as GetStatusOutput;
const dropEmpty = (o: GetStatusOutput) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== '')) as GetStatusOutput;
const wire = (o: GetStatusOutput) => (o.CreationDate instanceof Timestamp ? o.CreationDate.wire : undefined);
/** CreationDate as `f` reads its wire text; the output unchanged when `f` gives the same instant. */
/** An ISO 8601 date-time (an HTTP date's weekday may hold a T too). */
const ISO_DATE_TIME = /^\d{4}-\d\d-\d\d[Tt]/;
const redate =
  (f: (wire: string, date: Date) => Date) =>
  (o: GetStatusOutput): GetStatusOutput => {
    const w = wire(o);
    if (w === undefined) return o;
    const date = f(w, o.CreationDate!);
    return date.getTime() === o.CreationDate!.getTime() ? o : { ...o, CreationDate: date };
  };
const msOfSecond = (d: Date) => ((d.getTime() % 1000) + 1000) % 1000;
type Parse = (body: Uint8Array, status: number) => GetStatusOutput;
/** What each lenient parser tolerates, so that several can make one client. */
const TOLERATES = new WeakMap<Parse, Map<RuleId, Parse>>();
/** Parse, and on a failure for one of the rules return what its parser makes of it instead. */
const tolerating = (instead: Map<RuleId, Parse>): Parse => {
  const parse: Parse = (body, status) => {
    try {
      return parseGetStatusResponse(body, status);
    } catch (error) {
      const other = error instanceof GetStatusError && error.rule !== undefined ? instead.get(error.rule) : undefined;
      if (other) return other(body, status);
      throw error;
    }
  };
  TOLERATES.set(parse, instead);
  return parse;
};
/** Parse, and on a failure for `rule` return what `instead` makes of it. */
const lenient = (rule: RuleId, instead: Parse) => tolerating(new Map([[rule, instead]]));
/** Fail as `why` says on a 2xx body, else parse as the reference. */
const rejects = (why: (body: Uint8Array) => string | undefined) => (body: Uint8Array, status: number) => {
  const problem = status >= 200 && status < 300 ? why(body) : undefined;
  if (problem) throw new Error(problem);
  return parseGetStatusResponse(body, status);
};
/** The first `<name>` element (any prefix): its raw text ('' when empty), as a regex-reading client finds it. */
const memberElement = (name: string) => new RegExp(`<((?:[\\w.-]+:)?${name})\\s*(?:/>|>([^<]*)</\\1\\s*>)`);
const memberText = (text: string, name: string) => {
  const m = memberElement(name).exec(text);
  return m ? (m[2] ?? '') : undefined;
};
/** The body with the first `<name>` element holding `value` instead, or removed when `value` is undefined. */
const replaceMember = (text: string, name: string, value: string | undefined) =>
  text.replace(memberElement(name), (_, tagName: string) =>
    value === undefined ? '' : `<${tagName}>${value}</${tagName}>`,
  );
/** `text` with `pattern` replaced outside CDATA sections and comments. */
const outsideCdata = (text: string, pattern: RegExp, replacement: string) =>
  text.replace(new RegExp(`<!\\[CDATA\\[[\\s\\S]*?\\]\\]>|<!--[\\s\\S]*?-->|${pattern.source}`, 'g'), (match) =>
    match.startsWith('<!') ? match : replacement,
  );
/** A named entity, or a reference to a character XML allows (a parser that decodes nothing still rejects the others). */
const isCharReference = (name: string) => {
  if (!name.startsWith('#')) return true;
  const cp = name.startsWith('#x') ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
  return cp <= 0x10ffff && /^[\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]$/u.test(String.fromCodePoint(cp));
};
/** Numeric character references left undecoded (`&amp;#60;`) where `which` matches; references to non-characters still fail as the reference's. */
const undecoded = (which: RegExp) => (text: string) =>
  text.replace(/&(#x[0-9a-fA-F]+|#\d+);/g, (ref: string, name: string) =>
    which.test(ref) && isCharReference(name) ? `&amp;${name};` : ref,
  );
const tag = (body: Uint8Array, name: string) => memberText(decode(body), name);
const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
const xmlOf = (e: XmlElement): string => `<${e.name}>${escapeXml(e.text)}${e.children.map(xmlOf).join('')}</${e.name}>`;
/** Read the response's member elements as the reference does, then keep what `edit` makes of them (failures as the reference's). */
const walk =
  (edit: (members: readonly XmlElement[]) => readonly XmlElement[]) =>
  (body: Uint8Array, status: number): GetStatusOutput => {
    parseGetStatusResponse(body, status);
    const members = child(readXml(body, status), SERVICE.resultWrapper)!.children;
    return parseGetStatusResponse(
      `<GetStatusResponse><GetStatusResult>${edit(members).map(xmlOf).join('')}</GetStatusResult></GetStatusResponse>`,
      status,
    );
  };
/** `walk` with ArtifactList's child elements replaced by what `f` makes of the list. */
const walkArtifacts = (f: (list: XmlElement) => readonly XmlElement[]) =>
  walk((members) => members.map((m) => (m.name === 'ArtifactList' ? { ...m, children: f(m) } : m)));
/** The first element the model does not name in GetStatusResult, its artifacts included. */
function unknownElement(members: readonly XmlElement[]): string | undefined {
  for (const m of members) {
    if (!MEMBER_NAMES.includes(m.name as keyof GetStatusOutput)) return m.name;
    for (const item of m.name === 'ArtifactList' ? m.children : []) {
      if (item.name !== 'member') return item.name;
      const extra = item.children.find((a) => !(ARTIFACT_MEMBERS as readonly string[]).includes(a.name));
      if (extra) return extra.name;
    }
  }
  return undefined;
}
/** The body from its root's start tag to its end tag: comments before or after the root left out. */
const rootSpan = (text: string): [number, number] => {
  const start = /<[A-Za-z_]/.exec(text)?.index ?? 0;
  return [start, text.indexOf('>', text.lastIndexOf('</')) + 1];
};
/** `text` with `f` applied to its root element only. */
const insideRoot = (f: (root: string) => string) => (text: string) => {
  const [start, end] = rootSpan(text);
  return end > start ? text.slice(0, start) + f(text.slice(start, end)) + text.slice(end) : text;
};
const MARKUP = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>/;
const TAG = /<(\/?)([\w.:-]+)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/;
const tokens = new RegExp(`${MARKUP.source}|${TAG.source}`, 'g');
/**
 * The body as a reader sees it that removes the root's default namespace with a regex (the usual
 * way around namespaces in XPath) and then looks elements up in no namespace: an element still in
 * a namespace after that (declared below the root, or prefixed) is renamed, so it is not found.
 */
function outsideNoNamespace(text: string): string {
  const scopes: { uri: string; prefixes: Record<string, string>; name: string }[] = [];
  return text
    .replace(/\sxmlns="[^"]*"/, '')
    .replace(tokens, (token, close?: string, name?: string, attributes = '', empty?: string) => {
      if (name === undefined) return token;
      if (close) return `</${scopes.pop()!.name}>`;
      const parent = scopes.at(-1) ?? { uri: '', prefixes: {} };
      const scope = { uri: parent.uri, prefixes: { ...parent.prefixes }, name };
      for (const [, prefix, uri] of attributes.matchAll(/\sxmlns(?::([\w.-]+))?\s*=\s*"([^"]*)"/g)) {
        if (prefix === undefined) scope.uri = uri;
        else scope.prefixes[prefix] = uri;
      }
      const [prefix, local] = name.includes(':') ? name.split(':') : [undefined, name];
      if ((prefix === undefined ? scope.uri : scope.prefixes[prefix]) !== '') scope.name = `namespaced.${local}`;
      if (!empty) scopes.push(scope);
      return `<${scope.name}${attributes}${empty}>`;
    });
}
/** Inside each ArtifactList, a comment or CDATA section between items taken for an item, as a DOM walk that skips only whitespace text nodes does. */
const markupAsItems = (text: string) =>
  text.replace(
    /(<((?:[\w.-]+:)?ArtifactList)\b[^>]*>)([\s\S]*?)(<\/\2\s*>)/g,
    (_, open: string, _name: string, inner: string, close: string) => {
      let depth = 0;
      const items = inner.replace(
        tokens,
        (token, end?: string, name?: string, _attributes?: string, empty?: string) => {
          if (name === undefined) return depth === 0 && /^<!(--|\[CDATA\[)/.test(token) ? '<member/>' : token;
          if (end) depth -= 1;
          else if (!empty) depth += 1;
          return token;
        },
      );
      return `${open}${items}${close}`;
    },
  );
/** The first attribute other than a namespace declaration on any element, as a mapper that reads attributes as properties finds it. */
const memberAttribute = (text: string) => {
  for (const [token, , name, attributes = ''] of text.matchAll(tokens)) {
    if (name === undefined || token.startsWith('<!')) continue;
    const plain = [...attributes.matchAll(/([\w.:-]+)\s*=/g)].find(([, a]) => !/^xmlns(:|$)/.test(a));
    if (plain) return plain[1];
  }
  return undefined;
};
/** The body up to the end tag of its first element, as a streaming reader that stops there reads it; undefined without one. */
function firstElement(text: string): string | undefined {
  const start = /<[A-Za-z_]/.exec(text)?.index;
  const name = start === undefined ? undefined : /<([\w.:-]+)/.exec(text.slice(start))![1];
  const end = name === undefined ? -1 : text.indexOf(`</${name}>`, start);
  return end < 0 ? undefined : text.slice(0, end + name!.length + 3);
}
/** Parse as the reference; a service error becomes what `f` makes of it and the error body's root. */
const onServiceError = (f: (e: GetStatusError, root: XmlElement) => Error) => (body: Uint8Array, status: number) => {
  try {
    return parseGetStatusResponse(body, status);
  } catch (error) {
    if (error instanceof GetStatusError && error.kind === 'service') throw f(error, readXml(body, status));
    throw error;
  }
};
const errorElement = (root: XmlElement) => child(root, 'Error') ?? child(child(root, 'Errors')!, 'Error')!;
/** A service error rewritten by `f` (other failures unchanged). */
const serviceError =
  (f: (e: GetStatusError) => Partial<Pick<GetStatusError, 'code' | 'message'>>) => (e: GetStatusError) =>
    e.kind === 'service' ? new GetStatusError({ ...e.toJSON(), ...f(e) }) : e;
const isModelled = (code: string | undefined) => ERRORS.some((e) => e.modelled && e.code === code);
const finished = (o: GetStatusOutput) =>
  (ERROR_COUNT_PROGRESS_CODES as readonly (string | undefined)[]).includes(o.ProgressCode);
const sortedScalars = (pick: (name: string) => string | undefined) =>
  MEMBER_NAMES.filter((n) => n !== 'ArtifactList')
    .sort()
    .map(pick)
    .filter((v) => v !== undefined);
const v2 = (value: unknown) => (value instanceof Timestamp ? value.isoformat : String(value));
/** The ARTIFACTLIST rows the reference prints: a client whose bug is in the row of scalars prints these right. */
const artifactRows = (o: GetStatusOutput) =>
  renderText(o, 'v2')
    .split('\n')
    .filter((line) => line.startsWith('ARTIFACTLIST\t'))
    .map((line) => `${line}\n`)
    .join('');

export interface BrokenClient {
  bug: string;
  /** The rule whose check must fail. */
  rule: RuleId;
  adapter: ClientAdapter;
}

/** An SDK that ignores the credentials it was given and first looks for instance credentials. */
function metadataFirst(): ClientAdapter {
  const base = broken('metadata-first', {});
  return {
    ...base,
    async getStatus(request, context) {
      await fetch('http://169.254.169.254/latest/meta-data/iam/security-credentials/', {
        signal: context.signal,
      }).catch(() => undefined);
      return base.getStatus(request, context);
    },
  };
}

export const BROKEN: BrokenClient[] = [
  // Parsing
  {
    rule: 'GS-PARSE-002',
    bug: 'returns every member, absent ones as empty strings',
    adapter: broken('absent-as-empty', {
      output: (o) => ({
        ...Object.fromEntries(OUTPUT_MEMBERS.filter((m) => m.type === 'string').map((m) => [m.name, ''])),
        ...o,
      }),
    }),
  },
  {
    rule: 'GS-PARSE-002',
    bug: "fails on an empty GetStatusResult (xml2js reads it as '')",
    adapter: broken('empty-result-fails', {
      parse: (b, status) => {
        const o = parseGetStatusResponse(b, status);
        if (status === 200 && child(readXml(b, status), SERVICE.resultWrapper)?.children.length === 0)
          throw new TypeError("Cannot read properties of undefined (reading '0')");
        return o;
      },
    }),
  },
  {
    rule: 'GS-PARSE-002',
    bug: 'returns absent string members as null',
    adapter: broken('absent-as-null', {
      output: (o) => ({ ...Object.fromEntries(STRING_MEMBERS.map((n) => [n, null])), ...o }),
    }),
  },
  {
    rule: 'GS-PARSE-003',
    bug: 'loses everything after the first newline',
    adapter: broken('first-line-only', { output: mapStrings((s) => s.split('\n')[0]) }),
  },
  {
    rule: 'GS-PARSE-003',
    bug: 'decodes no entities',
    adapter: broken('no-entities', {
      body: (t) =>
        t.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (ref, name: string) =>
          isCharReference(name) ? `&amp;${name};` : ref,
        ),
    }),
  },
  {
    rule: 'GS-PARSE-003',
    bug: 'decodes the five named entities but no character references',
    adapter: broken('named-entities-only', { body: undecoded(/./) }),
  },
  {
    rule: 'GS-PARSE-003',
    bug: 'decodes decimal character references but not hex ones',
    adapter: broken('no-hex-references', { body: undecoded(/^&#x/) }),
  },
  {
    rule: 'GS-PARSE-003',
    bug: 'reads CDATA sections as no text',
    adapter: broken('cdata-blind', { body: (t) => t.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '') }),
  },
  {
    rule: 'GS-PARSE-003',
    bug: "keeps comments' text in values",
    adapter: broken('comment-text', {
      body: insideRoot((root) => root.replace(/<!--([\s\S]*?)-->/g, (_, c: string) => escapeXml(c))),
    }),
  },
  {
    rule: 'GS-PARSE-003',
    bug: 'reads a CR written as &#xD; as LF (only &#13; is kept from line-end normalisation)',
    adapter: broken('hex-cr-as-lf', { body: (t) => t.replace(/&#x0*[dD];/g, '&#10;') }),
  },
  {
    rule: 'GS-PARSE-003',
    bug: 'trims the error message',
    adapter: broken('trims-message', { error: serviceError((e) => ({ message: e.message.trim() })) }),
  },
  { rule: 'GS-PARSE-003', bug: 'trims whitespace', adapter: broken('trims', { output: mapStrings((s) => s.trim()) }) },
  {
    rule: 'GS-PARSE-003',
    bug: 'strips a leading U+FEFF from each value',
    adapter: broken('strips-value-bom', { output: mapStrings((s) => s.replace(/^\uFEFF/, '')) }),
  },
  {
    rule: 'GS-PARSE-003',
    bug: 'normalises values to Unicode NFC',
    adapter: broken('nfc', { output: mapStrings((s) => s.normalize('NFC')) }),
  },
  {
    rule: 'GS-PARSE-004',
    bug: 'keeps raw CR LF instead of normalising it',
    adapter: broken('raw-crlf', {
      body: (t) => t.replace(/>([^<]*[^<\s][^<]*)</g, (_, text: string) => `>${text.replace(/\r\n/g, '&#13;\n')}<`),
    }),
  },
  { rule: 'GS-PARSE-005', bug: 'drops empty strings', adapter: broken('drops-empty', { output: dropEmpty }) },
  {
    rule: 'GS-PARSE-005',
    bug: 'reads an empty element as null',
    adapter: broken('empty-as-null', { output: mapStrings((s) => (s === '' ? NULL : s)) }),
  },
  {
    rule: 'GS-PARSE-006',
    bug: 'returns ErrorCount as a string',
    adapter: broken('errorcount-string', {
      output: (o) =>
        o.ErrorCount === undefined ? o : ({ ...o, ErrorCount: String(o.ErrorCount) } as unknown as GetStatusOutput),
    }),
  },
  {
    rule: 'GS-PARSE-006',
    bug: 'reads ErrorCount as an int32 that wraps (2147483648 → -2147483648)',
    adapter: broken('int32-wraps', {
      output: (o) => (o.ErrorCount === undefined ? o : { ...o, ErrorCount: o.ErrorCount | 0 }),
    }),
  },
  {
    rule: 'GS-PARSE-007',
    bug: 'reads ErrorCount with parseInt (1.5 → 1, abc → NaN)',
    adapter: broken('parseint', {
      parse: lenient('GS-PARSE-007', (b) => ({ ErrorCount: Number.parseInt(tag(b, 'ErrorCount') ?? '', 10) })),
    }),
  },
  {
    rule: 'GS-PARSE-007',
    bug: 'reads ErrorCount with parseFloat (1.5 → 1.5, abc → NaN)',
    adapter: broken('parsefloat', {
      parse: lenient('GS-PARSE-007', (b, status) => ({
        ...parseGetStatusResponse(replaceMember(decode(b), 'ErrorCount', undefined), status),
        ErrorCount: Number.parseFloat(tag(b, 'ErrorCount') ?? ''),
      })),
    }),
  },
  {
    rule: 'GS-PARSE-008',
    bug: 'turns a one-member ArtifactList into an object',
    adapter: broken('artifact-object', {
      output: (o) =>
        o.ArtifactList?.length === 1 ? ({ ...o, ArtifactList: o.ArtifactList[0] } as unknown as GetStatusOutput) : o,
    }),
  },
  {
    rule: 'GS-PARSE-008',
    bug: 'reads an empty ArtifactList as null',
    adapter: broken('empty-list-null', {
      output: (o) => (o.ArtifactList?.length === 0 ? ({ ...o, ArtifactList: null } as unknown as GetStatusOutput) : o),
    }),
  },
  {
    rule: 'GS-PARSE-008',
    bug: 'drops an empty ArtifactList',
    adapter: broken('empty-list-dropped', {
      output: (o) => (o.ArtifactList?.length === 0 ? without(o, 'ArtifactList') : o),
    }),
  },
  {
    rule: 'GS-PARSE-008',
    bug: 'collapses ArtifactList members into one object, the last winning (a reader with no list rule)',
    adapter: broken('collapses-list', {
      output: (o) =>
        o.ArtifactList && o.ArtifactList.length > 0 ? { ...o, ArtifactList: Object.assign({}, ...o.ArtifactList) } : o,
    }),
  },
  {
    rule: 'GS-PARSE-008',
    bug: 'keeps only the last member of ArtifactList',
    adapter: broken('last-artifact-only', {
      output: (o) =>
        o.ArtifactList && o.ArtifactList.length > 1 ? { ...o, ArtifactList: o.ArtifactList.slice(-1) } : o,
    }),
  },
  {
    rule: 'GS-PARSE-009',
    bug: 'returns null for an absent ArtifactList',
    adapter: broken('artifacts-null', { output: (o) => ({ ArtifactList: null, ...o }) as unknown as GetStatusOutput }),
  },
  {
    rule: 'GS-PARSE-010',
    bug: 'rejects an unknown JobType',
    adapter: broken('closed-enum', {
      output: (o) => {
        if (o.JobType && !(JOB_TYPES as readonly string[]).includes(o.JobType))
          throw new Error(`unknown JobType ${o.JobType}`);
        return o;
      },
    }),
  },
  {
    rule: 'GS-PARSE-010',
    bug: 'returns UNKNOWN_TO_SDK_VERSION for an unknown JobType',
    adapter: broken('unknown-to-sdk', {
      output: (o) =>
        o.JobType && !(JOB_TYPES as readonly string[]).includes(o.JobType)
          ? { ...o, JobType: 'UNKNOWN_TO_SDK_VERSION' }
          : o,
    }),
  },
  {
    rule: 'GS-PARSE-010',
    bug: 'matches JobType case-insensitively (import → Import)',
    adapter: broken('enum-ignore-case', {
      output: (o) =>
        o.JobType === undefined
          ? o
          : { ...o, JobType: JOB_TYPES.find((t) => t.toLowerCase() === o.JobType!.toLowerCase()) ?? o.JobType },
    }),
  },
  {
    rule: 'GS-PARSE-011',
    bug: 'fails on an element it does not know',
    adapter: broken('strict-unknown', {
      parse: (b, status) => {
        const o = parseGetStatusResponse(b, status);
        const name = unknownElement(child(readXml(b, status), SERVICE.resultWrapper)!.children);
        if (name) throw new Error(`Unrecognized field "${name}"`);
        return o;
      },
    }),
  },
  {
    rule: 'GS-PARSE-011',
    bug: 'counts any element inside ArtifactList as a member',
    adapter: broken('any-artifact-child', {
      parse: walkArtifacts((list) => list.children.map((c) => ({ ...c, name: 'member' }))),
    }),
  },
  {
    rule: 'GS-PARSE-011',
    bug: 'fails on an element repeated in GetStatusResult, unknown ones included',
    adapter: broken('repeated-element', {
      parse: (b, status) => {
        const o = parseGetStatusResponse(b, status);
        const names = child(readXml(b, status), SERVICE.resultWrapper)!.children.map((m) => m.name);
        const twice = names.find((n, i) => names.indexOf(n) !== i);
        if (twice) throw new Error(`duplicate key '${twice}'`);
        return o;
      },
    }),
  },
  {
    rule: 'GS-PARSE-011',
    bug: 'matches member names case-insensitively (JobID → JobId)',
    adapter: broken('names-ignore-case', {
      parse: walk((members) =>
        members
          .map((m) => ({ ...m, name: MEMBER_NAMES.find((n) => n.toLowerCase() === m.name.toLowerCase()) ?? m.name }))
          .filter((m, i, all) => !all.slice(i + 1).some((later) => later.name === m.name)),
      ),
    }),
  },
  {
    rule: 'GS-PARSE-011',
    bug: 'fails on an attribute on a member (a mapper that reads attributes as properties)',
    adapter: broken('attribute-as-property', {
      parse: rejects((b) => {
        const name = memberAttribute(decode(b));
        return name && `Unrecognized field "${name}"`;
      }),
    }),
  },
  {
    rule: 'GS-PARSE-011',
    bug: 'drops members that come out of model order',
    adapter: broken('ordered-members', {
      parse: walk((members) => {
        let last = -1;
        return members.filter((m) => {
          const i = MEMBER_NAMES.indexOf(m.name as keyof GetStatusOutput);
          if (i >= 0 && i < last) return false;
          last = Math.max(last, i);
          return true;
        });
      }),
    }),
  },
  {
    rule: 'GS-PARSE-012',
    bug: 'loses every member under a namespace prefix',
    adapter: broken('prefix-blind', {
      output: (o) => o,
      body: (t) => (/<\w+:GetStatusResult/.test(t) ? '<GetStatusResponse><GetStatusResult/></GetStatusResponse>' : t),
    }),
  },
  {
    rule: 'GS-PARSE-012',
    bug: "strips the root's xmlns with a regex, then finds elements in no namespace only",
    adapter: broken('root-xmlns-stripped', { body: outsideNoNamespace }),
  },
  {
    rule: 'GS-PARSE-012',
    bug: "drops members in a namespace other than the service's",
    adapter: broken('other-namespace-dropped', {
      output: (o, t) => (/\sxmlns="(?!http:\/\/importexport\.amazonaws\.com\/doc\/2010-06-01\/")/.test(t) ? {} : o),
    }),
  },
  {
    rule: 'GS-PARSE-013',
    bug: 'rejects a body that starts with a UTF-8 BOM',
    adapter: broken('rejects-bom', {
      parse: rejects((b) =>
        b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 'not well-formed: text before the root element' : undefined,
      ),
    }),
  },
  {
    rule: 'GS-PARSE-013',
    bug: 'rejects an XML declaration that names an encoding (lxml on a str)',
    adapter: broken('rejects-encoding-declaration', {
      parse: rejects((b) =>
        /^\uFEFF?<\?xml[^>]*\sencoding\s*=/.test(decode(b))
          ? 'Unicode strings with encoding declaration are not supported'
          : undefined,
      ),
    }),
  },
  {
    rule: 'GS-PARSE-013',
    bug: 'rejects an XML declaration with spaces around =',
    adapter: broken('strict-declaration', {
      parse: rejects((b) => {
        const t = decode(b).replace(/^\uFEFF/, '');
        return t.startsWith('<?xml') && !/^<\?xml version=(["'])1\.0\1(?: encoding=(["'])[\w-]+\2)?\?>/.test(t)
          ? 'XML declaration not recognised'
          : undefined;
      }),
    }),
  },
  {
    rule: 'GS-PARSE-013',
    bug: 'counts a comment or CDATA section between artifacts as an artifact',
    adapter: broken('markup-as-artifact', { body: markupAsItems }),
  },
  {
    rule: 'GS-PARSE-013',
    bug: 'skips the first child of ArtifactList, taking it for whitespace',
    adapter: broken('skips-first-artifact', {
      parse: walkArtifacts((list) => (list.text === '' ? list.children.slice(1) : list.children)),
    }),
  },
  {
    rule: 'GS-PARSE-014',
    bug: 'resolves {} for an empty 200 body',
    adapter: broken('empty-ok', { parse: lenient('GS-PARSE-014', () => ({})) }),
  },
  {
    rule: 'GS-PARSE-014',
    bug: 'stops reading at the end of the first root element',
    adapter: broken('first-root-only', {
      parse: lenient('GS-PARSE-014', (b, status) => {
        const first = firstElement(decode(b));
        if (first === undefined) throw new Error('no element found');
        return parseGetStatusResponse(first, status);
      }),
    }),
  },
  {
    rule: 'GS-PARSE-014',
    bug: 'accepts a bare & in text',
    adapter: broken('bare-ampersand', { body: (t) => outsideCdata(t, /&(?![^;&\s]*;)/, '&amp;') }),
  },
  {
    rule: 'GS-PARSE-015',
    bug: 'accepts any root element',
    adapter: broken('any-root', { parse: lenient('GS-PARSE-015', () => ({})) }),
  },
  {
    rule: 'GS-PARSE-016',
    bug: 'leaves undefined entities as written',
    adapter: broken('undefined-entities', {
      body: (t) =>
        t.replace(/&(?!(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);)(\w+);/g, (ref: string, _: string, name: string) =>
          new RegExp(`<!ENTITY\\s+${name}\\s`).test(t) ? ref : `&amp;${name};`,
        ),
    }),
  },
  // Timestamps
  {
    rule: 'GS-TIME-001',
    bug: 'keeps CreationDate as a string',
    adapter: broken('date-string', {
      output: (o) => (wire(o) === undefined ? o : ({ ...o, CreationDate: wire(o) } as unknown as GetStatusOutput)),
    }),
  },
  {
    rule: 'GS-TIME-001',
    bug: 'ignores the timezone offset',
    adapter: broken('no-offset', {
      output: redate((w, d) => (ISO_DATE_TIME.test(w) ? new Date(`${w.replace(/([zZ]|[+-]\d\d:?\d\d)$/, '')}Z`) : d)),
    }),
  },
  {
    rule: 'GS-TIME-001',
    bug: 'fails on a lower-case z (Instant.parse)',
    adapter: broken('upper-z-only', {
      output: (o) => {
        if (/z$/.test(wire(o) ?? '')) throw new Error(`DateTimeParseException: Text '${wire(o)}' could not be parsed`);
        return o;
      },
    }),
  },
  {
    rule: 'GS-TIME-002',
    bug: 'rounds fractional seconds instead of truncating',
    adapter: broken('rounds-fraction', {
      output: redate((w, d) => {
        const f = /T[^.]*\.(\d+)/.exec(w)?.[1];
        return f ? new Date(d.getTime() - msOfSecond(d) + Math.round(Number(`0.${f}`) * 1000)) : d;
      }),
    }),
  },
  {
    rule: 'GS-TIME-002',
    bug: 'reads the fraction digits as milliseconds (SimpleDateFormat SSS)',
    adapter: broken('fraction-as-ms', {
      output: redate((w, d) => {
        const f = /T[^.]*\.(\d+)/.exec(w)?.[1];
        return f === undefined ? d : new Date(d.getTime() - msOfSecond(d) + Number(f));
      }),
    }),
  },
  {
    rule: 'GS-TIME-002',
    bug: 'fails on more than 3 fractional digits (pattern ss.SSS)',
    adapter: broken('three-digit-fraction', {
      output: (o) => {
        if (/T[^.]*\.\d{4}/.test(wire(o) ?? ''))
          throw new Error(`DateTimeParseException: Text '${wire(o)}' could not be parsed`);
        return o;
      },
    }),
  },
  {
    rule: 'GS-TIME-003',
    bug: 'reads a zone-less date-time in local time (UTC+05:30)',
    adapter: broken('local-time', {
      output: redate((w, d) =>
        ISO_DATE_TIME.test(w) && !/([zZ]|[+-]\d\d:?\d\d)$/.test(w) ? new Date(d.getTime() - 330 * 60_000) : d,
      ),
    }),
  },
  {
    rule: 'GS-TIME-004',
    bug: 'reads epoch seconds as milliseconds',
    adapter: broken('epoch-ms', { output: redate((w, d) => (/^\d+(\.\d+)?$/.test(w) ? new Date(Number(w)) : d)) }),
  },
  {
    rule: 'GS-TIME-004',
    bug: 'reads a date alone as local midnight (UTC+05:30)',
    adapter: broken('local-date', {
      output: redate((w, d) => (/^\d{4}-\d\d-\d\d$/.test(w) ? new Date(d.getTime() - 330 * 60_000) : d)),
    }),
  },
  {
    rule: 'GS-TIME-004',
    bug: 'reads an HTTP date in local time (UTC+05:30)',
    adapter: broken('local-http-date', {
      output: redate((w, d) => (/ GMT$/.test(w) ? new Date(d.getTime() - 330 * 60_000) : d)),
    }),
  },
  {
    rule: 'GS-TIME-005',
    bug: 'returns Invalid Date for an impossible CreationDate',
    adapter: broken('invalid-date', {
      parse: lenient('GS-TIME-005', (b) => ({ CreationDate: new Date(tag(b, 'CreationDate') ?? '') })),
    }),
  },
  {
    rule: 'GS-TIME-005',
    bug: 'rolls an impossible date over (30 February → 2 March)',
    adapter: broken('lenient-calendar', {
      parse: lenient('GS-TIME-005', (b, status) => {
        const w = tag(b, 'CreationDate') ?? '';
        const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.\d+)?Z$/.exec(w);
        if (!m) throw new Error(`Unparseable date: "${w}"`);
        const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
        return parseGetStatusResponse(
          replaceMember(decode(b), 'CreationDate', new Date(Date.UTC(y, mo - 1, d, h, mi, s)).toISOString()),
          status,
        );
      }),
    }),
  },
  // Conditional members
  {
    rule: 'GS-COND-003',
    bug: 'drops TrackingNumber',
    adapter: broken('drops-tracking-number', { output: (o) => without(o, 'TrackingNumber') }),
  },
  {
    rule: 'GS-COND-003',
    bug: 'swaps Carrier and TrackingNumber',
    adapter: broken('swaps-shipment', {
      output: (o) =>
        o.Carrier !== undefined && o.TrackingNumber !== undefined
          ? { ...o, Carrier: o.TrackingNumber, TrackingNumber: o.Carrier }
          : o,
    }),
  },
  {
    rule: 'GS-COND-006',
    bug: 'drops Carrier and TrackingNumber unless LocationCode is Returned',
    adapter: broken('corrects-carrier', {
      output: (o) => {
        if (o.LocationCode === 'Returned') return o;
        const { Carrier: _c, TrackingNumber: _t, ...rest } = o;
        return rest;
      },
    }),
  },
  {
    rule: 'GS-COND-007',
    bug: "invents Carrier: '' when Returned comes without one",
    adapter: broken('invents-carrier', {
      output: (o) => (o.LocationCode === 'Returned' ? { Carrier: '', TrackingNumber: '', ...o } : o),
    }),
  },
  {
    rule: 'GS-COND-008',
    bug: 'drops ErrorCount when it is 0',
    adapter: broken('drops-zero', { output: (o) => (o.ErrorCount === 0 ? without(o, 'ErrorCount') : o) }),
  },
  {
    rule: 'GS-COND-008',
    bug: 'drops ErrorCount unless the job finished',
    adapter: broken('errorcount-when-finished', {
      output: (o) => (o.ErrorCount !== undefined && !finished(o) ? without(o, 'ErrorCount') : o),
    }),
  },
  {
    rule: 'GS-COND-008',
    bug: 'returns ErrorCount 0 for a finished job without one',
    adapter: broken('invents-errorcount', {
      output: (o) => (o.ErrorCount === undefined && finished(o) ? { ...o, ErrorCount: 0 } : o),
    }),
  },
  // Text output
  {
    rule: 'GS-TEXT-001',
    bug: 'prints text columns in model order',
    adapter: broken('model-order', {
      text: (o) =>
        `${OUTPUT_MEMBERS.filter((m) => m.type !== 'list<Artifact>' && o[m.name] !== undefined)
          .map((m) => v2(o[m.name]))
          .join('\t')}\n${artifactRows(o)}`,
    }),
  },
  {
    rule: 'GS-TEXT-001',
    bug: 'joins text rows with newlines, leaving none at the end',
    adapter: broken('no-final-newline', { text: (o) => renderText(o, 'v2').replace(/\n$/, '') }),
  },
  {
    rule: 'GS-TEXT-002',
    bug: 'prints an empty column for an absent member',
    adapter: broken('empty-columns', {
      text: (o) =>
        `${sortedScalars((n) => (o[n as keyof GetStatusOutput] === undefined ? '' : v2(o[n as keyof GetStatusOutput]))).join('\t')}\n${artifactRows(o)}`,
    }),
  },
  {
    rule: 'GS-TEXT-002',
    bug: 'prints no field for an empty string',
    adapter: broken('text-skips-empty', { text: (o) => renderText(dropEmpty(o), 'v2') }),
  },
  {
    rule: 'GS-TEXT-003',
    bug: "prints each artifact's own keys, not the union of all artifacts' keys",
    adapter: broken('artifact-own-keys', {
      text: (o) =>
        renderText(without(o, 'ArtifactList'), 'v2') +
        (o.ArtifactList ?? [])
          .filter((a) => Object.keys(a).length > 0)
          .map(
            (a) =>
              `ARTIFACTLIST\t${ARTIFACT_MEMBERS.filter((k) => a[k] !== undefined)
                .map((k) => a[k])
                .join('\t')}\n`,
          )
          .join(''),
    }),
  },
  {
    rule: 'GS-TEXT-004',
    bug: 'escapes tabs and newlines in text output',
    adapter: broken('escapes-text', {
      text: (o) => renderText(mapStrings((s) => s.replace(/\t/g, '\\t').replace(/\n/g, '\\n'))(o), 'v2'),
    }),
  },
  {
    rule: 'GS-TEXT-004',
    bug: 'quotes text values that hold a tab or line break',
    adapter: broken('quotes-text', {
      text: (o) => renderText(mapStrings((s) => (/[\t\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s))(o), 'v2'),
    }),
  },
  {
    rule: 'GS-TEXT-005',
    bug: "escapes non-ASCII characters in --output json (Python's json.dumps with its default ensure_ascii)",
    adapter: broken('json-ascii', {
      json: (o) =>
        renderJson(o, 'v2').replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
    }),
  },
  {
    rule: 'GS-TIME-007',
    bug: 'prints v2 timestamps as toISOString()',
    adapter: broken('iso-in-text', {
      text: (o) =>
        renderText(o.CreationDate ? { ...o, CreationDate: new Date(o.CreationDate.getTime()) } : o, 'v2').replace(
          /\+00:00/,
          'Z',
        ),
    }),
  },
  {
    rule: 'GS-TIME-007',
    bug: 'prints six fraction digits for whole seconds too',
    adapter: broken('always-microseconds', {
      text: (o) =>
        renderText(
          o.CreationDate instanceof Timestamp
            ? {
                ...o,
                CreationDate: new Timestamp(
                  o.CreationDate.getTime(),
                  o.CreationDate.wire,
                  o.CreationDate.isoformat.replace(/^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?!\.)/, '$1.000000'),
                ),
              }
            : o,
          'v2',
        ),
    }),
  },
  // Errors
  {
    rule: 'GS-ERR-001',
    bug: 'takes the error code from the HTTP reason phrase',
    adapter: broken('reason-phrase-code', { error: serviceError((e) => ({ code: STATUS_CODES[e.status] })) }),
  },
  {
    rule: 'GS-ERR-001',
    bug: 'reports every unmodelled error as UnknownError',
    adapter: broken('unmodelled-unknown', {
      error: serviceError((e) => (isModelled(e.code) ? {} : { code: 'UnknownError' })),
    }),
  },
  {
    rule: 'GS-ERR-001',
    bug: 'loses the error code',
    adapter: broken('no-code', { error: (e) => new Error(e.message) }),
  },
  {
    rule: 'GS-ERR-001',
    bug: "reads Error's children by position (Type, Code, Message)",
    adapter: broken('positional-error', {
      parse: onServiceError((e, root) => {
        const [, code, message] = errorElement(root).children;
        return new GetStatusError({ ...e.toJSON(), code: code?.text, message: message?.text ?? '' });
      }),
    }),
  },
  {
    rule: 'GS-ERR-001',
    bug: 'reads the error code as a word (Throttling.RateExceeded → Throttling)',
    adapter: broken('word-code', { error: serviceError((e) => ({ code: /^\w+/.exec(e.code ?? '')?.[0] })) }),
  },
  {
    rule: 'GS-ERR-001',
    bug: 'fails without its code when the ErrorResponse has no RequestId',
    adapter: broken('needs-request-id', {
      parse: onServiceError((e, root) =>
        (child(root, 'RequestId') ?? child(root, 'RequestID'))
          ? e
          : new TypeError("Cannot read properties of undefined (reading 'text')"),
      ),
    }),
  },
  {
    rule: 'GS-ERR-001',
    bug: 'fails without its code when Error has no Message',
    adapter: broken('needs-message', {
      parse: onServiceError((e, root) =>
        child(errorElement(root), 'Message')
          ? e
          : new TypeError("Cannot read properties of undefined (reading 'text')"),
      ),
    }),
  },
  {
    rule: 'GS-ERR-001',
    bug: 'reports a status outside its table (402) without the error code',
    adapter: broken('unknown-status', {
      error: (e) => (e.kind === 'service' && e.status === 402 ? new Error(`Unexpected HTTP status ${e.status}`) : e),
    }),
  },
  {
    rule: 'GS-ERR-002',
    bug: 'drops the Exception suffix from error codes',
    adapter: broken('no-exception-suffix', {
      error: serviceError((e) => ({ code: e.code?.replace(/Exception$/, '') })),
    }),
  },
  {
    rule: 'GS-ERR-003',
    bug: 'treats a 5xx without ErrorResponse as success',
    adapter: broken('5xx-ok', {
      parse: (body, status) => {
        try {
          return parseGetStatusResponse(body, status);
        } catch (error) {
          if (error instanceof GetStatusError && error.kind === 'http') return {};
          throw error;
        }
      },
    }),
  },
  {
    rule: 'GS-ERR-005',
    bug: 'gunzips a body by its magic bytes, without Content-Encoding',
    adapter: broken('sniffs-gzip', {
      parse: (b, status) => parseGetStatusResponse(b[0] === 0x1f && b[1] === 0x8b ? gunzipSync(b) : b, status),
    }),
  },
  // Requests
  {
    rule: 'GS-REQ-001',
    bug: 'sends the form as text/plain',
    adapter: broken('text-plain', { contentType: 'text/plain;charset=UTF-8' }),
  },
  {
    rule: 'GS-REQ-006',
    bug: 'asks the instance metadata service for credentials before calling the endpoint',
    adapter: metadataFirst(),
  },
  {
    rule: 'GS-REQ-002',
    bug: 'sends no Version',
    adapter: broken('no-version', { form: (r) => getStatusForm(r).replace(/&?Version=[^&]*/, '') }),
  },
  {
    rule: 'GS-REQ-002',
    bug: 'sends Version=2010-06-01 twice',
    adapter: broken('version-twice', { form: (r) => `${getStatusForm(r)}&Version=${SERVICE.apiVersion}` }),
  },
  {
    rule: 'GS-REQ-003',
    bug: 'does not percent-encode the job id',
    adapter: broken('raw-jobid', {
      form: (r) =>
        `Action=GetStatus&Version=2010-06-01&JobId=${r.jobId}${r.apiVersion === undefined ? '' : `&APIVersion=${encodeURIComponent(r.apiVersion)}`}`,
    }),
  },
  {
    rule: 'GS-REQ-003',
    bug: 'percent-encodes the job id twice',
    adapter: broken('jobid-encoded-twice', {
      form: (r) => getStatusForm({ ...r, jobId: encodeURIComponent(r.jobId) }),
    }),
  },
  {
    rule: 'GS-REQ-004',
    bug: 'always sends APIVersion, empty when not given',
    adapter: broken('apiversion-always', {
      form: (r) => (r.apiVersion === undefined ? `${getStatusForm(r)}&APIVersion=` : getStatusForm(r)),
    }),
  },
  {
    rule: 'GS-REQ-004',
    bug: 'cannot send APIVersion: fails before sending whenever one is given (its model lacks it)',
    adapter: broken('no-apiversion-member', {
      refuse: (r) => (r.apiVersion === undefined ? undefined : "Unexpected key 'APIVersion' found in params"),
    }),
  },
  {
    rule: 'GS-REQ-004',
    bug: 'sends APIVersion as ApiVersion',
    adapter: broken('apiversion-case', { form: (r) => getStatusForm(r).replace(/(^|&)APIVersion=/, '$1ApiVersion=') }),
  },
  { rule: 'GS-REQ-005', bug: 'does not sign the request', adapter: broken('unsigned', { unsigned: true }) },
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
  {
    rule: 'GS-SAFE-005',
    bug: 'throws a string, not an Error, on a 2xx body it cannot read',
    adapter: broken('throws-string', {
      error: (e) => {
        if (e.kind === 'malformed') throw `unreadable response: ${e.message}`;
        return e;
      },
    }),
  },
];

/** A client with several bugs: every one must be reported, each once, under its own rule. */
export interface MultiBugClient {
  name: string;
  rules: RuleId[];
  adapter: ClientAdapter;
}

const single = (bug: string): BrokenClient => {
  const found = BROKEN.find((b) => b.bug === bug);
  if (!found) throw new Error(`no broken client whose bug is '${bug}'`);
  return found;
};
const bugs = (name: string, ...names: string[]): MultiBugClient => {
  const clients = names.map(single);
  return { name, rules: [...new Set(clients.map((c) => c.rule))], adapter: withBugs(name, clients) };
};

export const MULTI_BUG: MultiBugClient[] = [
  // Pairs.
  bugs('empty-and-offset', 'drops empty strings', 'ignores the timezone offset'),
  bugs('tracking-and-epoch', 'drops TrackingNumber', 'reads epoch seconds as milliseconds'),
  bugs(
    'swap-and-fraction',
    'swaps Carrier and TrackingNumber',
    'fails on more than 3 fractional digits (pattern ss.SSS)',
  ),
  bugs(
    'apiversion-and-text-plain',
    'cannot send APIVersion: fails before sending whenever one is given (its model lacks it)',
    'sends the form as text/plain',
  ),
  bugs(
    'carrier-and-parseint',
    'drops Carrier and TrackingNumber unless LocationCode is Returned',
    'reads ErrorCount with parseInt (1.5 → 1, abc → NaN)',
  ),
  // One cause, two rules: a CreationDate cut to its first 19 characters with Z added loses both its offset and its fraction.
  {
    name: 'cuts-date-to-seconds',
    rules: ['GS-TIME-001', 'GS-TIME-002'],
    adapter: broken('cuts-date-to-seconds', {
      output: redate((w, d) => (ISO_DATE_TIME.test(w) && w.length > 19 ? new Date(`${w.slice(0, 19)}Z`) : d)),
    }),
  },
  // One cause, one rule: a reader that returns what it has on any parser error resolves on an undefined entity and an
  // entity expansion too, but its bug is GS-PARSE-014's (spec/dimensions.ts, MALFORMED_FAMILY).
  {
    name: 'swallows-parser-errors',
    rules: ['GS-PARSE-014'],
    adapter: broken('swallows-parser-errors', {
      parse: tolerating(
        new Map((['GS-PARSE-014', 'GS-PARSE-016', 'GS-SAFE-002'] as const).map((rule) => [rule, () => ({})])),
      ),
    }),
  },
  // Realistic sets, each with a bug that shows on every plain response (a list-collapsing reader, lost empty values).
  bugs(
    'sdk-without-list-rule',
    'collapses ArtifactList members into one object, the last winning (a reader with no list rule)',
    'reads CDATA sections as no text',
    'reads an empty element as null',
    'reads a zone-less date-time in local time (UTC+05:30)',
    'rolls an impossible date over (30 February → 2 March)',
    'resolves {} for an empty 200 body',
  ),
  bugs(
    'drops-empty-and-more',
    'drops empty strings',
    'keeps only the last member of ArtifactList',
    'gunzips a body by its magic bytes, without Content-Encoding',
    'cannot send APIVersion: fails before sending whenever one is given (its model lacks it)',
    'decodes no entities',
    'drops ErrorCount when it is 0',
  ),
  bugs(
    'collapsing-cli',
    'collapses ArtifactList members into one object, the last winning (a reader with no list rule)',
    'prints text columns in model order',
    'returns ErrorCount as a string',
    'reads an HTTP date in local time (UTC+05:30)',
  ),
];
