import type { Span } from '../../model/values';
import type { Node } from './treeSitter';

/**
 * A Python syntax node as this adapter keeps it: plain data with UTF-16 spans, copied out of the
 * WebAssembly tree (which the parser reuses and frees) for the statements that matter. Named nodes
 * only, plus anonymous ones that carry a field (a binary operator); comments are left out.
 */
export interface PyNode {
  type: string;
  start: number;
  end: number;
  /** The field this node fills in its parent (function, arguments, name, value, key, left, …). */
  field: string | null;
  children: PyNode[];
}

// Node types whose children this adapter never reads: their text says all.
const LEAVES = new Set(['identifier', 'integer', 'float', 'true', 'false', 'none', 'ellipsis', 'comment', 'escape_sequence', 'type_conversion', 'keyword_identifier']);

/** The children of every node without any: shared, as copies are never changed once made. */
export const NO_CHILDREN: PyNode[] = [];

// Fields by position among named children, for the node types the reader looks into. Asking
// tree-sitter for each child's field would cost a call into WebAssembly per node.
const POSITIONAL_FIELDS: Record<string, string[]> = {
  call: ['function', 'arguments'],
  keyword_argument: ['name', 'value'],
  pair: ['key', 'value'],
  attribute: ['object', 'attribute'],
  binary_operator: ['left', 'right'],
  unary_operator: ['argument'],
  subscript: ['value', 'subscript'],
  augmented_assignment: ['left', 'right'],
  interpolation: ['expression'],
  parenthesized_expression: ['expression'],
};

// Where a node's end follows from its children and the text: the end of its last child, or the
// closing bracket after it. Working it out in JavaScript saves a call into WebAssembly per node.
const ENDS_WITH_LAST_CHILD = new Set([
  'keyword_argument', 'pair', 'attribute', 'binary_operator', 'unary_operator', 'assignment', 'augmented_assignment',
  'expression_statement', 'concatenated_string', 'call', 'list_splat', 'dictionary_splat', 'boolean_operator',
  'comparison_operator', 'not_operator', 'type',
]);
const CLOSERS: Record<string, string> = {
  argument_list: ')', dictionary: '}', list: ']', tuple: ')', parenthesized_expression: ')', subscript: ']', set: '}',
};

/**
 * Copies a subtree out of the tree-sitter tree, with an explicit stack (no recursion). Each call
 * into WebAssembly costs about half a microsecond, which is most of the analysis time of a large
 * file, so this asks for as little as it can: a node's type, its children only where the reader
 * looks (plain string literals are read from the text; only f-strings' substitutions are copied),
 * and its end only where the text cannot tell. `exact` asks tree-sitter for every end: for
 * statements with syntax errors, where brackets may be missing.
 */
export function copyTree(node: Node, text: string, typeNames: readonly string[], exact = true): PyNode {
  const root = makeNode(node, text, typeNames, true);
  // Parallel stacks rather than a pair per entry: a large statement has thousands of nodes.
  const deferredMade: PyNode[] = [];
  const deferredSrc: Node[] = [];
  const assignments: PyNode[] = [];
  const srcStack: Node[] = [node];
  const dstStack: PyNode[] = [root];
  while (srcStack.length) {
    const src = srcStack.pop()!;
    const dst = dstStack.pop()!;
    if (LEAVES.has(dst.type)) continue;
    const fString = dst.type === 'string' && isFString(text, dst.start);
    if (dst.type === 'string' && !fString) continue;
    const kids = src.namedChildren;
    if (kids.length === 0) continue;
    const names = POSITIONAL_FIELDS[dst.type];
    const children: PyNode[] = new Array(kids.length);
    let i = 0;
    for (const child of kids) {
      if (!child) continue;
      const made = makeNode(child, text, typeNames, exact);
      if (made.type === 'comment') continue;
      if (fString && made.type !== 'interpolation') continue;
      if (names && i < names.length) made.field = names[i];
      children[i++] = made;
      if (made.end < 0) {
        deferredMade.push(made);
        deferredSrc.push(child);
      }
      srcStack.push(child);
      dstStack.push(made);
    }
    if (i > 0) {
      children.length = i;
      dst.children = children;
    }
    if (dst.type === 'assignment') assignments.push(dst);
  }
  // A node is made after its parent, so in reverse order every child's end is known before its parent's.
  for (let i = deferredMade.length - 1; i >= 0; i--) {
    const made = deferredMade[i];
    made.end = derivedEnd(made, text) ?? deferredSrc[i].endIndex;
  }
  // Told apart by the text between their children, once the children's ends are known.
  for (const a of assignments) assignmentFields(a, text);
  return root;
}

/** A node's end from its children and the text, or undefined when the text does not say it plainly. */
function derivedEnd(n: PyNode, text: string): number | undefined {
  const last = n.children[n.children.length - 1];
  if (ENDS_WITH_LAST_CHILD.has(n.type)) return last?.end;
  const closer = CLOSERS[n.type];
  if (!closer) return undefined;
  // Between the last element and the bracket: spaces, line breaks, commas, comments, continuations.
  for (let i = last ? last.end : n.start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === closer) return i + 1;
    if (c === '#') {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
      continue;
    }
    if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r' && c !== ',' && c !== '\\') return undefined;
  }
  return undefined;
}

function makeNode(n: Node, text: string, typeNames: readonly string[], exact: boolean): PyNode {
  const type = typeNames[n.typeId] ?? 'ERROR';
  const start = n.startIndex;
  let end: number | undefined;
  if (type === 'identifier') end = identifierEnd(text, start);
  else if (type === 'true' || type === 'none') end = start + 4;
  else if (type === 'false') end = start + 5;
  else if (!exact && type === 'string' && !isFString(text, start)) end = stringEnd(text, start);
  else if (!exact && (ENDS_WITH_LAST_CHILD.has(type) || type in CLOSERS)) end = -1;
  return { type, start, end: end ?? n.endIndex, field: null, children: NO_CHILDREN };
}

/** The end of a plain (not f-) string literal at `start`, or undefined when it does not close on its line. */
function stringEnd(text: string, start: number): number | undefined {
  let i = start;
  while (i < text.length && /[A-Za-z]/.test(text[i])) i++;
  const q = text[i];
  if (q !== '"' && q !== "'") return undefined;
  const triple = text.startsWith(q + q + q, i);
  for (i += triple ? 3 : 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (triple ? c === q && text.startsWith(q + q + q, i) : c === q) return i + (triple ? 3 : 1);
    else if (!triple && (c === '\n' || c === '\r')) return undefined;
  }
  return undefined;
}

/** The end of an ASCII identifier at `start`, or undefined when it has other characters (then tree-sitter says). */
function identifierEnd(text: string, start: number): number | undefined {
  let i = start;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95) continue;
    if (c >= 128) return undefined;
    break;
  }
  return i > start ? i : undefined;
}

/** `left = right`, `left: type = right` and `left: type`: the fields by what separates the children. */
function assignmentFields(n: PyNode, text: string): void {
  const [a, b, c] = n.children;
  if (a) a.field = 'left';
  if (c) {
    b.field = 'type';
    c.field = 'right';
  } else if (b) b.field = text.slice(a.end, b.start).includes('=') ? 'right' : 'type';
}

function isFString(text: string, start: number): boolean {
  for (let i = start; i < start + 3 && i < text.length; i++) {
    const c = text[i];
    if (c === 'f' || c === 'F' || c === 't' || c === 'T') return true;
    if (c === '"' || c === "'") return false;
  }
  return false;
}

/** The child filling `field`, if any. */
export function field(n: PyNode | undefined, name: string): PyNode | undefined {
  if (!n) return undefined;
  for (const c of n.children) if (c.field === name) return c;
  return undefined;
}

export const spanOf = (n: PyNode): Span => ({ start: n.start, end: n.end });

/** Call arguments, split into positional, keyword and splat arguments, in source order. */
export interface PyArgs {
  node: PyNode;
  positional: PyNode[];
  keywords: { name: string; nameNode: PyNode; value: PyNode; node: PyNode }[];
  /** `*args` and `**kwargs`: the call may pass anything through them. */
  splats: PyNode[];
}

const argsOf = new WeakMap<PyNode, PyArgs | null>();

/** A call's arguments (worked out once per copy of the call: copies are never changed). */
export function callArgs(call: PyNode, text: string): PyArgs | undefined {
  let made = argsOf.get(call);
  if (made === undefined) argsOf.set(call, (made = splitArgs(call, text) ?? null));
  return made ?? undefined;
}

function splitArgs(call: PyNode, text: string): PyArgs | undefined {
  const args = field(call, 'arguments');
  if (!args || args.type !== 'argument_list') return undefined;
  const out: PyArgs = { node: args, positional: [], keywords: [], splats: [] };
  for (const a of args.children) {
    if (a.type === 'keyword_argument') {
      const name = field(a, 'name');
      const value = field(a, 'value');
      if (name && value) out.keywords.push({ name: text.slice(name.start, name.end), nameNode: name, value, node: a });
    } else if (a.type === 'list_splat' || a.type === 'dictionary_splat') out.splats.push(a);
    else if (a.type !== 'ERROR') out.positional.push(a);
  }
  return out;
}

export function keyword(args: PyArgs | undefined, name: string): PyArgs['keywords'][number] | undefined {
  if (!args) return undefined;
  // Python rejects a repeated keyword; if a half-edited file has one, the last is what the user is typing.
  for (let i = args.keywords.length - 1; i >= 0; i--) if (args.keywords[i].name === name) return args.keywords[i];
  return undefined;
}

/** A dotted name (`ecs.NetworkMode.HOST`) as its parts, or undefined when it is not only names. */
export function dottedParts(n: PyNode, text: string): string[] | undefined {
  const parts: string[] = [];
  let cur: PyNode | undefined = n;
  while (cur && cur.type === 'attribute') {
    const attr = field(cur, 'attribute');
    if (!attr) return undefined;
    parts.push(text.slice(attr.start, attr.end));
    cur = field(cur, 'object');
  }
  if (!cur || cur.type !== 'identifier') return undefined;
  parts.push(text.slice(cur.start, cur.end));
  return parts.reverse();
}

/** What a string literal says: its text when it has no substitutions, else the literal pieces and the holes. */
export interface PyString {
  /** The value, when the literal has no `{…}` substitutions. */
  value?: string;
  /** Literal pieces and substitution expressions, in order (f-strings). */
  parts: (string | PyNode)[];
  /** The quote character of the first piece (`"` or `'`). */
  quote: string;
}

/** Reads a `string` or `concatenated_string` node. Escape sequences are decoded unless the string is raw. */
export function readString(n: PyNode, text: string): PyString | undefined {
  const pieces = n.type === 'concatenated_string' ? n.children.filter(c => c.type === 'string') : n.type === 'string' ? [n] : [];
  if (pieces.length === 0) return undefined;
  const parts: (string | PyNode)[] = [];
  let quote = '"';
  pieces.forEach((s, idx) => {
    let p = s.start;
    while (p < s.end && /[A-Za-z]/.test(text[p])) p++;
    const prefix = text.slice(s.start, p).toLowerCase();
    const q = text[p];
    if (q !== '"' && q !== "'") return;
    if (idx === 0) quote = q;
    const delimiter = text.startsWith(q + q + q, p) && s.end - p >= 6 ? q + q + q : q;
    const open = p + delimiter.length;
    // An unterminated string (mid-typing) runs to the node's end.
    const close = s.end - delimiter.length >= open && text.startsWith(delimiter, s.end - delimiter.length) ? s.end - delimiter.length : s.end;
    const raw = prefix.includes('r');
    const isF = prefix.includes('f') || prefix.includes('t');
    let pos = open;
    for (const c of s.children) {
      if (c.type !== 'interpolation') continue;
      parts.push(decode(text.slice(pos, c.start), raw, isF));
      parts.push(field(c, 'expression') ?? c);
      pos = c.end;
    }
    parts.push(decode(text.slice(pos, close), raw, isF));
  });
  const merged: (string | PyNode)[] = [];
  for (const p of parts) {
    if (typeof p === 'string' && typeof merged[merged.length - 1] === 'string') merged[merged.length - 1] += p;
    else merged.push(p);
  }
  const value = merged.length === 1 && typeof merged[0] === 'string' ? merged[0] : merged.length === 0 ? '' : undefined;
  return { value, parts: merged, quote };
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v', '0': '\0' };

/** Decodes Python escape sequences (and `{{`/`}}` in f-strings); unknown escapes stay as written, as in Python. */
function decode(s: string, raw: boolean, fstring: boolean): string {
  if (fstring) s = s.replace(/\{\{/g, '{').replace(/\}\}/g, '}');
  if (raw || s.indexOf('\\') < 0) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const e = s[i + 1];
    if (e === '\n' || e === '\r') {
      // A backslash at the end of a line continues the string on the next one.
      i += e === '\r' && s[i + 2] === '\n' ? 2 : 1;
      continue;
    }
    const hexLen = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
    if (hexLen) {
      const hex = s.slice(i + 2, i + 2 + hexLen);
      const cp = /^[0-9a-fA-F]+$/.test(hex) && hex.length === hexLen ? parseInt(hex, 16) : NaN;
      if (cp <= 0x10ffff) {
        out += String.fromCodePoint(cp);
        i += 1 + hexLen;
        continue;
      }
    }
    if (e >= '0' && e <= '7') {
      let j = i + 1;
      while (j < s.length && j < i + 4 && s[j] >= '0' && s[j] <= '7') j++;
      out += String.fromCharCode(parseInt(s.slice(i + 1, j), 8));
      i = j - 1;
      continue;
    }
    if (e in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[e];
      i++;
      continue;
    }
    out += c;
  }
  return out;
}

/** Source text of a node on one line, shortened, for messages and hints. */
export function shortText(n: PyNode, text: string, max = 60): string {
  const s = text.slice(n.start, Math.min(n.end, n.start + max * 4)).replace(/\s+/g, ' ').trim();
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}
