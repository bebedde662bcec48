/** Finding a client program on this machine and asking it its version, for adapters' `setup`. */
import { execFile } from 'node:child_process';
import { accessSync, constants, realpathSync, statSync } from 'node:fs';
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
    execFile(program, args, { timeout: 30_000, env: { ...process.env, LC_ALL: 'C.UTF-8' } }, (error, stdout, stderr) => {
      if (error) resolve(undefined);
      else resolve((stdout.trim() || stderr.trim()) || undefined);
    });
  });
}
