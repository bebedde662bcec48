/**
 * Which failed client processes crashed: a sample of what each runtime prints for an uncaught
 * exception, written after each runtime's own output, against what clients print when they fail
 * cleanly (the AWS CLI included, whose internal errors print no trace).
 */
import { expect, test } from 'vitest';
import { crashFromTrace, findCrashTrace, RUNTIME_TRACES } from '../../adapters/crash-trace.ts';

const REJECTION =
  'UnhandledPromiseRejection: This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). The promise rejected with the reason "boom".';

const CRASHES = [
  {
    name: 'a Python traceback out of botocore',
    runtime: 'Python',
    exitCode: 1,
    stderr: `Traceback (most recent call last):
  File "/opt/client/get_status.py", line 24, in <module>
    main()
  File "/opt/client/get_status.py", line 19, in main
    result = client.get_status(JobId=args.job_id)
             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  File "/usr/lib/python3/dist-packages/botocore/parsers.py", line 637, in _find_result_wrapped_shape
    return mapping[element_name]
           ~~~~~~~^^^^^^^^^^^^^^
KeyError: 'GetStatusResult'
`,
    exception: "KeyError: 'GetStatusResult'",
  },
  {
    name: 'chained Python exceptions: the last one escaped',
    runtime: 'Python',
    exitCode: 1,
    stderr: `Traceback (most recent call last):
  File "/opt/client/get_status.py", line 8, in error_count
    return int(text)
           ^^^^^^^^^
ValueError: invalid literal for int() with base 10: 'abc'

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "/opt/client/get_status.py", line 30, in <module>
    error_count("abc")
  File "/opt/client/get_status.py", line 10, in error_count
    raise RuntimeError("bad ErrorCount")
RuntimeError: bad ErrorCount
`,
    exception: 'RuntimeError: bad ErrorCount',
  },
  {
    // The command contract is to print the error and exit; an SDK's error left uncaught is a crash all the same.
    name: "a Python traceback of botocore's ClientError, left uncaught",
    runtime: 'Python',
    exitCode: 1,
    stderr: `Traceback (most recent call last):
  File "/opt/client/get_status.py", line 19, in <module>
    print(json.dumps(client.get_status(JobId=sys.argv[1]), default=str))
                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  File "/usr/lib/python3/dist-packages/botocore/client.py", line 1060, in _make_api_call
    raise error_class(parsed_response, operation_name)
botocore.errorfactory.InvalidJobIdException: An error occurred (InvalidJobIdException) when calling the GetStatus operation: No such job
`,
    exception:
      'botocore.errorfactory.InvalidJobIdException: An error occurred (InvalidJobIdException) when calling the GetStatus operation: No such job',
  },
  {
    name: 'a Go panic',
    runtime: 'Go',
    exitCode: 2,
    stderr: `panic: runtime error: index out of range [1] with length 1

goroutine 1 [running]:
main.parseStatus({0xc000012345, 0x1f})
	/home/dev/getstatus/main.go:41 +0x1d9
main.main()
	/home/dev/getstatus/main.go:27 +0x8e
`,
    exception: 'panic: runtime error: index out of range [1] with length 1',
  },
  {
    name: 'a Go panic through `go run`, which exits 1',
    runtime: 'Go',
    exitCode: 1,
    stderr: `panic: interface conversion: interface {} is nil, not string

goroutine 1 [running]:
main.main()
	/home/dev/getstatus/main.go:33 +0x2f4
exit status 2
`,
    exception: 'panic: interface conversion: interface {} is nil, not string',
  },
  {
    name: 'a Node.js uncaught TypeError',
    runtime: 'Node.js',
    exitCode: 1,
    stderr: `file:///opt/client/get-status.mjs:14
  return result.GetStatusResult.JobId;
                                ^

TypeError: Cannot read properties of undefined (reading 'JobId')
    at parse (file:///opt/client/get-status.mjs:14:33)
    at file:///opt/client/get-status.mjs:22:1
    at ModuleJob.run (node:internal/modules/esm/module_job:325:25)
    at async ModuleLoader.import (node:internal/modules/esm/loader:606:24)

Node.js v20.20.2
`,
    exception: "TypeError: Cannot read properties of undefined (reading 'JobId')",
  },
  {
    name: 'a Node.js unhandled rejection, thrown from node:internal: its line cut to 200 characters',
    runtime: 'Node.js',
    exitCode: 1,
    stderr: `node:internal/process/promises:389
      new UnhandledPromiseRejection(reason);
      ^

${REJECTION}
    at throwUnhandledRejectionsMode (node:internal/process/promises:389:7)
    at processPromiseRejections (node:internal/process/promises:470:17)
    at process.processTicksAndRejections (node:internal/process/task_queues:96:32) {
  code: 'ERR_UNHANDLED_REJECTION'
}

Node.js v20.20.2
`,
    exception: `${REJECTION.slice(0, 199)}…`,
  },
  {
    name: 'a Node.js error with a two-line message, thrown from the uncaughtException handler (exit 7)',
    runtime: 'Node.js',
    exitCode: 7,
    stderr: `/opt/client/get-status.js:3
process.on('uncaughtException', (error) => { throw new Error(\`could not report: \${error.message}\`); });
                                             ^

Error: could not report: socket hang up
second line of the message
    at process.<anonymous> (/opt/client/get-status.js:3:52)
    at process.emit (node:events:524:28)
    at process._fatalException (node:internal/process/execution:188:25)

Node.js v20.20.2
`,
    exception: 'Error: could not report: socket hang up',
  },
  {
    name: 'a Java uncaught exception',
    runtime: 'Java',
    exitCode: 1,
    stderr: `Exception in thread "main" java.lang.NullPointerException: Cannot invoke "String.length()" because the return value of "java.util.Map.get(Object)" is null
	at com.example.getstatus.Client.main(Client.java:41)
`,
    exception:
      'java.lang.NullPointerException: Cannot invoke "String.length()" because the return value of "java.util.Map.get(Object)" is null',
  },
  {
    name: 'a Ruby uncaught exception (3.4 quotes)',
    runtime: 'Ruby',
    exitCode: 1,
    stderr: `/opt/client/get_status.rb:18:in 'Hash#fetch': key not found: "GetStatusResult" (KeyError)
	from /opt/client/get_status.rb:18:in 'GetStatus.parse'
	from /opt/client/get_status.rb:30:in '<main>'
`,
    exception: 'KeyError: key not found: "GetStatusResult"',
  },
  {
    name: 'a Ruby uncaught exception (before 3.4)',
    runtime: 'Ruby',
    exitCode: 1,
    stderr: `/usr/lib/ruby/3.1.0/json/common.rb:216:in \`parse': unexpected token at '<html>' (JSON::ParserError)
	from /usr/lib/ruby/3.1.0/json/common.rb:216:in \`parse'
	from get_status.rb:12:in \`<main>'
`,
    exception: "JSON::ParserError: unexpected token at '<html>'",
  },
  {
    name: 'a Rust panic (1.90 and later: thread id, message on its own line)',
    runtime: 'Rust',
    exitCode: 101,
    stderr: `thread 'main' (48213) panicked at src/main.rs:31:42:
called \`Option::unwrap()\` on a \`None\` value
note: run with \`RUST_BACKTRACE=1\` environment variable to display a backtrace
`,
    exception: "thread 'main' panicked at src/main.rs:31:42: called `Option::unwrap()` on a `None` value",
  },
  {
    name: 'a Rust panic (before 1.73)',
    runtime: 'Rust',
    exitCode: 101,
    stderr: `thread 'main' panicked at 'called \`Result::unwrap()\` on an \`Err\` value: ParseIntError { kind: InvalidDigit }', src/main.rs:27:50
note: run with \`RUST_BACKTRACE=1\` environment variable to display a backtrace
`,
    exception:
      "thread 'main' panicked at 'called `Result::unwrap()` on an `Err` value: ParseIntError { kind: InvalidDigit }', src/main.rs:27:50",
  },
  {
    name: 'a .NET unhandled exception, aborted through a shell (134)',
    runtime: '.NET',
    exitCode: 134,
    stderr: `Unhandled exception. System.Collections.Generic.KeyNotFoundException: The given key 'GetStatusResult' was not present in the dictionary.
   at System.Collections.Generic.Dictionary\`2.get_Item(TKey key)
   at GetStatus.Program.Main(String[] args) in /src/GetStatus/Program.cs:line 27
`,
    exception:
      "System.Collections.Generic.KeyNotFoundException: The given key 'GetStatusResult' was not present in the dictionary.",
  },
];

test.each(CRASHES)('$name: crashed, reason the exception line', ({ runtime, exitCode, stderr, exception }) => {
  expect(findCrashTrace(stderr, exitCode)).toEqual({ runtime, exception });
  const crash = crashFromTrace(stderr, exitCode);
  expect(crash).toMatchObject({ name: 'ClientCrashed', message: `the client crashed: ${exception}` });
  expect(crash!.message.length).toBeLessThanOrEqual('the client crashed: '.length + 200);
});

test('every runtime in the table has a sample', () => {
  expect(new Set(CRASHES.map((c) => c.runtime))).toEqual(new Set(RUNTIME_TRACES.map((t) => t.runtime)));
});

const CLEAN = [
  {
    name: 'the AWS CLI v1 error line',
    exitCode: 255,
    stderr: '\nAn error occurred (InvalidJobIdException) when calling the GetStatus operation: No such job\n',
  },
  {
    name: 'the AWS CLI v2 error line',
    exitCode: 254,
    stderr:
      '\nAn error occurred (InvalidJobIdException) when calling the GetStatus operation (reached max retries: 0): No such job\n',
  },
  // What both CLIs print for botocore's KeyError and ValueError on a bad body: no trace.
  { name: "the AWS CLI's internal error (KeyError)", exitCode: 255, stderr: "\n'GetStatusResult'\n" },
  {
    name: "the AWS CLI's internal error (ValueError)",
    exitCode: 255,
    stderr: "\ninvalid literal for int() with base 10: 'abc'\n",
  },
  {
    name: 'the AWS CLI with --debug: the traceback of an error it handled, then exit 255',
    exitCode: 255,
    stderr: `2025-05-27 18:58:21,114 - MainThread - awscli.clidriver - DEBUG - Exception caught in main()
Traceback (most recent call last):
  File "/usr/lib/python3/dist-packages/awscli/clidriver.py", line 460, in main
    return command_table[parsed_args.command](remaining, parsed_args)
           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  File "/usr/lib/python3/dist-packages/botocore/parsers.py", line 637, in _find_result_wrapped_shape
    return mapping[element_name]
           ~~~~~~~^^^^^^^^^^^^^^
KeyError: 'GetStatusResult'

'GetStatusResult'
`,
  },
  {
    name: 'a Go program that says "panic: " in its own words',
    exitCode: 2,
    stderr: 'panic: the service sent no JobId\n',
  },
  { name: "a Node.js program's own message", exitCode: 1, stderr: 'error: HTTP 500 from http://127.0.0.1:41234/\n' },
  {
    // console.error(error) in the client's own catch, then process.exit(1): handled, so no "Node.js v…" line under it.
    name: 'a Node.js program that logs the stack of an error it caught',
    exitCode: 1,
    stderr: `InvalidJobIdException: No such job
    at parseError (file:///opt/client/get-status.mjs:30:11)
    at file:///opt/client/get-status.mjs:41:5
`,
  },
  { name: 'nothing on stderr', exitCode: 1, stderr: '' },
];

test.each(CLEAN)('$name: a clean failure', ({ stderr, exitCode }) => {
  expect(findCrashTrace(stderr, exitCode)).toBeUndefined();
  expect(crashFromTrace(stderr, exitCode)).toBeUndefined();
});
