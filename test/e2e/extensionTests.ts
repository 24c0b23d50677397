import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import type { Browser } from 'playwright-core';
import { newPage } from './browser';
import type { CodeServer } from './codeServer';

export interface SuiteResult {
  passes: number;
  failures: number;
  /** Why the run as a whole failed (timeout, no result), beyond failing tests. */
  error?: string;
}

export interface ExtensionTestRun {
  /** The name the tests' run() writes its result under (runMocha.ts). */
  name: string;
  /** The folder to open. */
  workspace: string;
  /** The compiled test entry exporting run(). */
  testsEntry: string;
  /**
   * The extension under development: the sources, or an empty extension to test what is installed
   * (VS Code runs extension tests only in a development window).
   */
  developmentPath: string;
  resultsDir: string;
  screenshotsDir: string;
  timeoutMs: number;
}

// Workbench chatter that says nothing about the tests.
const NOISE = /^(\[lifecycle\] Long running operations during shutdown|Resolving|Resolved|Creating a socket|Updating additional|Ignoring fetching|\[Service Worker\]|ChatSessionStore|Started local extension host|Extension host \(Remote\) is unresponsive|Extension host \(Remote\) is responsive)/;

/**
 * Runs extension tests inside code-server's extension host, as @vscode/test-electron does in a
 * desktop VS Code: the workbench's `payload` carries extensionTestsPath (and extensionDevelopmentPath),
 * the extension host loads the entry and calls run(), and when it settles the workbench calls
 * window.codeAutomationExit(code). The counts come from the file run() writes.
 */
export async function runExtensionTests(browser: Browser, server: CodeServer, run: ExtensionTestRun): Promise<SuiteResult> {
  const page = await newPage(browser);
  const resultFile = path.join(run.resultsDir, `${run.name}.json`);
  fs.rmSync(resultFile, { force: true });
  try {
    let exited: (code: number) => void = () => undefined;
    const exit = new Promise<number>(r => { exited = r; });
    await page.exposeFunction('codeAutomationExit', (code: number) => exited(Number(code)));
    // The workbench forwards its log and the extension host's console (mocha's reporter) here.
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown) => {
      const line = util.format(...(Array.isArray(args) ? args : [args]));
      if (process.env.E2E_VERBOSE || !NOISE.test(line)) console.log(`[${run.name}${type === 'error' ? ' error' : ''}] ${line}`);
    });
    const payload: [string, string][] = [
      ['extensionDevelopmentPath', server.remote(run.developmentPath)],
      ['extensionTestsPath', server.remote(run.testsEntry)],
      ['skipWelcome', 'true'],
    ];
    await page.goto(server.url(run.workspace, payload), { waitUntil: 'domcontentloaded' });

    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>(r => { timer = setTimeout(() => r('timeout'), run.timeoutMs); });
    const code = await Promise.race([exit, timeout]);
    clearTimeout(timer);
    if (code === 'timeout') {
      const shot = path.join(run.screenshotsDir, `${run.name}-timeout.png`);
      await page.screenshot({ path: shot }).catch(() => undefined);
      return { passes: 0, failures: 0, error: `no result within ${run.timeoutMs / 1000} s (screenshot ${path.relative(process.cwd(), shot)})` };
    }
    if (!fs.existsSync(resultFile)) {
      return { passes: 0, failures: 0, error: `the extension host exited ${code} without running the tests' run()` };
    }
    const r = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as SuiteResult;
    if (code !== 0 && r.failures === 0) r.error = `the extension host exited ${code}`;
    return r;
  } finally {
    await page.context().close().catch(() => undefined);
  }
}
