/** The layout conventions of one text, detected once, so that inserted text looks like its neighbours. */
export interface TextStyle {
  eol: string;
  /** One level of indentation: a tab, or N spaces. */
  indent: string;
}

/** Detects the line ending (first one wins) and the indentation unit (the smallest indent step used). */
export function detectStyle(text: string): TextStyle {
  const nl = text.indexOf('\n');
  const cr = text.indexOf('\r');
  let eol = '\n';
  if (cr >= 0 && (nl < 0 || cr < nl)) eol = text[cr + 1] === '\n' ? '\r\n' : '\r';
  let min = 0;
  let tabs = 0;
  let spaces = 0;
  // Look at the first few hundred lines only: enough to decide, and cheap on huge files.
  let lineStart = 0;
  for (let n = 0; n < 400 && lineStart < text.length; n++) {
    let i = lineStart;
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
    const width = i - lineStart;
    if (width > 0 && i < text.length && text[i] !== '\n' && text[i] !== '\r') {
      if (text[lineStart] === '\t') tabs++;
      else {
        spaces++;
        if (min === 0 || width < min) min = width;
      }
    }
    const next = nextLineStart(text, lineStart);
    if (next < 0) break;
    lineStart = next;
  }
  const indent = tabs > spaces ? '\t' : ' '.repeat(min >= 1 && min <= 8 ? min : 2);
  return { eol, indent };
}

/** Offset of the start of the line after the one containing `pos`, or -1 at the last line. */
export function nextLineStart(text: string, pos: number): number {
  for (let i = pos; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) return i + 1;
    if (ch === 13) return text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  }
  return -1;
}

/** Offset of the start of the line containing `pos` (any of \n, \r\n, \r ends a line). */
export function lineStart(text: string, pos: number): number {
  let i = pos;
  while (i > 0) {
    const ch = text.charCodeAt(i - 1);
    if (ch === 10 || ch === 13) break;
    i--;
  }
  return i;
}

/** Offset of the end of the line containing `pos` (before its line break). */
export function lineEnd(text: string, pos: number): number {
  let i = pos;
  while (i < text.length) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || ch === 13) break;
    i++;
  }
  return i;
}

/** The whitespace that starts the line containing `pos`. */
export function indentOf(text: string, pos: number): string {
  const s = lineStart(text, pos);
  let i = s;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return text.slice(s, i);
}

/** True when only spaces or tabs stand between the line start and `pos`. */
export function onlyIndentBefore(text: string, pos: number): boolean {
  for (let i = pos - 1; i >= 0; i--) {
    const ch = text[i];
    if (ch === '\n' || ch === '\r') return true;
    if (ch !== ' ' && ch !== '\t') return false;
  }
  return true;
}

// Comments as JSONC and TypeScript write them (`//` and `/* */`): the JSON and CDK writers share these.

/** Skips whitespace and comments from `pos`. */
export function skipTrivia(text: string, pos: number): number {
  let i = pos;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++;
    else if (c === '/' && text[i + 1] === '/') i = lineEnd(text, i);
    else if (c === '/' && text[i + 1] === '*') {
      const e = text.indexOf('*/', i + 2);
      i = e < 0 ? text.length : e + 2;
    } else break;
  }
  return i;
}

/** Only blanks and a line comment stand between `pos` and the end of its line. */
export function restOfLineIsTrivia(text: string, pos: number): boolean {
  let i = pos;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return i >= text.length || text[i] === '\n' || text[i] === '\r' || (text[i] === '/' && text[i + 1] === '/');
}

/**
 * Where to put a new member after `pos`: the end of the line (after a trailing line comment),
 * unless the container or literal closes (at `close`) on this line, then `pos` itself.
 */
export function endOfLineAfter(text: string, pos: number, close: number): number {
  const end = lineEnd(text, pos);
  if (close < end || !restOfLineIsTrivia(text, pos)) return pos;
  return end;
}
