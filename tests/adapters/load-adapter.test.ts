/** loadAdapter: the built-ins by name, a module by path, and one line that says what to do when it cannot. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { AdapterLoadError } from '../../harness/index.ts';
import { loadAdapter, referenceAdapter } from '../../adapters/index.ts';

let dir: string;
const file = (name: string) => join(dir, name);

beforeAll(() => {
  // Written at test time, outside the project, so the type-check never sees the broken ones.
  dir = mkdtempSync(join(tmpdir(), 'gsc-adapters-'));
  const files: Record<string, string> = {
    'syntax-error.ts': 'export default {\n  name: "broken",\n  getStatus( {\n};\n',
    'syntax-error.js': 'export default { name: "broken" getStatus() {} };\n',
    'no-default.ts':
      'export const adapter = { name: "x", transport: "intercept", async getStatus() { return { output: {} }; } };\n',
    'no-getstatus.ts': 'export default { name: "x", transport: "intercept" };\n',
    'bad-transport.ts':
      'export default { name: "x", transport: "carrier-pigeon", async getStatus() { return { output: {} }; } };\n',
    'bad-json-style.ts':
      'export default { name: "x", transport: "intercept", jsonStyle: "pretty", async getStatus() { return { output: {} }; } };\n',
    'bad-how-to.ts':
      'export default { name: "x", transport: "intercept", howTo: { text: 3 }, async getStatus() { return { output: {} }; } };\n',
    'throws.ts': 'throw new Error("cannot find the SDK\\nsecond line");\nexport default {};\n',
    'unnamed.ts': 'export default { transport: "loopback", async getStatus() { return { output: {} }; } };\n',
    'notes.txt': 'not a module\n',
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(file(name), text);
});

test.each([
  {
    name: 'a missing file',
    spec: () => file('missing.ts'),
    message:
      /^adapter file '.*missing\.ts' not found; give a built-in client \(reference, aws-sdk-v2, aws-cli-v1, aws-cli-v2, boto3\), 'command', or the path of a \.ts\/\.js adapter module$/,
  },
  {
    name: 'a .ts syntax error',
    spec: () => file('syntax-error.ts'),
    message: /^adapter '.*syntax-error\.ts' has a syntax error: .+ \(line 4\); fix the file$/,
  },
  {
    name: 'a .js syntax error',
    spec: () => file('syntax-error.js'),
    message: /^adapter '.*syntax-error\.js' has a syntax error: .+ \(line 1\); fix the file$/,
  },
  {
    name: 'no default export',
    spec: () => file('no-default.ts'),
    message:
      /^adapter '.*no-default\.ts' has no default export; add export default \{ name, transport, getStatus\(request, context\) \}$/,
  },
  {
    name: 'no getStatus',
    spec: () => file('no-getstatus.ts'),
    message: /^adapter '.*no-getstatus\.ts' has no getStatus function; /,
  },
  {
    name: 'a bad transport',
    spec: () => file('bad-transport.ts'),
    message: /^adapter '.*bad-transport\.ts' has transport 'carrier-pigeon'; use 'intercept' .* or 'loopback' /,
  },
  {
    name: 'a bad jsonStyle',
    spec: () => file('bad-json-style.ts'),
    message: /^adapter '.*bad-json-style\.ts' has jsonStyle 'pretty'; use 'v1', 'v2' or leave it out$/,
  },
  {
    name: 'a howTo that is not text',
    spec: () => file('bad-how-to.ts'),
    message: /^adapter '.*bad-how-to\.ts' has howTo \{"text":3\}; give \{ text\?: .* budget\?: .* \} or leave it out$/,
  },
  {
    name: 'a module that throws',
    spec: () => file('throws.ts'),
    message: /^adapter '.*throws\.ts' failed to load: cannot find the SDK$/,
  },
  {
    name: 'not a module',
    spec: () => file('notes.txt'),
    message: /^adapter file '.*notes\.txt' is not a \.ts or \.js module; /,
  },
  {
    name: "'command' without a command",
    spec: () => 'command',
    message: /^--adapter command needs the client's command line: --command '.*\{jobId\}.*\{endpoint\}'$/,
  },
])('$name: AdapterLoadError in one line', async ({ spec, message }) => {
  const error = await loadAdapter(spec()).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AdapterLoadError);
  expect((error as Error).message).toMatch(message);
  expect((error as Error).message).not.toMatch(/\n/);
  expect((error as Error).message).not.toContain('\u001b');
});

test('--command with another adapter is refused', async () => {
  await expect(loadAdapter('reference', { command: 'cli {jobId} {endpoint}' })).rejects.toThrow(
    /^--command is only used with --adapter command/,
  );
});

test('the built-ins by name, and a module by path (named after its file when it has no name)', async () => {
  expect(await loadAdapter('reference')).toBe(referenceAdapter);
  const command = await loadAdapter('command', {
    command: `'${process.execPath}' tests/harness/clients/fake-cli.mjs {jobId} {endpoint}`,
  });
  expect(command).toMatchObject({ name: 'command', transport: 'loopback' });
  expect(await loadAdapter(file('unnamed.ts'))).toMatchObject({ name: 'unnamed', transport: 'loopback' });
});
