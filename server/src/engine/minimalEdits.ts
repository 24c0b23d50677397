import { diffLines } from 'diff';
import type { TextEdit } from './edits';

/**
 * The edits that turn `a` into `b`, one per changed run of lines, so that an editor keeps
 * folding, cursors and undo steps outside the changed lines. Common prefix and suffix are
 * trimmed first, so the line diff only sees the region that changed.
 */
export function minimalEdits(a: string, b: string): TextEdit[] {
  if (a === b) return [];
  let start = 0;
  const max = Math.min(a.length, b.length);
  while (start < max && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  // Widen to whole lines so the line diff aligns with the text's lines.
  while (start > 0 && a[start - 1] !== '\n' && a[start - 1] !== '\r') start--;
  while (endA < a.length && a[endA] !== '\n' && a[endA] !== '\r') {
    endA++;
    endB++;
  }
  // Take the line break too: the line diff compares lines with their breaks, and a last line
  // without one would differ from the same line with one (and be rewritten needlessly).
  if (a[endA] === '\r' && a[endA + 1] === '\n') { endA += 2; endB += 2; }
  else if (endA < a.length) { endA++; endB++; }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const edits: TextEdit[] = [];
  let pos = start;
  let pending: TextEdit | undefined;
  for (const part of diffLines(midA, midB)) {
    if (part.added) {
      pending ??= { start: pos, end: pos, newText: '' };
      pending.newText += part.value;
    } else if (part.removed) {
      pending ??= { start: pos, end: pos, newText: '' };
      pos += part.value.length;
      pending.end = pos;
    } else {
      if (pending) edits.push(pending);
      pending = undefined;
      pos += part.value.length;
    }
  }
  if (pending) edits.push(pending);
  return edits;
}
