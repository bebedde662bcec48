/** Text written into an HTML page so that every character reads back as itself, in element content and in quoted attributes alike. */

const REFERENCES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  // The parser turns a raw CR (and CR LF) into LF; a reference survives as CR.
  '\r': '&#13;',
  // HTML has no way to carry NUL (a raw one is dropped, &#0; read as U+FFFD): say so visibly.
  '\0': '\uFFFD',
};

export const escapeHtml = (text: string) => text.replace(/[&<>"'\r\0]/g, (c) => REFERENCES[c]);

/**
 * A preformatted block. The parser drops one newline right after `<pre>`, so one is always written
 * there: a value that starts with a line break keeps it.
 */
export const pre = (className: string, html: string, id?: string) =>
  `<pre class="${className}"${id ? ` id="${escapeHtml(id)}"` : ''}>\n${html}</pre>`;

/**
 * Characters a reader cannot see or tell from a space (CR, NUL, a BOM, a no-break space...), drawn
 * as a visible mark that names the code point; tab and LF stay as they are. For response bodies and
 * diffs, where such a character is often the very difference.
 */
const UNSEEN =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: U+034F is listed as a character of its own, not to combine
  /[\0-\u0008\u000B-\u001F\u007F-\u00A0\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u2000-\u200F\u2028-\u202F\u205F-\u206F\u3000\uFEFF]/g;
const mark = (c: string) => {
  const code = c.charCodeAt(0);
  const name = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  // C0 controls and DEL have pictures (␍, ␀); the others are named.
  const shown = code < 0x20 ? String.fromCharCode(0x2400 + code) : code === 0x7f ? '\u2421' : `⟨${name}⟩`;
  return `<span class="unseen" title="${name}">${shown}</span>`;
};

export function visibleHtml(text: string): string {
  let html = '';
  let from = 0;
  for (const match of text.matchAll(UNSEEN)) {
    html += escapeHtml(text.slice(from, match.index)) + mark(match[0]);
    from = match.index + 1;
  }
  return html + escapeHtml(text.slice(from));
}

/** A link given by the user (a baseline entry's): web addresses only; anything else (javascript:, data:, a path) is shown as text. */
export const link = (href: string, text: string) =>
  /^https?:\/\/[^\s]+$/i.test(href) ? `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>` : escapeHtml(text);

/** A link to a file by its relative path: each segment URL-encoded, so '#', '?', ':' or a space in a name stays part of the path. */
export const fileLink = (path: string, text: string) =>
  `<a href="${escapeHtml(path.split(/[\\/]/).map(encodeURIComponent).join('/'))}">${escapeHtml(text)}</a>`;
