import type { Command } from '../command.ts';
import { docs } from './docs.ts';
import { render } from './render.ts';
import { rules } from './rules.ts';
import { serve } from './serve.ts';

/** Every subcommand, in the order `--help` lists them. */
export const COMMANDS: Command[] = [
  // commands: one line each
  render,
  rules,
  docs,
  serve,
];
