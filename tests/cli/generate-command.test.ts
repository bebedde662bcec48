/** `getstatus-conformance generate` as a user runs it: reproducible directories whose cases `render` agrees with. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTool } from '../run-tool.ts';
import { readResponseFile } from '../../cli/commands/render.ts';
import { parseGetStatusResponse, renderJson } from '../../spec/index.ts';

const cli = (...args: string[]) => runTool(args, { timeoutMs: 60_000 });

const scratch = mkdtempSync(join(tmpdir(), 'generate-command-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Every file of a directory, name → bytes. */
const snapshot = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => [name, readFileSync(join(dir, name))]),
  );

describe('generate --kind valid --count 200 --seed 7 --out DIR', () => {
  const first = join(scratch, 'first');
  const second = join(scratch, 'second');
  let files: Record<string, Buffer>;
  let cases: string[];

  beforeAll(async () => {
    const runs = await Promise.all(
      [first, second].map((dir) => cli('generate', '--kind', 'valid', '--count', '200', '--seed', '7', '--out', dir)),
    );
    for (const run of runs) expect(run).toMatchObject({ code: 0, stderr: '' });
    files = snapshot(first);
    cases = Object.keys(files)
      .filter((n) => n.endsWith('.xml'))
      .map((n) => n.slice(0, -'.xml'.length));
  });

  it('writes 200 cases, each as NAME.xml and NAME.json', () => {
    expect(cases).toHaveLength(200);
    expect(Object.keys(files).sort()).toEqual(cases.flatMap((name) => [`${name}.json`, `${name}.xml`]).sort());
  });

  it('writes identical directories twice', () => {
    expect(snapshot(second)).toEqual(files);
  });

  /** The output a stored valid case names: its only one, or, for a spelling the service never sends, the one beside failing. */
  const storedOutput = (name: string) => {
    const stored = JSON.parse(files[`${name}.json`].toString('utf8'));
    expect(stored).toMatchObject({ kind: 'valid', status: 200 });
    if (stored.expected.outcome === 'output') return stored.expected.output;
    expect(stored.expected).toMatchObject({ outcome: 'fail-or-tolerated', accept: [expect.any(Object)] });
    expect(['GS-TIME-004', 'GS-PARSE-006']).toContain(stored.expected.rule);
    return stored.expected.accept[0];
  };

  it('every .xml reads, through render, as the output its .json names', () => {
    for (const name of cases) {
      const response = readResponseFile(join(first, `${name}.xml`));
      const rendered = renderJson(parseGetStatusResponse(response.body, response.status), 'v2');
      expect({ name, output: rendered === '' ? {} : JSON.parse(rendered) }).toEqual({
        name,
        output: storedOutput(name),
      });
    }
  });

  it('the render command itself prints those outputs (a sample, as child processes)', async () => {
    const sample = cases.filter((_, i) => i % 20 === 0);
    const runs = await Promise.all(
      sample.map((name) => cli('render', join(first, `${name}.xml`), '--format', 'json', '--style', 'v2')),
    );
    runs.forEach((run, i) => {
      expect(run.code).toBe(0);
      expect(run.stdout === '' ? {} : JSON.parse(run.stdout)).toEqual(storedOutput(sample[i]));
    });
  });
});

describe.concurrent('generate without --out', () => {
  it('prints one case, its JSON then its body, and the same again for the same seed (42 by default)', async () => {
    const [plain, seeded] = await Promise.all([
      cli('generate', '--kind', 'invalid'),
      cli('generate', '--kind', 'invalid', '--seed', '42'),
    ]);
    expect(plain.code).toBe(0);
    expect(plain.stderr).toBe('');
    expect(seeded.stdout).toBe(plain.stdout);
    const end = plain.stdout.indexOf('\n}\n') + 3;
    const stored = JSON.parse(plain.stdout.slice(0, end));
    expect(stored.kind).toBe('invalid');
    expect(stored.label).toMatch(/^GS-[A-Z]+-\d{3}$/);
  });

  it('fault cases name their fault', async () => {
    const run = await cli('generate', '--kind', 'fault', '--seed', '3');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/"kind": "fault"/);
  });
});

describe.concurrent('bad values', () => {
  const usage = [
    { case: '--kind bogus', args: ['generate', '--kind', 'bogus'] },
    { case: 'no --kind', args: ['generate'] },
    { case: '--count abc', args: ['generate', '--kind', 'valid', '--count', 'abc'] },
    { case: '--count 0', args: ['generate', '--kind', 'valid', '--count', '0'] },
    { case: '--seed x', args: ['generate', '--kind', 'valid', '--seed', 'x'] },
    { case: '--count 5 without --out', args: ['generate', '--kind', 'valid', '--count', '5'] },
    { case: 'an unknown flag', args: ['generate', '--kind', 'valid', '--bogus'] },
  ];
  it.each(usage)('$case: exit 2, one line on stderr, nothing on stdout', async ({ args }) => {
    const run = await cli(...args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^getstatus-conformance: [^\n]+\n$/);
  });
});
