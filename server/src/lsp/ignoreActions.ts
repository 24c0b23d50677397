import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { modify, applyEdits as applyJsonEdits, parseTree, findNodeAtLocation } from 'jsonc-parser';
import { CodeAction, CodeActionKind, CreateFile, Diagnostic, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILE_NAME, ConfigResolver, relativePath } from '../engine/config';
import { commentStyleFor, fileDirectiveEdit, lineDirectiveEdit } from '../engine/directiveEdits';
import type { Finding } from '../engine/types';
import type { FormatId } from '../formats/adapter';
import { toLspEdits } from './convert';
import { Folder, uriToPath } from './workspace';

/**
 * "Ignore <rule> on this line" / "… in this file" for a finding: a comment directive where the
 * format has comments (extending an existing directive, never duplicating one), and an `ignore`
 * entry in .ecs-guard.json for strict JSON, which cannot hold a comment.
 */
export function ignoreActions(doc: TextDocument, format: FormatId, finding: Finding, diagnostic: Diagnostic, config: ConfigResolver, folder: Folder | undefined, openDoc: (uri: string) => TextDocument | undefined): CodeAction[] {
  const rule = finding.ruleId;
  if (rule === 'unused-suppression') return [];
  const style = commentStyleFor(format, doc.languageId, doc.uri);
  const text = doc.getText();
  const edit = (e: { start: number; end: number; newText: string }): WorkspaceEdit =>
    ({ documentChanges: [TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, toLspEdits(doc, [e]))] });
  const actions: CodeAction[] = [];
  if (style) {
    const onLine = lineDirectiveEdit(text, finding.span.start, rule, style);
    if (onLine) actions.push({ title: `Ignore '${rule}' on this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit(onLine) });
    const inFile = fileDirectiveEdit(text, rule, style);
    if (inFile) actions.push({ title: `Ignore '${rule}' in this file`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: edit(inFile) });
    return actions;
  }
  const file = uriToPath(doc.uri);
  if (!file) return actions;
  const configEdit = configIgnoreEdit(file, rule, config, folder, openDoc);
  if (configEdit) actions.push({ title: `Ignore '${rule}' in this file (in ${CONFIG_FILE_NAME})`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: configEdit });
  return actions;
}

/** Adds `{rule, path}` to the `ignore` list of the file's .ecs-guard.json (creating it at the folder root). */
export function configIgnoreEdit(file: string, rule: string, resolver: ConfigResolver, folder: Folder | undefined, openDoc: (uri: string) => TextDocument | undefined = () => undefined): WorkspaceEdit | undefined {
  const existing = resolver.forFile(file);
  const configPath = existing?.file ?? path.join(folder?.path ?? path.dirname(file), CONFIG_FILE_NAME);
  const rel = relativePath(path.dirname(configPath), file);
  if (existing?.ignore.some(i => i.rule === rule && i.path === rel)) return undefined;
  const entry = { rule, path: rel, reason: '' };
  const uri = pathToFileURL(configPath).href;
  const formattingOptions = { insertSpaces: true, tabSize: 2, eol: '\n' };
  if (!existing) {
    const content = JSON.stringify({ ignore: [entry] }, null, 2) + '\n';
    return {
      documentChanges: [
        CreateFile.create(uri, { ignoreIfExists: true }),
        TextDocumentEdit.create({ uri, version: null }, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: content }]),
      ],
    };
  }
  // The editor's buffer when the configuration is open (it may hold unsaved changes), else the disk.
  const open = openDoc(uri);
  let text: string;
  try {
    text = open ? open.getText() : fs.readFileSync(configPath, 'utf8');
  } catch {
    return undefined;
  }
  const tree = parseTree(text);
  const list = tree && findNodeAtLocation(tree, ['ignore']);
  const at = list?.type === 'array' ? list.children?.length ?? 0 : undefined;
  const edits = at === undefined
    ? modify(text, ['ignore'], [entry], { formattingOptions })
    : modify(text, ['ignore', at], entry, { formattingOptions, isArrayInsertion: true });
  const newText = applyJsonEdits(text, edits);
  // One replacement of the whole file: the config is small and may not be open in an editor.
  const lines = text.split(/\r\n|\r|\n/);
  const end = { line: lines.length - 1, character: lines[lines.length - 1].length };
  return { documentChanges: [TextDocumentEdit.create({ uri, version: open ? open.version : null }, [{ range: { start: { line: 0, character: 0 }, end }, newText }])] };
}
