import type { Span } from '../model/values';

/** A text replacement in offsets of the text it was computed for. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
}

/** Sorts edits by position; returns undefined when two of them overlap (or insert at one place twice
 *  in a way whose order would be ambiguous, i.e. an insertion inside a replaced range). */
export function normalizeEdits(edits: TextEdit[]): TextEdit[] | undefined {
  const sorted = edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.start - b.e.start || a.e.end - b.e.end || a.i - b.i)
    .map(x => x.e);
  const out: TextEdit[] = [];
  for (const e of sorted) {
    if (e.start > e.end) return undefined;
    const prev = out[out.length - 1];
    if (prev) {
      if (e.start < prev.end) return undefined;
      // Two insertions at the same offset: keep their order by merging them.
      if (prev.start === prev.end && e.start === e.end && e.start === prev.start) {
        out[out.length - 1] = { start: prev.start, end: prev.end, newText: prev.newText + e.newText };
        continue;
      }
    }
    if (e.start === e.end && e.newText === '') continue;
    out.push(e);
  }
  return out;
}

/** Applies non-overlapping edits (as returned by {@link normalizeEdits}) to the text. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  let out = '';
  let pos = 0;
  for (const e of edits) {
    out += text.slice(pos, e.start) + e.newText;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/** True when two ranges share a character, or one inserts inside (or at an end of) the other. */
export function touches(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}
