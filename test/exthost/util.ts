import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

/** test/exthost in the sources (this file runs from out/test/exthost). */
export const SOURCE_DIR = path.resolve(__dirname, '..', '..', '..', 'test', 'exthost');
/** Where the fixtures' expected texts after a fix live: outside the workspace, so nothing analyses them. */
export const EXPECTED_DIR = path.join(SOURCE_DIR, 'expected');

export const EXTENSION_ID = 'ecs-guard.ecs-guard';
export const SOURCE = 'ecs-guard';
export const FIX_ALL_KIND = 'source.fixAll.ecsGuard';

/** The workspace folder the runner opened: a throwaway copy of test/exthost/workspace. */
export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the runner must open a copy of test/exthost/workspace as the workspace folder');
  return folder;
}

export function fixtureUri(fixture: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, ...fixture.split('/'));
}

/** ECS Guard's diagnostics for a document (other extensions', e.g. JSON schema errors, are not ours). */
export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter(d => d.source === SOURCE);
}

export function ruleOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** `line:character-line:character`, zero-based as in the API, the notation of the expectations table. */
export function rangeText(r: vscode.Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

export function parseRange(text: string): vscode.Range {
  const m = /^(\d+):(\d+)-(\d+):(\d+)$/.exec(text);
  assert.ok(m, `bad range ${text}: want line:character-line:character`);
  return new vscode.Range(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]));
}

export function describeDiagnostics(ds: readonly vscode.Diagnostic[]): string {
  return ds.length === 0
    ? '(none)'
    : ds.map(d => `${ruleOf(d)} ${rangeText(d.range)} ${vscode.DiagnosticSeverity[d.severity]}`).sort().join('; ');
}

/**
 * Resolves with ECS Guard's diagnostics for `uri` once `accept` holds, checking now and after every
 * diagnostics change; rejects after `ms` with what was last seen.
 */
export function waitForDiagnostics(
  uri: vscode.Uri, accept: (ds: vscode.Diagnostic[]) => boolean, what: string, ms = 30_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    let sub: vscode.Disposable | undefined;
    const timer = setTimeout(() => {
      sub?.dispose();
      reject(new Error(`timed out after ${ms} ms waiting for ${what}; last seen: ${describeDiagnostics(ourDiagnostics(uri))}`));
    }, ms);
    const check = () => {
      const ds = ourDiagnostics(uri);
      if (!accept(ds)) return false;
      clearTimeout(timer);
      sub?.dispose();
      resolve(ds);
      return true;
    };
    if (!check()) {
      sub = vscode.languages.onDidChangeDiagnostics(e => {
        if (e.uris.some(u => u.toString() === uri.toString())) check();
      });
    }
  });
}

/** Resolves once the document's text satisfies `accept`, checking now and after every change. */
export function waitForText(doc: vscode.TextDocument, accept: (text: string) => boolean, what: string, ms = 15_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let sub: vscode.Disposable | undefined;
    const timer = setTimeout(() => {
      sub?.dispose();
      reject(new Error(`timed out after ${ms} ms waiting for ${what}; text is:\n${doc.getText()}`));
    }, ms);
    const check = () => {
      if (!accept(doc.getText())) return false;
      clearTimeout(timer);
      sub?.dispose();
      resolve(doc.getText());
      return true;
    };
    if (!check()) {
      sub = vscode.workspace.onDidChangeTextDocument(e => {
        if (e.document === doc) check();
      });
    }
  });
}

/**
 * Calls `attempt` until it returns a value, backing off a little between tries, until `ms` have
 * passed. For questions VS Code raises no event about, e.g. when code actions become available:
 * the workbench fills a code action request's context from its marker service, which learns of a
 * new diagnostic a moment after `getDiagnostics` shows it, so an early request can come back empty.
 */
export async function retry<T>(attempt: () => Promise<T | undefined>, what: string, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  let pause = 25;
  for (;;) {
    const v = await attempt();
    if (v !== undefined) return v;
    if (Date.now() >= deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise(r => setTimeout(r, Math.min(pause, Math.max(0, deadline - Date.now()))));
    pause = Math.min(pause * 2, 250);
  }
}

/** Closes every editor and discards unsaved changes, so that no test sees another's buffer. */
export async function closeAllEditors(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (doc.isDirty && doc.uri.scheme === 'file') {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * Resolves once the extension has activated successfully: `isActive` is also true after an
 * activate() that threw, so this waits for the command activate() registers too. Activation has no
 * event; VS Code may also have activated it before the tests started (the workbench can ask for a
 * served language at startup).
 */
export async function waitForActivation(ms = 30_000): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not installed`);
  return retry(async () => (ext.isActive && (await vscode.commands.getCommands(true)).includes('ecsGuard.showOutput') ? ext : undefined),
    `${EXTENSION_ID} to activate and register its commands`, ms);
}

/** Opens a fixture in an editor. */
export async function openFixture(fixture: string): Promise<{ doc: vscode.TextDocument; editor: vscode.TextEditor }> {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(fixture));
  const editor = await vscode.window.showTextDocument(doc);
  return { doc, editor };
}
