/**
 * The CLI layouts: renderJson/renderText against the real AWS CLIs' stdout.
 * fixtures/cli-observed holds what AWS CLI v1 1.45.11 and v2 2.9.19 printed for each response
 * (see its README); the short rows below are the cases quoted in real-clients.md item 12.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGetStatusResponse, renderJson, renderText, type OutputStyle, type RuleId } from '../../spec/index.ts';
import { getStatusBody } from './bodies.ts';

const OBSERVED = new URL('../../fixtures/cli-observed/', import.meta.url);

/** The rules each observed case shows. */
const RULES_SHOWN: Record<string, string> = {
  all_members_two_artifacts: 'GS-TEXT-001 GS-TEXT-003 GS-TEXT-005',
  artifact_missing_url: 'GS-TEXT-003',
  artifact_partial_keys: 'GS-TEXT-003',
  artifacts_empty: 'GS-TEXT-003 GS-TEXT-005',
  empty_result: 'GS-TEXT-005',
  empty_values: 'GS-TEXT-002',
  minimal: 'GS-TEXT-002',
  non_ascii: 'GS-TEXT-005',
  special_characters: 'GS-TEXT-004',
  timestamp_fraction_offset: 'GS-TIME-006 GS-TIME-007',
};

const observedCases = readdirSync(OBSERVED, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

const observedRuns = observedCases.flatMap((name) =>
  (['v1', 'v2'] as const).flatMap((style) =>
    (['json', 'text'] as const).map((format) => ({ rules: RULES_SHOWN[name], name, style, format })),
  ),
);

describe('renderJson/renderText reproduce the real CLIs byte for byte', () => {
  it('every observed case says which rules it shows', () => {
    expect(observedCases).toEqual(Object.keys(RULES_SHOWN).sort());
  });

  it.each(observedRuns)('$rules $name: $style --output $format', ({ name, style, format }) => {
    const dir = new URL(`${name}/`, OBSERVED);
    const output = parseGetStatusResponse(readFileSync(new URL('response.xml', dir)));
    const printed = format === 'json' ? renderJson(output, style) : renderText(output, style);
    const observed = readFileSync(new URL(`${style}.${format}`, dir));
    expect(printed).toBe(observed.toString('utf8'));
    expect(Buffer.from(printed, 'utf8').equals(observed)).toBe(true);
  });
});

interface LayoutRow {
  rule: RuleId;
  case: string;
  members: string;
  /** The text stdout (v1 and v2 are byte-identical without a timestamp, item 12). */
  text: string;
}

/** Cases quoted in real-clients.md item 12. */
const layoutRows: LayoutRow[] = [
  { rule: 'GS-TEXT-002', case: 'minimal', members: '    <JobId>MIN1</JobId>', text: 'MIN1\n' },
  {
    rule: 'GS-TEXT-002',
    case: 'str_empty_location',
    members: '    <JobId>EMP1</JobId>\n    <LocationMessage/>\n    <ProgressMessage></ProgressMessage>',
    text: 'EMP1\t\t\n',
  },
  {
    rule: 'GS-TEXT-003',
    case: 'artifact_missing_url',
    members:
      '    <JobId>ART2</JobId>\n    <ArtifactList>\n      <member><Description>first</Description><URL>https://example.com/1</URL></member>\n      <member><Description>second</Description></member>\n    </ArtifactList>',
    text: 'ART2\nARTIFACTLIST\tfirst\thttps://example.com/1\nARTIFACTLIST\tsecond\t\n',
  },
  {
    rule: 'GS-TEXT-003',
    case: 'artifacts_empty',
    members: '    <JobId>ART0</JobId>\n    <ArtifactList/>',
    text: 'ART0\n',
  },
  {
    rule: 'GS-TEXT-004',
    case: 'str_tab',
    members:
      '    <JobId>TAB1</JobId>\n    <LocationMessage>col1\tcol2</LocationMessage>\n    <ProgressMessage>&#9;tab via charref</ProgressMessage>',
    text: 'TAB1\tcol1\tcol2\t\ttab via charref\n',
  },
  {
    rule: 'GS-TEXT-004',
    case: 'str_whitespace (CR printed as CR)',
    members: '    <JobId>CR1</JobId>\n    <ProgressMessage>a&#13;b</ProgressMessage>',
    text: 'CR1\ta\rb\n',
  },
  { rule: 'GS-TEXT-005', case: 'added: empty output prints nothing', members: '', text: '' },
];

const styles: OutputStyle[] = ['v1', 'v2'];

describe('text layout (real-clients.md item 12)', () => {
  it.each(layoutRows)('$rule $case', ({ members, text }) => {
    const output = parseGetStatusResponse(getStatusBody(members));
    for (const style of styles) expect(renderText(output, style)).toBe(text);
  });

  it('GS-TEXT-001 the first row holds every present scalar member, sorted by member name, no header', () => {
    // The member-name order item 12 lists; each value names its member so the order shows in the row.
    const sorted = [
      'Carrier',
      'CreationDate',
      'CurrentManifest',
      'ErrorCount',
      'JobId',
      'JobType',
      'LocationCode',
      'LocationMessage',
      'LogBucket',
      'LogKey',
      'ProgressCode',
      'ProgressMessage',
      'Signature',
      'SignatureFileContents',
      'TrackingNumber',
    ];
    const valueFor = (name: string) =>
      name === 'ErrorCount' ? '4' : name === 'CreationDate' ? '2015-05-27T18:58:21Z' : `${name}-value`;
    // Written in reverse so the wire order is not the printed order.
    const members = [...sorted]
      .reverse()
      .map((name) => `    <${name}>${valueFor(name)}</${name}>`)
      .join('\n');
    const output = parseGetStatusResponse(getStatusBody(members));
    expect(renderText(output, 'v1')).toBe(`${sorted.map(valueFor).join('\t')}\n`);
  });
});

describe('JSON layout', () => {
  it('GS-TEXT-005 model order, 4-space indent, non-ASCII unescaped, ArtifactList an array, final newline', () => {
    const output = parseGetStatusResponse(
      getStatusBody(
        '    <ArtifactList><member><URL>u</URL><Description>Zürich ✓</Description></member></ArtifactList>\n    <LocationMessage>Zürich ✓</LocationMessage>\n    <JobId>J1</JobId>',
      ),
    );
    const expected =
      '{\n    "JobId": "J1",\n    "LocationMessage": "Zürich ✓",\n    "ArtifactList": [\n        {\n            "Description": "Zürich ✓",\n            "URL": "u"\n        }\n    ]\n}\n';
    for (const style of styles) expect(renderJson(output, style)).toBe(expected);
  });
});
