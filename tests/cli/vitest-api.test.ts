/**
 * `describeConformance` in a user's own vitest run, as the user meets it: a failure's replay line
 * runs as printed, and a baseline makes a known deviation expected and a fixed one fail when strict.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../run-tool.ts';

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}
const run = (args: string[], cwd: string) =>
  new Promise<Ran>((resolve) => {
    execFile(
      process.execPath,
      args,
      { cwd, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
      },
    );
  });

const project = mkdtempSync(join(tmpdir(), 'vitest-api-'));
afterAll(() => rmSync(project, { recursive: true, force: true }));

const API = JSON.stringify(join(ROOT, 'api/vitest.ts'));
const ONLY = "suites: ['conditional'], checks: ['GS-COND-008']";
const FILES: Record<string, string> = {
  'package.json': '{"name": "my-client-conformance", "private": true, "type": "module"}\n',
  'my-adapter.ts': `import { referenceAdapter } from ${JSON.stringify(join(ROOT, 'api/index.ts'))};
export default {
  ...referenceAdapter,
  name: 'my-client',
  async getStatus(request, context) {
    const result = await referenceAdapter.getStatus(request, context);
    if (result.output.ErrorCount === 0) delete result.output.ErrorCount;
    return result;
  },
};
`,
  'known.json': JSON.stringify({ known: [{ rule: 'GS-COND-008', client: 'my-client', reason: 'drops ErrorCount 0' }] }),
  'by-path.test.ts': `import { describeConformance } from ${API};
describeConformance({ adapter: './my-adapter.ts', ${ONLY} });
`,
  'by-object.test.ts': `import { describeConformance } from ${API};
import myClient from './my-adapter.ts';
describeConformance({ adapter: myClient, module: './my-adapter.ts', ${ONLY} });
`,
  'known.test.ts': `import { describeConformance } from ${API};
describeConformance({ adapter: './my-adapter.ts', ${ONLY}, baseline: 'known.json' });
`,
  'fixed-strict.test.ts': `import { describeConformance } from ${API};
describeConformance({ adapter: 'reference', ${ONLY}, baseline: { known: [{ rule: 'GS-COND-008', client: 'reference', reason: 'was dropped' }] }, strictBaseline: true });
`,
  'fixed.test.ts': `import { describeConformance } from ${API};
describeConformance({ adapter: 'reference', ${ONLY}, baseline: { known: [{ rule: 'GS-COND-008', client: 'reference', reason: 'was dropped' }] } });
`,
};

interface Assertion {
  title: string;
  status: string;
  failureMessages: string[];
}
let byFile: Record<string, Assertion[]>;

beforeAll(async () => {
  for (const [name, body] of Object.entries(FILES)) writeFileSync(join(project, name), body);
  const vitest = await run(
    [
      join(ROOT, 'node_modules/vitest/vitest.mjs'),
      'run',
      '--root',
      project,
      '--testTimeout',
      '120000',
      '--reporter',
      'json',
      '--outputFile',
      'results.json',
    ],
    project,
  );
  expect(vitest.code, vitest.stderr).toBe(1);
  const results = JSON.parse(readFileSync(join(project, 'results.json'), 'utf8')) as {
    testResults: Array<{ name: string; assertionResults: Assertion[] }>;
  };
  byFile = Object.fromEntries(results.testResults.map((r) => [r.name.slice(project.length + 1), r.assertionResults]));
}, 150_000);

describe('describeConformance', () => {
  test.each(['by-path.test.ts', 'by-object.test.ts'])(
    '%s: the failure prints a replay line naming the module, and it runs',
    async (file) => {
      const [check] = byFile[file];
      expect(check).toMatchObject({ title: expect.stringMatching(/^GS-COND-008 /), status: 'failed' });
      const line = /replay: (npx getstatus-conformance .*)/.exec(check.failureMessages[0])?.[1];
      expect(line).toMatch(
        /^npx getstatus-conformance run --adapter \.\/my-adapter\.ts --suite conditional --check GS-COND-008 --seed 42 --path \S+$/,
      );
      const replay = await run(
        [
          join(ROOT, 'cli/bin.js'),
          ...line!.replace(/^npx getstatus-conformance /, '').split(' '),
          '--reporter',
          'json',
        ],
        project,
      );
      expect(replay.code, replay.stderr).toBe(1);
      expect(JSON.parse(replay.stdout)).toMatchObject({ adapter: 'my-client', deviations: [{ rule: 'GS-COND-008' }] });
    },
  );

  test('a deviation the baseline lists is expected: its check is skipped with the reason, and nothing fails', () => {
    expect(byFile['known.test.ts'].map((a) => [a.title.split(' ')[0], a.status])).toEqual([
      ['GS-COND-008', 'skipped'],
      ['every', 'passed'],
    ]);
  });

  test('an entry no longer found fails the baseline test under strictBaseline, and is only noted without it', () => {
    const strict = byFile['fixed-strict.test.ts'];
    expect(strict.map((a) => a.status)).toEqual(['passed', 'failed']);
    expect(strict[1].failureMessages[0]).toMatch(
      /^Error: fixed: GS-COND-008 \(was dropped\) in the baseline but no longer found; take it out of the baseline/,
    );
    expect(byFile['fixed.test.ts'].map((a) => a.status)).toEqual(['passed', 'skipped']);
  });
});
