import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisResult } from '../engine/analyze';
import type { Finding } from '../engine/types';

/** One analysed file, ready for a formatter. */
export interface FileReport {
  /** The path as the user gave it (or found under a folder they gave). */
  path: string;
  /** Absolute path. */
  absolute: string;
  doc: TextDocument;
  result: AnalysisResult;
  /** Findings after --rule filtering and suppressions. */
  findings: Finding[];
}

/** 1-based line and column (UTF-16 code units), as SARIF and the text output show them. */
export function lineCol(doc: TextDocument, offset: number): { line: number; column: number } {
  const p = doc.positionAt(offset);
  return { line: p.line + 1, column: p.character + 1 };
}
