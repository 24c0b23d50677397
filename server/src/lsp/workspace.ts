import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Diagnostic, Range } from 'vscode-languageserver';
import { MAX_DOCUMENT_SIZE } from '../engine/analyze';
import { ConfigResolver, configExcludes, configIgnoresFor } from '../engine/config';
import { SkipRules, walkFiles } from '../engine/fileWalker';
import { RoleIndex, RoleUse } from '../engine/roleIndex';
import { mergeSettings } from '../engine/settings';
import { DEFAULT_SETTINGS, Settings } from '../engine/types';
import { CANDIDATE_FILE, mayBeOurs } from '../formats';
import { DiskAnalyzer } from './diskWorker';

/** What is kept of a file analysed from disk (not open in the editor): no text, no parse tree. */
interface DiskState {
  diagnostics: Diagnostic[];
  /** Ranges of the file's task-role uses, by their span start (for cross-file findings). */
  useRanges: Map<number, Range>;
}

export interface Folder {
  uri: string;
  path: string;
}

export const isCandidate = (file: string) => CANDIDATE_FILE.test(file) && !file.endsWith('.d.ts');

/** file:// URIs only: virtual documents have no folder, no configuration file and no disk. */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/**
 * The workspace as the server sees it: folders, configuration files, the findings of files read
 * from disk, and the role index over every analysed file (open or not).
 */
export class WorkspaceState {
  readonly roles = new RoleIndex();
  readonly config = new ConfigResolver();
  /** What the scan skips, for files reported one at a time by the file watcher. */
  readonly skipRules = new SkipRules();
  folders: Folder[] = [];
  private disk = new Map<string, DiskState>();

  /** `analyzer` decides which files are analysed off the server's thread (by default: none). */
  constructor(readonly analyzer: DiskAnalyzer = new DiskAnalyzer(undefined, () => undefined)) {}

  /** The folder containing a path, if any (the deepest one, for nested folders). */
  folderOf(file: string): Folder | undefined {
    let best: Folder | undefined;
    for (const f of this.folders) {
      const rel = path.relative(f.path, file);
      if (!rel.startsWith('..') && !path.isAbsolute(rel) && (!best || f.path.length > best.path.length)) best = f;
    }
    return best;
  }

  /** Engine settings for a file: defaults, then its .ecs-guard.json, then the editor's settings. */
  settingsFor(uri: string, editor: Settings): Settings {
    const file = uriToPath(uri);
    const config = file ? this.config.forFile(file) : undefined;
    const merged = config ? mergeSettings(DEFAULT_SETTINGS, config.settings, editor) : editor;
    const ignore = file ? configIgnoresFor(config, file) : [];
    return ignore.length ? { ...merged, ignore } : merged;
  }

  excludedByConfig(file: string): boolean {
    return configExcludes(this.config.forFile(file), file);
  }

  hasDisk(uri: string): boolean {
    return this.disk.has(uri);
  }

  diskDiagnostics(uri: string): Diagnostic[] | undefined {
    return this.disk.get(uri)?.diagnostics;
  }

  diskUseRange(uri: string, use: RoleUse): Range | undefined {
    return this.disk.get(uri)?.useRanges.get(use.span.start);
  }

  /**
   * Reads and analyses a file from disk, keeping only its diagnostics and role uses. Returns the
   * documents whose cross-file findings may have changed, or undefined when it is not ours.
   */
  analyzeFromDisk(file: string, settings: (uri: string) => Promise<Settings>, log: (msg: string) => void, wanted?: () => boolean): Promise<string[] | undefined> {
    return this.startFromDisk(file, settings, log, wanted).done;
  }

  /**
   * Reads a file from disk and starts its analysis: `offThread` says whether it runs on the worker
   * (so that a caller can go on meanwhile), `done` settles as `analyzeFromDisk`'s answer does. What
   * the analysis finds is stored only if `wanted()` still holds when it ends.
   */
  startFromDisk(file: string, settings: (uri: string) => Promise<Settings>, log: (msg: string) => void, wanted: () => boolean = () => true): { offThread: boolean; done: Promise<string[] | undefined> } {
    const uri = pathToFileURL(file).href;
    let text: string;
    try {
      // Synchronous on purpose: a small file reads in microseconds, while the promise API costs
      // several thread-pool round trips per file; the scan yields to the editor between files.
      const st = fs.statSync(file);
      if (st.size > MAX_DOCUMENT_SIZE) {
        log(`skipped ${file}: larger than ${MAX_DOCUMENT_SIZE / 1024 / 1024} MB`);
        return { offThread: false, done: Promise.resolve(this.forget(uri)) };
      }
      const buf = fs.readFileSync(file);
      const bom = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
      text = new TextDecoder('utf-8', { fatal: false }).decode(bom ? buf.subarray(3) : buf);
    } catch {
      return { offThread: false, done: Promise.resolve(this.forget(uri)) };
    }
    if (!mayBeOurs(text, uri)) return { offThread: false, done: Promise.resolve(this.forget(uri)) };
    const offThread = this.analyzer.offThread(text, uri);
    const done = (async () => {
      const result = await this.analyzer.analyze(text, uri, await settings(uri), offThread);
      if (!wanted()) return undefined;
      if (!result.parsed) return this.forget(uri);
      this.disk.set(uri, { diagnostics: result.diagnostics, useRanges: new Map(result.useRanges) });
      return this.roles.set(uri, result.uses);
    })();
    return { offThread, done };
  }

  /** Drops what is known of a file from disk; returns the documents affected. */
  forget(uri: string): string[] | undefined {
    const had = this.disk.delete(uri);
    const affected = this.roles.delete(uri);
    return had ? affected : affected.length ? affected : undefined;
  }

  /** Every file the scan has findings for (to clear them when the scan settings change). */
  diskUris(): string[] {
    return [...this.disk.keys()];
  }

  /** Lists the candidate files of a folder, honouring the excludes. */
  async candidates(folder: Folder, exclude: string[], cancelled: () => boolean): Promise<string[]> {
    const { files } = await walkFiles(folder.path, {
      accept: isCandidate,
      exclude,
      excluded: (full, isDir) => !isDir && this.excludedByConfig(full),
      cancelled,
    });
    return files;
  }
}
