/**
 * The conformance matrix as one self-contained page: clients by rules, each cell's verdict linking
 * to its counterexample further down the page (the finding, the response with the member pointed
 * out, the kept files), and each counterexample to the deviation that explains it. Rendered from
 * the verdicts docs/conformance.json holds, so it can be built without running a client.
 */
import { clientLabel, matrixRows, type Deviation, type MatrixColumn } from '../../run/report.ts';
import { ruleById } from '../../spec/index.ts';
import type { ElementPath } from '../../suites/check.ts';
import { cut, TEXT_LIMIT } from '../../suites/judge.ts';
import { bodyHtml } from './html-body.ts';
import { htmlPage } from './html-page.ts';
import { escapeHtml as h, fileLink, pre } from './html-text.ts';

type MatrixCheck = MatrixColumn['checks'][number] & { reason?: string; at?: ElementPath };
export interface MatrixPageData {
  seed: number;
  clients: Array<
    Omit<MatrixColumn, 'checks'> & {
      runs: number | 'default';
      deviations: Array<Pick<Deviation, 'rule' | 'level' | 'what' | 'needs' | 'checks' | 'saved'>>;
      checks: MatrixCheck[];
    }
  >;
}

export interface MatrixPageOptions {
  /** The path from the page's folder to the folder the saved paths are relative to ('' for the same), ending in '/'. */
  linkBase: string;
  /** The response a kept counterexample holds, when it can be read. */
  savedBody?: (saved: string) => string | undefined;
}

const counterexampleId = (client: number, c: { suite: string; id: string }) => `x${client}-${c.suite}-${c.id}`;
const deviationId = (client: number, rule: string) => `d${client}-${rule}`;
const VERDICT = { passed: 'pass', failed: 'fail', explained: 'explained', skipped: 'n/a' } as const;

function cell(check: MatrixCheck | undefined, client: number): string {
  if (!check) return '<td class="cell"></td>';
  const title = check.reason ? ` title="${h(check.reason)}"` : '';
  if (check.status === 'passed' || check.status === 'skipped')
    return `<td class="cell v-${check.status}"><span${title}>${VERDICT[check.status]}</span></td>`;
  const text = check.status === 'explained' ? `→ ${(check.causes ?? []).join(' + ')}` : 'fail';
  return `<td class="cell v-${check.status}"><a href="#${h(counterexampleId(client, check))}"${title}>${h(text)}</a></td>`;
}

function savedLinks(saved: string, linkBase: string): string {
  const xml = saved.replace(/\.json$/, '.xml');
  return `<p class="saved">Kept: ${fileLink(linkBase + saved, saved)}, the response as sent: ${fileLink(linkBase + xml, xml)}</p>`;
}

function counterexample(check: MatrixCheck, client: number, options: MatrixPageOptions): string {
  const what = check.reason ?? '';
  const body = check.saved === undefined ? undefined : options.savedBody?.(check.saved);
  const shown = body === undefined ? undefined : bodyHtml(cut(body, TEXT_LIMIT), check.at);
  const causes = (check.causes ?? []).map((rule) => `<a href="#${h(deviationId(client, rule))}">${h(rule)}</a>`);
  return [
    `<article class="counterexample" id="${h(counterexampleId(client, check))}">`,
    `<h4><span class="rule">${h(check.id)}</span> <span class="badge ${check.level}">${h(check.level)}</span> ${h(check.title)}: <span class="v-${check.status}">${check.status === 'explained' ? `explained by ${causes.join(' + ')}` : 'failed'}</span></h4>`,
    `<p class="what">${h(what)}</p>`,
    shown
      ? `${pre('body', shown.html)}${shown.pointed ? `\n<p class="note">Marked: ${h(shown.pointed)}, the member the finding is about.</p>` : ''}`
      : '',
    check.saved === undefined ? '' : savedLinks(check.saved, options.linkBase),
    '</article>',
  ].join('\n');
}

function clientSection(client: MatrixPageData['clients'][number], index: number, options: MatrixPageOptions): string {
  const must = client.deviations.filter((d) => d.level === 'MUST').length;
  const deviations = client.deviations.map(
    (d) =>
      `<li id="${h(deviationId(index, d.rule))}"><span class="rule">${h(d.rule)}</span> <span class="badge ${d.level}">${d.level}</span> <span class="statement">${h(ruleById(d.rule)?.statement ?? '')}</span><br>${h(d.what)}${d.needs ? ` <span class="note">(only with ${h(d.needs.join('; '))})</span>` : ''}<br><span class="note">fails: ${h(d.checks.join(', '))}</span></li>`,
  );
  const failing = client.checks.filter((c) => c.status === 'failed' || c.status === 'explained');
  return [
    `<section class="client" id="client-${index}">`,
    `<h2>${h(clientLabel(client))}: ${client.deviations.length} deviation${client.deviations.length === 1 ? '' : 's'} (${must} MUST)</h2>`,
    deviations.length === 0
      ? '<p class="note">No deviations.</p>'
      : `<ul class="deviations">\n${deviations.join('\n')}\n</ul>`,
    failing.length === 0
      ? ''
      : `<h3>Counterexamples (${failing.length})</h3>\n${failing.map((c) => counterexample(c, index, options)).join('\n')}`,
    '</section>',
  ].join('\n');
}

export function matrixPage(data: MatrixPageData, options: MatrixPageOptions): string {
  const { seed, clients } = data;
  const header = clients.map(
    (c, i) =>
      `<tr><td><a href="#client-${i}">${h(c.adapter)}</a></td><td>${h(c.version ?? 'this package')}</td><td>${c.runs === 'default' ? "each check's default" : c.runs}</td><td>${c.deviations.length} (${c.deviations.filter((d) => d.level === 'MUST').length} MUST)</td></tr>`,
  );
  const rows = matrixRows(clients).map(
    (row) =>
      `<tr><td>${h(row.suite)}</td><td class="rule">${h(row.id)}</td><td>${h(row.level)}</td><td>${h(row.title)}</td>${row.results.map((r, i) => cell(r, i)).join('')}</tr>`,
  );
  const body = [
    '<header><h1>Conformance of real clients</h1></header>',
    `<p class="meta">One run of every suite on seed ${seed}, the generated cases per property shown for each client (getstatus-conformance matrix).</p>`,
    '<table class="clients"><thead><tr><th>client</th><th>version</th><th>runs per property</th><th>deviations</th></tr></thead>',
    `<tbody>\n${header.join('\n')}\n</tbody></table>`,
    '<h2>Matrix</h2>',
    '<p class="note">pass: the check passed; fail: it failed on its own rule (a failed SHOULD is a warning); → GS-X: it failed only through the client\'s deviation from GS-X; n/a: the check does not apply to the client. A verdict other than pass links to its counterexample.</p>',
    `<table class="matrix"><thead><tr><th>suite</th><th>rule</th><th>level</th><th>check</th>${clients.map((c) => `<th>${h(c.adapter)}</th>`).join('')}</tr></thead>`,
    `<tbody>\n${rows.join('\n')}\n</tbody></table>`,
    ...clients.map((c, i) => clientSection(c, i, options)),
  ].join('\n');
  return htmlPage('Conformance of real clients', body);
}
