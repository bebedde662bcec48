/**
 * Where real clients depart from the reference on valid responses, client by client: the rule,
 * an exact model of the client's answer, and the smallest response that shows it. Each is also a
 * failed check in docs/CONFORMANCE.md.
 */
import type { ResponseCase } from '../../generators/index.ts';
import type { GetStatusOutput, RuleId } from '../../spec/index.ts';

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

export const DEVIATIONS: Record<string, Deviation[]> = {
  'aws-sdk-v2': [
    {
      rule: 'GS-PARSE-012',
      summary: 'a namespace prefix loses every member',
      example: `<ie:GetStatusResponse xmlns:ie="${NS}"><ie:GetStatusResult><ie:JobId>EX1ID</ie:JobId></ie:GetStatusResult></ie:GetStatusResponse>`,
      output: (c) => (/^\W*(<\?xml[^>]*>\s*)?<\w+:GetStatusResponse/.test(bodyText(c)) ? {} : undefined),
    },
    {
      rule: 'GS-PARSE-003',
      summary: 'a value of only whitespace becomes empty',
      example: `<GetStatusResponse xmlns="${NS}"><GetStatusResult><JobId>EX1ID</JobId><ProgressMessage> \t</ProgressMessage></GetStatusResult></GetStatusResponse>`,
      output: (c) => mapStrings(c.expected.output, (s) => (/^\s+$/.test(s) ? '' : s)),
    },
  ],
};
