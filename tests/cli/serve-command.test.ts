/** `serve` runs the loopback server by hand: one line to say where, one stderr line per request, a clean stop. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, test } from 'vitest';

const BIN = fileURLToPath(new URL('../../cli/bin.js', import.meta.url));
const SEED_XML = readFileSync(fileURLToPath(new URL('../../fixtures/seed/response.xml', import.meta.url)), 'utf8');
const FORM = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };

interface Running {
  child: ChildProcess;
  origin: string;
  stderr: () => string;
  exited: Promise<number | null>;
}

const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function serve(args: string[]): Promise<Running> {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      stdout += chunk;
      const listening = /^listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(stdout);
      if (listening) resolve({ child, origin: listening[1], stderr: () => stderr, exited });
    });
    exited.then((code) => reject(new Error(`serve exited ${code} before listening: ${stderr}`)));
  });
}

test('without --case: the documentation example for any JobId, the service error for a bad request; SIGTERM stops it', async () => {
  const server = await serve(['--port', '0']);
  const good = await fetch(`${server.origin}/`, {
    method: 'POST',
    headers: FORM,
    body: 'Action=GetStatus&Version=2010-06-01&JobId=ANY1',
  });
  expect(good.status).toBe(200);
  expect(await good.text()).toBe(SEED_XML);
  const bad = await fetch(`${server.origin}/`, {
    method: 'POST',
    headers: FORM,
    body: 'Action=GetStatus&Version=2010-06-01',
  });
  expect(bad.status).toBe(400);
  expect(await bad.text()).toContain('<Code>MissingParameter</Code>');
  server.child.kill('SIGTERM');
  expect(await server.exited).toBe(0);
  expect(server.stderr().split('\n').filter(Boolean)).toEqual([
    'POST / JobId="ANY1" → 200 response',
    'POST / → 400 MissingParameter (the body has no JobId)',
  ]);
});

test('--case FILE.xml with its sibling .json: its status, headers and request are used', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gsc-serve-'));
  const body =
    '<ErrorResponse><Error><Code>InvalidJobIdException</Code><Message>gone</Message></Error></ErrorResponse>';
  writeFileSync(join(dir, 'stored.xml'), body);
  writeFileSync(
    join(dir, 'stored.json'),
    JSON.stringify({
      status: 400,
      headers: { 'Content-Type': 'text/xml', 'X-Case': 'stored' },
      request: { jobId: 'J-7', apiVersion: '2.0' },
    }),
  );
  const server = await serve(['--case', join(dir, 'stored.xml')]);
  const answer = await fetch(`${server.origin}/`, {
    method: 'POST',
    headers: FORM,
    body: 'Action=GetStatus&Version=2010-06-01&JobId=J-7&APIVersion=2.0',
  });
  expect(answer.status).toBe(400);
  expect(answer.headers.get('x-case')).toBe('stored');
  expect(await answer.text()).toBe(body);
  const otherJob = await fetch(`${server.origin}/`, {
    method: 'POST',
    headers: FORM,
    body: 'Action=GetStatus&Version=2010-06-01&JobId=J-8&APIVersion=2.0',
  });
  expect(await otherJob.text()).toContain('<Code>InvalidParameterValue</Code>');
  server.child.kill('SIGINT');
  expect(await server.exited).toBe(0);
});

test.each([
  { args: ['--port', 'eighty'], message: /^getstatus-conformance: --port must be an integer, got 'eighty'\n$/ },
  {
    args: ['--case', '/nonexistent/case.xml'],
    message: /^getstatus-conformance: no such file '\/nonexistent\/case\.xml'; /,
  },
])('$args: one line, exit 2', async ({ args, message }) => {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const code = await new Promise((resolve) => child.once('exit', resolve));
  expect(code).toBe(2);
  expect(stderr).toMatch(message);
});
