import type { Command } from '../command.ts';

/** A subcommand as `--help` lists it; its module (and what that imports) loads only when it runs. */
export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
}

/** Every subcommand, in the order `--help` lists them; the first is the default. */
export const COMMANDS: CommandEntry[] = [
  {
    name: 'run',
    summary: 'run the conformance suites against a client (the default command)',
    load: async () => (await import('./run.ts')).run,
  },
  {
    name: 'render',
    summary: 'print what a correct client outputs for a response body',
    load: async () => (await import('./render.ts')).render,
  },
  {
    name: 'rules',
    summary: 'print the catalogue of numbered rules (rules GS-X: one in full)',
    load: async () => (await import('./rules.ts')).rules,
  },
  {
    name: 'explain',
    summary: 'print one rule in full: why, source, what its check generates, its dimensions',
    load: async () => (await import('./rules.ts')).explain,
  },
  {
    name: 'docs',
    summary: 'write docs/SPEC.md from the rule catalogue (--check: fail when it is stale)',
    load: async () => (await import('./docs.ts')).docs,
  },
  {
    name: 'matrix',
    summary: 'run every installed client and write docs/CONFORMANCE.md (npm run matrix)',
    load: async () => (await import('./matrix.ts')).matrix,
  },
  {
    name: 'serve',
    summary: 'serve GetStatus responses on 127.0.0.1 for a client you run by hand',
    load: async () => (await import('./serve.ts')).serve,
  },
  {
    name: 'generate',
    summary: 'write generated cases (NAME.xml body + NAME.json) reproducibly from a seed',
    load: async () => (await import('./generate.ts')).generate,
  },
];
