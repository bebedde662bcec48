// A persistent client whose job id says how to misbehave: the protocol's failure modes, one per id.
import { createInterface } from 'node:readline';

const print = (line) => process.stdout.write(`${typeof line === 'string' ? line : JSON.stringify(line)}\n`);
const start = process.argv[2] ?? 'ready';
if (start === 'no-ready') print({ hello: true });
else if (start === 'exit-at-start') {
  process.stderr.write('cannot import the SDK\n');
  process.exit(1);
} else print({ ready: true, version: 'fake/1.0' });
// Keeps running after its input ends, as a client that never reads EOF would.
if (start === 'ignore-eof') setInterval(() => {}, 1 << 30);

for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
  const request = JSON.parse(line);
  const { id, jobId } = request;
  const base = { id };
  switch (jobId) {
    case 'ERROR':
      print({ ...base, error: { code: 'InvalidJobIdException', message: 'first line\nsecond line' } });
      break;
    case 'NO-CODE':
      print({ ...base, error: { code: null, message: 'the SDK failed' } });
      break;
    case 'EXIT':
      process.stderr.write('about to leave\n');
      process.exit(3);
      break;
    case 'THROW':
      throw new TypeError('Cannot read properties of undefined');
    case 'HANG':
      break;
    case 'STRING-OUTPUT':
      print({ ...base, output: 'job finished' });
      break;
    case 'GARBAGE':
      print('hello there');
      break;
    case 'WRONG-ID':
      print({ id: id + 1000, output: {} });
      break;
    case 'CANNOT':
      print({ ...base, cannotRepresent: 'a value of type Symbol' });
      break;
    case 'CRASH':
      print({ ...base, crash: "KeyError: 'GetStatusResult'" });
      break;
    case 'ENV':
      print({
        ...base,
        output: {
          JobId: jobId,
          ProgressMessage: JSON.stringify({
            NO_PROXY: process.env.NO_PROXY,
            no_proxy: process.env.no_proxy,
            AWS_MAX_ATTEMPTS: process.env.AWS_MAX_ATTEMPTS,
            AWS_SESSION_TOKEN: process.env.AWS_SESSION_TOKEN ?? null,
          }),
        },
      });
      break;
    case 'NOTHING':
      print({ ...base, result: 'ok' });
      break;
    default:
      // Who answered, and what it was told: the tests compare processes and requests.
      print({
        ...base,
        output: {
          JobId: jobId,
          Signature: String(process.pid),
          ProgressMessage: JSON.stringify({
            text: request.text,
            timeoutMs: request.timeoutMs,
            protocol: request.protocol,
            apiVersion: request.apiVersion ?? null,
          }),
        },
        ...(request.text && { text: `TEXT\t${jobId}\n` }),
      });
  }
}
