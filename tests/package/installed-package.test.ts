/**
 * The package as a client's team gets it: `npm pack`, installed from the tarball into an empty
 * project, then the command and the README's Library API examples run there, both ways, and
 * type-check against the declarations the tarball ships.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { ROOT } from '../run-tool.ts';

const scratch = mkdtempSync(join(tmpdir(), 'installed-package-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

function run(file: string, args: string[], cwd: string): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      {
        cwd,
        encoding: 'utf8',
        timeout: 240_000,
        maxBuffer: 64 << 20,
        env: { ...process.env, npm_config_fund: 'false', npm_config_audit: 'false' },
      },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
      },
    );
  });
}

/** The README's Library API examples, by the file name on their first line. */
function readmeExamples(): Record<string, string> {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(
    readme.indexOf('## Library API'),
    readme.indexOf('\n## ', readme.indexOf('## Library API') + 1),
  );
  return Object.fromEntries(
    [...section.matchAll(/```(?:js|ts)\n\/\/ (\S+)\n([\s\S]*?)```/g)].map(([, name, body]) => [name, body]),
  );
}

/**
 * The client the examples plug in: the reference with one bug, which the baseline lists; its
 * interface from the subpath the README's adapter example imports it from.
 */
const MY_ADAPTER = `import { referenceAdapter } from 'getstatus-conformance';
import type { ClientAdapter } from 'getstatus-conformance/spec/types.ts';

export default {
  ...referenceAdapter,
  name: 'my-client',
  async getStatus(request, context) {
    const result = await referenceAdapter.getStatus(request, context);
    if (result.output.ErrorCount === 0) delete result.output.ErrorCount;
    return result;
  },
} satisfies ClientAdapter;
`;
const BASELINE = { known: [{ rule: 'GS-COND-008', client: 'my-client', reason: 'drops ErrorCount 0' }] };
/** A strict TypeScript set-up, as a vitest project has, with the declarations the tarball ships. */
const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    noEmit: true,
    allowImportingTsExtensions: true,
    allowJs: true,
    checkJs: true,
    types: [],
  },
  files: ['conformance.mjs', 'conformance.test.ts', 'my-adapter.ts'],
};

test('npm pack, installed in an empty project: the command runs, and the README examples run both ways', async () => {
  const packed = await run('npm', ['pack', '--json', '--pack-destination', scratch], ROOT);
  expect(packed.code).toBe(0);
  const [{ filename, files }] = JSON.parse(packed.stdout) as Array<{
    filename: string;
    files: Array<{ path: string }>;
  }>;
  const paths = files.map((f) => f.path);
  expect(paths).toEqual(
    expect.arrayContaining([
      'cli/bin.js',
      'api/index.js',
      'api/vitest.ts',
      'types/api/index.d.ts',
      'suites/parsing.test.ts',
      'fixtures/seed/response.xml',
      'adapters/aws_cli_driver.py',
      'examples/python-boto3/get_status_client.py',
    ]),
  );
  expect(paths.filter((p) => /^(tests|docs|bench|fixtures\/(?!seed\/|regressions\/))/.test(p))).toEqual([]);

  const project = join(scratch, 'project');
  const examples = readmeExamples();
  expect(Object.keys(examples).sort()).toEqual(['conformance.mjs', 'conformance.test.ts', 'vitest.config.ts']);
  mkdirSync(project);
  writeFileSync(
    join(project, 'package.json'),
    '{"name": "my-client-conformance", "private": true, "type": "module"}\n',
  );
  const installed = await run(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', join(scratch, filename)],
    project,
  );
  expect(installed.stderr).not.toMatch(/ERR!/);
  expect(installed.code).toBe(0);

  // The command, with nothing but the package installed: the reference, every suite.
  const command = await run('npx', ['--offline', 'getstatus-conformance', '--runs', '5'], project);
  expect(command.stdout).toMatch(/^0 deviations \(0 MUST\): \d+ passed, 0 failed/m);
  expect(
    command.stdout.match(/^(parsing|timestamps|conditional|text|errors|requests|robustness|authentication)$/gm),
  ).toHaveLength(8);
  expect(command.code).toBe(0);

  for (const [name, body] of Object.entries(examples)) writeFileSync(join(project, name), body);
  writeFileSync(join(project, 'my-adapter.ts'), MY_ADAPTER);
  writeFileSync(join(project, 'known-deviations.json'), JSON.stringify(BASELINE));
  writeFileSync(join(project, 'tsconfig.json'), JSON.stringify(TSCONFIG));

  // runConformance: the bug is the baseline's one known deviation, so the program exits 0.
  const library = await run(process.execPath, ['conformance.mjs'], project);
  expect(library.stdout).toMatch(/^GS-COND-008 MUST ErrorCount: the response carries 0, but the client dropped it/m);
  expect(library.stdout).toContain(
    `\n${JSON.stringify({ strict: false, known: [{ rule: 'GS-COND-008', level: 'MUST', reason: 'drops ErrorCount 0' }], new: [], fixed: [] })}\n`,
  );
  expect(library.code).toBe(0);

  // The user's own vitest run, with its own reporter: the one check of the bug fails, the rest pass.
  const vitest = await run(
    'npx',
    ['--offline', 'vitest', 'run', '--reporter=json', '--outputFile=results.json'],
    project,
  );
  expect(vitest.code).toBe(1);
  const results = JSON.parse(readFileSync(join(project, 'results.json'), 'utf8')) as {
    testResults: Array<{ assertionResults: Array<{ title: string; status: string; ancestorTitles: string[] }> }>;
  };
  const checks = results.testResults.flatMap((r) => r.assertionResults);
  expect(new Set(checks.map((c) => c.ancestorTitles[0]))).toEqual(new Set(['parsing', 'conditional']));
  expect(checks.filter((c) => c.status !== 'passed').map((c) => c.title)).toEqual([
    expect.stringMatching(/^GS-COND-008 /),
  ]);
  expect(checks.length).toBeGreaterThan(10);

  // The examples type-check, strictly, against the shipped declarations.
  const tsc = await run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', '.'], project);
  expect(tsc.stdout).toBe('');
  expect(tsc.code).toBe(0);
}, 150_000);

test("installed from the git repository (git+file: at this checkout's commit), as the README's Set-up says: npm builds it, and the command and its declarations are there", async () => {
  const head = await run('git', ['rev-parse', 'HEAD'], ROOT);
  expect(head.code).toBe(0);
  const project = join(scratch, 'from-git');
  mkdirSync(project);
  writeFileSync(
    join(project, 'package.json'),
    '{"name": "my-client-conformance", "private": true, "type": "module"}\n',
  );
  const spec = `git+file://${ROOT.replace(/\/$/, '')}#${head.stdout.trim()}`;
  const installed = await run(
    'npm',
    ['install', '--save-dev', '--prefer-offline', '--no-audit', '--no-fund', spec],
    project,
  );
  expect(installed.stderr).not.toMatch(/ERR!/);
  expect(installed.code).toBe(0);
  expect(JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')).devDependencies['getstatus-conformance']).toBe(
    spec,
  );
  // The declarations come from the package's prepare script, run by npm on the clone.
  const declarations = readFileSync(join(project, 'node_modules/getstatus-conformance/types/api/index.d.ts'), 'utf8');
  expect(declarations).toContain('runConformance');

  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const versioned = await run('npx', ['--offline', 'getstatus-conformance', '--version'], project);
  expect(versioned.stdout).toBe(`${version}\n`);
  const command = await run(
    'npx',
    ['--offline', 'getstatus-conformance', '--suite', 'conditional', '--runs', '5', '--quiet'],
    project,
  );
  expect(command.stdout).toMatch(/^0 deviations \(0 MUST\): \d+ passed, 0 failed/m);
  expect(command.code).toBe(0);
}, 300_000);
