/** The `getstatus-conformance` command line: dispatch to a subcommand, turn bad input into one line and exit 2. */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { OptionError } from '../run/options.ts';
import { EXIT, UsageError, type Command } from './command.ts';
import { COMMANDS } from './commands/index.ts';

const TOOL = 'getstatus-conformance';

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `${TOOL}: conformance suite for clients of the AWS Import/Export GetStatus API`,
    '',
    `Usage: ${TOOL} [command] [options]      (no command: run every suite against the reference client)`,
    `       ${TOOL} --version (or -v)        print the version`,
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    `Run '${TOOL} <command> --help' for a command's options.`,
  ].join('\n');
}

/**
 * `--timeout -5` as `--timeout=-5`: parseArgs takes a value that starts with a dash for an option
 * and calls it ambiguous; as one argument it reaches the option's own check, which says what is wrong.
 */
function joinNegativeValues(args: string[], options: Command['options']): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const name = /^--([^=]+)$/.exec(args[i])?.[1];
    if (name !== undefined && options[name]?.type === 'string' && /^-\d/.test(args[i + 1] ?? ''))
      out.push(`${args[i]}=${args[++i]}`);
    else out.push(args[i]);
  }
  return out;
}

async function dispatch(argv: string[]): Promise<number> {
  if (argv[0] === '--version' || argv[0] === '-v') {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    process.stdout.write(`${version}\n`);
    return EXIT.ok;
  }
  if (argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    process.stdout.write(`${overview()}\n`);
    return EXIT.ok;
  }
  const named = COMMANDS.find((c) => c.name === argv[0]);
  if (!named && argv[0] !== undefined && !argv[0].startsWith('-')) {
    throw new UsageError(`unknown command '${argv[0]}'; commands: ${COMMANDS.map((c) => c.name).join(', ')}`);
  }
  const command = await (named ?? COMMANDS[0]).load();
  const args = named ? argv.slice(1) : argv;
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${command.help}\n`);
    return EXIT.ok;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: joinNegativeValues(args, command.options),
      options: command.options,
      allowPositionals: command.allowPositionals ?? false,
      strict: true,
    });
  } catch (error) {
    const message = (error as Error).message.split('\n')[0].replace(/\. To specify a positional.*$/, '');
    throw new UsageError(`${message}; see '${TOOL} ${command.name} --help'`);
  }
  return command.run(parsed.values as Record<string, string | boolean | string[] | undefined>, parsed.positionals);
}

export async function main(argv: string[]): Promise<number> {
  try {
    return await dispatch(argv);
  } catch (error) {
    if (error instanceof OptionError) {
      process.stderr.write(`${TOOL}: ${error.message}\n`);
      return EXIT.usage;
    }
    // Anything else is a defect of the tool, still reported as one line rather than a stack trace.
    process.stderr.write(
      `${TOOL}: internal error: ${error instanceof Error ? error.message : String(error)} (set DEBUG=1 for details)\n`,
    );
    if (process.env.DEBUG) console.error(error);
    return EXIT.usage;
  }
}
