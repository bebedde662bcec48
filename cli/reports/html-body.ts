/**
 * The response body with the part the client got wrong pointed out: the element a finding is
 * about, as the judge gives it (`at` of a counterexample: ['ArtifactList', 0, 'Description'],
 * ['Code']). A finding about no element (the client resolved where it must fail, it hung) points
 * at nothing, since then the whole response is the point.
 */
import type { ElementPath } from '../../suites/check.ts';
import { LIST_MEMBER_ELEMENT } from '../../spec/index.ts';
import { visibleHtml } from './html-text.ts';

type Range = [number, number];

/** Where the n-th element with this local name (any namespace prefix) starts and ends inside `within`, nested ones of the same name included. */
function element(xml: string, name: string | number, within: Range): Range | undefined {
  const local = typeof name === 'number' ? LIST_MEMBER_ELEMENT : name;
  const nth = typeof name === 'number' ? name : 0;
  const tag = new RegExp(`<(/?)(?:[\\w.-]+:)?${local}(?=[\\s/>])[^>]*?(/?)>`, 'g');
  tag.lastIndex = within[0];
  let depth = 0;
  let seen = -1;
  let start = -1;
  for (let m = tag.exec(xml); m && m.index < within[1]; m = tag.exec(xml)) {
    const [text, closing, selfClosing] = m;
    if (closing) {
      if (depth > 0 && --depth === 0 && seen === nth) return [start, m.index + text.length];
    } else if (depth === 0) {
      seen++;
      if (seen === nth && selfClosing) return [m.index, m.index + text.length];
      if (seen === nth) start = m.index;
      if (!selfClosing) depth = 1;
    } else if (!selfClosing) depth++;
  }
  return undefined;
}

/** The body as HTML, with the element at `path` in a <mark>; the deepest element of the path that the body has. */
export function bodyHtml(body: string, path: ElementPath | undefined): { html: string; pointed?: string } {
  let range: Range | undefined;
  let found = 0;
  if (path) {
    let within: Range = [0, body.length];
    for (const step of path) {
      const next = element(body, step, within);
      if (!next) break;
      within = next;
      range = next;
      found++;
    }
  }
  if (!range || !path) return { html: visibleHtml(body) };
  const [start, end] = range;
  const pointed = path
    .slice(0, found)
    .map((step) => (typeof step === 'number' ? `[${step}]` : `<${step}>`))
    .join(' ');
  return {
    html: `${visibleHtml(body.slice(0, start))}<mark class="culprit" title="what the deviation is about">${visibleHtml(body.slice(start, end))}</mark>${visibleHtml(body.slice(end))}`,
    pointed,
  };
}
