import type { ParsedDocument } from '../formats/adapter';
import type { Span } from '../model/values';
import type { TextEdit } from './edits';
import type { Finding } from './types';

/** The rule id of findings about directives that suppress nothing. */
export const UNUSED_SUPPRESSION = 'unused-suppression';

/** A suppression written in the source: a comment directive or a resource's Metadata. */
export interface Directive {
  kind: 'line' | 'file' | 'resource' | 'config';
  /** Rule ids it names; empty = every rule (file directives only). */
  rules: string[];
  reason?: string;
  /** The directive itself (the comment, or the Metadata entry). */
  span: Span;
  /** For comments: where the comment's line starts and ends (to remove it whole). */
  line?: { start: number; end: number; alone: boolean };
  /** Line directives: the 0-based line whose findings it suppresses. Resource: the resource's span. */
  targetLine?: number;
  scope?: Span;
  /** Resource directives: the edits that keep only these rule ids (none: remove the directive). */
  rewrite?: (keep: string[]) => TextEdit[] | undefined;
}

export interface SuppressedFinding extends Finding {
  suppression: { kind: Directive['kind']; reason?: string };
}

const DIRECTIVE = /^[\s*#/-]*ecs-guard-ignore(-file)?(?![\w-])([^:]*)(?::\s*([\s\S]*?))?[\s*/-]*$/;

/** Line starts of a text, computed once per analysis that needs them. */
export class Lines {
  private starts: number[] = [0];
  constructor(private text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      } else if (c === 10) this.starts.push(i + 1);
    }
  }
  lineOf(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
  start(line: number): number {
    return this.starts[Math.min(line, this.starts.length - 1)];
  }
  /** Offset after the line break ending `line` (or the text's end). */
  next(line: number): number {
    return line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
  }
}

/** Reads the `ecs-guard-ignore` directives in a document's comments and resource metadata. */
export function readDirectives(doc: ParsedDocument, lines: () => Lines): Directive[] {
  const out: Directive[] = [];
  const { text } = doc;
  for (const c of doc.comments) {
    if (c.text.indexOf('ecs-guard-ignore') < 0) continue;
    const m = DIRECTIVE.exec(c.text);
    if (!m) continue;
    const rules = m[2].split(/[\s,]+/).filter(Boolean);
    const reason = m[3]?.trim() || undefined;
    const ls = lines();
    const first = ls.lineOf(c.span.start);
    const last = ls.lineOf(Math.max(c.span.start, c.span.end - 1));
    const lineStart = ls.start(first);
    const before = text.slice(lineStart, c.span.start);
    const alone = before.trim() === '';
    const lineEndOffset = ls.next(last);
    const rest = text.slice(c.span.end, lineEndOffset).trim();
    const line = { start: lineStart, end: lineEndOffset, alone: alone && rest === '' };
    if (m[1]) out.push({ kind: 'file', rules, reason, span: c.span, line });
    else out.push({ kind: 'line', rules, reason, span: c.span, line, targetLine: alone ? last + 1 : first });
  }
  for (const r of doc.resourceIgnores ?? []) {
    out.push({ kind: 'resource', rules: r.rules, span: r.directive, scope: r.span, rewrite: r.rewrite });
  }
  return out;
}

/**
 * Drops the findings that directives suppress and reports each directive (or rule id in one)
 * that suppresses nothing as an `unused-suppression` note, with a fix that removes it.
 */
export function applySuppressions(doc: ParsedDocument, findings: Finding[], knownRules: ReadonlySet<string>, configIgnores: { rule: string; reason?: string }[] = []): { kept: Finding[]; suppressed: SuppressedFinding[]; unused: Finding[] } {
  let lines: Lines | undefined;
  const getLines = () => (lines ??= new Lines(doc.text));
  const directives = readDirectives(doc, getLines);
  // Configuration-file entries: by path, for files that cannot hold a comment. Never reported as unused
  // here (one entry covers many files).
  for (const c of configIgnores) directives.push({ kind: 'config', rules: c.rule === '*' ? [] : [c.rule], reason: c.reason, span: { start: 0, end: 0 } });
  if (directives.length === 0) return { kept: findings, suppressed: [], unused: [] };
  const used = directives.map(d => new Set<string>());
  const kept: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const f of findings) {
    let by = -1;
    for (let i = 0; i < directives.length && by < 0; i++) {
      const d = directives[i];
      const names = d.rules.length === 0 ? d.kind === 'file' || d.kind === 'config' : d.rules.includes(f.ruleId);
      if (!names) continue;
      if (d.kind === 'file' || d.kind === 'config') by = i;
      else if (d.kind === 'line' && getLines().lineOf(f.span.start) === d.targetLine) by = i;
      else if (d.kind === 'resource' && d.scope && d.scope.start <= f.span.start && f.span.end <= d.scope.end) by = i;
    }
    if (by < 0) kept.push(f);
    else {
      used[by].add(f.ruleId);
      suppressed.push({ ...f, suppression: { kind: directives[by].kind, reason: directives[by].reason } });
    }
  }
  const unused: Finding[] = [];
  directives.forEach((d, i) => {
    if (d.kind === 'config') return;
    if (d.rules.length === 0) {
      if (d.kind === 'line') unused.push(unusedFinding(d, 'This ecs-guard-ignore directive names no rule: write the rule ids it suppresses, e.g. `ecs-guard-ignore privileged-container`.', doc.text));
      else if (used[i].size === 0) unused.push(unusedFinding(d, 'This ecs-guard-ignore-file directive suppresses nothing: no finding in this file.', doc.text));
      return;
    }
    const idle = d.rules.filter(r => !used[i].has(r));
    if (idle.length === 0) return;
    const unknown = idle.filter(r => !knownRules.has(r));
    const what = unknown.length ? `names ${unknown.length === 1 ? 'a rule that does not exist' : 'rules that do not exist'}: ${unknown.join(', ')}` : `suppresses nothing: no ${idle.join(', ')} finding ${d.kind === 'line' ? 'on the line it covers' : d.kind === 'resource' ? 'in this resource' : 'in this file'}`;
    const keep = d.rules.filter(r => used[i].has(r));
    unused.push(unusedFinding(d, `This suppression ${what}${unknown.length && idle.length > unknown.length ? `, and no ${idle.filter(r => knownRules.has(r)).join(', ')} finding to suppress` : ''}.`, doc.text, keep));
  });
  return { kept, suppressed, unused };
}

function unusedFinding(d: Directive, message: string, text: string, keep: string[] = []): Finding {
  let edits: TextEdit[] | undefined;
  let title: string;
  if (d.kind !== 'resource' && keep.length > 0) {
    // Rewrite the rule list to the ids still in use.
    const body = text.slice(d.span.start, d.span.end);
    const m = /ecs-guard-ignore(-file)?(?![\w-])([^:\n]*?)(\s*(?::|\*\/|-->|$))/.exec(body);
    if (m) {
      const start = d.span.start + m.index + m[0].length - m[3].length - m[2].length;
      edits = [{ start, end: start + m[2].length, newText: ' ' + keep.join(', ') }];
    }
    title = `Remove the unused rule ids from this directive`;
  } else if (d.kind !== 'resource' && d.line) {
    edits = d.line.alone ? [{ start: d.line.start, end: d.line.end, newText: '' }] : [{ start: trimLeft(text, d.span.start, d.line.start), end: d.span.end, newText: '' }];
    title = 'Remove this unused directive';
  } else if (d.kind === 'resource' && d.rewrite) {
    // The adapter writes it: the directive is data in the document's own syntax.
    edits = d.rewrite(keep);
    title = keep.length > 0 ? 'Remove the unused rule ids from this directive' : 'Remove this unused directive';
  } else {
    title = '';
  }
  return { ruleId: UNUSED_SUPPRESSION, severity: 'note', message, span: d.span, fix: edits ? { title, intents: [], edits, preferred: true } : undefined };
}

/** Start of the whitespace run before `pos` (not past `min`). */
function trimLeft(text: string, pos: number, min: number): number {
  let i = pos;
  while (i > min && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  return i;
}
