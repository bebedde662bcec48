/**
 * What the HTML pages hold, read without a browser: the member a deviation is about marked in the
 * response, the characters that differ marked in the diff, known/new/fixed apart, a page that
 * stays small for a client with huge values, and a matrix whose every verdict links to its
 * counterexample in the page. tests/cli/html-report.test.ts opens them in a real browser.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { matrixHtml, readVerdicts } from '../../cli/commands/matrix.ts';
import { bodyHtml } from '../../cli/reports/html-body.ts';
import { diffHtml } from '../../cli/reports/html-diff.ts';
import { htmlReport } from '../../cli/reports/html.ts';
import { matrixPage } from '../../cli/reports/html-matrix.ts';
import { buildReport } from '../../run/report.ts';
import type { CheckResult } from '../../suites/check.ts';
import { ROOT, runTool } from '../run-tool.ts';

const RESPONSE = `<GetStatusResponse xmlns="http://importexport.amazonaws.com/doc/2010-06-01/">
  <GetStatusResult>
    <ArtifactList>
      <member><Description>first</Description><URL>a</URL></member>
      <member><Description>second</Description><URL>b</URL></member>
    </ArtifactList>
    <a:ErrorCount xmlns:a="urn:x">0</a:ErrorCount>
    <Carrier/>
  </GetStatusResult>
</GetStatusResponse>`;
const marked = (at: Array<string | number> | undefined, body = RESPONSE) =>
  /<mark class="culprit"[^>]*>([\s\S]*?)<\/mark>/.exec(bodyHtml(body, at).html)?.[1];

describe('the response, with the member a deviation is about marked', () => {
  test('the element the finding is about: a list item by its index, a prefixed element, an empty one, an error code', () => {
    expect(marked(['ArtifactList', 1, 'Description'])).toBe('&lt;Description&gt;second&lt;/Description&gt;');
    expect(marked(['ErrorCount'])).toBe('&lt;a:ErrorCount xmlns:a=&quot;urn:x&quot;&gt;0&lt;/a:ErrorCount&gt;');
    expect(marked(['Carrier'])).toBe('&lt;Carrier/&gt;');
    expect(marked(['Code'], '<ErrorResponse><Error><Code>NoSuchJob</Code></Error></ErrorResponse>')).toBe(
      '&lt;Code&gt;NoSuchJob&lt;/Code&gt;',
    );
  });

  test('nothing marked when the finding is about no element, or one the response does not have', () => {
    expect(marked(undefined)).toBeUndefined();
    expect(marked(['JobId'])).toBeUndefined();
  });

  test('a CR or a BOM in the body is shown, not swallowed', () => {
    const { html } = bodyHtml('<JobId>\uFEFFa\r\n</JobId>', ['JobId']);
    expect(html).toContain('title="U+FEFF"');
    expect(html).toContain('title="U+000D"');
  });
});

describe('expected against actual', () => {
  test('a replaced line shows the characters that differ on each side', () => {
    const html = diffHtml(
      { resolved: { CreationDate: '1970-01-01T00:00:00Z' } },
      { resolved: { CreationDate: '1970-01-01T03:30:00Z' } },
    );
    expect(html).toMatch(/<span class="exp">- .*CreationDate.*T0<mark>0:0<\/mark>0:00Z/);
    expect(html).toMatch(/<span class="act">\+ .*CreationDate.*T0<mark>3:3<\/mark>0:00Z/);
  });

  test('a value missing on one side is a whole line', () => {
    expect(diffHtml({ resolved: { ErrorCount: 0 } }, { resolved: {} })).toContain(
      '<span class="exp">-     &quot;ErrorCount&quot;: 0</span>',
    );
  });
});

const failure = (id: CheckResult['id'], extra: Partial<CheckResult> = {}): CheckResult => ({
  id,
  suite: 'parsing',
  title: `check ${id}`,
  level: 'MUST',
  status: 'failed',
  cases: 4,
  reason: `JobId: the response carries "A", but the client dropped it`,
  causes: [id],
  counterexample: {
    seed: 1,
    path: '0',
    request: { jobId: 'EX1ID' },
    status: 200,
    headers: {},
    body: '<JobId>A</JobId>',
    expected: { resolved: { JobId: 'A' } },
    actual: { resolved: {} },
  },
  replay: `npx getstatus-conformance run --check ${id}`,
  ...extra,
});

describe('the run report', () => {
  test('with a baseline: new, known (with the reason it is accepted) and fixed in their own parts', () => {
    const report = buildReport(
      'x',
      undefined,
      42,
      undefined,
      [failure('GS-PARSE-001'), failure('GS-PARSE-012'), { ...failure('GS-TIME-003'), status: 'passed' }],
      [],
    );
    const judged = {
      ...report,
      baseline: {
        strict: true,
        known: [
          {
            rule: 'GS-PARSE-012' as const,
            level: 'MUST' as const,
            reason: 'tracked upstream',
            link: 'https://example.com/1',
          },
        ],
        new: ['GS-PARSE-001' as const],
        fixed: [{ rule: 'GS-TIME-003' as const, client: 'x', reason: 'was local time' }],
      },
    };
    const page = htmlReport([judged]);
    const part = (heading: string) =>
      page.slice(page.indexOf(`<h3>${heading}`), page.indexOf('<h3>', page.indexOf(`<h3>${heading}`) + 4));
    expect(part('New deviations (1)')).toContain('id="c0-GS-PARSE-001"');
    expect(part('New deviations (1)')).not.toContain('id="c0-GS-PARSE-012"');
    expect(part('Known deviations, in the baseline (1)')).toMatch(
      /id="c0-GS-PARSE-012"[\s\S]*In the baseline: tracked upstream \(<a href="https:\/\/example.com\/1">/,
    );
    expect(part('Fixed: in the baseline, no longer found (1)')).toMatch(
      /--strict-baseline fails the run[\s\S]*GS-TIME-003<\/span>: was local time/,
    );
  });

  test('the response marks the element the counterexample is at, whatever its finding says', () => {
    const at = (path?: Array<string | number>) => {
      const check = failure('GS-PARSE-001', {
        reason: 'no element named here',
        counterexample: { ...failure('GS-PARSE-001').counterexample!, ...(path && { at: path }) },
      });
      return htmlReport([buildReport('x', undefined, 42, undefined, [check], [])]);
    };
    expect(at(['JobId'])).toContain(
      '<mark class="culprit" title="what the deviation is about">&lt;JobId&gt;A&lt;/JobId&gt;</mark>',
    );
    expect(at(['JobId'])).toContain('Marked: &lt;JobId&gt;, the member the deviation is about.');
    expect(at()).not.toContain('<mark class="culprit"');
  });

  test('a client with huge values still gives a small page: bodies, findings, diffs and errors are cut', () => {
    const huge = 'x'.repeat(1_000_000);
    const items = Array.from({ length: 50_000 }, (_, i) => ({ Description: `item ${i}`, URL: huge.slice(0, 150) }));
    const check = failure('GS-SAFE-003', {
      suite: 'robustness',
      reason: `CurrentManifest: ${huge}`,
      counterexample: {
        seed: 1,
        path: '0',
        request: { jobId: huge },
        status: 200,
        headers: { 'X-Big': huge },
        body: huge,
        expected: { resolved: { ArtifactList: items } },
        actual: { resolved: { ArtifactList: [] } },
      },
    });
    const page = htmlReport([
      buildReport(
        'big',
        undefined,
        1,
        1,
        [check],
        Array.from({ length: 500 }, () => huge),
      ),
    ]);
    expect(page.length).toBeLessThan(200_000);
    expect(page).toContain('more lines: the JSON report (--reporter json) has them all');
    expect(page).toContain('… 480 more (the JSON report has them all)');
  });

  test('run --help names html among the reporters; an unknown one is refused with the list', async () => {
    expect((await runTool(['run', '--help'])).stdout).toMatch(/--reporter R .*\bhtml\b/);
    expect(await runTool(['--reporter', 'htm'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('pretty, json, junit, markdown, html'),
    });
  });

  test('the same run gives the same page, byte for byte', async () => {
    const args = [
      'run',
      '--adapter',
      'tests/cli/adapters/drops-zero.ts',
      '--suite',
      'conditional',
      '--runs',
      '5',
      '--reporter',
      'html',
    ];
    const [first, second] = await Promise.all([runTool(args), runTool(args)]);
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/^<!DOCTYPE html>/);
    expect(second.stdout).toBe(first.stdout);
  }, 60_000);
});

describe('matrix --html', () => {
  const dir = mkdtempSync(join(tmpdir(), 'matrix-html-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const verdicts = readVerdicts();

  test('each verdict other than pass links to its counterexample in the page, which shows the kept response and links to the kept files', () => {
    const page = matrixHtml(verdicts, join(ROOT, 'docs/conformance.html'));
    const links = [...page.matchAll(/<td class="cell v-(failed|explained)"><a href="#([^"]+)"/g)];
    const failing = verdicts.clients.flatMap((c) =>
      c.checks.filter((check) => check.status === 'failed' || check.status === 'explained'),
    );
    expect(links).toHaveLength(failing.length);
    for (const [, , anchor] of links) {
      const article = page.slice(
        page.indexOf(`<article class="counterexample" id="${anchor}"`),
        page.indexOf('</article>', page.indexOf(`id="${anchor}"`)),
      );
      expect(article, anchor).toMatch(/<pre class="body">/);
      expect(article, anchor).toMatch(/Kept: <a href="\.\.\/fixtures\/conformance\/[^"]+\.json">/);
    }
  });

  test('a counterexample marks the element its verdict is at in the kept response', () => {
    const check = {
      suite: 'parsing' as const,
      id: 'GS-PARSE-001' as const,
      title: 't',
      level: 'MUST' as const,
      status: 'failed' as const,
      reason: 'r',
      saved: 'x.json',
    };
    const page = (at?: Array<string | number>) =>
      matrixPage(
        { seed: 1, clients: [{ adapter: 'a', runs: 1, deviations: [], checks: [{ ...check, ...(at && { at }) }] }] },
        { linkBase: '', savedBody: () => RESPONSE },
      );
    expect(page(['ArtifactList', 0, 'URL'])).toContain(
      '<mark class="culprit" title="what the deviation is about">&lt;URL&gt;a&lt;/URL&gt;</mark>',
    );
    expect(page()).not.toContain('<mark class="culprit"');
  });

  test('the command writes it from docs/conformance.json without running a client; its links lead from where it is written', async () => {
    const file = join(dir, 'matrix.html');
    const run = await runTool(['matrix', '--html', file, '--no-run']);
    expect(run).toMatchObject({ code: 0, stdout: `wrote ${file} from docs/conformance.json\n` });
    const page = readFileSync(file, 'utf8');
    const [, href] = /Kept: <a href="([^"]+)"/.exec(page)!;
    expect(join(dir, decodeURIComponent(href)).startsWith(join(ROOT, 'fixtures/conformance/'))).toBe(true);
  });
});
