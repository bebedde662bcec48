#!/usr/bin/env node
// Runs the TypeScript entry through tsx, so a clone works without a build step.
import { register } from 'tsx/esm/api';

// Commands that run suites load vitest before tsx's loader hooks are in place: through them, its
// hundreds of modules take three times as long to load. The others never load it.
const command = process.argv[2];
const informational = ['--help', '-h', '--version', '-v'].includes(command);
if (command === undefined || (command.startsWith('-') && !informational) || command === 'run' || command === 'matrix')
  await import('vitest/node');
register();
// A reader that stops early (`| head`) closes the pipe: stop quietly, as other command-line tools do.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
// Before any worker starts: a worker thread keeps the zone the process had when it was created.
const { IN_PROCESS_TIME_ZONE } = await import('../harness/time-zone.ts');
process.env.TZ = IN_PROCESS_TIME_ZONE;
const { main } = await import('./main.ts');
const code = await main(process.argv.slice(2));
// vitest sets process.exitCode of its own when a run ends; the tool's code has the last word.
process.exitCode = code;
process.on('exit', () => {
  process.exitCode = code;
});
