import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { CASE_KINDS, caseArbitrary, type Expected, type ResponseCase } from '../../generators/index.ts';
import { cliView, type ToleratedOutput } from '../../spec/index.ts';
import { choiceOption, EXIT, integerOption, UsageError, type Command } from '../command.ts';

const DEFAULT_SEED = 42;
const MAX_COUNT = 100_000;
/** fast-check reads a seed modulo 2^32: larger values would silently repeat smaller ones. */
const MAX_SEED = 2 ** 32 - 1;

/** A tolerated output's exact ErrorCount, null, or CreationDate as text kept as they are, the rest as `render --style v2` prints it. */
function toleratedView({ ErrorCount, CreationDate, ...rest }: ToleratedOutput): unknown {
  const date = CreationDate instanceof Date ? cliView({ CreationDate }, 'v2').CreationDate : CreationDate;
  return {
    ...cliView(rest, 'v2'),
    ...(ErrorCount !== undefined && { ErrorCount }),
    ...(date !== undefined && { CreationDate: date }),
  };
}

/** Outputs as AWS CLI v2 prints them in JSON, so a stored case reads like `render --style v2`. */
function expectedView(expected: Expected): unknown {
  switch (expected.outcome) {
    case 'output':
      return { outcome: 'output', output: cliView(expected.output, 'v2') };
    case 'fail':
      return { outcome: 'fail', error: expected.error };
    case 'fail-or-tolerated':
      return { outcome: 'fail-or-tolerated', rule: expected.rule, accept: expected.accept.map(toleratedView) };
  }
}

/** Everything about a case but its body, in a fixed key order: what `serve --case` and `render` read beside the .xml. */
export function caseJson(c: ResponseCase): string {
  const stored = {
    name: c.name,
    kind: c.kind,
    status: c.status,
    headers: c.headers,
    request: c.request,
    ...(c.label !== undefined && { label: c.label }),
    ...(c.fault !== undefined && { fault: c.fault }),
    expected: expectedView(c.expected),
  };
  // An ErrorCount beyond 2^53 is written as its exact digits, in a string.
  return `${JSON.stringify(stored, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v), 2)}\n`;
}

export const generate: Command = {
  name: 'generate',
  help: `Usage: getstatus-conformance generate --kind valid|invalid|error|fault [--count N] [--seed S] [--out DIR]

Generates responses the way the suites do, and writes each as NAME.xml (the body bytes) and
NAME.json ({name, kind, status, headers, request, label, fault, expected}; expected outputs as
AWS CLI v2 prints them in JSON). 'render NAME.xml' and 'serve --case NAME.xml' read both files.
  --kind K     valid, invalid (labelled with the rule they break), error, or fault
  --count N    how many cases (default 1; more than one needs --out)
  --seed S     fast-check seed, 0..${MAX_SEED} (default ${DEFAULT_SEED}); same seed, same files
  --out DIR    directory to write to (created if missing); files are numbered in order
Without --out, prints the one case: its JSON, then its body.`,
  options: { kind: { type: 'string' }, count: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' } },
  async run(values) {
    if (values.kind === undefined) throw new UsageError(`--kind is required: one of ${CASE_KINDS.join(', ')}`);
    const kind = choiceOption('kind', values.kind, CASE_KINDS, 'valid');
    const count = integerOption('count', values.count, { min: 1 }) ?? 1;
    if (count > MAX_COUNT) throw new UsageError(`--count must be at most ${MAX_COUNT}, got ${count}`);
    const seed = integerOption('seed', values.seed) ?? DEFAULT_SEED;
    if (seed > MAX_SEED) throw new UsageError(`--seed must be at most ${MAX_SEED}, got ${seed}`);
    const out = values.out === undefined ? undefined : String(values.out);
    if (out === undefined && count > 1)
      throw new UsageError('--count above 1 needs --out DIR; without it one case is printed');

    const cases = fc.sample(caseArbitrary(kind), { seed, numRuns: count });
    if (out === undefined) {
      process.stdout.write(caseJson(cases[0]));
      process.stdout.write(cases[0].body);
      return EXIT.ok;
    }
    const width = String(count).length;
    try {
      mkdirSync(out, { recursive: true });
      cases.forEach((c, i) => {
        const base = join(out, `${String(i + 1).padStart(width, '0')}-${c.name}`);
        writeFileSync(`${base}.xml`, c.body);
        writeFileSync(`${base}.json`, caseJson(c));
      });
    } catch (error) {
      throw new UsageError(`cannot write to '${out}': ${(error as Error).message}`);
    }
    process.stdout.write(`wrote ${count} ${kind} case${count === 1 ? '' : 's'} (seed ${seed}) to ${out}\n`);
    return EXIT.ok;
  },
};
