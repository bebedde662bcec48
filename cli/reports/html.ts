/**
 * The HTML report: one self-contained page to keep as a CI artifact. Each client's summary, its
 * deviations (rule text, the response with the part the client got wrong pointed out, expected
 * against actual, the replay line with a copy button), known, new and fixed apart with a
 * baseline, and every check's verdict in a table filterable by suite and status.
 * Everything shown is escaped; long values are cut as in the other reports.
 */
import type { KnownDeviation } from '../../run/baseline.ts';
import { clientLabel, runsLabel, summaryLine, type Deviation, type Report } from '../../run/report.ts';
import { ruleById } from '../../spec/index.ts';
import type { CheckResult } from '../../suites/check.ts';
import { cut, TEXT_LIMIT, VALUE_LIMIT } from '../../suites/judge.ts';
import { bodyHtml } from './html-body.ts';
import { diffHtml } from './html-diff.ts';
import { htmlPage } from './html-page.ts';
import { escapeHtml as h, fileLink, link, pre } from './html-text.ts';

const STATUSES = ['passed', 'failed', 'explained', 'skipped'] as const;
const MAX_ERRORS = 20;

/** Ids are made of the client's place and the rule, so the same report gives the same page. */
const ids = (client: number) => ({
  section: `c${client}`,
  deviation: (rule: string) => `c${client}-${rule}`,
  checks: `c${client}-checks`,
});

/** A baseline entry's reason, and its link when it has one. */
const entryNote = (e: { reason: string; link?: string }) =>
  `${h(e.reason)}${e.link ? ` (${link(e.link, e.link)})` : ''}`;

function savedLinks(saved: string | undefined): string {
  if (saved === undefined) return '';
  const xml = saved.replace(/\.json$/, '.xml');
  return `<p class="saved">Kept: ${fileLink(saved, saved)}${xml !== saved ? `, the response as sent: ${fileLink(xml, xml)}` : ''}</p>`;
}

function response(d: Deviation): string {
  const ce = d.counterexample;
  if (!ce) return '';
  const { html, pointed } = bodyHtml(cut(ce.body, TEXT_LIMIT), ce.at);
  const headers = Object.entries(ce.headers).map(([k, v]) => `${k}: ${cut(v, VALUE_LIMIT)}`);
  return [
    '<h5>Response</h5>',
    `<p class="mono">request ${h(cut(JSON.stringify(ce.request), TEXT_LIMIT))}: HTTP ${ce.status}${ce.fault ? `, transport fault ${h(JSON.stringify(ce.fault))}` : ''}</p>`,
    headers.length > 0 ? pre('headers', h(headers.join('\n'))) : '',
    pre('body', html),
    pointed ? `<p class="note">Marked: ${h(pointed)}, the member the deviation is about.</p>` : '',
    '<h5>Expected against actual</h5>',
    '<p class="legend note"><span class="exp">- expected</span> <span class="act">+ actual</span></p>',
    pre('diff', diffHtml(ce.expected, ce.actual)),
  ].join('\n');
}

function deviationCard(d: Deviation, client: number, tag: { known?: KnownDeviation; isNew?: boolean }): string {
  const id = ids(client).deviation(d.rule);
  const rule = ruleById(d.rule);
  const others = d.checks.filter((c) => c !== d.rule);
  const badge = tag.known
    ? '<span class="badge known">known</span>'
    : tag.isNew
      ? '<span class="badge new">new</span>'
      : '';
  return [
    `<article class="deviation ${d.level}${tag.known ? ' known' : ''}" id="${h(id)}">`,
    `<h4><span class="rule">${h(d.rule)}</span> <span class="badge ${d.level}">${d.level}</span> ${badge}</h4>`,
    rule ? `<p class="statement">${h(rule.statement)}</p>` : '',
    `<p class="what">${h(cut(d.what, TEXT_LIMIT))}</p>`,
    d.needs ? `<p class="note">Only with: ${h(d.needs.join('; '))}</p>` : '',
    others.length > 0 ? `<p class="note">Also fails: ${h(others.join(', '))} (explained by this deviation)</p>` : '',
    tag.known ? `<p class="note">In the baseline: ${entryNote(tag.known)}</p>` : '',
    response(d),
    d.replay
      ? `<h5>Replay</h5>\n<p class="replay"><code id="${h(id)}-replay">${h(d.replay)}</code> <button type="button" data-copy="${h(id)}-replay">copy</button></p>`
      : '',
    savedLinks(d.saved),
    '</article>',
  ].join('\n');
}

const cards = (deviations: Deviation[], client: number, report: Report, none: string) =>
  deviations.length === 0
    ? `<p class="note">${h(none)}</p>`
    : deviations
        .map((d) => {
          const known = report.baseline?.known.find((k) => k.rule === d.rule);
          return deviationCard(d, client, {
            known,
            isNew: report.baseline !== undefined && !known && d.level === 'MUST',
          });
        })
        .join('\n');

/** Without a baseline, the deviations; with one, new (they fail the run), known, and listed ones no longer found. */
function deviationSections(report: Report, client: number): string {
  const { baseline, deviations } = report;
  if (!baseline)
    return `<h3>Deviations (${deviations.length})</h3>\n${cards(deviations, client, report, 'No deviations.')}`;
  const known = deviations.filter((d) => baseline.known.some((k) => k.rule === d.rule));
  const fresh = deviations.filter((d) => !known.includes(d));
  const fixed = baseline.fixed.map((e) => `<li><span class="rule">${h(e.rule)}</span>: ${entryNote(e)}</li>`);
  return [
    `<h3>New deviations (${fresh.length})</h3>`,
    cards(fresh, client, report, 'None: every deviation is in the baseline.'),
    `<h3>Known deviations, in the baseline (${known.length})</h3>`,
    cards(known, client, report, 'None.'),
    `<h3>Fixed: in the baseline, no longer found (${baseline.fixed.length})</h3>`,
    fixed.length === 0
      ? '<p class="note">None.</p>'
      : `<p class="note">Take ${fixed.length === 1 ? 'it' : 'them'} out of the baseline${baseline.strict ? ' (--strict-baseline fails the run until then)' : ''}.</p>\n<ul class="fixed">${fixed.join('\n')}</ul>`,
  ].join('\n');
}

function verdictCell(c: CheckResult, report: Report, client: number): string {
  const card = (rule: string) =>
    report.deviations.some((d) => d.rule === rule)
      ? `<a href="#${h(ids(client).deviation(rule))}">${h(rule)}</a>`
      : h(rule);
  const known = c.status === 'failed' && report.baseline?.known.some((k) => k.rule === c.id);
  if (c.status === 'explained') return `explained by ${(c.causes ?? []).map(card).join(' + ')}`;
  if (c.status === 'failed')
    return `${report.deviations.some((d) => d.rule === c.id) ? `<a href="#${h(ids(client).deviation(c.id))}">failed</a>` : 'failed'}${known ? ' (known)' : c.level === 'SHOULD' ? ' (a warning)' : ''}`;
  return c.status;
}

function checksTable(report: Report, client: number): string {
  const { checks } = ids(client);
  const suites = [...new Set(report.checks.map((c) => c.suite))];
  const count = (status: string) => report.checks.filter((c) => c.status === status).length;
  const rows = report.checks.map(
    (c) =>
      `<tr data-suite="${h(c.suite)}" data-status="${c.status}"><td>${h(c.suite)}</td><td class="rule">${h(c.id)}</td><td>${c.level}</td><td>${h(c.title)}</td><td class="v-${c.status}">${verdictCell(c, report, client)}</td><td>${c.cases}</td><td>${h(cut(c.reason ?? '', TEXT_LIMIT))}</td></tr>`,
  );
  return [
    `<h3>Checks (${report.checks.length})</h3>`,
    `<form class="filter" data-table="${checks}" hidden>`,
    `<label>Suite <select name="suite"><option value="">all</option>${suites.map((s) => `<option value="${h(s)}">${h(s)}</option>`).join('')}</select></label>`,
    `<span>Status ${STATUSES.map((s) => `<label><input type="checkbox" name="status" value="${s}" checked> ${s} (${count(s)})</label>`).join(' ')}</span>`,
    `<output>${report.checks.length} of ${report.checks.length} checks shown</output>`,
    '</form>',
    `<table id="${checks}"><thead><tr><th>suite</th><th>rule</th><th>level</th><th>check</th><th>verdict</th><th>cases</th><th>detail</th></tr></thead>`,
    `<tbody>\n${rows.join('\n')}\n</tbody></table>`,
  ].join('\n');
}

function errorList(errors: string[] | undefined): string {
  if (!errors) return '';
  const shown = errors.slice(0, MAX_ERRORS).map((e) => `<li>${pre('error', h(cut(e, TEXT_LIMIT)))}</li>`);
  const more =
    errors.length > MAX_ERRORS ? `<li>… ${errors.length - MAX_ERRORS} more (the JSON report has them all)</li>` : '';
  return `<h3>Errors outside any check (${errors.length})</h3>\n<ul class="errors">${shown.join('\n')}${more}</ul>`;
}

/** One line a deviation, linking to its details: long findings cut as the pretty report cuts them. */
function glance(report: Report, client: number): string {
  if (report.deviations.length === 0) return '';
  const items = report.deviations.map((d) => {
    const known = report.baseline?.known.some((k) => k.rule === d.rule);
    const tag = known ? ' known' : report.baseline && d.level === 'MUST' ? ' new' : '';
    return `<li><a class="rule" href="#${h(ids(client).deviation(d.rule))}">${h(d.rule)}</a> ${d.level}${tag}: ${h(cut(d.what, VALUE_LIMIT))}</li>`;
  });
  return `<ul class="glance">\n${items.join('\n')}\n</ul>`;
}

function clientSection(report: Report, client: number, several: boolean): string {
  const failing = report.summary.must > 0 || report.errors !== undefined;
  return [
    `<section class="client" id="${ids(client).section}">`,
    several ? `<h2>${h(clientLabel(report))}</h2>` : '',
    `<p class="meta">Adapter ${h(clientLabel(report))}${report.version ? ` (${h(report.version)})` : ''}, seed ${report.seed}, ${h(runsLabel(report))}</p>`,
    `<p class="summary${failing ? ' failing' : ''}">${h(summaryLine(report))}</p>`,
    glance(report, client),
    errorList(report.errors),
    deviationSections(report, client),
    checksTable(report, client),
    '</section>',
  ].join('\n');
}

export function htmlReport(reports: Report[]): string {
  const several = reports.length > 1;
  const title = `GetStatus conformance: ${reports.map(clientLabel).join(', ')}`;
  const overview = several
    ? `<ul class="overview">${reports.map((r, i) => `<li><a href="#${ids(i).section}">${h(clientLabel(r))}</a>: ${h(summaryLine(r))}</li>`).join('\n')}</ul>`
    : '';
  const body = [
    `<header><h1>${h(title)}</h1></header>`,
    overview,
    ...reports.map((r, i) => clientSection(r, i, several)),
  ]
    .filter(Boolean)
    .join('\n');
  return htmlPage(title, body);
}
