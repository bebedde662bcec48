#!/usr/bin/env node
// A tiny GetStatus command-line client that behaves like the AWS CLI where the harness looks:
//   fake-cli.mjs get-status --job-id ID --endpoint-url URL [--api-version V] [--output json|text] [--print-garbage] [--timeout-ms MS]
// It POSTs the form, prints the result as the CLI's JSON (or a one-row text layout), and on an
// ErrorResponse prints the CLI's error line to stderr and exits 254.
const args = process.argv.slice(2);
const options = {};
for (let i = 1; i < args.length; i++) {
  const [name, inline] = args[i].split(/=(.*)/s);
  if (name === '--print-garbage') options.garbage = true;
  else options[name.replace(/^--/, '')] = inline ?? args[++i];
}
if (args[0] !== 'get-status') {
  process.stderr.write(`usage: fake-cli.mjs get-status --job-id ID --endpoint-url URL\n`);
  process.exit(252);
}
if (
  process.env.AWS_SESSION_TOKEN !== undefined ||
  process.env.AWS_ACCESS_KEY_ID !== 'AKIDEXAMPLE' ||
  !process.env.AWS_SECRET_ACCESS_KEY ||
  process.env.AWS_REGION !== 'us-east-1'
) {
  process.stderr.write('\nUnable to locate credentials. You can configure credentials by running "aws configure".\n');
  process.exit(253);
}
if (options.garbage) {
  process.stdout.write('this is not json\n');
  process.exit(0);
}
const form = new URLSearchParams({ Action: 'GetStatus', Version: '2010-06-01', JobId: options['job-id'] });
if (options['api-version'] !== undefined) form.set('APIVersion', options['api-version']);
let response;
let xml;
try {
  response = await fetch(options['endpoint-url'], {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: form,
    ...(options['timeout-ms'] !== undefined && { signal: AbortSignal.timeout(Number(options['timeout-ms'])) }),
  });
  xml = await response.text();
} catch (error) {
  process.stderr.write(`\n${error.name === 'TimeoutError' ? 'Read timeout on endpoint URL' : error.message}\n`);
  process.exit(255);
}
const element = (name, text) => new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(text)?.[1];
if (!response.ok) {
  const code = element('Code', xml);
  if (code) {
    process.stderr.write(
      `\nAn error occurred (${code}) when calling the GetStatus operation (reached max retries: 0): ${element('Message', xml) ?? ''}\n`,
    );
    process.exit(254);
  }
  process.stderr.write(`\nHTTP ${response.status} from ${options['endpoint-url']}\n`);
  process.exit(255);
}
const result = element('GetStatusResult', xml) ?? '';
const output = {};
for (const [, name, value] of result.matchAll(/<(\w+)>([^<]*)<\/\1>/g))
  output[name] = name === 'ErrorCount' ? Number(value) : value;
if (options.output === 'text') {
  process.stdout.write(
    `${Object.keys(output)
      .sort()
      .map((k) => output[k])
      .join('\t')}\n`,
  );
} else {
  process.stdout.write(`${JSON.stringify(output, null, 4)}\n`);
}
