/**
 * The frame of an HTML report: one file with its style and script inline, so it reads the same
 * opened from a CI artifact, offline. Its Content-Security-Policy allows that inline style and
 * script by hash and nothing else, so the page cannot load anything, whatever a value in it says.
 */
import { createHash } from 'node:crypto';
import { escapeHtml } from './html-text.ts';

const STYLE = `
:root { --fail: #b3261e; --pass: #1b6e2e; --explained: #8a5300; --skipped: #5f6368; --line: #d9d9de; --soft: #f5f5f7; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d1d20; max-width: 78rem; margin: 0 auto; padding: 1rem 1.5rem 4rem; }
h1 { font-size: 1.5rem; margin: .5rem 0; } h2 { font-size: 1.3rem; margin-top: 2.5rem; border-bottom: 2px solid var(--line); }
h3 { font-size: 1.1rem; margin-top: 2rem; } h4 { font-size: 1rem; margin: 0 0 .4rem; } h5 { font-size: .85rem; margin: .8rem 0 .2rem; color: #444; text-transform: uppercase; letter-spacing: .03em; }
code, pre, .mono { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .85rem; }
pre { background: var(--soft); border: 1px solid var(--line); border-radius: 4px; padding: .5rem .7rem; overflow-x: auto; white-space: pre-wrap; overflow-wrap: anywhere; margin: .2rem 0; }
.meta, .note { color: #555; }
.summary { font-weight: 600; font-size: 1.05rem; padding: .5rem .8rem; border-left: 4px solid var(--pass); background: var(--soft); }
.summary.failing { border-left-color: var(--fail); }
.deviation { border: 1px solid var(--line); border-left: 4px solid var(--fail); border-radius: 4px; padding: .8rem 1rem; margin: 1rem 0; }
.deviation.SHOULD { border-left-color: var(--explained); } .deviation.known { border-left-color: var(--skipped); }
.rule { font-family: ui-monospace, "DejaVu Sans Mono", monospace; white-space: nowrap; }
.badge { display: inline-block; font-size: .75rem; font-weight: 600; padding: 0 .4rem; border-radius: 3px; color: #fff; background: var(--fail); vertical-align: middle; }
.badge.SHOULD { background: var(--explained); } .badge.known { background: var(--skipped); } .badge.new { background: #7b1fa2; }
.statement { font-style: italic; }
mark.culprit { background: #ffe082; outline: 2px solid #f57f17; border-radius: 2px; }
.unseen { color: #b3261e; font-size: .75em; border: 1px dotted #b3261e; border-radius: 2px; padding: 0 1px; }
.diff .exp { background: #fde8e7; display: block; } .diff .act { background: #e3f4e6; display: block; } .diff .same { display: block; color: #555; }
.diff mark { background: #ffd54f; }
.legend .exp, .legend .act { padding: 0 .3rem; } .legend .exp { background: #fde8e7; } .legend .act { background: #e3f4e6; }
.replay { display: flex; gap: .5rem; align-items: flex-start; } .replay code { flex: 1; background: var(--soft); padding: .3rem .5rem; border-radius: 3px; overflow-wrap: anywhere; }
button { font: inherit; font-size: .85rem; padding: .2rem .7rem; cursor: pointer; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; font-size: .9rem; }
th, td { border-bottom: 1px solid var(--line); padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: var(--soft); position: sticky; top: 0; }
.v-passed { color: var(--pass); } .v-failed { color: var(--fail); font-weight: 600; } .v-explained { color: var(--explained); } .v-skipped { color: var(--skipped); }
form.filter { display: flex; flex-wrap: wrap; gap: .3rem 1rem; align-items: center; padding: .4rem .6rem; background: var(--soft); border-radius: 4px; }
.matrix td.cell { text-align: center; white-space: nowrap; }
.deviations li, .glance li { margin-bottom: .4rem; }
.counterexample:target, .deviation:target { outline: 3px solid #f57f17; }
`;

const SCRIPT = `
document.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-copy]');
  if (!button) return;
  const source = document.getElementById(button.dataset.copy);
  const say = (text) => { button.textContent = text; setTimeout(() => { button.textContent = 'copy'; }, 2000); };
  const select = () => { window.getSelection().selectAllChildren(source); say('selected: press Ctrl+C'); };
  if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(source.textContent).then(() => say('copied'), select);
  else select();
});
for (const form of document.querySelectorAll('form.filter')) {
  const rows = [...document.getElementById(form.dataset.table).tBodies[0].rows];
  const apply = () => {
    const suite = form.elements.suite.value;
    const statuses = new Set([...form.querySelectorAll('input[name=status]:checked')].map((box) => box.value));
    let shown = 0;
    for (const row of rows) {
      row.hidden = !((suite === '' || row.dataset.suite === suite) && statuses.has(row.dataset.status));
      if (!row.hidden) shown++;
    }
    form.querySelector('output').textContent = shown + ' of ' + rows.length + ' checks shown';
  };
  form.addEventListener('change', apply);
  form.addEventListener('submit', (event) => event.preventDefault());
  form.hidden = false;
}
`;

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const POLICY = `default-src 'none'; style-src ${hash(STYLE)}; script-src ${hash(SCRIPT)}; img-src data:; form-action 'none'; base-uri 'none'`;

export function htmlPage(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
</head>
<body>
${body}
<script>${SCRIPT}</script>
</body>
</html>
`;
}
