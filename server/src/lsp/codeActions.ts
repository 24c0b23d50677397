import { CodeAction, CodeActionKind, CodeActionParams, Diagnostic, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisResult, fixAll, fixEdits } from '../engine/analyze';
import type { TextEdit } from '../engine/edits';
import { minimalEdits } from '../engine/minimalEdits';
import type { Settings } from '../engine/types';
import { TOOL_NAME } from '../meta';
import { sameRange, toLspEdits, toRange } from './convert';

export const FIX_ALL_KIND = 'source.fixAll.ecsGuard';

/** An edit bound to the document version it was computed for: the client refuses it for any other. */
function versionedEdit(doc: TextDocument, edits: TextEdit[]): WorkspaceEdit {
  return { documentChanges: [TextDocumentEdit.create({ uri: doc.uri, version: doc.version }, toLspEdits(doc, edits))] };
}

function wants(only: string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  return only.some(o => kind === o || kind.startsWith(o + '.'));
}

/** The edits of "fix all" for a document: every preferred fix, as minimal line edits. */
export function fixAllEdits(doc: TextDocument, settings: Settings): TextEdit[] {
  const text = doc.getText();
  const fixed = fixAll(text, doc.uri, settings, doc.languageId);
  return fixed.applied ? minimalEdits(text, fixed.text) : [];
}

/** Code actions for one request: quick fixes for our diagnostics, "fix all", source.fixAll.ecsGuard. */
export function codeActions(doc: TextDocument, result: AnalysisResult, settings: Settings, params: CodeActionParams): CodeAction[] {
  const only = params.context.only;
  const actions: CodeAction[] = [];
  const ours = params.context.diagnostics.filter(d => d.source === TOOL_NAME);

  if (wants(only, CodeActionKind.QuickFix)) {
    let current = 0;
    for (const d of ours) {
      const f = result.findings.find(x => x.ruleId === d.code && sameRange(toRange(doc, x.span), d.range));
      if (f) current++;
      if (!f?.fix) continue; // a diagnostic of an older version, or a finding without a fix
      const edits = fixEdits(result, f);
      if (!edits?.length) continue;
      actions.push({
        title: f.fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d as Diagnostic],
        isPreferred: f.fix.preferred,
        edit: versionedEdit(doc, edits),
      });
    }
    const fixable = result.findings.filter(f => f.fix?.preferred);
    if (current > 0 && fixable.length > 1) {
      const edits = fixAllEdits(doc, settings);
      if (edits.length) {
        actions.push({ title: 'Fix all ECS Guard problems in this file', kind: CodeActionKind.QuickFix, edit: versionedEdit(doc, edits) });
      }
    }
  }

  // On save (editor.codeActionsOnSave) or from the Source Action menu; only when asked for explicitly,
  // never as a lightbulb on every cursor move.
  if (only && only.some(o => FIX_ALL_KIND === o || FIX_ALL_KIND.startsWith(o + '.')) && !only.includes(CodeActionKind.QuickFix)) {
    const edits = fixAllEdits(doc, settings);
    if (edits.length) actions.push({ title: 'Fix all ECS Guard problems', kind: FIX_ALL_KIND, edit: versionedEdit(doc, edits) });
  }
  return actions;
}
