/**
 * Spellings real responses use: each is drawn by the check of the rule that owns it, within a
 * suite run's worth of cases, and making its dimension plain (or leaving out a labelled case's
 * departure) removes it. A spelling that only changes how the response is written reads, in the
 * reference, exactly as its plain spelling.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makePlainIn, recipeOf, type ResponseCase } from '../../generators/index.ts';
import type { DimensionId, RuleId } from '../../spec/index.ts';
import { checksBySuite } from '../../suites/checks/index.ts';

const SAMPLE = { seed: 20150527, numRuns: 500 };
const CHECKS = Object.values(checksBySuite()).flat();

interface Spelling {
  spelling: string;
  check: RuleId;
  /** The dimension that owns it, or 'essence' for a labelled invalid case's own departure. */
  owner: DimensionId | 'essence';
  shows(c: ResponseCase): boolean;
  /** Only the writing differs: the plain spelling reads to the same output. */
  sameOutput?: boolean;
}

const body = (pattern: RegExp) => (c: ResponseCase) => pattern.test(String(c.body));
const NS = 'http://importexport\\.amazonaws\\.com/doc/2010-06-01/';
const re = (source: string) => new RegExp(source);

const SPELLINGS: Spelling[] = [
  {
    spelling: 'the default namespace again on a member',
    check: 'GS-PARSE-012',
    owner: 'namespace',
    shows: body(re(`<JobId xmlns="${NS}">`)),
    sameOutput: true,
  },
  {
    spelling: 'the default namespace again on ArtifactList',
    check: 'GS-PARSE-012',
    owner: 'namespace',
    shows: body(re(`<ArtifactList xmlns="${NS}">`)),
    sameOutput: true,
  },
  {
    spelling: 'the default namespace again on each <member>',
    check: 'GS-PARSE-012',
    owner: 'namespace',
    shows: body(re(`<member xmlns="${NS}">[\\s\\S]*<member xmlns="${NS}">`)),
    sameOutput: true,
  },
  {
    spelling: 'another default namespace on a member',
    check: 'GS-PARSE-012',
    owner: 'namespace',
    shows: body(/<GetStatusResult>\s*<\w+ xmlns="urn:example:not-importexport">/),
    sameOutput: true,
  },
  {
    spelling: 'an unused prefix on the root and a member',
    check: 'GS-PARSE-012',
    owner: 'namespace',
    shows: body(/<GetStatusResponse xmlns="[^"]+" xmlns:x="[^"]+">\s*<GetStatusResult>\s*<\w+ xmlns:x="/),
    sameOutput: true,
  },
  {
    spelling: 'a prefix declared on GetStatusResult, used below it',
    check: 'GS-PARSE-012',
    owner: 'namespace',
    shows: body(re(`<GetStatusResult xmlns:ie="${NS}">\\s*<ie:JobId>`)),
    sameOutput: true,
  },
  {
    spelling: 'an error body with the default namespace again on Code',
    check: 'GS-PARSE-012',
    owner: 'namespace',
    shows: (c) => c.kind === 'error' && body(re(`<Code xmlns="${NS}">`))(c),
    sameOutput: true,
  },
  {
    spelling: 'a comment between members',
    check: 'GS-PARSE-013',
    owner: 'markup-between',
    shows: body(/<\/JobId>\s*<!--[^>]*-->\s*<JobType>/),
    sameOutput: true,
  },
  {
    spelling: 'a whitespace-only CDATA section between members',
    check: 'GS-PARSE-013',
    owner: 'markup-between',
    shows: body(/<\/JobId>\s*<!\[CDATA\[\s+\]\]>\s*<JobType>/),
    sameOutput: true,
  },
  {
    spelling: 'a comment between artifacts',
    check: 'GS-PARSE-013',
    owner: 'markup-between',
    shows: body(/<\/member>\s*<!--[^>]*-->\s*<member>/),
    sameOutput: true,
  },
  {
    spelling: 'a whitespace-only CDATA section between artifacts',
    check: 'GS-PARSE-013',
    owner: 'markup-between',
    shows: body(/<\/member>\s*<!\[CDATA\[\s+\]\]>\s*<member>/),
    sameOutput: true,
  },
  {
    spelling: 'a comment before the root',
    check: 'GS-PARSE-013',
    owner: 'markup-between',
    shows: body(/^\uFEFF?(<\?xml[^>]*>\s*)?<!--[^>]*-->\s*<GetStatusResponse/),
    sameOutput: true,
  },
  {
    spelling: 'a comment after the root',
    check: 'GS-PARSE-013',
    owner: 'markup-between',
    shows: body(/<\/GetStatusResponse>\s*<!--[^>]*-->\s*$/),
    sameOutput: true,
  },
  {
    spelling: 'an XML declaration with spaces around =',
    check: 'GS-PARSE-013',
    owner: 'prolog',
    shows: body(/^\uFEFF?<\?xml version = "1\.0" encoding = "UTF-8" \?>/),
    sameOutput: true,
  },
  {
    spelling: 'an empty GetStatusResult, self-closing',
    check: 'GS-PARSE-002',
    owner: 'absent',
    shows: body(/<GetStatusResult\/>/),
  },
  {
    spelling: 'an empty GetStatusResult, open and closed',
    check: 'GS-PARSE-002',
    owner: 'absent',
    shows: body(/<GetStatusResult><\/GetStatusResult>/),
  },
  { spelling: 'CR as &#xD;', check: 'GS-PARSE-003', owner: 'references', shows: body(/&#xD;/), sameOutput: true },
  { spelling: 'CR as &#13;', check: 'GS-PARSE-003', owner: 'text', shows: body(/&#13;/) },
  {
    spelling: 'an unknown element repeated',
    check: 'GS-PARSE-011',
    owner: 'essence',
    shows: body(/<Foo>1<\/Foo>\s*<Foo>2<\/Foo>/),
  },
  {
    spelling: 'a member name in another case beside the member',
    check: 'GS-PARSE-011',
    owner: 'essence',
    shows: body(/^(?=[\s\S]*<JobId>)[\s\S]*<(JobID|jobid)>/),
  },
  {
    spelling: 'a member name in another case instead of the member',
    check: 'GS-PARSE-011',
    owner: 'essence',
    shows: body(/^(?![\s\S]*<JobId>)[\s\S]*<(JobID|jobid|JOBID)>/),
  },
  ...['JobId', 'ArtifactList', 'member', 'ErrorCount'].map(
    (name): Spelling => ({
      spelling: `an attribute on ${name}`,
      check: 'GS-PARSE-011',
      owner: 'essence',
      shows: body(re(`<${name} attr="1">`)),
    }),
  ),
  {
    spelling: 'a second GetStatusResponse after the root',
    check: 'GS-PARSE-014',
    owner: 'essence',
    shows: body(/<\/GetStatusResponse>\s*<GetStatusResponse[^>]*[^/]>[\s\S]*SECOND/),
  },
  {
    spelling: '<Foo/> after the root',
    check: 'GS-PARSE-014',
    owner: 'essence',
    shows: body(/<\/GetStatusResponse>\s*<Foo\/>$/),
  },
  {
    spelling: 'text after the root',
    check: 'GS-PARSE-014',
    owner: 'essence',
    shows: body(/<\/GetStatusResponse>\s*junk$/),
  },
  {
    spelling: 'an ErrorResponse without RequestId',
    check: 'GS-ERR-001',
    owner: 'error-shape',
    shows: body(/<\/Error>\s*<\/ErrorResponse>/),
  },
  {
    spelling: 'Detail and Extra before Code',
    check: 'GS-ERR-001',
    owner: 'error-shape',
    shows: body(/<Detail(\/>|><\/Detail>)\s*<Extra>x<\/Extra>\s*<Code>/),
  },
  {
    spelling: 'Detail and Extra after Code',
    check: 'GS-ERR-001',
    owner: 'error-shape',
    shows: body(/<\/Code>\s*<Detail(\/>|><\/Detail>)\s*<Extra>x<\/Extra>/),
  },
  {
    spelling: 'an Error without Message',
    check: 'GS-ERR-001',
    owner: 'error-shape',
    shows: body(/<Error>(?![\s\S]*<Message)[\s\S]*<\/Error>/),
  },
  { spelling: 'status 402', check: 'GS-ERR-001', owner: 'error-shape', shows: (c) => c.status === 402 },
  {
    spelling: 'the code Throttling.RateExceeded',
    check: 'GS-ERR-001',
    owner: 'error-shape',
    shows: body(/<Code>Throttling\.RateExceeded<\/Code>/),
  },
  {
    spelling: 'the code Request-Limit-Exceeded',
    check: 'GS-ERR-001',
    owner: 'error-shape',
    shows: body(/<Code>Request-Limit-Exceeded<\/Code>/),
  },
];

const samples = new Map<RuleId, ResponseCase[]>();
function casesOf(rule: RuleId): ResponseCase[] {
  if (!samples.has(rule)) samples.set(rule, fc.sample(CHECKS.find((c) => c.id === rule)!.cases!(), SAMPLE));
  return samples.get(rule)!;
}

describe('new spellings, each drawn by its owner’s check and removed by its plain spelling', () => {
  it.each(SPELLINGS)('$check: $spelling', ({ check, owner, shows, sameOutput }) => {
    const found = casesOf(check).find(shows);
    expect(found, `no case of ${check} shows it in ${SAMPLE.numRuns}`).toBeDefined();
    const recipe = recipeOf(found!)!;
    const plain = recipe.build(
      owner === 'essence' ? { ...recipe.parts, essence: false } : makePlainIn(owner, recipe.parts),
    );
    expect(shows(plain)).toBe(false);
    if (sameOutput) expect(plain.expected).toEqual(found!.expected);
  });
});
