import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { newPage } from './browser';
import type { CodeServer } from './codeServer';

export const UI_FIXTURE = 'task-definition.json';
/** Where `"privileged": true`'s value starts in the fixture, as the editor's Go to Line takes it. */
const PRIVILEGED_AT = '9:21';
const PRIVILEGED_MESSAGE = "Container 'web' runs privileged";
const FIX_TITLE = "Remove 'privileged' from container 'web'";

/** The editor's text as rendered (Monaco renders spaces as no-break spaces). */
async function editorText(page: Page): Promise<string> {
  return ((await page.locator('.monaco-editor .view-lines').first().textContent()) ?? '').replace(/\u00a0/g, ' ');
}

/** Polls `cond` until it holds or `ms` have passed: for page and disk state no event announces. */
async function eventually(cond: () => Promise<boolean> | boolean, what: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() >= deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise(r => setTimeout(r, 100));
  }
}

/**
 * What a user sees and does: the squiggle, the Problems entry and the language status item; Ctrl+.
 * and Enter apply the fix; Ctrl+S writes it. Through the keyboard, as a user would: the quick fix
 * menu's pointer events are intercepted by its pointer block anyway. Screenshots go to `shots`.
 */
export async function runUiTest(browser: Browser, server: CodeServer, workspace: string, shots: string): Promise<void> {
  const file = path.join(workspace, UI_FIXTURE);
  const page = await newPage(browser);
  const step = (what: string) => console.log(`[ui] ${what}`);
  try {
    await page.goto(server.url(workspace), { waitUntil: 'domcontentloaded' });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const row = page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${UI_FIXTURE}"]`).first();
    await row.waitFor({ timeout: 60_000 });
    await row.click();
    await page.locator(`.tabs-container .tab[data-resource-name="${UI_FIXTURE}"]`).first().waitFor({ timeout: 30_000 });
    step('opened the task definition');

    // Activation, server start and the first analysis: the error squiggle on "privileged": true.
    const squiggle = page.locator('.monaco-editor .squiggly-error');
    await squiggle.first().waitFor({ state: 'attached', timeout: 60_000 });
    step(`squiggles: ${await squiggle.count()} error, ${await page.locator('.monaco-editor .squiggly-warning').count()} warning`);

    // The language status item says what the file was recognised as.
    const status = page.locator('[aria-label^="Editor Language Status:"]').first();
    await eventually(async () => /ECS Guard: ECS task definition/.test((await status.getAttribute('aria-label')) ?? ''),
      'the language status item to name the format', 30_000);
    step(`language status: ${await status.getAttribute('aria-label')}`);

    // The Problems panel (Ctrl+Shift+M toggles it: press it only when it is not showing).
    await page.locator('.monaco-editor .view-lines').first().click();
    const problems = page.locator('.markers-panel');
    if (!(await problems.isVisible())) await page.keyboard.press('Control+Shift+M');
    await eventually(async () => (await problems.innerText()).includes(PRIVILEGED_MESSAGE), 'the Problems entry', 30_000);
    step(`Problems: ${(await problems.innerText()).split('\n').filter(l => /privileged|root/.test(l)).join(' | ')}`);

    // Cursor onto the finding (Ctrl+G, line:column), as the Problems entry or F8 would put it.
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+G');
    await page.locator('.quick-input-widget input').waitFor({ timeout: 10_000 });
    await page.keyboard.type(PRIVILEGED_AT);
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
    await page.screenshot({ path: path.join(shots, '1-before.png') });

    await page.keyboard.press('Control+.');
    const item = page.locator('.action-widget .monaco-list-row', { hasText: FIX_TITLE }).first();
    await item.waitFor({ timeout: 30_000 });
    step(`quick fix menu: ${(await page.locator('.action-widget').first().innerText()).replace(/\s+/g, ' ').trim()}`);
    await page.screenshot({ path: path.join(shots, '2-quick-fix-menu.png') });
    for (let i = 0; i < 10 && !((await item.getAttribute('class')) ?? '').includes('focused'); i++) await page.keyboard.press('ArrowDown');
    if (!((await item.getAttribute('class')) ?? '').includes('focused')) throw new Error(`could not select "${FIX_TITLE}" with the keyboard`);
    await page.keyboard.press('Enter');

    await eventually(async () => !(await editorText(page)).includes('"privileged"'), 'the fix in the editor', 15_000).catch(async e => {
      throw new Error(`${(e as Error).message}; the editor shows:\n${await editorText(page)}`);
    });
    step('the editor text changed');
    await page.keyboard.press('Control+S');
    await eventually(() => !fs.readFileSync(file, 'utf8').includes('"privileged"'), 'the fixed file on disk', 15_000);
    step('saved: the file on disk has no "privileged"');
    await squiggle.first().waitFor({ state: 'detached', timeout: 15_000 });
    await eventually(async () => !(await problems.innerText()).includes(PRIVILEGED_MESSAGE), 'the Problems entry to go', 15_000);
    step('the error squiggle and the Problems entry are gone');
    await page.screenshot({ path: path.join(shots, '3-after.png') });
  } catch (e) {
    await page.screenshot({ path: path.join(shots, 'ui-failure.png') }).catch(() => undefined);
    throw e;
  } finally {
    await page.context().close().catch(() => undefined);
  }
}
