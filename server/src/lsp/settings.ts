import type { Connection } from 'vscode-languageserver';
import { normalizeSettings } from '../engine/settings';
import { DEFAULT_SETTINGS, Settings } from '../engine/types';

/** What the editor's `ecsGuard.*` configuration says for one resource. */
export interface EditorSettings {
  enable: boolean;
  settings: Settings;
  /** Scan the whole workspace (not only open files). */
  workspaceScan: boolean;
  /** Globs (relative to the workspace folder) the workspace scan skips. */
  exclude: string[];
}

const DEFAULTS: EditorSettings = { enable: true, settings: DEFAULT_SETTINGS, workspaceScan: true, exclude: [] };

/**
 * Reads `ecsGuard.*` per document (settings are resource-scoped) through workspace/configuration,
 * caching until the client says the configuration changed.
 */
export class SettingsStore {
  private cache = new Map<string, Promise<EditorSettings>>();
  supported = false;

  constructor(private connection: Connection, private log: (msg: string) => void) {}

  get(uri: string): Promise<EditorSettings> {
    if (!this.supported) return Promise.resolve(DEFAULTS);
    let p = this.cache.get(uri);
    if (!p) {
      p = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'ecsGuard' }).then(
        raw => this.read(raw),
        err => {
          this.log(`could not read settings for ${uri}: ${err instanceof Error ? err.message : String(err)}`);
          return DEFAULTS;
        },
      );
      this.cache.set(uri, p);
    }
    return p;
  }

  /** Synchronously known settings for a document, if they have been read. */
  peek(uri: string): Promise<EditorSettings> | undefined {
    return this.supported ? this.cache.get(uri) : Promise.resolve(DEFAULTS);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  clear(): void {
    this.cache.clear();
  }

  private read(raw: unknown): EditorSettings {
    const o = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
    return {
      enable: o.enable !== false,
      settings: normalizeSettings(o, msg => this.log(`settings: ${msg}`)),
      workspaceScan: o.workspaceScan !== 'off' && o.workspaceScan !== false,
      exclude: Array.isArray(o.exclude) ? o.exclude.filter((x): x is string => typeof x === 'string') : [],
    };
  }
}
