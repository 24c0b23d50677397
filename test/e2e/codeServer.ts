import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { Group } from './processes';

/** The repository root (this file runs from out/test/e2e). */
export const ROOT = path.resolve(__dirname, '..', '..', '..');
/** code-server 4.100.3 (VS Code 1.100.3), installed by test/e2e/setup.sh outside the project's dependencies. */
export const CODE_SERVER = path.join(ROOT, '.e2e', 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/** A throwaway VS Code profile: nothing from an earlier run, nothing written to the home folder. */
export class Profile {
  readonly userDataDir: string;
  readonly extensionsDir: string;
  readonly config: string;
  readonly xdg: string;

  constructor(readonly dir: string, readonly port: number) {
    this.userDataDir = path.join(dir, 'user-data');
    this.extensionsDir = path.join(dir, 'extensions');
    this.config = path.join(dir, 'config.yaml');
    this.xdg = path.join(dir, 'xdg');
    for (const d of [path.join(this.userDataDir, 'User'), this.extensionsDir, this.xdg]) fs.mkdirSync(d, { recursive: true });
    // An explicit --config keeps code-server from writing ~/.config/code-server/config.yaml.
    fs.writeFileSync(this.config, [
      `bind-addr: 127.0.0.1:${port}`, 'auth: none', 'cert: false', 'disable-telemetry: true',
      'disable-update-check: true', 'disable-workspace-trust: true', '',
    ].join('\n'));
    fs.writeFileSync(path.join(this.userDataDir, 'User', 'settings.json'), JSON.stringify({
      // Hot exit would restore the buffers of an interrupted run over the fixtures.
      'files.hotExit': 'off',
      'files.autoSave': 'off',
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.enableExperiments': false,
      'security.workspace.trust.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'extensions.ignoreRecommendations': true,
      'git.enabled': false,
      'chat.commandCenter.enabled': false,
      'workbench.colorTheme': 'Default Dark Modern',
    }, null, 2));
  }

  args(): string[] {
    return ['--config', this.config, '--user-data-dir', this.userDataDir, '--extensions-dir', this.extensionsDir];
  }

  env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    return {
      ...process.env,
      // Turns off the extension gallery (Open VSX): nothing may be fetched, and no lookup noise.
      EXTENSIONS_GALLERY: '{}',
      // code-server writes its own logs and a default config under the XDG folders.
      XDG_CONFIG_HOME: path.join(this.xdg, 'config'),
      XDG_DATA_HOME: path.join(this.xdg, 'data'),
      XDG_CACHE_HOME: path.join(this.xdg, 'cache'),
      ...extra,
    };
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** `code-server --install-extension <vsix>` into the profile, as a user installs a downloaded VSIX. */
export async function installExtension(profile: Profile, vsix: string, ms = 120_000): Promise<string> {
  const g = new Group(process.execPath, [CODE_SERVER, ...profile.args(), '--install-extension', vsix], { env: profile.env() });
  try {
    const code = await g.exited(ms);
    if (code !== 0 || !/successfully installed/.test(g.output)) throw new Error(`--install-extension exited ${code}:\n${g.output}`);
    return g.output.trim();
  } finally {
    await g.stop();
  }
}

/** A running code-server on 127.0.0.1, leader of its own process group. */
export class CodeServer {
  private constructor(readonly group: Group, readonly authority: string) {}

  static async start(profile: Profile, env: Record<string, string>, ms = 60_000, verbose = false): Promise<CodeServer> {
    const group = new Group(process.execPath, [CODE_SERVER, ...profile.args()], { env: profile.env(env) },
      verbose ? chunk => process.stdout.write(`[code-server] ${chunk}`) : undefined);
    try {
      await new Promise<void>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`code-server did not listen within ${ms} ms:\n${group.output}`)), ms);
        const onData = () => {
          if (!group.output.includes('HTTP server listening')) return;
          clearTimeout(t);
          resolve();
        };
        group.proc.stdout!.on('data', onData);
        group.proc.stderr!.on('data', onData);
        group.proc.once('exit', code => {
          clearTimeout(t);
          reject(new Error(`code-server exited (${code}) before listening:\n${group.output}`));
        });
      });
    } catch (e) {
      await group.stop();
      throw e;
    }
    return new CodeServer(group, `127.0.0.1:${profile.port}`);
  }

  /** A path on the server as the workbench addresses it. */
  remote(p: string): string {
    return `vscode-remote://${this.authority}${p}`;
  }

  /** The workbench URL for a folder, with optional workbench payload (extension tests, development path). */
  url(folder: string, payload: [string, string][] = []): string {
    const q = `folder=${encodeURIComponent(folder)}`;
    return `http://${this.authority}/?${q}${payload.length ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : ''}`;
  }

  stop(): Promise<void> {
    return this.group.stop();
  }
}
