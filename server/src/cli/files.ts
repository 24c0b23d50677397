import * as fs from 'node:fs';
import * as path from 'node:path';

/** Folders never walked into: dependencies, VCS data, build output, CDK's synthesized copies, Python environments and caches. */
export const DEFAULT_SKIPPED_DIRS = new Set(['node_modules', '.git', 'cdk.out', '.hg', '.svn', '.venv', 'venv', '__pycache__']);

export interface WalkResult {
  files: string[];
  /** Paths given on the command line that could not be read. */
  errors: string[];
}

/**
 * Expands the command line's paths into files: files as given, folders walked (without following
 * links out of them) for names that `accept` takes. Iterative, sorted for stable output.
 */
export function collectFiles(paths: string[], accept: (file: string) => boolean, skipDir: (name: string) => boolean = n => DEFAULT_SKIPPED_DIRS.has(n)): WalkResult {
  const files: string[] = [];
  const errors: string[] = [];
  for (const p of paths) {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch (e) {
      errors.push(`${p}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (e as Error).message}`);
      continue;
    }
    if (st.isFile()) {
      files.push(p);
      continue;
    }
    if (!st.isDirectory()) {
      errors.push(`${p}: not a file or directory`);
      continue;
    }
    const stack = [p];
    const found: string[] = [];
    while (stack.length) {
      const dir = stack.pop()!;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch (e) {
        errors.push(`${dir}: ${(e as Error).message}`);
        continue;
      }
      for (const e of entries) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) {
          if (!skipDir(e.name)) stack.push(full);
        } else if (e.isFile() && accept(full)) {
          found.push(full);
        }
      }
    }
    files.push(...found.sort());
  }
  return { files, errors };
}

/** Reads a file as text: UTF-8, BOM removed (and reported, so a writer can put it back). */
export function readText(file: string): { text: string; bom: boolean } {
  const buf = fs.readFileSync(file);
  const bom = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bom ? buf.subarray(3) : buf);
  return { text, bom };
}
