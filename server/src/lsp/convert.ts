import { CodeDescription, Diagnostic, DiagnosticSeverity, Range, TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from '../engine/edits';
import type { Finding, Severity } from '../engine/types';
import { TOOL_NAME, docsUrl } from '../meta';
import type { Span } from '../model/values';

// Offsets become line/UTF-16 character positions here and in the CLI's formatters only.

export function toRange(doc: TextDocument, span: Span): Range {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}

export function toSeverity(s: Severity): DiagnosticSeverity {
  return s === 'error' ? DiagnosticSeverity.Error : s === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information;
}

export function toDiagnostic(doc: TextDocument, f: Finding): Diagnostic {
  const codeDescription: CodeDescription = { href: docsUrl(f.ruleId) };
  return {
    range: toRange(doc, f.span),
    severity: toSeverity(f.severity),
    code: f.ruleId,
    codeDescription,
    source: TOOL_NAME,
    message: f.message,
  };
}

export function toLspEdits(doc: TextDocument, edits: TextEdit[]): LspTextEdit[] {
  return edits.map(e => ({ range: toRange(doc, e), newText: e.newText }));
}

export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
