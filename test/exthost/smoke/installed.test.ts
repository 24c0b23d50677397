import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { openAndExpectDiagnostics, quickFixApplies, restoreWorkspace, unopenedFilesListed } from '../checks';
import { FORMATS, ON_DEMAND_FILES } from '../formats';
import { EXTENSION_ID, SOURCE_DIR, openFixture, waitForActivation } from '../util';

// Against the extension installed from the VSIX: what users get. A package that lacks the server,
// a bundle or a parser fails here even when the sources work.
describe('installed VSIX', () => {
  afterEach(() => restoreWorkspace(FORMATS.map(f => f.fixture)));

  it('is the installed package, not the sources', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not installed`);
    const repo = path.resolve(SOURCE_DIR, '..', '..');
    assert.ok(!path.resolve(ext.extensionPath).startsWith(repo + path.sep) && path.resolve(ext.extensionPath) !== repo,
      `running ${ext.extensionPath}, inside the sources`);
    const manifest = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
    assert.equal(ext.packageJSON.version, manifest.version, 'a stale VSIX');
  });

  it('activates on a served document', async () => {
    await openFixture(FORMATS[0].fixture);
    await waitForActivation();
  });

  // The CDK parsers are not in the server bundle: the server loads them from beside itself on first
  // need. The CDK entries below show that they load from the package; this says which file is missing.
  it('ships the parsers the CDK formats load on demand', () => {
    const dist = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist');
    for (const f of ON_DEMAND_FILES) assert.ok(fs.existsSync(path.join(dist, f)), `the package lacks dist/${f}`);
  });

  for (const c of FORMATS) {
    describe(c.format, () => {
      it('shows the expected diagnostics', () => openAndExpectDiagnostics(c));
      it('applies the quick fix', () => quickFixApplies(c));
    });
  }

  it('lists the findings of files never opened (workspace scan)', () => unopenedFilesListed());
});
