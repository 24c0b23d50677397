import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { type Expected, type FormatCase, UNOPENED } from './formats';
import {
  EXPECTED_DIR, FIX_ALL_KIND, SOURCE_DIR, closeAllEditors, describeDiagnostics, fixtureUri, openFixture, parseRange,
  rangeText, retry, ruleOf, waitForDiagnostics, waitForText, workspaceFolder,
} from './util';

// The checks every format gets, shared by the full suite and the smoke test of the installed VSIX.

type Severity = Expected['severity'];

const API_SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  note: vscode.DiagnosticSeverity.Information,
};

function expectedText(c: FormatCase, after: 'quickfix' | 'fixall' | 'ignore'): string {
  return fs.readFileSync(path.join(EXPECTED_DIR, ...c.fixture.split('/')) + '.' + after, 'utf8');
}

function describeExpected(ds: Expected[]): string {
  return ds.length === 0
    ? '(none)'
    : ds.map(d => `${d.rule} ${rangeText(parseRange(d.range))} ${vscode.DiagnosticSeverity[API_SEVERITY[d.severity]]}`).sort().join('; ');
}

/** Waits until the document shows exactly `expected` (rule ids, ranges, severities). */
async function waitForExactly(uri: vscode.Uri, expected: Expected[], what: string): Promise<vscode.Diagnostic[]> {
  const want = describeExpected(expected);
  return waitForDiagnostics(uri, ds => describeDiagnostics(ds) === want, `${what}: ${want}`);
}

/** Opens the fixture and waits for its diagnostics at the default severities. */
export async function openAndExpectDiagnostics(c: FormatCase): Promise<{ doc: vscode.TextDocument; diagnostics: vscode.Diagnostic[] }> {
  const { doc } = await openFixture(c.fixture);
  assert.equal(doc.languageId, c.languageId, `VS Code gave ${c.fixture} the language ${doc.languageId}`);
  const diagnostics = await waitForExactly(doc.uri, c.diagnostics, 'the fixture\'s diagnostics');
  for (const d of diagnostics) {
    assert.ok(d.message.length > 0);
    assert.doesNotMatch(d.message, new RegExp(ruleOf(d)), 'the rule id belongs in code, not in the message');
    const href = typeof d.code === 'object' ? d.code.target.toString() : '';
    assert.match(href, new RegExp(`docs/rules/${ruleOf(d)}\\.md$`), `${ruleOf(d)} links its documentation`);
  }
  return { doc, diagnostics };
}

function isCodeAction(a: vscode.CodeAction | vscode.Command): a is vscode.CodeAction {
  return !('command' in a && typeof a.command === 'string');
}

async function codeActions(uri: vscode.Uri, range: vscode.Range, kind: string): Promise<vscode.CodeAction[]> {
  const all = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[] | undefined>(
    'vscode.executeCodeActionProvider', uri, range, kind);
  return (all ?? []).filter(isCodeAction);
}

/** Applies the table's quick fix through the code action provider and checks text and diagnostics. */
export async function quickFixApplies(c: FormatCase): Promise<void> {
  const { doc, diagnostics } = await openAndExpectDiagnostics(c);
  const target = diagnostics.find(d => ruleOf(d) === c.quickFix.rule);
  assert.ok(target, `no ${c.quickFix.rule} diagnostic to fix`);
  let seen: string[] = [];
  const fix = await retry(async () => {
    const actions = await codeActions(doc.uri, target.range, vscode.CodeActionKind.QuickFix.value);
    seen = actions.map(a => a.title);
    return actions.find(a => a.title === c.quickFix.title);
  }, `the quick fix "${c.quickFix.title}"`).catch(e => assert.fail(`${(e as Error).message}; offered: ${seen.join(' | ') || '(nothing)'}`));
  assert.equal(fix.isPreferred, true, 'the safe fix is the preferred one (Ctrl+. Enter, fix all)');
  assert.ok(fix.edit, 'the quick fix carries its edit');
  assert.equal(await vscode.workspace.applyEdit(fix.edit), true, 'VS Code refused the edit');
  const want = expectedText(c, 'quickfix');
  await waitForText(doc, t => t === want, `the text of expected/${c.fixture}.quickfix`);
  const remaining = c.diagnostics.filter(d => d.rule !== c.quickFix.rule).map(d => d.rule).sort().join(', ');
  const after = await waitForDiagnostics(doc.uri,
    ds => !ds.some(d => ruleOf(d) === c.quickFix.rule) && ds.map(ruleOf).sort().join(', ') === remaining,
    `${c.quickFix.rule} to go away and ${remaining || 'nothing'} to remain`);
  assert.ok(after.every(d => d.range.end.line < doc.lineCount), 'diagnostics refer to the fixed text');
}

/** `source.fixAll.ecsGuard`, asked for as the Source Action menu and fix-on-save ask for it. */
export async function fixAllApplies(c: FormatCase): Promise<void> {
  const { doc } = await openAndExpectDiagnostics(c);
  const whole = new vscode.Range(0, 0, doc.lineCount, 0);
  const fixAll = await retry(async () => (await codeActions(doc.uri, whole, FIX_ALL_KIND)).find(a => a.kind?.value === FIX_ALL_KIND),
    FIX_ALL_KIND);
  assert.ok(fixAll.edit);
  assert.equal(await vscode.workspace.applyEdit(fixAll.edit), true, 'VS Code refused the edit');
  const want = expectedText(c, 'fixall');
  await waitForText(doc, t => t === want, `the text of expected/${c.fixture}.fixall`);
}

/** With `editor.codeActionsOnSave`, saving applies every safe fix (the README's recipe). */
export async function fixAllOnSave(c: FormatCase): Promise<void> {
  await vscode.workspace.getConfiguration('editor', workspaceFolder().uri)
    .update('codeActionsOnSave', { [FIX_ALL_KIND]: 'explicit' }, vscode.ConfigurationTarget.Workspace);
  const { doc } = await openAndExpectDiagnostics(c);
  // An edit makes the save a real one (VS Code skips saving an unmodified file).
  const edit = new vscode.WorkspaceEdit();
  edit.insert(doc.uri, new vscode.Position(doc.lineCount - 1, doc.lineAt(doc.lineCount - 1).text.length), '\n');
  assert.equal(await vscode.workspace.applyEdit(edit), true);
  await vscode.commands.executeCommand('workbench.action.files.save');
  const want = expectedText(c, 'fixall') + '\n';
  await waitForText(doc, t => t === want, 'fix all on save');
  assert.equal(doc.isDirty, false);
  assert.equal(fs.readFileSync(doc.uri.fsPath, 'utf8'), want, 'the file on disk holds the fixed text');
}

/** Changing `ecsGuard.rules` re-analyses open documents with the new severities. */
export async function severitiesFollowSettings(c: FormatCase): Promise<void> {
  const { doc } = await openAndExpectDiagnostics(c);
  // Every rule gets another severity, and one is turned off, so each mapping shows in the result.
  const rotate: Record<Severity, Severity> = { error: 'warning', warning: 'note', note: 'error' };
  const rules = [...new Set(c.diagnostics.map(d => d.rule))].sort();
  const off = rules[rules.length - 1];
  const setting: Record<string, string> = {};
  for (const r of rules) setting[r] = r === off ? 'off' : rotate[c.diagnostics.find(d => d.rule === r)!.severity];
  await vscode.workspace.getConfiguration('ecsGuard', doc.uri).update('rules', setting, vscode.ConfigurationTarget.Workspace);
  const expected = c.diagnostics.filter(d => d.rule !== off).map(d => ({ ...d, severity: setting[d.rule] as Severity }));
  await waitForExactly(doc.uri, expected, `severities after ecsGuard.rules = ${JSON.stringify(setting)}`);
  await vscode.workspace.getConfiguration('ecsGuard', doc.uri).update('rules', undefined, vscode.ConfigurationTarget.Workspace);
  await waitForExactly(doc.uri, c.diagnostics, 'the default severities once the setting is removed');
}

/** Hovering a finding explains it: rule title and id, the fix on offer, the documentation link. */
export async function hoverExplains(c: FormatCase): Promise<void> {
  const { doc, diagnostics } = await openAndExpectDiagnostics(c);
  const target = diagnostics.find(d => ruleOf(d) === c.quickFix.rule)!;
  const texts = await retry(async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, target.range.start);
    const ours = hovers.map(h => h.contents.map(m => (typeof m === 'string' ? m : m.value)).join('\n')).filter(t => t.includes('ECS Guard'));
    return ours.length ? ours : undefined;
  }, 'ECS Guard\'s hover');
  const text = texts.join('\n');
  assert.match(text, new RegExp(`\\*\\*ECS Guard: .+\\*\\* \\(\`${c.quickFix.rule}\``), text);
  assert.ok(text.includes(`Quick fix: ${c.quickFix.title}`), text);
  assert.match(text, new RegExp(`\\[Rule documentation\\]\\(.*docs/rules/${c.quickFix.rule}\\.md\\)`), text);
}

/** The range `r` once a line has been inserted above line `at` (zero-based). */
function shiftedDown(r: string, at: number): string {
  const range = parseRange(r);
  return range.start.line < at ? r : rangeText(new vscode.Range(range.start.line + 1, range.start.character, range.end.line + 1, range.end.character));
}

/**
 * Opens the fixture and finds the ignore action titled `title` on its `rule` diagnostic: never the
 * preferred action (Ctrl+. Enter and fix-all take that one, and it must fix, never silence), and
 * carrying its edit.
 */
async function ignoreAction(c: FormatCase, rule: string, title: string): Promise<{ doc: vscode.TextDocument; target: vscode.Diagnostic; edit: vscode.WorkspaceEdit }> {
  const { doc, diagnostics } = await openAndExpectDiagnostics(c);
  const target = diagnostics.find(d => ruleOf(d) === rule);
  assert.ok(target, `no ${rule} diagnostic to ignore`);
  let seen: string[] = [];
  const action = await retry(async () => {
    const actions = await codeActions(doc.uri, target.range, vscode.CodeActionKind.QuickFix.value);
    seen = actions.map(a => a.title);
    return actions.find(a => a.title === title);
  }, `the action "${title}"`).catch(e => assert.fail(`${(e as Error).message}; offered: ${seen.join(' | ') || '(nothing)'}`));
  assert.notEqual(action.isPreferred, true, 'an ignore action must not be the preferred one');
  assert.ok(action.edit, 'the ignore action carries its edit');
  return { doc, target, edit: action.edit };
}

/**
 * "Ignore '<rule>' on this line" through the code action provider: the directive goes in above the
 * finding, that finding goes away, and every other finding stays (one line lower when below it);
 * the new directive suppresses something, so it is not reported as unused.
 */
export async function ignoreOnLineApplies(c: FormatCase): Promise<void> {
  const rule = c.ignoreOnLine;
  assert.ok(rule, `${c.format} has no ignore action to check`);
  const { doc, target, edit } = await ignoreAction(c, rule, `Ignore '${rule}' on this line`);
  assert.equal(await vscode.workspace.applyEdit(edit), true, 'VS Code refused the edit');
  const want = expectedText(c, 'ignore');
  await waitForText(doc, t => t === want, `the text of expected/${c.fixture}.ignore`);
  const at = target.range.start.line;
  const remaining = c.diagnostics.filter(d => d.rule !== rule).map(d => ({ ...d, range: shiftedDown(d.range, at) }));
  await waitForExactly(doc.uri, remaining, `${rule} to be ignored and every other finding to stay`);
}

/** The configuration file the config ignore action creates, at the workspace folder's root. */
export const CONFIG_FILE = '.ecs-guard.json';

/**
 * Strict JSON has no comments: "Ignore '<rule>' in this file (in .ecs-guard.json)" creates the
 * configuration file with an `ignore` entry for the fixture, the finding goes and every other one
 * stays. Applied as Ctrl+. applies a code action (`isRefactoring`: VS Code then honours
 * `files.refactoring.autoSave`, on by default, and saves the files the edit touched): the server
 * reads the configuration from disk, so an edit left unsaved would change nothing.
 */
export async function ignoreInConfigApplies(c: FormatCase): Promise<void> {
  const rule = c.ignoreInConfig;
  assert.ok(rule, `${c.format} has no configuration ignore action to check`);
  const { doc, edit } = await ignoreAction(c, rule, `Ignore '${rule}' in this file (in ${CONFIG_FILE})`);
  assert.equal(await vscode.workspace.applyEdit(edit, { isRefactoring: true }), true, 'VS Code refused the edit');
  const configUri = fixtureUri(CONFIG_FILE);
  const want = JSON.stringify({ ignore: [{ rule, path: c.fixture, reason: '' }] }, null, 2) + '\n';
  await retry(async () => (fs.existsSync(configUri.fsPath) && fs.readFileSync(configUri.fsPath, 'utf8') === want) || undefined,
    `${CONFIG_FILE} saved with an ignore entry for ${c.fixture}`).catch(e => assert.fail(
    `${(e as Error).message}; on disk: ${fs.existsSync(configUri.fsPath) ? JSON.stringify(fs.readFileSync(configUri.fsPath, 'utf8')) : '(no file)'}`));
  assert.equal(doc.getText(), fs.readFileSync(path.join(SOURCE_DIR, 'workspace', ...c.fixture.split('/')), 'utf8'), 'the fixture itself is untouched');
  await waitForExactly(doc.uri, c.diagnostics.filter(d => d.rule !== rule), `${rule} to be ignored through ${CONFIG_FILE}`);
}

/**
 * Findings of files no editor has open reach `getDiagnostics` (what the Problems panel lists): only
 * the server's workspace scan can have put them there. The cross-file `task-role-reused` names the
 * other file, so the scan also related two files that were never opened.
 */
export async function unopenedFilesListed(): Promise<void> {
  for (const u of UNOPENED) {
    const uri = fixtureUri(u.fixture);
    const diagnostics = await waitForExactly(uri, u.diagnostics, `the workspace scan's findings for ${u.fixture}`);
    const reused = diagnostics.find(d => ruleOf(d) === 'task-role-reused');
    assert.ok(reused?.message.includes(u.sharesRoleWith), `task-role-reused names ${u.sharesRoleWith}: ${reused?.message}`);
    assert.ok(!vscode.workspace.textDocuments.some(d => d.uri.toString() === uri.toString()),
      `${u.fixture} is open in the editor, so its diagnostics prove nothing about the workspace scan`);
  }
}

/** A task definition written by another program (no editor involved), in two versions. */
export const CREATED_ON_DISK = 'unopened/created-on-disk.json';
function createdOnDisk(privileged: boolean, readonlyRootFilesystem: boolean): string {
  return `{
  "family": "created-on-disk",
  "networkMode": "awsvpc",
  "containerDefinitions": [
    {
      "name": "app",
      "image": "111122223333.dkr.ecr.eu-west-1.amazonaws.com/app@sha256:4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945",
      "essential": true,
      "memory": 256,
      "user": "1000:1000",
      "privileged": ${privileged},
      "readonlyRootFilesystem": ${readonlyRootFilesystem},
      "linuxParameters": { "capabilities": { "drop": ["ALL"] } },
      "healthCheck": { "command": ["CMD", "/healthcheck"] },
      "logConfiguration": { "logDriver": "awslogs", "options": { "awslogs-group": "/ecs/app", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "app" } }
    }
  ]
}
`;
}

/**
 * The file watchers keep unopened files current: a task definition created, changed and deleted
 * on disk by another program (git, a generator) shows, changes and leaves the Problems panel.
 */
export async function diskChangesFollowed(): Promise<void> {
  const uri = fixtureUri(CREATED_ON_DISK);
  fs.writeFileSync(uri.fsPath, createdOnDisk(true, true));
  await waitForExactly(uri, [{ rule: 'privileged-container', range: '10:20-10:24', severity: 'error' }], 'the findings of a file created on disk');
  fs.writeFileSync(uri.fsPath, createdOnDisk(false, false));
  await waitForExactly(uri, [{ rule: 'writable-root-filesystem', range: '11:32-11:37', severity: 'warning' }], 'the findings of the file changed on disk');
  fs.rmSync(uri.fsPath);
  await waitForExactly(uri, [], 'the findings of the deleted file to go');
}

/**
 * Puts everything back after a test: settings, editors (unsaved changes discarded) and the
 * fixtures on disk (a test may have saved one).
 */
export async function restoreWorkspace(fixtures: string[]): Promise<void> {
  const folder = workspaceFolder().uri;
  await vscode.workspace.getConfiguration('ecsGuard', folder).update('rules', undefined, vscode.ConfigurationTarget.Workspace);
  await vscode.workspace.getConfiguration('editor', folder).update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace);
  await closeAllEditors();
  for (const f of fixtures) {
    const pristine = fs.readFileSync(path.join(SOURCE_DIR, 'workspace', ...f.split('/')));
    const uri = fixtureUri(f);
    if (!pristine.equals(fs.readFileSync(uri.fsPath))) await vscode.workspace.fs.writeFile(uri, pristine);
  }
  // Files a test created on disk must not show in, or configure, the next test's workspace.
  for (const f of [CREATED_ON_DISK, CONFIG_FILE]) fs.rmSync(fixtureUri(f).fsPath, { force: true });
}
