#!/usr/bin/env node
// Runs the TypeScript entry through tsx, so a clone works without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
