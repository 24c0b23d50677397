import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';

// `npm run icon`: renders images/icon.svg to the 128×128 images/icon.png the manifest names (the
// Marketplace takes no SVG icons), with Debian's chromium, as the e2e run drives it.
const ROOT = path.resolve(__dirname, '..', '..');

async function main(): Promise<void> {
  const svg = fs.readFileSync(path.join(ROOT, 'images', 'icon.svg'), 'utf8');
  const xdg = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-guard-icon-'));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    env: { ...process.env, XDG_CONFIG_HOME: xdg },
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
    await page.locator('svg').screenshot({ path: path.join(ROOT, 'images', 'icon.png'), omitBackground: true });
  } finally {
    await browser.close();
    fs.rmSync(xdg, { recursive: true, force: true });
  }
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
