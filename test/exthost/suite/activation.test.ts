import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { restoreWorkspace } from '../checks';
import { FORMATS } from '../formats';
import { EXTENSION_ID, SOURCE_DIR, openFixture, waitForActivation } from '../util';

// The activation time is held to its budget by the e2e runner, from the extension's own log line:
// in here the extension may already be active before the first test (see waitForActivation).
describe('activation (extension under development)', () => {
  afterEach(() => restoreWorkspace(FORMATS.map(f => f.fixture)));

  it('runs the sources, not an installed copy', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not loaded`);
    assert.equal(path.resolve(ext.extensionPath), path.resolve(SOURCE_DIR, '..', '..'));
  });

  it('is active once a document of a served language is open', async () => {
    await openFixture(FORMATS[0].fixture);
    const ext = await waitForActivation();
    assert.equal(ext.exports, undefined, 'the extension exports no API');
  });

  it('activates only on the languages it serves, every format\'s among them', () => {
    const events: string[] = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.activationEvents;
    assert.deepEqual(events.filter(e => !e.startsWith('onLanguage:')), [], 'activation on anything but a served language');
    for (const f of FORMATS) assert.ok(events.includes(`onLanguage:${f.languageId}`), `${f.format}: no onLanguage:${f.languageId}`);
  });

  it('registers its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const c of ['ecsGuard.showOutput', 'ecsGuard.restartServer']) assert.ok(commands.includes(c), c);
  });
});
