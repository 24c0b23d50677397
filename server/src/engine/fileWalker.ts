import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { Ignore } from 'ignore';
import { globMatch, relativePath } from './config';

/** Folders never walked into: dependencies, VCS data, build output, CDK's synthesized copies, virtualenvs. */
export const DEFAULT_EXCLUDED_DIRS: ReadonlySet<string> = new Set([
  'node_modules', '.git', '.hg', '.svn', 'cdk.out', 'dist', 'build', '.terraform', '.venv', 'venv', '__pycache__', '.e2e',
]);

export interface WalkOptions {
  /** Whether a file name is worth reading at all (by extension). */
  accept(file: string): boolean;
  /** Globs relative to the walk's root that exclude files and folders. */
  exclude?: string[];
  /** Further exclusion, e.g. a configuration file's `exclude` (absolute path in). */
  excluded?(absolute: string, isDir: boolean): boolean;
  /** Honour .gitignore files found on the way (default true). */
  gitignore?: boolean;
  excludedDirs?: ReadonlySet<string>;
  /** Stop early (a cancelled workspace scan). */
  cancelled?(): boolean;
}

interface Frame {
  dir: string;
  ignores: { base: string; ig: Ignore }[];
}

/**
 * Lists the candidate files under `root`, sorted, without following symbolic links (a link never
 * takes the walk, or a later --fix, outside the folder it was given). Iterative, so any depth is fine.
 */
export async function walkFiles(root: string, options: WalkOptions): Promise<{ files: string[]; errors: string[] }> {
  const files: string[] = [];
  const errors: string[] = [];
  const useGitignore = options.gitignore !== false;
  const skip = options.excludedDirs ?? DEFAULT_EXCLUDED_DIRS;
  const stack: Frame[] = [{ dir: root, ignores: [] }];
  let visited = 0;
  while (stack.length) {
    if (options.cancelled?.()) break;
    const { dir, ignores: inherited } = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch (e) {
      errors.push(`${dir}: ${(e as Error).message}`);
      continue;
    }
    let ignores = inherited;
    if (useGitignore && entries.some(e => e.name === '.gitignore' && e.isFile())) {
      try {
        const ig = ignore().add(await fs.promises.readFile(path.join(dir, '.gitignore'), 'utf8'));
        ignores = [...inherited, { base: dir, ig }];
      } catch {
        // An unreadable .gitignore ignores nothing.
      }
    }
    const isIgnored = (full: string, isDir: boolean) => {
      for (const { base, ig } of ignores) {
        const rel = relativePath(base, full);
        if (rel && !rel.startsWith('..') && ig.ignores(isDir ? rel + '/' : rel)) return true;
      }
      if (options.exclude?.length) {
        const rel = relativePath(root, full);
        if (options.exclude.some(g => globMatch(g, rel))) return true;
      }
      return options.excluded?.(full, isDir) ?? false;
    };
    const subdirs: string[] = [];
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!skip.has(e.name) && !isIgnored(full, true)) subdirs.push(full);
      } else if (e.isFile() && options.accept(full) && !isIgnored(full, false)) {
        files.push(full);
      }
    }
    // Reverse so that the stack pops folders in name order.
    for (const d of subdirs.sort().reverse()) stack.push({ dir: d, ignores });
    // Let other work (an editor request) run between folders.
    if (++visited % 50 === 0) await new Promise(r => setImmediate(r));
  }
  return { files: files.sort(), errors };
}

/**
 * Answers "would the walk skip this file?" for one file at a time (file-watcher events), with the
 * same rules: excluded folder names and every .gitignore between the root and the file.
 */
export class SkipRules {
  private gitignores = new Map<string, Ignore | null>();

  constructor(private excludedDirs: ReadonlySet<string> = DEFAULT_EXCLUDED_DIRS) {}

  skips(root: string, file: string): boolean {
    const rel = relativePath(root, file);
    if (rel.startsWith('..') || path.isAbsolute(rel)) return true;
    const parts = rel.split('/');
    if (parts.slice(0, -1).some(p => this.excludedDirs.has(p))) return true;
    let dir = root;
    for (let i = 0; i < parts.length; i++) {
      const ig = this.gitignoreOf(dir);
      if (ig) {
        const sub = parts.slice(i).join('/');
        if (ig.ignores(sub)) return true;
        // A folder on the way may be ignored as a folder ("generated/").
        for (let j = i + 1; j < parts.length; j++) if (ig.ignores(parts.slice(i, j).join('/') + '/')) return true;
      }
      dir = path.join(dir, parts[i]);
    }
    return false;
  }

  /** Forgets the .gitignore files read (one changed). */
  invalidate(): void {
    this.gitignores.clear();
  }

  private gitignoreOf(dir: string): Ignore | null {
    let ig = this.gitignores.get(dir);
    if (ig === undefined) {
      try {
        ig = ignore().add(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8'));
      } catch {
        ig = null;
      }
      this.gitignores.set(dir, ig);
    }
    return ig;
  }
}
