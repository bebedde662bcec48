/**
 * Where real clients depart from the reference on valid responses, client by client: the rule,
 * an exact model of the client's answer, and the smallest response that shows it. A client's
 * deviations apply in the order listed. Each is also a failed check in docs/CONFORMANCE.md.
 */
import type { ResponseCase } from '../../generators/index.ts';
import {
  parseGetStatusResponse,
  STRING_MEMBERS,
  wireTextOf,
  type GetStatusOutput,
  type RuleId,
} from '../../spec/index.ts';
import { IN_PROCESS_TIME_ZONE } from '../../harness/time-zone.ts';

export interface Deviation {
  rule: RuleId;
  summary: string;
  /** The smallest response that shows it. */
  example: string;
  /** What the client returns for a case the reference accepts, or undefined when the deviation does not apply to it. */
  output(c: ResponseCase & { expected: { outcome: 'output' } }): GetStatusOutput | undefined;
}

const bodyText = (c: ResponseCase) => (typeof c.body === 'string' ? c.body : Buffer.from(c.body).toString('utf8'));
const NS = 'http://importexport.amazonaws.com/doc/2010-06-01/';

/** Every string value, in members and artifacts, through `f`; a value `f` maps to undefined is dropped. */
function mapStrings(output: GetStatusOutput, f: (s: string) => string | undefined): GetStatusOutput {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(output)) {
    if (typeof value === 'string') {
      const mapped = f(value);
      if (mapped !== undefined) out[key] = mapped;
    } else if (Array.isArray(value)) {
      out[key] = value.map((item) => mapStrings(item as GetStatusOutput, f));
    } else out[key] = value;
  }
  return out as GetStatusOutput;
}

/** An element holding only characters, numeric references and comments (no CDATA, no child, no named entity). */
const TEXT_ELEMENT = /(<([\w:]+)(?:\s[^>]*)?>)((?:[^<&]|&#x?[0-9a-fA-F]+;|<!--(?:[^-]|-(?!->))*-->)+)<\/\2>/g;
/** A string member's element with attributes and no content at all: `<X a="1"/>` or `<X a="1"></X>`. */
const ATTRIBUTED_EMPTY = new RegExp(
  `<((?:\\w+:)?(?:${[...STRING_MEMBERS, 'Description', 'URL'].join('|')}))\\s[^>]*?(?:/>|></\\1>)`,
  'g',
);
const textOf = (content: string) =>
  content
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/&#(x?)([0-9a-fA-F]+);/g, (_, hex: string, digits: string) =>
      String.fromCodePoint(parseInt(digits, hex ? 16 : 10)),
    );

const ZONELESS = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?$/;

/** A zone-less date-time read in the zone the client runs in (`new Date(y, m, …)` is local time). */
function readInLocalTime(output: GetStatusOutput): GetStatusOutput | undefined {
  const m = output.CreationDate && ZONELESS.exec(wireTextOf(output.CreationDate));
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
  return {
    ...output,
    CreationDate: new Date(y, mo - 1, d, h, mi, s, Number((m[7] ?? '0').padEnd(3, '0').slice(0, 3))),
  };
}

export const DEVIATIONS: Record<string, Deviation[]> = {
  'aws-sdk-v2': [
    {
      rule: 'GS-PARSE-003',
      summary: 'a value of only whitespace (no-break spaces too), as text rather than CDATA, becomes empty',
      example: `<GetStatusResponse xmlns="${NS}"><GetStatusResult><JobId>EX1ID</JobId><ProgressMessage> \t</ProgressMessage></GetStatusResult></GetStatusResponse>`,
      output: (c) => {
        const body = bodyText(c);
        // Whitespace as JavaScript's trim() sees it: no-break spaces too.
        const emptied = body.replace(TEXT_ELEMENT, (element, open: string, name: string, content: string) =>
          textOf(content).trim() === '' ? `${open}</${name}>` : element,
        );
        return emptied === body ? undefined : parseGetStatusResponse(emptied, c.status);
      },
    },
    {
      rule: 'GS-PARSE-012',
      summary:
        'a value whose element declares a namespace and holds only whitespace, or nothing, becomes "[object Object]"',
      example: `<GetStatusResponse xmlns="${NS}"><GetStatusResult><JobId>EX1ID</JobId><LocationMessage xmlns="${NS}"> </LocationMessage></GetStatusResult></GetStatusResponse>`,
      output: (c) => {
        const body = bodyText(c);
        // xml2js hands back the attributes object where there is no text; the SDK prints it as a string.
        // The whitespace-only values without an attribute are emptied as GS-PARSE-003's deviation says.
        const rewritten = body
          .replace(ATTRIBUTED_EMPTY, (_, name: string) => `<${name}>[object Object]</${name}>`)
          .replace(TEXT_ELEMENT, (element, open: string, name: string, content: string) => {
            if (textOf(content).trim() !== '') return element;
            return /\s/.test(open.slice(1, -1).trim()) ? `<${name}>[object Object]</${name}>` : `${open}</${name}>`;
          });
        return rewritten.includes('[object Object]') ? parseGetStatusResponse(rewritten, c.status) : undefined;
      },
    },
    {
      rule: 'GS-PARSE-004',
      summary: 'a raw CR LF inside a value is kept, not read as LF',
      example: `<GetStatusResponse xmlns="${NS}"><GetStatusResult><JobId>EX1ID</JobId><ProgressMessage>line1\r\nline2</ProgressMessage></GetStatusResult></GetStatusResponse>`,
      // Only a document written with CR LF line ends has a raw CR (every other writes CR as &#13;),
      // and there every LF of a value was written raw as CR LF.
      output: (c) =>
        bodyText(c).includes('\r\n') ? mapStrings(c.expected.output, (s) => s.replace(/\n/g, '\r\n')) : undefined,
    },
    {
      rule: 'GS-PARSE-012',
      summary: 'a namespace prefix loses every member',
      example: `<ie:GetStatusResponse xmlns:ie="${NS}"><ie:GetStatusResult><ie:JobId>EX1ID</ie:JobId></ie:GetStatusResult></ie:GetStatusResponse>`,
      // Whether the prefix is on the root or declared lower down (tests/probe/new-spellings.ts item 2f).
      output: (c) => (/<\w+:\w/.test(bodyText(c)) ? {} : undefined),
    },
    {
      rule: 'GS-TIME-003',
      summary: `a CreationDate without a zone is read in local time (it runs under ${IN_PROCESS_TIME_ZONE})`,
      example: `<GetStatusResponse xmlns="${NS}"><GetStatusResult><JobId>EX1ID</JobId><CreationDate>2015-05-27T18:58:21</CreationDate></GetStatusResult></GetStatusResponse>`,
      output: (c) => readInLocalTime(c.expected.output),
    },
  ],
};
