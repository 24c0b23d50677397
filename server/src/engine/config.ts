import * as fs from 'node:fs';
import * as path from 'node:path';
import { ParseError, parse as parseJsonc, printParseErrorCode } from 'jsonc-parser';
import picomatch from 'picomatch';
import { normalizeSettings } from './settings';
import type { Settings } from './types';

/** The name of the configuration file, looked for in the file's folder and every folder above it. */
export const CONFIG_FILE_NAME = '.ecs-guard.json';

/** A suppression by path, for files that cannot hold a comment (strict JSON). */
export interface ConfigIgnore {
  /** A rule id, or "*" for every rule. */
  rule: string;
  /** A glob relative to the configuration file's folder. */
  path: string;
  reason?: string;
}

/** One `.ecs-guard.json`, read and checked. */
export interface ConfigFile {
  file: string;
  dir: string;
  settings: Settings;
  /** Globs (relative to `dir`) of files and folders not to scan. */
  exclude: string[];
  ignore: ConfigIgnore[];
  /** What was wrong in the file (it is still used for what was right). */
  errors: string[];
}

/** Reads a configuration file's text; never throws (problems go to `errors`). */
export function readConfig(file: string, text: string): ConfigFile {
  const errors: string[] = [];
  const parseErrors: ParseError[] = [];
  const raw = parseJsonc(text, parseErrors, { allowTrailingComma: true, disallowComments: false });
  for (const e of parseErrors.slice(0, 5)) errors.push(`${printParseErrorCode(e.error)} at offset ${e.offset}`);
  const o = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  if (raw !== undefined && o !== raw) errors.push('the file must hold a JSON object');
  for (const k of Object.keys(o)) {
    if (!['$schema', 'rules', 'exclude', 'trustedRegistries', 'secretNamePatterns', 'ignore'].includes(k)) errors.push(`unknown property "${k}"`);
  }
  const settings = normalizeSettings(o, msg => errors.push(msg));
  const exclude = Array.isArray(o.exclude) ? o.exclude.filter((x): x is string => typeof x === 'string') : [];
  const ignore: ConfigIgnore[] = [];
  if (Array.isArray(o.ignore)) {
    for (const entry of o.ignore) {
      const e = entry as Record<string, unknown>;
      if (e && typeof e.rule === 'string' && typeof e.path === 'string') {
        ignore.push({ rule: e.rule, path: e.path, reason: typeof e.reason === 'string' ? e.reason : undefined });
      } else errors.push('each "ignore" entry needs a "rule" and a "path"');
    }
  }
  return { file, dir: path.dirname(file), settings, exclude, ignore, errors };
}

/**
 * Finds and reads the configuration that applies to a file: the nearest `.ecs-guard.json` in its
 * folder or above. Results are cached per folder until {@link ConfigResolver.invalidate}.
 */
export class ConfigResolver {
  private byDir = new Map<string, ConfigFile | null>();

  constructor(private readFile: (p: string) => string | undefined = defaultRead) {}

  /** The configuration for the file at `file` (an absolute path), if any. */
  forFile(file: string): ConfigFile | undefined {
    return this.forDir(path.dirname(file));
  }

  forDir(dir: string): ConfigFile | undefined {
    const seen: string[] = [];
    let cur = dir;
    let found: ConfigFile | null | undefined;
    for (;;) {
      const cached = this.byDir.get(cur);
      if (cached !== undefined) {
        found = cached;
        break;
      }
      seen.push(cur);
      const candidate = path.join(cur, CONFIG_FILE_NAME);
      const text = this.readFile(candidate);
      if (text !== undefined) {
        found = readConfig(candidate, text);
        break;
      }
      const parent = path.dirname(cur);
      if (parent === cur) {
        found = null;
        break;
      }
      cur = parent;
    }
    for (const d of seen) this.byDir.set(d, found ?? null);
    return found ?? undefined;
  }

  /** Forgets everything (a configuration file was created, changed or deleted). */
  invalidate(): void {
    this.byDir.clear();
  }
}

function defaultRead(p: string): string | undefined {
  // Most folders have no configuration file: asking first is much cheaper than catching ENOENT.
  if (!fs.existsSync(p)) return undefined;
  try {
    return fs.readFileSync(p, 'utf8');
  } catch {
    return undefined;
  }
}

const matchers = new Map<string, (p: string) => boolean>();

/** Whether `relative` (a /-separated path) matches a glob; a glob without a slash matches at any depth. */
export function globMatch(glob: string, relative: string): boolean {
  let m = matchers.get(glob);
  if (!m) {
    const g = glob.replace(/^\.\//, '').replace(/\/$/, '/**');
    const pm = picomatch(g.includes('/') ? g : `**/${g}`, { dot: true });
    // A folder pattern also matches what is inside it.
    const inside = picomatch(g.includes('/') ? `${g}/**` : `**/${g}/**`, { dot: true });
    m = (p: string) => pm(p) || inside(p);
    matchers.set(glob, m);
  }
  return m(relative);
}

/** The path of `file` relative to `dir`, with forward slashes. */
export function relativePath(dir: string, file: string): string {
  return path.relative(dir, file).split(path.sep).join('/');
}

/** True when the configuration excludes the file from scanning. */
export function configExcludes(config: ConfigFile | undefined, file: string): boolean {
  if (!config || config.exclude.length === 0) return false;
  const rel = relativePath(config.dir, file);
  if (rel.startsWith('..')) return false;
  return config.exclude.some(g => globMatch(g, rel));
}

/** The configuration's `ignore` entries that apply to the file. */
export function configIgnoresFor(config: ConfigFile | undefined, file: string): { rule: string; reason?: string }[] {
  if (!config || config.ignore.length === 0) return [];
  const rel = relativePath(config.dir, file);
  return config.ignore.filter(i => globMatch(i.path, rel)).map(i => ({ rule: i.rule, reason: i.reason }));
}
