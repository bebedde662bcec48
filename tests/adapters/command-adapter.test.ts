/** The command adapter, proven with a script client of our own over loopback. */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AdapterLoadError, Harness } from '../../harness/index.ts';
import { commandAdapter, loadAdapter } from '../../adapters/index.ts';
import type { ResponseCase } from '../../generators/case.ts';
import { htmlCase, serviceErrorCase, validCase } from '../harness/cases.ts';

const client = (name: string) => fileURLToPath(new URL(`../harness/clients/${name}`, import.meta.url));
const NODE = `'${process.execPath}'`;
const FAKE_CLI = `${NODE} '${client('fake-cli.mjs')}' get-status --job-id {jobId} --endpoint-url {endpoint}`;

const dated: ResponseCase = validCase('C1', {
  body: '<GetStatusResponse><GetStatusResult><JobId>C1</JobId><JobType>Import</JobType><ErrorCount>0</ErrorCount><CreationDate>2015-05-27T18:58:21Z</CreationDate></GetStatusResult></GetStatusResponse>',
});

describe('a script client run per case', () => {
  let harness: Harness;
  const inherited = process.env.AWS_SESSION_TOKEN;
  beforeAll(async () => {
    // The fake CLI refuses to run with a session token: the case's credentials must be the only ones.
    process.env.AWS_SESSION_TOKEN = 'inherited-token';
    const adapter = await loadAdapter('command', {
      command: `${FAKE_CLI} --api-version {apiVersion}`,
      textCommand: `${FAKE_CLI} --output text`,
    });
    harness = await Harness.start(adapter, { concurrency: 4 });
  });
  afterAll(async () => {
    if (inherited === undefined) delete process.env.AWS_SESSION_TOKEN;
    else process.env.AWS_SESSION_TOKEN = inherited;
    await harness.close();
  });

  test('its JSON becomes the output, CreationDate a Date; its text command gives the text', async () => {
    const { outcome, requests } = await harness.runCase(dated);
    expect(outcome).toEqual({
      status: 'resolved',
      output: { JobId: 'C1', JobType: 'Import', ErrorCount: 0, CreationDate: new Date('2015-05-27T18:58:21Z') },
      text: '2015-05-27T18:58:21Z\t0\tC1\tImport\n',
    });
    expect((outcome as { output: { CreationDate: unknown } }).output.CreationDate).toBeInstanceOf(Date);
    // One request from the JSON command, one from the text command.
    expect(requests.map((r) => r.problems)).toEqual([[], []]);
  });

  test('when the check reads no text, the text command is not run', async () => {
    const { outcome, requests } = await harness.runCase(dated, { wantsText: false });
    expect(outcome).toMatchObject({ status: 'resolved', output: { JobId: 'C1' } });
    expect(outcome).not.toHaveProperty('text');
    expect(requests).toHaveLength(1);
  });

  test('an ErrorResponse is an error with the code and message the CLI printed', async () => {
    const { outcome } = await harness.runCase(serviceErrorCase('C2', 'InvalidJobIdException', 'No such job: C2'));
    expect(outcome).toEqual({
      status: 'rejected',
      error: { code: 'InvalidJobIdException', message: 'No such job: C2', name: 'CommandFailed' },
    });
  });

  test('another failure is an error with the last stderr line, and no code', async () => {
    const { outcome } = await harness.runCase(htmlCase('C3'));
    expect(outcome).toMatchObject({
      status: 'rejected',
      error: { message: expect.stringMatching(/^HTTP 500 from http:\/\/127\.0\.0\.1:\d+\/$/) },
    });
    expect((outcome as { error: object }).error).not.toHaveProperty('code');
  });

  test('job ids with spaces, quotes and braces reach the client as one argument', async () => {
    const jobId = `a b'c"d {endpoint} $HOME`;
    const { outcome, requests } = await harness.runCase(validCase(jobId, { body: validCase('X').body }));
    expect(outcome.status).toBe('resolved');
    expect(requests.map((r) => [r.params.JobId, r.problems])).toEqual([
      [[jobId], []],
      [[jobId], []],
    ]);
  });
});

describe.each([
  { form: '--api-version {apiVersion}', template: `${FAKE_CLI} --api-version {apiVersion}` },
  { form: '--api-version={apiVersion}', template: `${FAKE_CLI} --api-version={apiVersion}` },
])('APIVersion through $form', ({ template }) => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await Harness.start(commandAdapter(template), { concurrency: 2 });
  });
  afterAll(() => harness.close());

  test.each([{ apiVersion: '2.0' }, { apiVersion: undefined }])(
    'case apiVersion $apiVersion: sent exactly when given',
    async ({ apiVersion }) => {
      const request = { jobId: 'V1', ...(apiVersion && { apiVersion }) };
      const { outcome, requests } = await harness.runCase(validCase('V1', { request }));
      expect(outcome.status).toBe('resolved');
      expect(requests).toHaveLength(1);
      expect(requests[0].params.APIVersion).toEqual(apiVersion === undefined ? undefined : [apiVersion]);
      expect(requests[0].problems).toEqual([]);
    },
  );
});

test('a client that exits 0 without JSON on stdout crashed', async () => {
  const harness = await Harness.start(commandAdapter(`${FAKE_CLI} --print-garbage`), { concurrency: 1 });
  try {
    expect((await harness.runCase(validCase('G1'))).outcome).toEqual({
      status: 'crashed',
      reason: 'the command exited 0, but its stdout is not JSON: "this is not json"',
    });
  } finally {
    await harness.close();
  }
});

/** Whether the process is gone (killed and reaped), looking for up to two seconds. */
async function processGone(pid: number): Promise<boolean> {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      process.kill(pid, 0);
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ESRCH';
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

test('a client that never answers is killed when its case times out, before the harness closes', async () => {
  const pidFile = join(mkdtempSync(join(tmpdir(), 'gsc-sleep-')), 'pid');
  const harness = await Harness.start(
    commandAdapter(`${NODE} '${client('sleep-forever.mjs')}' {endpoint} {jobId} '${pidFile}'`),
    { concurrency: 1 },
  );
  try {
    const { outcome } = await harness.runCase(validCase('K1'), { timeoutMs: 2000 });
    expect(outcome).toEqual({ status: 'timeout', reason: 'did not settle within 2000 ms' });
    expect(existsSync(pidFile)).toBe(true);
    expect(await processGone(Number(readFileSync(pidFile, 'utf8')))).toBe(true);
  } finally {
    await harness.close();
  }
});

test('the text style is v2 unless the options say v1, and only with a text command', () => {
  expect(commandAdapter(FAKE_CLI).textStyle).toBeUndefined();
  expect(commandAdapter(FAKE_CLI, `${FAKE_CLI} --output text`).textStyle).toBe('v2');
  expect(commandAdapter(FAKE_CLI, `${FAKE_CLI} --output text`, { textStyle: 'v1' }).textStyle).toBe('v1');
  expect(commandAdapter(FAKE_CLI).transport).toBe('loopback');
});

test.each([
  { template: '', message: /^the command is empty; e\.g\. / },
  { template: `${NODE} x.mjs --job-id {jobId}`, message: /^the command has no \{endpoint\}; / },
  { template: `${NODE} x.mjs --endpoint-url {endpoint}`, message: /^the command has no \{jobId\}; / },
  {
    template: `${NODE} 'x.mjs --job-id {jobId} --endpoint-url {endpoint}`,
    message: /^the command: unterminated ' in the command/,
  },
  {
    template: 'no-such-program-gsc --job-id {jobId} --endpoint-url {endpoint}',
    message: /^the command: program 'no-such-program-gsc' not found; /,
  },
  {
    template: './package.json --job-id {jobId} --endpoint-url {endpoint}',
    message: /^the command: program '\.\/package\.json' is not executable \(.*package\.json\); make it executable/,
  },
  {
    template: 'node no/such/get_status.mjs --job-id {jobId} --endpoint-url {endpoint}',
    message:
      /^the command: the script 'no\/such\/get_status\.mjs' after node was not found from .*; give its path from there/,
  },
])('an unusable template is refused in one line: $message', ({ template, message }) => {
  expect(() => commandAdapter(template)).toThrow(AdapterLoadError);
  expect(() => commandAdapter(template)).toThrow(message);
  try {
    commandAdapter(template);
  } catch (error) {
    expect((error as Error).message).not.toContain('\n');
  }
});

/** A command client given as a one-line program (`node -e`, `python3 -c`) that asks the server nothing. */
async function runOneLiner(program: string, code: string) {
  const harness = await Harness.start(commandAdapter(`${program} '${code}' {endpoint} {jobId}`), { concurrency: 1 });
  try {
    return (await harness.runCase(validCase('P1'))).outcome;
  } finally {
    await harness.close();
  }
}

test.each([
  { printed: '9007199254740993', errorCount: 9007199254740993n },
  { printed: '-18446744073709551617', errorCount: -18446744073709551617n },
  { printed: '9007199254740991', errorCount: 9007199254740991 },
  { printed: '7', errorCount: 7 },
  { printed: '1.5', errorCount: 1.5 },
])('ErrorCount printed as $printed reaches the judge as exactly that value', async ({ printed, errorCount }) => {
  const outcome = await runOneLiner(`${NODE} -e`, `process.stdout.write(\`{"JobId":"J","ErrorCount":${printed}}\`)`);
  expect(outcome).toMatchObject({ status: 'resolved', output: { JobId: 'J' } });
  expect((outcome as { output: { ErrorCount: unknown } }).output.ErrorCount).toBe(errorCount);
});

test.each([
  {
    runtime: 'Node.js',
    program: `${NODE} -e`,
    code: 'const result = {}; result.GetStatusResult.JobId',
    exception: "TypeError: Cannot read properties of undefined (reading 'JobId')",
  },
  {
    runtime: 'Python',
    program: 'python3 -c',
    code: 'result = {}; result["GetStatusResult"]',
    exception: "KeyError: 'GetStatusResult'",
  },
])('a $runtime client that dies of an uncaught exception crashed', async ({ program, code, exception }) => {
  expect(await runOneLiner(program, code)).toEqual({
    status: 'crashed',
    reason: `the client crashed: ${exception}`,
    raised: exception,
  });
});

test("the AWS CLI's own internal error (no trace, exit 255) is a clean failure", async () => {
  const outcome = await runOneLiner(
    `${NODE} -e`,
    'process.stderr.write("\\n\\x27GetStatusResult\\x27\\n"); process.exit(255)',
  );
  expect(outcome).toEqual({ status: 'rejected', error: { message: "'GetStatusResult'", name: 'CommandFailed' } });
});
