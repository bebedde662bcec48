/**
 * Data flows one way: spec ← generators ← harness ← adapters ← suites ← run ← cli and api. A
 * layer imports only the layers below it, so the library (api/) never rests on the command line
 * and nothing below the suites knows of them. Every import of every source file is read here,
 * the dynamic ones too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Lowest first; cli and api share a rank, so neither imports the other. */
const RANK: Record<string, number> = {
  spec: 0,
  generators: 1,
  harness: 2,
  adapters: 3,
  suites: 4,
  run: 5,
  cli: 6,
  api: 6,
};
const LAYERS = Object.keys(RANK);

const sources = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|js|mjs|cjs)$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));

/** The layer a file belongs to, by its top-level directory; undefined outside the layers (node_modules, tests, bench). */
const layerOf = (path: string) => {
  const top = path.split(sep)[0];
  return top in RANK ? top : undefined;
};

/** Each relative import of a file, as `file → layer/…` when it reaches a layer the file's own may not import. */
function layerViolations(file: string, text: string): string[] {
  const from = layerOf(file)!;
  const { importedFiles } = ts.preProcessFile(text, true, true);
  return importedFiles
    .map((i) => i.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => relative(ROOT, resolve(ROOT, dirname(file), name)))
    .filter((target) => {
      const to = layerOf(target);
      return to !== undefined && to !== from && RANK[to] >= RANK[from];
    })
    .map((target) => `${file} → ${target}`);
}

test('every source file imports only the layers below its own', () => {
  const files = LAYERS.flatMap(sources);
  expect(files.length).toBeGreaterThan(100);
  expect(files.flatMap((f) => layerViolations(f, readFileSync(join(ROOT, f), 'utf8')))).toEqual([]);
});

test.each([
  ['api/ importing cli/', 'api/x.ts', "import { UsageError } from '../cli/command.ts';"],
  ['suites/ importing cli/', 'suites/x.ts', "export { run } from '../cli/commands/run.ts';"],
  ['suites/ importing api/', 'suites/x.ts', "import type { Report } from '../api/index.ts';"],
  ['suites/ importing run/', 'suites/x.ts', "const m = await import('../run/report.ts');"],
  ['harness/ importing adapters/', 'harness/x.ts', "import {\n  loadAdapter,\n} from '../adapters/index.ts';"],
  ['harness/ importing suites/', 'harness/x.ts', "import '../suites/config.ts';"],
  ['run/ importing cli/', 'run/x.ts', "import { EXIT } from '../cli/command.ts';"],
  ['spec/ importing generators/', 'spec/x.ts', "import { caseArbitrary } from '../generators/index.ts';"],
  ['generators/ importing harness/', 'generators/x.ts', "import { Harness } from '../harness/index.ts';"],
])('%s is caught', (_, file, text) => {
  expect(layerViolations(file, text)).toHaveLength(1);
});

test('docs/ARCHITECTURE.md draws these layers, highest first', () => {
  const doc = readFileSync(join(ROOT, 'docs', 'ARCHITECTURE.md'), 'utf8');
  const drawing = doc.slice(doc.indexOf('```'), doc.indexOf('```', doc.indexOf('```') + 3));
  const drawn = [...drawing.matchAll(/\b([a-z]+)\/(?=\s)/g)].map((m) => m[1]);
  expect([...drawn].sort()).toEqual([...LAYERS].sort());
  expect(drawn.map((layer) => RANK[layer])).toEqual(drawn.map((layer) => RANK[layer]).sort((a, b) => b - a));
});

test('imports downwards and within a layer pass', () => {
  const text = "import { x } from './y.ts';\nimport { RULES } from '../spec/index.ts';\nimport fc from 'fast-check';";
  expect(layerViolations('suites/x.ts', text)).toEqual([]);
});
