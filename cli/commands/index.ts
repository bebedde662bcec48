import type { Command } from '../command.ts';
import { docs } from './docs.ts';
import { generate } from './generate.ts';
import { matrix } from './matrix.ts';
import { render } from './render.ts';
import { rules } from './rules.ts';
import { run } from './run.ts';
import { serve } from './serve.ts';

/** Every subcommand, in the order `--help` lists them. */
export const COMMANDS: Command[] = [
  // commands: one line each
  run,
  render,
  rules,
  docs,
  matrix,
  serve,
  generate,
];
