/**
 * Within the suites' default number of runs (DEFAULT_RUNS, suites/config.ts), every class a client can get
 * wrong is generated, for several seeds: a class missing here would go untested in a suite run.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  errorResponse,
  getStatusOutput,
  INVALID_LABELS,
  invalidResponse,
  jobId,
  serialize,
  transportFault,
  validParts,
} from '../../generators/index.ts';
import { ERRORS, JOB_TYPES, LOCATION_CODES, PROGRESS_CODES, type GetStatusOutput } from '../../spec/index.ts';
import { DEFAULT_RUNS } from '../../suites/config.ts';

const SEEDS = [1, 2, 3, 42, 20150527];

/** The classes `classify` puts the sampled values in, for each seed. */
function reached<T>(arbitrary: fc.Arbitrary<T>, classify: (value: T) => string[]): Set<string>[] {
  return SEEDS.map((seed) => new Set(fc.sample(arbitrary, { seed, numRuns: DEFAULT_RUNS }).flatMap(classify)));
}

function expectAll<T>(arbitrary: fc.Arbitrary<T>, classify: (value: T) => string[], classes: string[]) {
  for (const [i, seen] of reached(arbitrary, classify).entries()) {
    expect({ seed: SEEDS[i], missing: classes.filter((c) => !seen.has(c)) }).toEqual({ seed: SEEDS[i], missing: [] });
  }
}

const tokenClass = (known: Record<string, string>, token: string | undefined) =>
  token === undefined ? 'absent' : token in known ? token : 'unknown';
const sizeClass = (list: unknown[] | undefined) =>
  list === undefined ? 'absent' : list.length <= 1 ? String(list.length) : 'many';

describe('coverage within the default runs', () => {
  it('outputs: every JobType, LocationCode and ProgressCode class, ArtifactList size class, and ErrorCount 0 and outside finished jobs', () => {
    const classify = (o: GetStatusOutput) => [
      `JobType:${o.JobType ?? 'absent'}`,
      `LocationCode:${tokenClass(LOCATION_CODES, o.LocationCode)}`,
      `ProgressCode:${tokenClass(PROGRESS_CODES, o.ProgressCode)}`,
      `ArtifactList:${sizeClass(o.ArtifactList)}`,
      ...(o.ErrorCount === 0 ? ['ErrorCount:0'] : []),
      ...(o.ErrorCount !== undefined && !['Success', 'SuccessWithErrors'].includes(o.ProgressCode ?? '')
        ? ['ErrorCount:not-finished']
        : []),
    ];
    expectAll(getStatusOutput(), classify, [
      ...[...JOB_TYPES, 'absent'].map((t) => `JobType:${t}`),
      ...[...Object.keys(LOCATION_CODES), 'unknown', 'absent'].map((t) => `LocationCode:${t}`),
      ...[...Object.keys(PROGRESS_CODES), 'unknown', 'absent'].map((t) => `ProgressCode:${t}`),
      ...['absent', '0', '1', 'many'].map((s) => `ArtifactList:${s}`),
      'ErrorCount:0',
      'ErrorCount:not-finished',
    ]);
  });

  it('encodings: every CreationDate form and fraction length, CDATA, references, comments, prefixes, BOM, empty-element forms', () => {
    const forms: [string, RegExp][] = [
      ['Z', /\dZ</],
      ['z', /\dz</],
      ['offset', /\d[+-]\d\d:\d\d</],
      ['no-zone', /T[\d:.]+</],
      ['date-only', /<(?:ie:)?CreationDate>\d{4}-\d\d-\d\d</],
      ['epoch', /<(?:ie:)?CreationDate>\d+</],
      [
        'http-date',
        /<(?:ie:)?CreationDate>(?:Sun|Mon|Tue|Wed|Thu|Fri|Sat), \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT</,
      ],
      ['digits:0', /:\d\d(?:[Zz+-]|<)/],
      ['digits:3', /:\d\d\.\d{3}(?:[Zz+-]|<)/],
      ['digits:6', /:\d\d\.\d{6}(?:[Zz+-]|<)/],
      ['digits:7', /:\d\d\.\d{7}(?:[Zz+-]|<)/],
    ];
    const features: [string, RegExp][] = [
      ['cdata', /<!\[CDATA\[/],
      ['hex-reference', /&#x[0-9A-F]+;/],
      ['decimal-reference', /&#\d+;/],
      ['comment', /<!-- split -->/],
      ['prefix', /<ie:GetStatusResponse/],
      ['no-namespace', /<GetStatusResponse>/],
      ['bom', /^\uFEFF/],
      ['declaration-encoding', /<\?xml[^>]*encoding/],
      ['self-closing', /\/>/],
      ['open-close', /<(\w+)><\/\1>/],
      ['request-id', /<(?:ie:)?RequestId>/],
    ];
    const classify = ({ output, encoding }: { output: GetStatusOutput; encoding: Parameters<typeof serialize>[1] }) => {
      const body = serialize(output, encoding);
      const date = /<(?:ie:)?CreationDate>[^<]*</.exec(body)?.[0] ?? '';
      return [
        ...forms.filter(([, re]) => re.test(date)).map(([n]) => `date:${n}`),
        ...features.filter(([, re]) => re.test(body)).map(([n]) => n),
      ];
    };
    expectAll(validParts(), classify, [...forms.map(([n]) => `date:${n}`), ...features.map(([n]) => n)]);
  });

  it('invalid responses: every label, and both kinds of DOCTYPE entity expansion', () => {
    const classify = (c: { label?: string; expected: { outcome: string } }) => [
      c.label!,
      `${c.label}:${c.expected.outcome}`,
    ];
    expectAll(invalidResponse(), classify, [
      ...INVALID_LABELS,
      'GS-SAFE-002:fail-or-tolerated',
      'GS-SAFE-002:fail',
      'GS-PARSE-017:fail-or-tolerated',
    ]);
  });

  it('transport faults: every fault type and variant, and the 5xx HTML pages', () => {
    const classify = (c: { fault?: { type: string; where?: string; header?: boolean }; status: number }) => [
      c.fault === undefined ? `html:${c.status}` : c.fault.type,
      ...(c.fault?.type === 'stall' ? [`stall:${c.fault.where}`] : []),
      ...(c.fault?.type === 'gzip' ? [`gzip:${c.fault.header ? 'header' : 'no-header'}`] : []),
    ];
    expectAll(transportFault(), classify, [
      'reset',
      'short-body',
      'stall:headers',
      'stall:body',
      'gzip:header',
      'gzip:no-header',
      'html:500',
      'html:502',
      'html:503',
    ]);
  });

  it('error responses: every error code, and non-XML bodies', () => {
    const classify = (c: { expected: { outcome: string; error?: { kind: string; code?: string } } }) => [
      c.expected.error?.kind === 'service' ? c.expected.error.code! : `${c.expected.error?.kind}`,
    ];
    expectAll(errorResponse(), classify, [...ERRORS.map((e) => e.code), 'http']);
  });

  it('job ids: realistic ones and ones with each character a form body must encode', () => {
    const specials = [' ', '&', '=', '+', '%', '/', 'non-ascii'];
    const classify = (id: string) => [
      /^[A-Z0-9]{5}$/.test(id) ? 'realistic' : 'encoded',
      ...specials.filter((s) => (s === 'non-ascii' ? /[^\p{ASCII}]/u.test(id) : id.includes(s))),
    ];
    expectAll(jobId(), classify, ['realistic', 'encoded', ...specials]);
  });
});
