/**
 * context.fetch: bound to its case, answered without interception, and no way out of the machine
 * (a request elsewhere, through it or through the global fetch beside it, is recorded as stray).
 */
import dns from 'node:dns';
import { afterEach, expect, test, vi } from 'vitest';
import { Harness, type AdapterContext, type ClientAdapter } from '../../harness/index.ts';
import { getStatusForm, referenceAdapter } from '../../adapters/index.ts';
import type { GetStatusOutput } from '../../spec/index.ts';
import { statusOutput, validCase } from './cases.ts';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const settledAs = (call: Promise<Response>) =>
  call.then(
    (r) => `status ${r.status}`,
    (e: Error) => `${e.name}: ${e.message}`,
  );

const open: Harness[] = [];
async function harnessFor(getStatus: ClientAdapter['getStatus'], concurrency = 1) {
  const harness = await Harness.start(
    { name: 'case-fetch-client', transport: 'intercept', getStatus },
    { concurrency, timeoutMs: 5_000 },
  );
  open.push(harness);
  return harness;
}
afterEach(async () => {
  for (const harness of open.splice(0)) await harness.close();
});

test('requests anywhere but the endpoint, through context.fetch or the global fetch, fail, are recorded as stray and look nothing up', async () => {
  const lookup = vi.spyOn(dns, 'lookup');
  const harness = await harnessFor(async (request, context) => {
    const tries = [
      await settledAs(context.fetch('http://169.254.169.254/latest/meta-data/')),
      await settledAs(fetch('http://metadata.example.com/latest/api/token', { method: 'PUT' })),
    ];
    const { output } = await referenceAdapter.getStatus(request, context);
    return { output: { ...output, Signature: tries.join(' | ') } };
  });
  const result = await harness.runCase(validCase('CF1'));
  expect(lookup).not.toHaveBeenCalled();
  lookup.mockRestore();
  expect(result.outcome).toMatchObject({
    status: 'resolved',
    output: { ...statusOutput('CF1'), Signature: 'TypeError: Failed to fetch | TypeError: Failed to fetch' },
  });
  expect(result.requests.map((r) => [r.stray ?? false, r.method, r.path])).toEqual([
    [true, 'GET', 'http://169.254.169.254/latest/meta-data/'],
    [true, 'PUT', 'http://metadata.example.com/latest/api/token'],
    [false, 'POST', '/'],
  ]);
});

test("another slot's endpoint is no endpoint for this case", async () => {
  const contexts: AdapterContext[] = [];
  let bothStarted!: () => void;
  const started = new Promise<void>((resolve) => (bothStarted = resolve));
  const harness = await harnessFor(async (request, context) => {
    contexts.push(context);
    if (contexts.length === 2) bothStarted();
    await started;
    const [mine, theirs] = contexts[0] === context ? contexts : [...contexts].reverse();
    const elsewhere = await settledAs(
      context.fetch(theirs.endpoint, { method: 'POST', headers: FORM, body: getStatusForm(request) }),
    );
    const { output } = await referenceAdapter.getStatus(request, mine);
    return { output: { ...output, Signature: elsewhere } };
  }, 2);
  const results = await Promise.all([harness.runCase(validCase('CF2')), harness.runCase(validCase('CF3'))]);
  for (const [i, result] of results.entries()) {
    expect(result.outcome).toMatchObject({
      status: 'resolved',
      output: { ...statusOutput(`CF${i + 2}`), Signature: 'TypeError: Failed to fetch' },
    });
    expect(result.requests.map((r) => r.stray ?? false)).toEqual([true, false]);
  }
});

test('once its case has ended, context.fetch fails and reaches no later case', async () => {
  let late: Promise<string> | undefined;
  const harness = await harnessFor(async (request, context) => {
    if (request.jobId === 'CF4') {
      // Sent after the harness has judged the case: the client ignored the end of its case.
      setTimeout(
        () =>
          (late = settledAs(
            context.fetch(context.endpoint, { method: 'POST', headers: FORM, body: getStatusForm(request) }),
          )),
        50,
      );
      return { output: {} };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    return referenceAdapter.getStatus(request, context);
  });
  await harness.runCase(validCase('CF4'));
  const next = await harness.runCase(validCase('CF5'));
  expect(await late).toBe('TypeError: Failed to fetch');
  expect(next.requests.map((r) => r.params.JobId)).toEqual([['CF5']]);
});

test('takes a Request, and reports the URL it fetched', async () => {
  const harness = await harnessFor(async (request, context) => {
    const response = await context.fetch(
      new Request(context.endpoint, { method: 'POST', headers: FORM, body: getStatusForm(request) }),
    );
    return { output: { JobId: `${response.status} ${response.url === context.endpoint}` } as GetStatusOutput };
  });
  const result = await harness.runCase(validCase('CF6'));
  expect(result.outcome).toEqual({ status: 'resolved', output: { JobId: '200 true' } });
  expect(result.requests.map((r) => r.problems)).toEqual([[]]);
});

test('a text body is recorded as the service reads it, as through the global fetch: a leading BOM dropped, a lone surrogate replaced', async () => {
  const bodies = ['\uFEFFAction=GetStatus&JobId=B\uD800OM', 'Action=GetStatus&JobId=CF7\u00FC'];
  const sent = async (send: typeof fetch, endpoint: string) => {
    for (const body of bodies) await send(endpoint, { method: 'POST', headers: FORM, body });
    return { output: {} };
  };
  const throughContext = await harnessFor((_, context) => sent(context.fetch, context.endpoint));
  const throughGlobal = await harnessFor((_, context) => sent(fetch, context.endpoint));
  const recorded = async (harness: Harness) => (await harness.runCase(validCase('CF7'))).requests.map((r) => r.body);
  expect(await recorded(throughContext)).toEqual(['Action=GetStatus&JobId=B\uFFFDOM', bodies[1]]);
  expect(await recorded(throughGlobal)).toEqual(await recorded(throughContext));
});

/** Ways a client may send its call; JOB stands for the case's job id. */
const SENDS: Array<{ name: string; send: (f: typeof fetch, endpoint: string, form: string) => Promise<Response> }> = [
  { name: 'text, no Content-Type', send: (f, e, form) => f(e, { method: 'POST', body: form }) },
  {
    name: 'text, form Content-Type in a Headers',
    send: (f, e, form) =>
      f(e, {
        method: 'POST',
        headers: new Headers({ 'Content-Type': 'application/x-www-form-urlencoded' }),
        body: form,
      }),
  },
  {
    name: 'text, headers as pairs, method in lower case',
    send: (f, e, form) =>
      f(e, {
        method: 'post',
        headers: [
          ['content-type', 'application/x-www-form-urlencoded'],
          ['x-extra', 'a'],
        ],
        body: form,
      }),
  },
  {
    name: 'text with a URL object',
    send: (f, e, form) => f(new URL(e), { method: 'POST', headers: FORM, body: form }),
  },
  { name: 'URLSearchParams', send: (f, e, form) => f(e, { method: 'POST', body: new URLSearchParams(form) }) },
  {
    name: 'bytes',
    send: (f, e, form) => f(e, { method: 'POST', headers: FORM, body: new TextEncoder().encode(form) }),
  },
  { name: 'a Request', send: (f, e, form) => f(new Request(e, { method: 'POST', headers: FORM, body: form })) },
  {
    name: 'a Request and text beside it',
    send: (f, e, form) => f(new Request(e, { method: 'PUT', headers: FORM }), { method: 'POST', body: form }),
  },
  { name: 'GET with a body', send: (f, e, form) => f(e, { method: 'GET', body: form }) },
  { name: 'text, no method', send: (f, e, form) => f(e, { body: form }) },
];

test.each(SENDS)('sent as $name: answered and recorded as through the global fetch', async ({ send }) => {
  const sent = async (f: typeof fetch, endpoint: string, request: { jobId: string }) => {
    const answer = await settledAs(send(f, endpoint, getStatusForm(request)));
    return { output: { JobId: answer } as GetStatusOutput };
  };
  const throughContext = await harnessFor((request, context) => sent(context.fetch, context.endpoint, request));
  const throughGlobal = await harnessFor((request, context) => sent(fetch, context.endpoint, request));
  const [viaContext, viaGlobal] = [
    await throughContext.runCase(validCase('CF8')),
    await throughGlobal.runCase(validCase('CF8')),
  ];
  expect(viaContext.outcome).toEqual(viaGlobal.outcome);
  // Each harness has its own endpoint, so only Host may differ.
  const recorded = (requests: typeof viaContext.requests) =>
    requests.map(({ headers: { host: _host, ...headers }, ...rest }) => ({ ...rest, headers }));
  expect(recorded(viaContext.requests)).toEqual(recorded(viaGlobal.requests));
});
