/**
 * Research probe (not a test): plays hand-made GetStatus response spellings to the four real
 * clients and writes what each did to /tmp/probe-results.md (and the raw data to
 * /tmp/probe-results.json). Run from the repo root: `npx tsx tests/probe/new-spellings.ts`.
 *
 * Every body is played two ways:
 * - raw: this script's own loopback server (127.0.0.1 only) and the client started directly
 *   (AWS CLI v1 and v2 with --output json and --output text, boto3 through examples/python-boto3/get_status_client.py,
 *   aws-sdk v2 in this process under TZ=UTC), keeping exact stdout, stderr and exit status;
 * - harness: the project's Harness and built-in adapters, judged form via describeOutcome
 *   (aws-sdk v2 runs there under the harness zone America/St_Johns).
 * Only the raw run keeps the exact bytes a CLI printed (the adapters parse the JSON stdout).
 */
import http from 'node:http';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Harness } from '../../harness/index.ts';
import { loadAdapter } from '../../adapters/index.ts';
import { builtInClientEnvironment } from '../../adapters/client-environment.ts';
import { caseFromBody } from '../../suites/cases.ts';
import { describeOutcome, describeExpected } from '../../suites/judge.ts';

process.env.TZ = 'UTC';

const N = 'http://importexport.amazonaws.com/doc/2010-06-01/';
const META = '<ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata>';
interface WrapOptions {
  rootAttrs?: string;
  resultAttrs?: string;
  before?: string;
  after?: string;
}
const valid = (members: string, o: WrapOptions = {}) =>
  `${o.before ?? ''}<GetStatusResponse xmlns="${N}"${o.rootAttrs ?? ''}><GetStatusResult${o.resultAttrs ?? ''}>${members}</GetStatusResult>${META}</GetStatusResponse>${o.after ?? ''}`;
const STD_ERROR = '<Type>Sender</Type><Code>C</Code><Message>M</Message>';
const errorBody = (inner = STD_ERROR, tail = '<RequestId>r1</RequestId>') =>
  `<ErrorResponse xmlns="${N}"><Error>${inner}</Error>${tail}</ErrorResponse>`;
const created = (value: string) => valid(`<JobId>J1</JobId><CreationDate>${value}</CreationDate>`);
const errorCount = (element: string) => valid(`<JobId>J1</JobId>${element}`);
const ART = '<Description>d</Description><URL>u</URL>';

interface Probe {
  id: string;
  item: number;
  label: string;
  body: string | Uint8Array;
  status: number;
  kind: 'valid' | 'invalid' | 'error';
  /** What the table shows as the body (default: the body itself, or label). */
  shown?: string;
}

const probes: Probe[] = [];
let counter = 0;
function add(
  item: number,
  label: string,
  body: string | Uint8Array,
  options: { status?: number; kind?: Probe['kind']; shown?: string } = {},
) {
  counter++;
  probes.push({
    id: `p${String(counter).padStart(3, '0')}`,
    item,
    label,
    body,
    status: options.status ?? (options.kind === 'error' ? 400 : 200),
    kind: options.kind ?? 'valid',
    ...(options.shown && { shown: options.shown }),
  });
}

// 1. CreationDate as an HTTP date
for (const d of [
  'Tue, 29 Apr 2014 18:30:38 GMT',
  'Tue, 29 Apr 2014 18:30:38 +0200',
  'Tuesday, 29-Apr-14 18:30:38 GMT',
  'Tue Apr 29 18:30:38 2014',
  '29 Apr 2014 18:30:38 GMT',
  'Wed, 29 Apr 2014 18:30:38 GMT',
]) {
  add(1, `CreationDate ${JSON.stringify(d)}`, created(d));
}
// 2. Namespace declarations below the root
add(2, '(a) xmlns=N on JobId', valid(`<JobId xmlns="${N}">J1</JobId><JobType>Import</JobType>`));
add(2, '(b) xmlns="urn:other" on JobType', valid('<JobId>J1</JobId><JobType xmlns="urn:other">Import</JobType>'));
add(
  2,
  '(c) xmlns=N on ArtifactList',
  valid(`<JobId>J1</JobId><ArtifactList xmlns="${N}"><member>${ART}</member></ArtifactList>`),
);
add(
  2,
  '(d) xmlns=N on each member',
  valid(
    `<JobId>J1</JobId><ArtifactList><member xmlns="${N}">${ART}</member><member xmlns="${N}"><Description>d2</Description><URL>u2</URL></member></ArtifactList>`,
  ),
);
add(
  2,
  '(e1) unused xmlns:foo on root',
  valid('<JobId>J1</JobId><JobType>Import</JobType>', { rootAttrs: ' xmlns:foo="urn:foo"' }),
);
add(2, '(e2) unused xmlns:x on JobId', valid('<JobId xmlns:x="urn:x">J1</JobId><JobType>Import</JobType>'));
add(
  2,
  '(f) xmlns:p=N on GetStatusResult, <p:JobId>',
  valid('<p:JobId>J1</p:JobId>', { resultAttrs: ` xmlns:p="${N}"` }),
);
// 3. CDATA or comments
add(3, 'comment between members', valid('<JobId>J1</JobId><!-- c --><JobType>Import</JobType>'));
add(3, 'whitespace CDATA between members', valid('<JobId>J1</JobId><![CDATA[ ]]><JobType>Import</JobType>'));
add(3, 'CDATA "x" before JobId', valid('<![CDATA[x]]><JobId>J1</JobId>'));
add(3, 'comment before root', valid('<JobId>J1</JobId>', { before: '<!-- c -->' }));
add(3, 'comment after root', valid('<JobId>J1</JobId>', { after: '<!-- c -->' }));
// 4. Empty result
add(4, '<GetStatusResult/>', `<GetStatusResponse xmlns="${N}"><GetStatusResult/>${META}</GetStatusResponse>`);
add(4, '<GetStatusResult></GetStatusResult>', valid(''));
// 5. Errors
add(5, 'ErrorResponse without RequestId', errorBody(STD_ERROR, ''), { kind: 'error' });
add(
  5,
  'extra <Detail/><Extra>x</Extra> before Code',
  errorBody('<Type>Sender</Type><Detail/><Extra>x</Extra><Code>C</Code><Message>M</Message>'),
  { kind: 'error' },
);
add(
  5,
  'extra <Detail/><Extra>x</Extra> after Code',
  errorBody('<Type>Sender</Type><Code>C</Code><Detail/><Extra>x</Extra><Message>M</Message>'),
  { kind: 'error' },
);
add(
  5,
  'extra <Detail/><Extra>x</Extra> after Message',
  errorBody('<Type>Sender</Type><Code>C</Code><Message>M</Message><Detail/><Extra>x</Extra>'),
  { kind: 'error' },
);
add(5, 'no <Message> element', errorBody('<Type>Sender</Type><Code>C</Code>'), { kind: 'error' });
add(5, 'empty <Message/>', errorBody('<Type>Sender</Type><Code>C</Code><Message/>'), { kind: 'error' });
add(5, 'standard error, status 402', errorBody(), { kind: 'error', status: 402 });
add(
  5,
  'Code Throttling.Rate-Exceeded',
  errorBody('<Type>Sender</Type><Code>Throttling.Rate-Exceeded</Code><Message>M</Message>'),
  { kind: 'error' },
);
add(
  5,
  'Code com.amazon.coral#Bad',
  errorBody('<Type>Sender</Type><Code>com.amazon.coral#Bad</Code><Message>M</Message>'),
  { kind: 'error' },
);
const OLD =
  '<Response><Errors><Error><Code>C</Code><Message>M</Message></Error></Errors><RequestID>r</RequestID></Response>';
add(5, 'old <Response><Errors> form, status 400', OLD, { kind: 'error', status: 400 });
add(5, 'old <Response><Errors> form, status 503', OLD, { kind: 'error', status: 503 });
// 6. XML declaration with spaces around '='
add(
  6,
  'XML declaration with spaces around =',
  `<?xml version = "1.0" encoding = "UTF-8" ?>${valid('<JobId>J1</JobId>')}`,
);
// 7. CR character references
add(7, 'LocationMessage a&#xD;b', valid('<JobId>J1</JobId><LocationMessage>a&#xD;b</LocationMessage>'));
add(7, 'LocationMessage a&#13;b', valid('<JobId>J1</JobId><LocationMessage>a&#13;b</LocationMessage>'));
// 8. Repeated unknown elements, case variants
add(8, '<Foo>1</Foo><Foo>2</Foo><JobId>J1</JobId>', valid('<Foo>1</Foo><Foo>2</Foo><JobId>J1</JobId>'));
add(8, '<JobID>X</JobID><JobId>J1</JobId>', valid('<JobID>X</JobID><JobId>J1</JobId>'));
add(8, '<JobID>X</JobID> alone', valid('<JobID>X</JobID>'));
add(8, '<jobid>X</jobid> alone', valid('<jobid>X</jobid>'));
// 9. Attributes on members
add(9, '<JobId attr="1">', valid('<JobId attr="1">J1</JobId>'));
add(
  9,
  '<ArtifactList type="x"><member id="1">',
  valid(`<JobId>J1</JobId><ArtifactList type="x"><member id="1">${ART}</member></ArtifactList>`),
);
add(9, '<ErrorCount unit="x">3</ErrorCount>', valid('<JobId>J1</JobId><ErrorCount unit="x">3</ErrorCount>'));
// 10. ErrorCount
add(10, 'ErrorCount " 7 "', errorCount('<ErrorCount> 7 </ErrorCount>'));
add(10, 'ErrorCount "\\n7\\n"', errorCount('<ErrorCount>\n7\n</ErrorCount>'));
add(10, 'ErrorCount "\\t7"', errorCount('<ErrorCount>\t7</ErrorCount>'));
for (const v of ['9007199254740993', '-1', '2147483648', '١٢', '1_000', '+7', '007', '1.5', 'abc'])
  add(10, `ErrorCount ${JSON.stringify(v)}`, errorCount(`<ErrorCount>${v}</ErrorCount>`));
add(10, '<ErrorCount/>', errorCount('<ErrorCount/>'));
for (const v of ['7.0', '1e3']) add(10, `ErrorCount ${JSON.stringify(v)}`, errorCount(`<ErrorCount>${v}</ErrorCount>`));
// 11. Content after the root
const SECOND = `<GetStatusResponse xmlns="${N}"><GetStatusResult><JobId>J2</JobId></GetStatusResult></GetStatusResponse>`;
add(11, 'valid + second <GetStatusResponse> (JobId J2)', valid('<JobId>J1</JobId>', { after: SECOND }));
add(11, 'valid + <Foo/>', valid('<JobId>J1</JobId>', { after: '<Foo/>' }));
add(11, 'valid + text "junk"', valid('<JobId>J1</JobId>', { after: 'junk' }));
// 12. Encodings
const ZURICH = valid('<JobId>J1</JobId><LocationMessage>Zürich</LocationMessage>');
const utf16le = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le'));
const utf16be = (text: string) => {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1];
    be[i + 1] = le[i];
  }
  return new Uint8Array(be);
};
add(12, 'UTF-16LE with BOM (FF FE)', utf16le(`\ufeff${ZURICH}`));
add(12, 'UTF-16BE with BOM (FE FF)', utf16be(`\ufeff${ZURICH}`));
add(
  12,
  'UTF-16LE with BOM + <?xml encoding="UTF-16"?>',
  utf16le(`\ufeff<?xml version="1.0" encoding="UTF-16"?>${ZURICH}`),
);
add(
  12,
  'latin-1 (0xFC) with <?xml encoding="ISO-8859-1"?>',
  new Uint8Array(Buffer.from(`<?xml version="1.0" encoding="ISO-8859-1"?>${ZURICH}`, 'latin1')),
);
add(12, 'latin-1 (0xFC) without declaration', new Uint8Array(Buffer.from(ZURICH, 'latin1')));
// 13. Epoch and date-only CreationDate
for (const d of ['0', '1432753101', '1432753101.5', '2015-05-27'])
  add(13, `CreationDate ${JSON.stringify(d)}`, created(d));
// 14. Unparseable CreationDate
for (const d of ['not-a-date', '2015-02-30T00:00:00Z']) add(14, `CreationDate ${JSON.stringify(d)}`, created(d));
add(14, '<CreationDate/>', valid('<JobId>J1</JobId><CreationDate/>'));

const only = process.env.PROBE_ITEMS?.split(',').map(Number);
const selected = only ? probes.filter((p) => only.includes(p.item)) : probes;

type RawKey = 'v1json' | 'v1text' | 'v2json' | 'v2text' | 'boto3';
interface Proc {
  stdout: string;
  stderr: string;
  exit: number | null;
  signal: string | null;
  ms: number;
}
interface Row {
  id: string;
  item: number;
  label: string;
  status: number;
  body: string;
  reference: unknown;
  raw: Partial<Record<RawKey, Proc>>;
  sdkUtc: unknown;
  harness: Record<string, unknown>;
}
const CLIENTS = ['aws-cli-v1', 'aws-cli-v2', 'boto3', 'aws-sdk-v2'] as const;
const big = (_k: string, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v);

// ---------------------------------------------------------------- gathering
async function gather(): Promise<{ versions: Record<string, string | undefined>; probes: Row[] }> {
  const byId = new Map(selected.map((p) => [p.id, p]));
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const id = /^\/p\/(p\d+)\//.exec(req.url ?? '')?.[1];
      const probe = id ? byId.get(id) : undefined;
      if (!probe) {
        res.writeHead(404).end();
        return;
      }
      const bytes = typeof probe.body === 'string' ? Buffer.from(probe.body, 'utf8') : Buffer.from(probe.body);
      res.writeHead(probe.status, { 'Content-Type': 'text/xml', 'Content-Length': bytes.length });
      res.end(bytes);
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as { port: number }).port;
  const endpointOf = (p: Probe) => `http://127.0.0.1:${port}/p/${p.id}/`;

  // The environment the built-in process clients get, with the case's credentials and region.
  const ENV = builtInClientEnvironment();

  function runProc(cmd: string, args: string[]): Promise<Proc> {
    return new Promise((resolve) => {
      const t0 = Date.now();
      const child = spawn(cmd, args, { env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on('data', (c: Buffer) => out.push(c));
      child.stderr.on('data', (c: Buffer) => err.push(c));
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      child.on('error', (e) => {
        clearTimeout(timer);
        resolve({ stdout: '', stderr: String(e), exit: null, signal: null, ms: Date.now() - t0 });
      });
      child.on('close', (exit, signal) => {
        clearTimeout(timer);
        resolve({
          stdout: Buffer.concat(out).toString('utf8'),
          stderr: Buffer.concat(err).toString('utf8'),
          exit,
          signal,
          ms: Date.now() - t0,
        });
      });
    });
  }

  async function pool<T>(tasks: Array<() => Promise<T>>, width: number): Promise<T[]> {
    const results: T[] = new Array(tasks.length);
    let next = 0;
    await Promise.all(
      Array.from({ length: width }, async () => {
        while (next < tasks.length) {
          const i = next++;
          results[i] = await tasks[i]();
        }
      }),
    );
    return results;
  }

  const V1 = 'aws';
  const V2 = '/usr/bin/aws';
  const BOTO3_DIR = fileURLToPath(new URL('../../examples/python-boto3/', import.meta.url));
  /** One call through the persistent client's own functions: prints the output, or {"error": …}, and exits 1 on an error. */
  const BOTO3_ONCE = `import json, sys
sys.path.insert(0, sys.argv[1])
import get_status_client as c
answer = c.answer(c.Clients(), {"jobId": "EX1ID", "endpoint": sys.argv[2], "region": "us-east-1", "credentials": {"accessKeyId": "AKIDEXAMPLE", "secretAccessKey": "secret"}, "timeoutMs": 10000})
print(json.dumps(answer.get("output", answer)))
sys.exit(0 if "output" in answer else 1)`;
  const cliArgs = (p: Probe, output: 'json' | 'text', extra: string[] = []) => [
    'importexport',
    'get-status',
    '--job-id=EX1ID',
    '--endpoint-url',
    endpointOf(p),
    '--region',
    'us-east-1',
    '--output',
    output,
    '--cli-read-timeout',
    '5',
    '--cli-connect-timeout',
    '5',
    ...extra,
  ];

  const raw = new Map<string, Partial<Record<RawKey, Proc>>>();
  const rawTasks: Array<() => Promise<void>> = [];
  for (const p of selected) {
    raw.set(p.id, {});
    const jobs: Array<[RawKey, string, string[]]> = [
      ['v1json', V1, cliArgs(p, 'json')],
      ['v1text', V1, cliArgs(p, 'text')],
      ['v2json', V2, cliArgs(p, 'json', ['--no-cli-pager'])],
      ['v2text', V2, cliArgs(p, 'text', ['--no-cli-pager'])],
      ['boto3', 'python3', ['-c', BOTO3_ONCE, BOTO3_DIR, endpointOf(p)]],
    ];
    for (const [key, cmd, args] of jobs)
      rawTasks.push(async () => {
        raw.get(p.id)![key] = await runProc(cmd, args);
      });
  }
  const t0 = Date.now();
  console.error(`raw: ${rawTasks.length} processes for ${selected.length} probes`);
  await pool(rawTasks, 10);
  for (const [id, r] of raw)
    for (const [k, proc] of Object.entries(r))
      if (proc && proc.ms > 5000)
        console.error(`slow: ${id} ${byId.get(id)!.label} ${k} ${proc.ms} ms exit ${proc.exit}`);
  console.error(`raw processes done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

  // aws-sdk v2, raw, in this process under TZ=UTC
  const require = createRequire(import.meta.url);
  require('aws-sdk/lib/maintenance_mode_message.js').suppress = true;
  const AWS = require('aws-sdk/global.js');
  const ImportExport = require('aws-sdk/clients/importexport.js');
  const sdkVersion: string = require('aws-sdk/package.json').version;

  function sdkValue(value: unknown): unknown {
    if (value instanceof Date) return `Date(${Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString()})`;
    if (Array.isArray(value)) return value.map(sdkValue);
    if (value !== null && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sdkValue(v)]));
    if (typeof value === 'number' && !Number.isFinite(value)) return `number(${value})`;
    return value;
  }
  const sdkRaw = new Map<string, unknown>();
  await pool(
    selected.map((p) => async () => {
      const client = new ImportExport({
        endpoint: endpointOf(p),
        region: 'us-east-1',
        credentials: new AWS.Credentials('AKIDEXAMPLE', 'secret'),
        maxRetries: 0,
        httpOptions: { timeout: 5000 },
      });
      try {
        const { ResponseMetadata, ...output } = await client.getStatus({ JobId: 'EX1ID' }).promise();
        sdkRaw.set(p.id, { resolved: sdkValue(output), requestId: ResponseMetadata?.RequestId });
      } catch (e) {
        const err = e as {
          code?: unknown;
          message?: unknown;
          name?: unknown;
          statusCode?: unknown;
          requestId?: unknown;
        };
        sdkRaw.set(p.id, {
          rejected: {
            code: err.code,
            message: err.message,
            name: err.name,
            statusCode: err.statusCode,
            requestId: err.requestId,
          },
        });
      }
    }),
    6,
  );
  server.close();

  // ---------------------------------------------------------------- harness runs
  const harnessOut = new Map<string, Record<string, unknown>>();
  const versions: Record<string, string | undefined> = {};
  const cases = new Map(selected.map((p) => [p.id, caseFromBody(p.kind, p.body, { status: p.status })]));
  for (const name of CLIENTS) {
    const t = Date.now();
    const adapter = await loadAdapter(name);
    const harness = await Harness.start(adapter, { concurrency: name === 'aws-sdk-v2' ? 4 : 5, timeoutMs: 30_000 });
    versions[name] = adapter.version;
    await Promise.all(
      selected.map(async (p) => {
        const started = Date.now();
        const result = await harness.runCase(cases.get(p.id)!, { wantsText: true });
        const entry = harnessOut.get(p.id) ?? {};
        entry[name] = describeOutcome(result.outcome);
        if (Date.now() - started > 5000)
          console.error(`slow harness: ${name} ${p.id} ${p.label} ${Date.now() - started} ms`);
        harnessOut.set(p.id, entry);
      }),
    );
    await harness.close();
    console.error(`harness ${name} done in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }

  const versionLines = {
    'aws --version (v1)':
      (await runProc(V1, ['--version'])).stdout.trim() || (await runProc(V1, ['--version'])).stderr.trim(),
    '/usr/bin/aws --version (v2)': (await runProc(V2, ['--version'])).stdout.trim(),
    boto3: (
      await runProc('python3', [
        '-c',
        'import sys,boto3,botocore;print(f"boto3/{boto3.__version__} botocore/{botocore.__version__} Python/{sys.version.split()[0]}")',
      ])
    ).stdout.trim(),
    'aws-sdk (npm)': `aws-sdk/${sdkVersion} node/${process.version}`,
    ...Object.fromEntries(Object.entries(versions).map(([k, v]) => [`harness adapter ${k}`, v])),
  };

  const data: Row[] = selected.map((p) => ({
    id: p.id,
    item: p.item,
    label: p.label,
    status: p.status,
    body: typeof p.body === 'string' ? p.body : `hex:${Buffer.from(p.body).toString('hex')}`,
    reference: describeExpected(cases.get(p.id)!.expected),
    raw: raw.get(p.id)!,
    sdkUtc: sdkRaw.get(p.id),
    harness: harnessOut.get(p.id) ?? {},
  }));
  const gathered = { versions: versionLines, probes: data };
  writeFileSync('/tmp/probe-results.json', JSON.stringify(gathered, big, 2));
  return JSON.parse(JSON.stringify(gathered, big));
}

// ---------------------------------------------------------------- report
// PROBE_REPORT_ONLY=1 rewrites the report from /tmp/probe-results.json without running any client.
const t0 = Date.now();
const { versions: versionLines, probes: data } = process.env.PROBE_REPORT_ONLY
  ? (JSON.parse(readFileSync('/tmp/probe-results.json', 'utf8')) as Awaited<ReturnType<typeof gather>>)
  : await gather();
const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, '⏎');
const code = (value: unknown) => {
  const s = String(value);
  return s.includes('`') ? esc(s) : `\`${esc(s)}\``;
};
// Only the newlines and the indentation after them go: JSON strings hold no raw newline, so values stay exact.
const compactJson = (stdout: string) => stdout.replace(/\n\s*/g, '');
const tracebackNote = (stderr: string) =>
  /Traceback \(most recent call last\)/.test(stderr) ? ' **[traceback]**' : '';
const firstLine = (s: string) =>
  s
    .split('\n')
    .find((l) => l.trim() !== '')
    ?.trim() ?? '';
const errorLine = (s: string) =>
  s
    .split('\n')
    .find((l) => /An error occurred|Error|error/.test(l))
    ?.trim() ?? firstLine(s);

function cliCell(json: Proc | undefined, text: Proc | undefined): string {
  if (!json || !text) return 'not run';
  const part = (proc: Proc, kind: string) => {
    if (proc.signal) return `${kind}: killed ${proc.signal}`;
    if (proc.exit === 0)
      return proc.stdout === ''
        ? `${kind}: exit 0, empty stdout`
        : kind === 'json'
          ? `${kind}: ${code(compactJson(proc.stdout))}`
          : `${kind}: ${code(JSON.stringify(proc.stdout))}`;
    return `${kind}: exit ${proc.exit}, ${code(errorLine(proc.stderr))}${tracebackNote(proc.stderr)}`;
  };
  // An error prints the same line for both outputs: say it once.
  if (json.exit !== 0 && text.exit === json.exit && errorLine(json.stderr) === errorLine(text.stderr)) {
    return `exit ${json.exit}: ${code(errorLine(json.stderr))}${tracebackNote(json.stderr)}`;
  }
  return `${part(json, 'json')}<br>${part(text, 'text')}`;
}
function botoCell(proc: Proc | undefined): string {
  if (!proc) return 'not run';
  if (proc.exit === 0) return `resolved ${code(proc.stdout.trim())}`;
  if (proc.exit === 1) {
    try {
      const { error } = JSON.parse(proc.stdout);
      return `rejected code=${code(JSON.stringify(error.code))} message=${code(JSON.stringify(error.message))}`;
    } catch {
      /* fall through */
    }
  }
  return `exit ${proc.exit}: ${code(firstLine(proc.stdout) || errorLine(proc.stderr))}${tracebackNote(proc.stderr)}`;
}
function sdkCell(value: unknown): string {
  const v = value as
    | { resolved?: unknown; rejected?: { code?: unknown; message?: unknown; statusCode?: unknown } }
    | undefined;
  if (!v) return 'not run';
  if (v.resolved !== undefined) return `resolved ${code(JSON.stringify(v.resolved, big))}`;
  const r = v.rejected!;
  return `rejected code=${code(JSON.stringify(r.code))} message=${code(JSON.stringify(r.message))} (HTTP ${r.statusCode})`;
}
const ITEMS: Record<number, string> = {
  1: 'CreationDate as an HTTP date',
  2: 'Namespace declarations below the root',
  3: 'CDATA or comments between members / around the root',
  4: 'Empty GetStatusResult',
  5: 'Error responses',
  6: 'XML declaration with spaces around =',
  7: '&#xD; / &#13; inside a value',
  8: 'Repeated unknown elements, member names in other case',
  9: 'Attributes on member elements',
  10: 'ErrorCount spellings',
  11: 'Content after the root element',
  12: 'UTF-16 and latin-1 bodies',
  13: 'Epoch and date-only CreationDate',
  14: 'Unparseable CreationDate',
};

const lines: string[] = [];
lines.push('# GetStatus probe: new response spellings × four real clients', '');
lines.push(
  `Generated by \`npx tsx tests/probe/new-spellings.ts\` (from /work/main) on ${new Date().toISOString()}. Raw data: /tmp/probe-results.json.`,
  '',
);
lines.push('## Client versions', '');
for (const [k, v] of Object.entries(versionLines)) lines.push(`- ${k}: \`${v}\``);
lines.push('');
lines.push('## How to read the tables', '');
lines.push(
  '- Namespace N = `http://importexport.amazonaws.com/doc/2010-06-01/`. Valid wrapper: `<GetStatusResponse xmlns="N"><GetStatusResult>MEMBERS</GetStatusResult><ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata></GetStatusResponse>`; error wrapper `<ErrorResponse xmlns="N"><Error><Type>Sender</Type><Code>C</Code><Message>M</Message></Error><RequestId>r1</RequestId></ErrorResponse>` with status 400 unless said. Content-Type `text/xml`; the exact body of every row is in the JSON file.',
);
lines.push(
  '- **CLI columns** (raw run: the CLI started directly against a loopback server on 127.0.0.1, env AWS_MAX_ATTEMPTS=1, TZ=UTC, no config): `json:` is the `--output json` stdout with its indentation removed (all other characters exact), `text:` the `--output text` stdout as a JSON string. For a failure, the exit status and the stderr line (`An error occurred…`, or the first error line); **[traceback]** marks a Python traceback on stderr.',
);
lines.push(
  '- **boto3** column: `examples/python-boto3/get_status_client.py` answer exactly (json.dumps of what `get_status` returned minus ResponseMetadata; datetimes as isoformat, non-JSON values as repr), or the ClientError / exception code and message.',
);
lines.push(
  '- **aws-sdk v2** column: what `getStatus().promise()` resolved (minus ResponseMetadata) in this process under TZ=UTC; `Date(…)` is the resolved Date as ISO, `number(NaN)` a NaN; or the rejection code, message and statusCode.',
);
lines.push(
  '- **harness** column: `describeOutcome` of the project Harness with the built-in adapters (aws-sdk v2 there runs under TZ America/St_Johns) and the reference expectation (`describeExpected`), in the collapsed table under each item.',
);
lines.push('');

for (const item of [...new Set(data.map((p) => p.item))]) {
  lines.push(`## ${item}. ${ITEMS[item]}`, '');
  lines.push('| Body | AWS CLI v1 | AWS CLI v2 | boto3 | aws-sdk v2 (TZ=UTC) |', '|---|---|---|---|---|');
  const rows = data.filter((p) => p.item === item);
  for (const p of rows) {
    const r = p.raw;
    lines.push(
      `| ${esc(p.label)}${p.status !== 200 ? ` (HTTP ${p.status})` : ''} | ${cliCell(r.v1json, r.v1text)} | ${cliCell(r.v2json, r.v2text)} | ${botoCell(r.boto3)} | ${sdkCell(p.sdkUtc)} |`,
    );
  }
  lines.push('');
  lines.push('<details><summary>Harness outcomes (describeOutcome) and reference expectation</summary>', '');
  lines.push(
    '| Body | reference | aws-cli-v1 | aws-cli-v2 | boto3 | aws-sdk-v2 (TZ America/St_Johns) |',
    '|---|---|---|---|---|---|',
  );
  for (const p of rows) {
    const h = p.harness;
    const strip = (o: unknown) => {
      // The text output is in the raw columns; drop it here.
      if (o && typeof o === 'object' && 'resolved' in o) return { resolved: (o as { resolved: unknown }).resolved };
      return o;
    };
    lines.push(
      `| ${esc(p.label)} | ${code(JSON.stringify(p.reference, big))} | ${CLIENTS.map((c) => code(JSON.stringify(strip(h[c]), big))).join(' | ')} |`,
    );
  }
  lines.push('', '</details>', '');
}

lines.push('## Appendix: exact CLI stdout / stderr per body', '');
for (const p of data) {
  const r = p.raw;
  lines.push(`### ${p.id} (item ${p.item}) ${p.label}${p.status !== 200 ? ` — HTTP ${p.status}` : ''}`, '');
  for (const [key, title] of [
    ['v1json', 'v1 --output json'],
    ['v1text', 'v1 --output text'],
    ['v2json', 'v2 --output json'],
    ['v2text', 'v2 --output text'],
  ] as Array<[RawKey, string]>) {
    const proc = r[key]!;
    lines.push(`${title}: exit ${proc.exit}${proc.signal ? ` signal ${proc.signal}` : ''}`);
    if (proc.stdout !== '') lines.push('```', `stdout ${JSON.stringify(proc.stdout)}`, '```');
    if (proc.stderr !== '') {
      // A Python traceback is long: its start and its last lines (the exception) are kept.
      const st =
        proc.stderr.length > 1500
          ? `${JSON.stringify(proc.stderr.slice(0, 300))} … ${JSON.stringify(proc.stderr.slice(-500))} (${proc.stderr.length} characters)`
          : JSON.stringify(proc.stderr);
      lines.push('```', `stderr ${st}`, '```');
    }
  }
  lines.push('');
}
writeFileSync('/tmp/probe-results.generated.md', `${lines.join('\n')}\n`);
console.error(
  `wrote /tmp/probe-results.generated.md${process.env.PROBE_REPORT_ONLY ? '' : ' and /tmp/probe-results.json'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
);
