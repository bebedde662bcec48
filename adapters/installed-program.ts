/** Finding a client program on this machine and asking it its version, for adapters' `setup`. */
import { execFile } from 'node:child_process';
import {
  accessSync,
  constants,
  existsSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

const realPath = (path: string) => {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
};

/** Every executable named `name` on PATH, in PATH order, leaving out those that are (links to) an excluded file. */
export function programsOnPath(name: string, exclude: string[] = []): string[] {
  const excluded = new Set(exclude.map(realPath));
  const seen = new Set<string>();
  const found: string[] = [];
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    if (!isExecutableFile(candidate)) continue;
    const real = realPath(candidate);
    if (excluded.has(real) || seen.has(real)) continue;
    seen.add(real);
    found.push(candidate);
  }
  return found;
}

/** What `program args…` prints (stdout, else stderr), trimmed; undefined when it cannot run or fails. */
export function programOutput(program: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(
      program,
      args,
      { timeout: 30_000, env: { ...process.env, LC_ALL: 'C.UTF-8' } },
      (error, stdout, stderr) => {
        if (error) resolve(undefined);
        else resolve(stdout.trim() || stderr.trim() || undefined);
      },
    );
  });
}

/** Run as the interpreter starts (it is first on PYTHONPATH): writes the interpreter's path and leaves before the program runs. */
const PYTHON_PROBE = `import os, sys
if os.environ.get('GETSTATUS_PYTHON_PROBE'):
    with open(os.environ['GETSTATUS_PYTHON_PROBE'], 'w') as f:
        f.write(sys.executable)
    os._exit(0)
`;

/**
 * The Python interpreter a Python program (`aws`) runs under, whatever launches it (a pyenv
 * shim, a venv, `#!/usr/bin/env python3`): the program is started with a sitecustomize that
 * prints `sys.executable` and exits. Falls back to an absolute `#!` line.
 */
export async function pythonOf(program: string): Promise<string | undefined> {
  const dir = mkdtempSync(join(tmpdir(), 'getstatus-python-'));
  try {
    writeFileSync(join(dir, 'sitecustomize.py'), PYTHON_PROBE);
    const answer = join(dir, 'executable');
    const pythonPath = [dir, process.env.PYTHONPATH].filter(Boolean).join(delimiter);
    await new Promise<void>((done) =>
      execFile(
        program,
        ['--version'],
        { timeout: 30_000, env: { ...process.env, PYTHONPATH: pythonPath, GETSTATUS_PYTHON_PROBE: answer } },
        () => done(),
      ),
    );
    if (existsSync(answer)) return readFileSync(answer, 'utf8').trim() || undefined;
    const shebang = /^#!(\/\S*python[\d.]*)\s*$/.exec(readFileSync(program, 'utf8').split('\n')[0]);
    return shebang?.[1];
  } catch {
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
