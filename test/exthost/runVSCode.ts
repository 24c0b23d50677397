import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests, runVSCodeCommand } from '@vscode/test-electron';

// `npm run test:vscode`: the extension-host suites in a desktop VS Code that @vscode/test-electron
// downloads (into .vscode-test/), for machines that can reach Microsoft's servers. The same suites
// run in code-server by `npm run test:e2e` (test/e2e/run.ts) where nothing can be downloaded.
//   1. the suite against the sources (extensionDevelopmentPath = the repository),
//   2. the smoke test against the VSIX, installed into a fresh extensions folder.

/** The VS Code that code-server 4.100.3 embeds, so both runners test the same editor. */
const VERSION = '1.100.3';
const ROOT = path.resolve(__dirname, '..', '..', '..');
const OUT = __dirname;

interface Counts {
  passes: number;
  failures: number;
}

function profile(scratch: string, name: string): { userDataDir: string; extensionsDir: string; workspace: string } {
  const dir = path.join(scratch, name);
  const userDataDir = path.join(dir, 'user-data');
  const extensionsDir = path.join(dir, 'extensions');
  const workspace = path.join(dir, 'workspace');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir);
  fs.cpSync(path.join(ROOT, 'test', 'exthost', 'workspace'), workspace, { recursive: true });
  // Hot exit would restore an interrupted run's buffers over the fixtures.
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({
    'files.hotExit': 'off', 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false, 'git.enabled': false,
  }, null, 2));
  return { userDataDir, extensionsDir, workspace };
}

function counts(results: string, name: string): Counts {
  const f = path.join(results, `${name}.json`);
  return fs.existsSync(f) ? (JSON.parse(fs.readFileSync(f, 'utf8')) as Counts) : { passes: 0, failures: 1 };
}

async function phase(title: string, results: string, name: string, run: () => Promise<number>): Promise<Counts> {
  try {
    await run();
  } catch (e) {
    // runTests rejects when VS Code exits non-zero: a failed test, or VS Code failing to start.
    console.error(`${title}: ${(e as Error).message}`);
  }
  const c = counts(results, name);
  console.log(`${title}: ${c.passes} passed, ${c.failures} failed`);
  return c;
}

async function main(): Promise<number> {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  const vsix = path.join(ROOT, `${manifest.name}-${manifest.version}.vsix`);
  if (!fs.existsSync(vsix)) throw new Error(`${path.basename(vsix)} is missing: npm run package`);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-guard-vscode-'));
  const results = path.join(scratch, 'results');
  fs.mkdirSync(results);
  const env = { ECS_GUARD_EXTHOST_RESULTS: results };
  try {
    const dev = profile(scratch, 'sources');
    const suite = await phase('extension-host suite (sources)', results, 'suite', () => runTests({
      version: VERSION,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(OUT, 'index.js'),
      extensionTestsEnv: env,
      // A fresh extensions folder instead of --disable-extensions, which would also disable the
      // built-in extensions that define the json, yaml, … languages.
      launchArgs: [dev.workspace, `--user-data-dir=${dev.userDataDir}`, `--extensions-dir=${dev.extensionsDir}`],
    }));

    const installed = profile(scratch, 'vsix');
    await runVSCodeCommand(['--install-extension', vsix, `--user-data-dir=${installed.userDataDir}`,
      `--extensions-dir=${installed.extensionsDir}`], { version: VERSION });
    const smoke = await phase('smoke test (installed VSIX)', results, 'smoke', () => runTests({
      version: VERSION,
      // VS Code runs extension tests only with an extension under development: an empty one.
      extensionDevelopmentPath: path.join(ROOT, 'test', 'exthost', 'smoke', 'harness'),
      extensionTestsPath: path.join(OUT, 'smoke', 'index.js'),
      extensionTestsEnv: env,
      launchArgs: [installed.workspace, `--user-data-dir=${installed.userDataDir}`, `--extensions-dir=${installed.extensionsDir}`],
    }));

    const passes = suite.passes + smoke.passes;
    const failures = suite.failures + smoke.failures;
    console.log(`${passes} passed, ${failures} failed`);
    return failures === 0 && suite.passes > 0 && smoke.passes > 0 ? 0 : 1;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(code => process.exit(code), e => {
  console.error((e as Error).stack ?? e);
  process.exit(1);
});
