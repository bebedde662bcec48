/**
 * The HTML reports in a real browser (Debian's Chromium, tests/browser.ts), opened from file:// as
 * a CI artifact is: the report of a client with three known bugs shows its deviations, their rule
 * ids and diffs; the copy button puts the replay line on the clipboard; the filter hides passed
 * checks; the matrix page's verdicts lead to their counterexamples. No page logs an error or makes
 * a request beyond its own file. HTML_REPORT_SCREENSHOT=1 also writes docs/html-report.png.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { matrixHtml, readVerdicts } from '../../cli/commands/matrix.ts';
import { escapeHtml } from '../../cli/reports/html-text.ts';
import { ruleById } from '../../spec/index.ts';
import { launchBrowser, missingBrowser } from '../browser.ts';
import { skipWhenMissing } from '../client-availability.ts';
import { ROOT, runTool } from '../run-tool.ts';

const missing = missingBrowser();
skipWhenMissing(() => missing);

/** tests/cli/adapters/three-bugs.ts: ErrorCount 0 dropped, a zone-less CreationDate read in local time, strings trimmed. */
const RULES = ['GS-PARSE-003', 'GS-TIME-003', 'GS-COND-008'];
const dir = mkdtempSync(join(tmpdir(), 'html-report-'));
const REPORT = join(dir, 'three-bugs.html');
let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;

beforeAll(async () => {
  if (missing) return;
  const run = await runTool([
    'run',
    '--adapter',
    'tests/cli/adapters/three-bugs.ts',
    '--suite',
    'parsing,timestamps,conditional,text',
    '--runs',
    '5',
    '--reporter',
    'html',
    '--out',
    REPORT,
  ]);
  expect(run.code, run.stderr).toBe(1);
  browser = await launchBrowser();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  /** Every request the page made, and every console error or uncaught exception it showed. */
  requests: string[];
  errors: string[];
  url: string;
}

async function open(file: string): Promise<Opened> {
  const page = await browser!.context.newPage();
  const opened: Opened = { page, requests: [], errors: [], url: pathToFileURL(file).href };
  page.on('request', (request) => opened.requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') opened.errors.push(message.text());
  });
  page.on('pageerror', (error) => opened.errors.push(String(error)));
  await page.goto(opened.url);
  return opened;
}

/** After what a test did: nothing went wrong in the page, and nothing was fetched but the page's own file. */
async function closeClean({ page, requests, errors, url }: Opened) {
  await page.close();
  expect(errors).toEqual([]);
  expect(requests.filter((r) => r !== url)).toEqual([]);
}

const card = (page: Page, rule: string): Locator => page.locator(`article.deviation[id="c0-${rule}"]`);

describe('the HTML report of a client with three bugs, in a browser', () => {
  test('the deviation count, each rule with its text, the member pointed out in the response, and a diff are on screen', async () => {
    const opened = await open(REPORT);
    const { page } = opened;
    expect(await page.locator('.summary').innerText()).toMatch(/^3 deviations \(3 MUST\): \d+ passed/);
    expect(await page.locator('article.deviation:visible').count()).toBe(3);
    for (const rule of RULES) {
      expect(await card(page, rule).locator('h4 .rule').innerText()).toBe(rule);
      expect(await card(page, rule).locator('.statement').innerText()).toBe(ruleById(rule)!.statement);
      expect(await card(page, rule).locator('pre.diff').isVisible(), rule).toBe(true);
    }
    const time = card(page, 'GS-TIME-003');
    expect(await time.locator('pre.diff .exp').innerText()).toContain('1970-01-01T00:00:00.000Z');
    expect(await time.locator('pre.diff .act').innerText()).toContain('1970-01-01T03:30:00.000Z');
    expect(await time.locator('pre.diff .act mark').isVisible()).toBe(true);
    expect(await card(page, 'GS-COND-008').locator('mark.culprit').innerText()).toBe('<ErrorCount>0</ErrorCount>');
    expect(await time.locator('mark.culprit').innerText()).toMatch(
      /^<CreationDate>1970-01-01T00:00:00<\/CreationDate>$/,
    );
    // A title with a character reference in it is shown as written.
    expect(await page.locator('#c0-checks tr', { hasText: 'GS-PARSE-004' }).locator('td').nth(3).innerText()).toContain(
      '&#13; kept',
    );
    if (process.env.HTML_REPORT_SCREENSHOT) {
      await page.setViewportSize({ width: 1100, height: 1330 });
      await page.screenshot({ path: join(ROOT, 'docs/html-report.png') });
    }
    await closeClean(opened);
  });

  test('the copy button puts the replay line on the clipboard', async () => {
    const opened = await open(REPORT);
    const deviation = card(opened.page, 'GS-COND-008');
    const replay = await deviation.locator('.replay code').innerText();
    expect(replay).toMatch(
      /^npx getstatus-conformance run --adapter tests\/cli\/adapters\/three-bugs\.ts --suite \w+ --check GS-COND-008 --seed 42 --path \S+$/,
    );
    await deviation.locator('.replay button').click();
    await deviation.locator('.replay button', { hasText: 'copied' }).waitFor();
    expect(await opened.page.evaluate(() => navigator.clipboard.readText())).toBe(replay);
    await closeClean(opened);
  });

  test('the status filter hides passed checks, the suite filter other suites', async () => {
    const opened = await open(REPORT);
    const { page } = opened;
    const rows = page.locator('#c0-checks tbody tr');
    const verdicts = async () =>
      (await rows.locator('td:nth-child(5):visible').allInnerTexts()).map((v) => v.split(' ')[0]);
    const all = await verdicts();
    expect(all).toContain('passed');
    await page.locator('form.filter input[value="passed"]').uncheck();
    const shown = await verdicts();
    expect(shown.length).toBeGreaterThan(0);
    expect(shown).toEqual(all.filter((v) => v !== 'passed'));
    expect(await page.locator('form.filter output').innerText()).toBe(`${shown.length} of ${all.length} checks shown`);
    await page.locator('form.filter input[value="passed"]').check();
    await page.locator('form.filter select[name="suite"]').selectOption('timestamps');
    const suites = await rows.locator('td:nth-child(1):visible').allInnerTexts();
    expect(suites.length).toBeGreaterThan(0);
    expect(new Set(suites)).toEqual(new Set(['timestamps']));
    await closeClean(opened);
  });

  test('every character HTML treats specially, escaped, reads back as itself in text and in an attribute', async () => {
    const page = await browser!.context.newPage();
    const special = `& < > " ' \r \r\n &amp; &#13; &#x80; &nbsp <script>alert(1)</script> </p> <!-- x --> ]]>`;
    await page.setContent(`<p id="t" title="${escapeHtml(special)}">${escapeHtml(special)}</p>`);
    expect(
      await page.locator('#t').evaluate((p) => [p.textContent, p.getAttribute('title'), p.children.length]),
    ).toEqual([special, special, 0]);
    await page.close();
  });
});

test('the matrix page in a browser: a verdict leads to its counterexample, with the response the client got wrong', async () => {
  const file = join(dir, 'matrix.html');
  writeFileSync(file, matrixHtml(readVerdicts(), file));
  const opened = await open(file);
  const { page } = opened;
  const fail = page.locator('table.matrix td.v-failed a').first();
  const anchor = (await fail.getAttribute('href'))!;
  await fail.click();
  expect(page.url()).toBe(`${opened.url}${anchor}`);
  const target = page.locator('article.counterexample:target');
  expect(await target.getAttribute('id')).toBe(anchor.slice(1));
  expect(await target.locator('pre.body').isVisible()).toBe(true);
  // Navigating within the page is the one request allowed besides the file itself.
  opened.requests = opened.requests.map((r) => r.replace(/#.*$/, ''));
  await closeClean(opened);
});
