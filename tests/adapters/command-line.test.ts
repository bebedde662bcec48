/** Templates split like a shell would, placeholders filled per case, and the AWS CLI's output read back. */
import { expect, test } from 'vitest';
import { readCliError, readCliJson } from '../../adapters/aws-cli-output.ts';
import { commandArgv, splitCommandLine } from '../../adapters/command-line.ts';

test.each([
  { line: 'aws importexport get-status', args: ['aws', 'importexport', 'get-status'] },
  { line: '  spaced\t out \n ', args: ['spaced', 'out'] },
  { line: `'/opt/my tools/cli' --x`, args: ['/opt/my tools/cli', '--x'] },
  { line: `"say \\"hi\\" \\$HOME \\n"`, args: ['say "hi" $HOME \\n'] },
  { line: `a\\ b c`, args: ['a b', 'c'] },
  { line: `pre'quoted'post "x"'y'`, args: ['prequotedpost', 'xy'] },
  { line: `'' ""`, args: ['', ''] },
  { line: `--job-id='{jobId}'`, args: ['--job-id={jobId}'] },
])('split $line', ({ line, args }) => {
  expect(splitCommandLine(line)).toEqual(args);
});

test.each([`'open`, `"open`, `ok "open \\"`])('unterminated quote in %s is an error', (line) => {
  expect(() => splitCommandLine(line)).toThrow(/^unterminated/);
});

const ENDPOINT = 'http://127.0.0.1:4000/';
test.each([
  {
    name: 'every placeholder, each one argument',
    template: ['cli', '--job-id', '{jobId}', '--endpoint-url', '{endpoint}', '--api-version', '{apiVersion}'],
    request: { jobId: 'a b', apiVersion: '2.0' },
    argv: ['cli', '--job-id', 'a b', '--endpoint-url', ENDPOINT, '--api-version', '2.0'],
  },
  {
    name: 'option and value left out without an apiVersion',
    template: ['cli', '--api-version', '{apiVersion}', '--job-id', '{jobId}'],
    request: { jobId: 'J' },
    argv: ['cli', '--job-id', 'J'],
  },
  {
    name: '--opt={apiVersion} left out without an apiVersion',
    template: ['cli', '--api-version={apiVersion}', '--job-id={jobId}'],
    request: { jobId: 'J' },
    argv: ['cli', '--job-id=J'],
  },
  {
    name: '--opt={apiVersion} filled with one',
    template: ['cli', '--api-version={apiVersion}'],
    request: { jobId: 'J', apiVersion: '1.0' },
    argv: ['cli', '--api-version=1.0'],
  },
  {
    name: 'a bare positional {apiVersion} left out',
    template: ['cli', '{jobId}', '{apiVersion}'],
    request: { jobId: 'J' },
    argv: ['cli', 'J'],
  },
  {
    name: 'embedded elsewhere it becomes empty',
    template: ['cli', 'v={apiVersion};id={jobId}'],
    request: { jobId: 'J' },
    argv: ['cli', 'v=;id=J'],
  },
  {
    name: 'a value that looks like a placeholder is not expanded again',
    template: ['cli', '{jobId}'],
    request: { jobId: '{endpoint}' },
    argv: ['cli', '{endpoint}'],
  },
  {
    name: 'the budget in ms, and in whole seconds rounded up',
    template: ['cli', '--deadline-ms', '{timeoutMs}', '--read-timeout={timeoutSeconds}'],
    request: { jobId: 'J' },
    argv: ['cli', '--deadline-ms', '2500', '--read-timeout=3'],
  },
])('argv: $name', ({ template, request, argv }) => {
  expect(commandArgv(template, request, ENDPOINT, 2500)).toEqual(argv);
});

test.each([
  {
    name: 'AWS CLI v2 with retries note',
    stderr:
      '\nAn error occurred (InvalidJobIdException) when calling the GetStatus operation (reached max retries: 0): No such job: a: b\n',
    code: 'InvalidJobIdException',
    message: 'No such job: a: b',
  },
  {
    name: 'AWS CLI v1 without it',
    stderr: 'An error occurred (ExpiredJobIdException) when calling the GetStatus operation: The job expired.\n',
    code: 'ExpiredJobIdException',
    message: 'The job expired.',
  },
  {
    name: 'the first coded line wins, its message runs to the end of stderr',
    stderr:
      'warning: something\nAn error occurred (Throttling) when calling the GetStatus operation: Rate exceeded\nAn error occurred (Other) when calling the GetStatus operation: x\n',
    code: 'Throttling',
    message: 'Rate exceeded\nAn error occurred (Other) when calling the GetStatus operation: x',
  },
  {
    name: 'a message over several lines, CR LF line ends',
    stderr:
      '\r\nAn error occurred (InvalidJobIdException) when calling the GetStatus operation (reached max retries: 0): line one\r\n  line two\r\n',
    code: 'InvalidJobIdException',
    message: 'line one\n  line two',
  },
  {
    name: "a message that is a CR, from the AWS CLI's LF line ends: the CR is the message's",
    stderr: '\nAn error occurred (ServiceUnavailable) when calling the GetStatus operation: \r\n',
    code: 'ServiceUnavailable',
    message: '\r',
  },
  {
    name: 'a code in another sentence',
    stderr: 'fatal: An error occurred (SignatureDoesNotMatch): bad signature\n',
    code: 'SignatureDoesNotMatch',
    message: 'bad signature',
  },
  {
    name: 'no code: the last non-empty line',
    stderr: '\nConnection was closed before we received a valid response\n\n',
    code: undefined,
    message: 'Connection was closed before we received a valid response',
  },
  {
    name: 'nothing at all',
    stderr: '',
    code: undefined,
    message: 'the command exited with status 255 and printed nothing on stderr',
  },
])('stderr: $name', ({ stderr, code, message }) => {
  const error = readCliError(stderr, 255);
  expect({ code: error.code, message: error.message, exitCode: error.exitCode }).toEqual({
    code,
    message,
    exitCode: 255,
  });
});

test('stdout JSON: empty is {}, CreationDate in either CLI style becomes that instant, other values stay as printed', () => {
  expect(readCliJson('')).toEqual({});
  expect(readCliJson('\n')).toEqual({});
  const v2 = readCliJson('{"JobId": "J", "ErrorCount": 0, "CreationDate": "2015-05-27T20:58:21+02:00"}');
  expect(v2).toEqual({ JobId: 'J', ErrorCount: 0, CreationDate: new Date('2015-05-27T18:58:21Z') });
  expect(v2.CreationDate).toBeInstanceOf(Date);
  expect(readCliJson('{"CreationDate": "2015-05-27T18:58:21.5Z"}').CreationDate).toEqual(
    new Date('2015-05-27T18:58:21.500Z'),
  );
  // AWS CLI v1 prints garbage dates as received: they stay strings, for the judge to see.
  expect(readCliJson('{"CreationDate": "not-a-date"}')).toEqual({ CreationDate: 'not-a-date' });
});

test('stdout that is no JSON is not the CLI output: crashed', () => {
  expect(() => readCliJson('not json')).toThrow(expect.objectContaining({ name: 'ClientCrashed' }));
});

// JSON that is no object is what the client resolved with: the judge reports it as no output, under the response's rule.
test.each([
  ['[1, 2]', [1, 2]],
  ['"text"', 'text'],
  ['null', null],
])('stdout %s is what the client resolved with', (stdout, value) => {
  expect(readCliJson(stdout)).toEqual(value);
});
