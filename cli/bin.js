#!/usr/bin/env node
// Runs the TypeScript entry through tsx, so a clone works without a build step.
import { register } from 'tsx/esm/api';

register();
// A reader that stops early (`| head`) closes the pipe: stop quietly, as other command-line tools do.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const { main } = await import('./main.ts');
const code = await main(process.argv.slice(2));
// vitest sets process.exitCode of its own when a run ends; the tool's code has the last word.
process.exitCode = code;
process.on('exit', () => {
  process.exitCode = code;
});
