import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisResult, analyze, fixEdits } from '../../server/src/engine/analyze';
import { applyEdits } from '../../server/src/engine/edits';
import { DEFAULT_SETTINGS, Finding, Settings } from '../../server/src/engine/types';
import { observe } from './observations';

export const JSON_URI = 'file:///project/task-definition.json';

/** A finding as tests compare it: rule, 0-based LSP range, and the text it covers. */
export interface Seen {
  rule: string;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
  text: string;
  severity: string;
}

export function settings(over: Partial<Settings> = {}): Settings {
  return { ...DEFAULT_SETTINGS, rules: {}, ...over };
}

export function run(text: string, uri = JSON_URI, s: Settings = DEFAULT_SETTINGS, languageId?: string): AnalysisResult {
  return analyze(text, uri, s, languageId);
}

export function seen(text: string, f: Finding): Seen {
  const doc = TextDocument.create('file:///x', 'plaintext', 1, text);
  const a = doc.positionAt(f.span.start);
  const b = doc.positionAt(f.span.end);
  return { rule: f.ruleId, line: a.line, character: a.character, endLine: b.line, endCharacter: b.character, text: text.slice(f.span.start, f.span.end), severity: f.severity };
}

/** The findings of one rule (or all), as {@link Seen}. */
export function findingsOf(text: string, rule?: string, uri = JSON_URI, s: Settings = DEFAULT_SETTINGS, languageId?: string): Seen[] {
  const result = run(text, uri, s, languageId);
  const out = result.findings.filter(f => !rule || f.ruleId === rule).map(f => seen(text, f));
  if (rule) observe(rule, result.format, out.length > 0);
  return out;
}

/** Applies the fix of the `nth` finding of `rule` and returns the new text. */
export function applyFix(text: string, rule: string, nth = 0, uri = JSON_URI, s: Settings = DEFAULT_SETTINGS, languageId?: string): string {
  const result = run(text, uri, s, languageId);
  const f = result.findings.filter(x => x.ruleId === rule)[nth];
  assert.ok(f, `no finding #${nth} of ${rule}`);
  assert.ok(f.fix, `finding of ${rule} has no fix`);
  const edits = fixEdits(result, f);
  assert.ok(edits && edits.length > 0, `fix of ${rule} rendered no edits`);
  return applyEdits(text, edits);
}

/**
 * The properties every fix must have: the fixed text parses with no more syntax errors than
 * before, the rule fires fewer times, and no finding appears that was not there before.
 * Returns a description of each violation (empty when every fix is sound).
 */
export function fixViolations(text: string, uri = JSON_URI, languageId?: string, s: Settings = DEFAULT_SETTINGS): string[] {
  const before = run(text, uri, s, languageId);
  const out: string[] = [];
  const key = (f: Finding) => `${f.ruleId}: ${f.message}`;
  before.findings.forEach((f, i) => {
    if (!f.fix) return;
    const edits = fixEdits(before, f);
    if (!edits?.length) return;
    const fixed = applyEdits(text, edits);
    const after = run(fixed, uri, s, languageId);
    const where = `${f.ruleId} #${i} (${f.fix.title})`;
    if (!after.parsed) out.push(`${where}: fixed text is no longer recognised`);
    if (after.problems.length > before.problems.length) out.push(`${where}: fixed text has new syntax errors: ${after.problems.map(p => p.message).join('; ')}`);
    const count = (r: AnalysisResult) => r.findings.filter(x => x.ruleId === f.ruleId).length;
    if (count(after) >= count(before)) out.push(`${where}: the rule still fires as often`);
    const was = new Map<string, number>();
    for (const x of before.findings) was.set(key(x), (was.get(key(x)) ?? 0) + 1);
    for (const x of after.findings) {
      const n = was.get(key(x)) ?? 0;
      if (n === 0) out.push(`${where}: new finding ${key(x)}`);
      else was.set(key(x), n - 1);
    }
  });
  return out;
}
