import type { FormatId } from '../formats/adapter';
import { detectStyle } from '../formats/textStyle';
import type { TextEdit } from './edits';
import { Lines } from './suppressions';

/** How a format writes a line comment; undefined for strict JSON, which has none. */
export type CommentStyle = '//' | '#';

export function commentStyleFor(format: FormatId, languageId?: string, uri = ''): CommentStyle | undefined {
  switch (format) {
    case 'cloudformation-yaml':
    case 'cdk-python':
      return '#';
    case 'cdk-typescript':
      return '//';
    default:
      // JSON: only where the editor reads comments (JSONC). Registered task definitions and
      // CloudFormation JSON must stay strict JSON: their exceptions go to .ecs-guard.json.
      return languageId === 'jsonc' || /\.jsonc$/i.test(uri) ? '//' : undefined;
  }
}

const LINE_DIRECTIVE = /^([ \t]*)(\/\/|#)[ \t]*ecs-guard-ignore(?![\w-])([^:\r\n]*?)([ \t]*(?::[^\r\n]*)?)$/;
const FILE_DIRECTIVE = /(\/\/|#|\/\*)[ \t]*ecs-guard-ignore-file(?![\w-])([^:\r\n*]*?)([ \t]*(?::[^\r\n]*?)?)[ \t]*(\*\/)?[ \t]*$/m;

/** Adds a rule to a directive's list, keeping the list's style; undefined when it is already there. */
function extendList(list: string, rule: string): string | undefined {
  const ids = list.split(/[\s,]+/).filter(Boolean);
  if (ids.includes(rule)) return undefined;
  return ids.length ? ` ${[...ids, rule].join(', ')}` : ` ${rule}`;
}

/**
 * "Ignore <rule> on this line": extends a directive alone on the line above, or inserts one there
 * with the line's indentation. Undefined when the directive already names the rule.
 */
export function lineDirectiveEdit(text: string, offset: number, rule: string, style: CommentStyle): TextEdit | undefined {
  const lines = new Lines(text);
  const line = lines.lineOf(offset);
  if (line > 0) {
    const prevStart = lines.start(line - 1);
    const prevText = text.slice(prevStart, lines.start(line)).replace(/\r?\n$|\r$/, '');
    const m = LINE_DIRECTIVE.exec(prevText);
    if (m) {
      const listStart = prevStart + m[1].length + m[2].length + prevText.slice(m[1].length + m[2].length).indexOf('ecs-guard-ignore') + 'ecs-guard-ignore'.length;
      const listEnd = prevStart + prevText.length - m[4].length;
      const extended = extendList(text.slice(listStart, listEnd), rule);
      return extended === undefined ? undefined : { start: listStart, end: listEnd, newText: extended };
    }
  }
  const start = lines.start(line);
  let i = start;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  const indent = text.slice(start, i);
  return { start, end: start, newText: `${indent}${style} ecs-guard-ignore ${rule}${detectStyle(text).eol}` };
}

/**
 * "Ignore <rule> in this file": extends the file's `ecs-guard-ignore-file` directive, or inserts one
 * on the first line (after a shebang or a Python encoding line). Undefined when already covered.
 */
export function fileDirectiveEdit(text: string, rule: string, style: CommentStyle): TextEdit | undefined {
  const m = FILE_DIRECTIVE.exec(text);
  if (m) {
    const listStart = m.index + m[0].indexOf('ecs-guard-ignore-file') + 'ecs-guard-ignore-file'.length;
    const listEnd = listStart + m[2].length;
    const ids = m[2].split(/[\s,]+/).filter(Boolean);
    if (ids.length === 0) return undefined; // a file directive without ids already covers every rule
    const extended = extendList(m[2], rule);
    return extended === undefined ? undefined : { start: listStart, end: listEnd, newText: extended };
  }
  const eol = detectStyle(text).eol;
  const lines = new Lines(text);
  let at = 0;
  const first = text.slice(0, lines.next(0));
  if (first.startsWith('#!') || /^#.*coding[:=]/.test(first)) {
    at = lines.next(0);
    if (at === text.length && !/[\r\n]$/.test(text)) return { start: at, end: at, newText: `${eol}${style} ecs-guard-ignore-file ${rule}${eol}` };
  }
  return { start: at, end: at, newText: `${style} ecs-guard-ignore-file ${rule}${eol}` };
}
