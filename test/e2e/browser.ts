import * as fs from 'node:fs';
import * as path from 'node:path';
import { Browser, Page, chromium } from 'playwright-core';

/** Debian's chromium: playwright-core drives it, so no browser is downloaded. */
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

export async function launchChromium(scratch: string): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run test/e2e/install-debian-packages.sh as root`);
  const xdg = path.join(scratch, 'chromium-xdg');
  fs.mkdirSync(xdg, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: !process.env.E2E_HEADFUL,
    // Chromium writes crash reports under ~/.config even with a throwaway profile.
    env: { ...process.env, XDG_CONFIG_HOME: xdg },
    // --no-sandbox: running as root; the rest keeps chromium from reaching out to Google.
    // The runner's own handlers stop code-server too; playwright's would exit first.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-default-apps'],
  });
}

export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 760 } });
  const page = await context.newPage();
  page.on('pageerror', e => console.log(`[page error] ${e.message}`));
  return page;
}

/** Closes the browser, but gives up after `ms`: cleanup must not hang (playwright kills it on exit). */
export async function closeBrowser(browser: Browser | undefined, ms = 10_000): Promise<void> {
  if (!browser) return;
  await Promise.race([browser.close().catch(() => undefined), new Promise(r => setTimeout(r, ms))]);
}
