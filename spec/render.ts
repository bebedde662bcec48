/**
 * What the AWS CLI prints for a GetStatus output, `--output json` and `--output text`.
 * The text layout follows awscli/text.py; the JSON layout is Python's
 * `json.dumps(indent=4, ensure_ascii=False)` over botocore's dict, whose keys come in model order.
 */
import { ARTIFACT_MEMBERS, OUTPUT_MEMBERS } from './model.ts';
import { isoformatTextOf, wireTextOf } from './timestamps.ts';
import type { GetStatusOutput, OutputStyle } from './types.ts';

type Plain = string | number | Plain[] | { [key: string]: Plain };

/** The output as the CLI holds it before printing: model order, timestamps as text in the given style. */
export function cliView(output: GetStatusOutput, style: OutputStyle): Record<string, Plain> {
  const view: Record<string, Plain> = {};
  for (const { name } of OUTPUT_MEMBERS) {
    const value = output[name];
    if (value === undefined) continue;
    if (value instanceof Date) {
      view[name] = style === 'v1' ? wireTextOf(value) : isoformatTextOf(value);
    } else if (Array.isArray(value)) {
      view[name] = value.map((artifact) => {
        const item: Record<string, string> = {};
        for (const key of ARTIFACT_MEMBERS) if (artifact[key] !== undefined) item[key] = artifact[key]!;
        return item;
      });
    } else {
      view[name] = value;
    }
  }
  return view;
}

export function renderJson(output: GetStatusOutput, style: OutputStyle): string {
  const view = cliView(output, style);
  // The CLI prints nothing at all for an empty response.
  if (Object.keys(view).length === 0) return '';
  return `${JSON.stringify(view, null, 4)}\n`;
}

const isScalar = (value: Plain) => typeof value !== 'object';
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function textRows(item: Plain, identifier: string | undefined, scalarKeys: string[] | undefined, rows: string[]): void {
  if (Array.isArray(item)) {
    if (item.length === 0) return;
    const structs = item.filter((el): el is Record<string, Plain> => typeof el === 'object' && !Array.isArray(el));
    if (structs.length > 0) {
      const keys = [...new Set(structs.flatMap((el) => Object.keys(el).filter((k) => isScalar(el[k]))))].sort(
        byCodePoint,
      );
      for (const el of item) textRows(el, identifier, keys, rows);
    } else {
      for (const el of item) rows.push(identifier ? `${identifier.toUpperCase()}\t${String(el)}` : String(el));
    }
    return;
  }
  if (typeof item !== 'object') {
    rows.push(String(item));
    return;
  }
  const scalars: string[] = [];
  const nested: [string, Plain][] = [];
  if (scalarKeys) {
    for (const key of scalarKeys) scalars.push(item[key] === undefined ? '' : String(item[key]));
    for (const key of Object.keys(item)
      .filter((k) => !scalarKeys.includes(k))
      .sort(byCodePoint))
      nested.push([key, item[key]]);
  } else {
    for (const key of Object.keys(item).sort(byCodePoint)) {
      if (isScalar(item[key])) scalars.push(String(item[key]));
      else nested.push([key, item[key]]);
    }
  }
  if (scalars.length > 0) rows.push([...(identifier ? [identifier.toUpperCase()] : []), ...scalars].join('\t'));
  for (const [key, value] of nested) textRows(value, key, undefined, rows);
}

/**
 * `--output text`: one row of the present scalar members in sorted key order, then one
 * `ARTIFACTLIST` row per artifact over the union of the artifacts' keys. Values are printed raw.
 */
export function renderText(output: GetStatusOutput, style: OutputStyle): string {
  const rows: string[] = [];
  textRows(cliView(output, style), undefined, undefined, rows);
  return rows.map((row) => `${row}\n`).join('');
}
