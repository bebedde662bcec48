/**
 * The CI recipes in docs/CI.md run, not just read well: each is valid YAML, and its commands run
 * here as written, in a directory laid out as a client's repository, on the reference client
 * instead of the client's adapter and with `--runs 5` instead of 100. Only `npm ci` and the
 * actions' own steps are left out.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseDocument } from 'yaml';
import { ROOT } from '../run-tool.ts';

const DOC = readFileSync(join(ROOT, 'docs/CI.md'), 'utf8');
const TOOL = `${JSON.stringify(process.execPath)} ${JSON.stringify(join(ROOT, 'cli/bin.js'))}`;

/** The fenced blocks of a language, by the file name their first line gives (`# name`). */
function blocks(language: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const [, body] of DOC.matchAll(new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``, 'g'))) {
    const name = /^# (\S+)\n/.exec(body)?.[1];
    if (name) found.set(name, body);
  }
  return found;
}

// biome-ignore lint/suspicious/noExplicitAny: a CI file's YAML, walked by the assertions that say its shape
function parseYaml(text: string): Record<string, any> {
  const document = parseDocument(text, { prettyErrors: false });
  expect(document.errors.map((e) => e.message)).toEqual([]);
  return document.toJS();
}

const scratch = mkdtempSync(join(tmpdir(), 'ci-recipes-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The recipes' client and runs, made the reference's and 5. */
function onTheReference(command: string): string {
  expect(command).toContain(ADAPTER);
  return command.replace(ADAPTER, '--adapter reference').replace('--runs 100', '--runs 5');
}
const ADAPTER = '--adapter ./conformance/my-adapter.ts';

/** A client's repository, with the baseline the doc's first command writes. */
const template = join(scratch, 'template');
beforeAll(async () => {
  mkdirSync(join(template, 'conformance'), { recursive: true });
  const update = /^ {2}(npx getstatus-conformance .*--update-baseline .*)$/m.exec(DOC)?.[1];
  expect(update).toBeDefined();
  expect(await shell(`${onTheReference(update!)} --runs 5`, template, {})).toMatchObject({ code: 0 });
  expect(JSON.parse(readFileSync(join(template, 'conformance/known-deviations.json'), 'utf8'))).toEqual({ known: [] });
});
const clientRepository = (name: string) => {
  const dir = join(scratch, name);
  cpSync(template, dir, { recursive: true });
  return dir;
};

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** One recipe command through bash, as a CI runner runs it, with the tool of this checkout. */
function shell(command: string, cwd: string, env: Record<string, string>): Promise<Ran> {
  const line = command.replace(/\bnpx getstatus-conformance\b/g, TOOL);
  return new Promise((resolve) => {
    execFile(
      'bash',
      ['-eo', 'pipefail', '-c', line],
      { cwd, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 120_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
      },
    );
  });
}

/** The recipe's variables, on the reference with 5 runs. */
function variables(given: Record<string, string>): Record<string, string> {
  expect(given.CONFORMANCE_ARGS).toContain('--runs 100');
  return { ...given, CONFORMANCE_ARGS: onTheReference(given.CONFORMANCE_ARGS) };
}

async function runAll(commands: string[], cwd: string, env: Record<string, string>) {
  for (const command of commands) {
    const ran = await shell(command, cwd, env);
    expect({ command, code: ran.code, stderr: ran.code === 0 ? '' : ran.stderr }).toEqual({
      command,
      code: 0,
      stderr: '',
    });
  }
}

const junitOf = (file: string) =>
  new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(readFileSync(file, 'utf8')).testsuites;

describe('docs/CI.md', () => {
  test('the GitHub Actions workflow: shards over the matrix, a merge that checks the baseline, JUnit and HTML uploaded, Markdown on the summary page', async () => {
    const workflow = parseYaml(blocks('yaml').get('.github/workflows/conformance.yml')!);
    const { shard, report } = workflow.jobs;
    const shards: number[] = shard.strategy.matrix.shard;
    expect(report.needs).toBe('shard');
    const runSteps = (job: { steps: Array<{ run?: string }> }) => job.steps.flatMap((s) => (s.run ? [s.run] : []));
    const actions = (job: { steps: Array<{ uses?: string; with?: Record<string, unknown> }> }) =>
      job.steps.filter((s) => s.uses);
    for (const job of [shard, report])
      expect(runSteps(job).filter((r) => !r.startsWith('npx getstatus-conformance'))).toEqual(['npm ci']);

    const dir = clientRepository('github');
    const env: Record<string, string> = { ...variables(workflow.env), GITHUB_STEP_SUMMARY: join(dir, 'summary.md') };
    // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub Actions' own expression syntax, not a template
    const shardNumber = '${{ matrix.shard }}';
    for (const index of shards) {
      const commands = runSteps(shard)
        .filter((r) => r !== 'npm ci')
        .map((r) => r.replaceAll(shardNumber, String(index)));
      for (const command of commands) expect(command).not.toContain('${{');
      await runAll(commands, dir, env);
    }
    // What the shards upload is what the report job downloads and merges.
    const upload = actions(shard).find((s) => s.uses!.startsWith('actions/upload-artifact'))!;
    const download = actions(report).find((s) => s.uses!.startsWith('actions/download-artifact'))!;
    expect(String(upload.with!.path).replace(/\/$/, '')).toBe(download.with!.path);
    expect(readdirSync(join(dir, String(download.with!.path))).sort()).toEqual(
      shards.map((i) => `blob-${i}-${shards.length}.json`),
    );

    await runAll(
      runSteps(report).filter((r) => r !== 'npm ci'),
      dir,
      env,
    );
    const uploads = actions(report).filter((s) => s.uses!.startsWith('actions/upload-artifact'));
    const junitUpload = uploads.find((s) => String(s.with!.path).endsWith('.xml'))!;
    const junit = junitOf(join(dir, String(junitUpload.with!.path)));
    const htmlUpload = uploads.find((s) => String(s.with!.path).endsWith('.html'))!;
    expect(readFileSync(join(dir, String(htmlUpload.with!.path)), 'utf8')).toMatch(
      /^<!DOCTYPE html>[\s\S]*<p class="summary">0 deviations \(0 MUST\)/,
    );
    expect(Number(junit['@tests'])).toBeGreaterThan(40);
    expect(junit['@failures']).toBe('0');
    const summary = readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8');
    expect(summary).toMatch(
      /^# GetStatus conformance: reference\n\nSeed 42, runs: 5 of up to 260 cases per property \(deviations may be missed\): 0 deviations .*; baseline: 0 known, 0 new, 0 fixed\.\n/,
    );

    // The merged report is the one an unsharded run gives.
    const whole = await shell(
      `npx getstatus-conformance ${env.CONFORMANCE_ARGS} --baseline "$BASELINE" --strict-baseline --reporter junit`,
      dir,
      env,
    );
    expect(readFileSync(join(dir, String(junitUpload.with!.path)), 'utf8')).toBe(whole.stdout);
  }, 120_000);

  test('the GitLab CI job: parallel shards, then a merge with its JUnit report', async () => {
    const pipeline = parseYaml(blocks('yaml').get('.gitlab-ci.yml')!);
    const { conformance, 'conformance-report': report } = pipeline;
    expect(pipeline.stages).toEqual([conformance.stage, report.stage]);
    expect(report.needs).toEqual(['conformance']);
    for (const job of [conformance, report]) expect(job.script[0]).toBe('npm ci');

    const dir = clientRepository('gitlab');
    const env = variables(pipeline.variables);
    for (let index = 1; index <= conformance.parallel; index++) {
      await runAll(conformance.script.slice(1), dir, {
        ...env,
        CI_NODE_INDEX: String(index),
        CI_NODE_TOTAL: String(conformance.parallel),
      });
    }
    expect(conformance.artifacts.paths.every((p: string) => existsSync(join(dir, p)))).toBe(true);
    await runAll(report.script.slice(1), dir, env);
    const junit = junitOf(join(dir, report.artifacts.reports.junit));
    expect(Number(junit['@tests'])).toBeGreaterThan(40);
    expect(junit['@failures']).toBe('0');
  }, 120_000);
});
