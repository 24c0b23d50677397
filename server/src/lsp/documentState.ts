import type { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisResult, analyze } from '../engine/analyze';
import type { Settings } from '../engine/types';
import { needsParserLoad } from '../formats';

interface Entry {
  version: number;
  settings: Settings;
  result: AnalysisResult;
  ms: number;
}

/**
 * The latest analysis of each open document, keyed by version and settings, so diagnostics, code
 * actions and hovers for one version share one analysis and a stale one is never used.
 */
export class AnalysisCache {
  private entries = new Map<string, Entry>();

  get(doc: TextDocument, settings: Settings): { result: AnalysisResult; ms: number } {
    const e = this.entries.get(doc.uri);
    if (e && e.version === doc.version && e.settings === settings) return e;
    const t0 = performance.now();
    const result = analyze(doc.getText(), doc.uri, settings, doc.languageId);
    const entry = { version: doc.version, settings, result, ms: performance.now() - t0 };
    // An analysis made before the document's parser has loaded reads nothing; kept, it would stand
    // for this version even after the load. Callers await prepareDocument first; this is the backstop.
    if (result.format !== undefined || !needsParserLoad(doc.getText(), doc.uri, doc.languageId)) this.entries.set(doc.uri, entry);
    return entry;
  }

  get size(): number {
    return this.entries.size;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }
}
