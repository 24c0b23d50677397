import type { FormatId, ParseProblem, ParsedDocument } from '../formats/adapter';
import { parseDocument } from '../formats';
import { intentEditable } from '../model/document';
import type { MValue, Span } from '../model/values';
import { RULES } from '../rules';
import { TextEdit, applyEdits, normalizeEdits } from './edits';
import { RoleUse, TASK_ROLE_REUSED, roleUses } from './roleIndex';
import { SuppressedFinding, UNUSED_SUPPRESSION, applySuppressions } from './suppressions';
import type { Finding, Fix, ReportOptions, Settings, Severity } from './types';
import { DEFAULT_SETTINGS } from './types';

/** Documents larger than this are not analysed (the editor and the CLI say so). */
export const MAX_DOCUMENT_SIZE = 5 * 1024 * 1024;

export interface AnalysisResult {
  /** Undefined when the document is not an ECS document (or could not be read). */
  parsed?: ParsedDocument;
  format?: FormatId;
  findings: Finding[];
  /** Syntax errors; the findings cover what parsed around them. */
  problems: ParseProblem[];
  /** Why the document was not analysed at all (too large, binary, internal error). */
  skipped?: string;
  /** Findings that a directive suppressed (SARIF reports them as suppressed). */
  suppressed?: SuppressedFinding[];
  /** The task roles this document's task definitions use, for the cross-file task-role-reused rule. */
  roleUses?: RoleUse[];
}

/** A short, redaction-safe description of an internal error, for logs. */
function describeError(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message.slice(0, 200)}` : 'unknown error';
}

/**
 * Analyses one document: recognise, parse, run every enabled rule, apply severities.
 * Never throws: an internal error yields no findings and says why in `skipped`.
 */
export function analyze(text: string, uri: string, settings: Settings = DEFAULT_SETTINGS, languageId?: string): AnalysisResult {
  if (text.length > MAX_DOCUMENT_SIZE) {
    return { findings: [], problems: [], skipped: `larger than ${MAX_DOCUMENT_SIZE / 1024 / 1024} MB: not analysed` };
  }
  if (looksBinary(text)) return { findings: [], problems: [], skipped: 'binary content: not analysed' };
  let parsed: ParsedDocument | undefined;
  try {
    parsed = parseDocument(text, uri, languageId);
  } catch (e) {
    return { findings: [], problems: [], skipped: `could not be read (${describeError(e)})` };
  }
  if (!parsed) return { findings: [], problems: [] };
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const configured = settings.rules[rule.meta.id];
    if (configured === 'off') continue;
    const report = (at: MValue | Span, message: string, options: ReportOptions = {}) => {
      const span = 'kind' in at ? at.span : at;
      const severity: Severity = configured ?? options.severity ?? rule.meta.severity;
      // A value the adapter derived (a template parameter's Default): the message says where it came from.
      const origin = 'kind' in at ? at.origin : undefined;
      const text = origin ? `${message} The value comes from ${origin}.` : message;
      findings.push(new ReportedFinding(rule.meta.id, severity, text, { start: span.start, end: span.end }, options.fix));
    };
    try {
      rule.check(parsed.model, { settings, report });
    } catch (e) {
      // One broken rule must not hide the others' findings.
      parsed.problems.push({ span: { start: 0, end: 0 }, message: `internal error in rule ${rule.meta.id} (${describeError(e)})` });
    }
  }
  // Candidate cross-file findings go through the directives too, so that a directive for
  // task-role-reused is honoured (and counted as used) although the finding is made elsewhere.
  const uses = settings.rules[TASK_ROLE_REUSED] === 'off' ? [] : roleUses(parsed, uri);
  const candidates = new Map<Finding, RoleUse>();
  for (const u of uses) {
    const f: Finding = { ruleId: TASK_ROLE_REUSED, severity: 'warning', message: '', span: u.span };
    candidates.set(f, u);
    findings.push(f);
  }
  const applied = applySuppressions(parsed, findings, RULE_IDS, settings.ignore);
  const { suppressed, unused } = applied;
  let kept = applied.kept;
  if (candidates.size) {
    for (const f of applied.suppressed) {
      const u = [...candidates.entries()].find(([c]) => c.span === f.span && c.ruleId === f.ruleId)?.[1];
      if (u) u.suppressed = true;
    }
    kept = kept.filter(f => !candidates.has(f));
  }
  const unusedSetting = settings.rules[UNUSED_SUPPRESSION];
  if (unusedSetting !== 'off') for (const u of unused) kept.push(unusedSetting ? { ...u, severity: unusedSetting } : u);
  kept.sort(byPosition);
  return { parsed, format: parsed.format, findings: kept, suppressed: suppressed.filter(f => f.ruleId !== TASK_ROLE_REUSED), problems: parsed.problems, roleUses: uses };
}

// Rule ids are ASCII: compared by code unit, which needs no collator (the first localeCompare
// loads ICU's, several milliseconds of every CLI run).
const byPosition = (a: Finding, b: Finding) =>
  a.span.start - b.span.start || a.span.end - b.span.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
const RULE_IDS: ReadonlySet<string> = new Set(RULES.map(r => r.meta.id));

/**
 * A finding whose fix is made on first use (most fixes are never asked for, and some cost a walk
 * of the document). A class getter rather than a per-object property keeps findings cheap.
 */
class ReportedFinding implements Finding {
  private made = false;
  private value: Fix | undefined;
  constructor(readonly ruleId: string, public severity: Severity, readonly message: string, readonly span: Span, private factory: Fix | (() => Fix | undefined) | undefined) {}

  get fix(): Fix | undefined {
    if (!this.made) {
      this.made = true;
      const f = this.factory;
      this.value = editableOrNone(typeof f === 'function' ? f() : f);
      this.factory = undefined;
    }
    return this.value;
  }

  set fix(value: Fix | undefined) {
    this.made = true;
    this.value = value;
  }

  /** Plain data, for JSON output and spreads. */
  toJSON(): Finding {
    return { ruleId: this.ruleId, severity: this.severity, message: this.message, span: this.span, fix: this.fix };
  }
}

/** A fix is only offered when its adapter can edit every node it names. */
function editableOrNone(fix: Fix | undefined): Fix | undefined {
  return fix && fix.intents.every(intentEditable) ? fix : undefined;
}

/** A NUL in the first 8 KB: binary, not text. */
export function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 8192);
  for (let i = 0; i < n; i++) if (text.charCodeAt(i) === 0) return true;
  return false;
}

/** The text edits of one finding's fix, or undefined when it has none or it cannot be rendered. */
export function fixEdits(result: AnalysisResult, finding: Finding): TextEdit[] | undefined {
  if (!result.parsed || !finding.fix) return undefined;
  if (finding.fix.edits) return normalizeEdits(finding.fix.edits);
  try {
    const edits = result.parsed.render(finding.fix.intents);
    return edits && normalizeEdits(edits);
  } catch {
    return undefined;
  }
}

export interface FixAllResult {
  text: string;
  /** How many fixes were applied, over all passes. */
  applied: number;
  /** Rule ids of the applied fixes, in order. */
  rules: string[];
}

/**
 * Applies every preferred (safe) fix, ESLint-style: each pass applies the fixes whose edits do not
 * overlap, then re-analyses; at most 10 passes. The result is the fixed text.
 */
export function fixAll(text: string, uri: string, settings: Settings = DEFAULT_SETTINGS, languageId?: string, include: (f: Finding) => boolean = f => !!f.fix?.preferred): FixAllResult {
  let current = text;
  let applied = 0;
  const rules: string[] = [];
  for (let pass = 0; pass < 10; pass++) {
    const result = analyze(current, uri, settings, languageId);
    const chosen: TextEdit[] = [];
    let any = false;
    for (const f of result.findings) {
      if (!f.fix || !include(f)) continue;
      const edits = fixEdits(result, f);
      if (!edits || edits.length === 0) continue;
      const merged = normalizeEdits([...chosen, ...edits]);
      if (!merged || overlapsAny(chosen, edits)) continue;
      chosen.push(...edits);
      applied++;
      rules.push(f.ruleId);
      any = true;
    }
    if (!any) break;
    current = applyEdits(current, normalizeEdits(chosen)!);
  }
  return { text: current, applied, rules };
}

function overlapsAny(a: TextEdit[], b: TextEdit[]): boolean {
  for (const x of a) for (const y of b) if (x.start <= y.end && y.start <= x.end) return true;
  return false;
}
