import { createScanner } from 'jsonc-parser';
import type { MValue, NodeRef, Span } from '../model/values';
import { placeholderTemplate } from './placeholders';
import type { SArray, SComment, SNode, SObject, SProp, SScalar } from './syntax';

// What a large document costs is the objects made for it: a 1 MB task definition has some 35,000
// values and 26,000 properties, and the garbage collector copies every one that survives. So the
// JSON reader's nodes are small: they are their own spans (`start` and `end` sit on the node, and
// `span` returns it); what is the same for every node of a class (kind, flow, quoting) lives on the
// prototype; what edits alone ask for (a node's property, a key's span) is worked out when asked.
// And they double as model values (`ref` returns the node), so that a subtree with nothing to
// convert is the model as it is (JsonParseResult.reuse). Spans are only ever read, or widened here.
abstract class JNode {
  parent: SObject | SArray | undefined = undefined;
  constructor(public start: number, public end: number) {}
  get span(): Span { return this; }
  get ref(): NodeRef { return this; }
  /** The property this node is the value of, if it is one. */
  get prop(): SProp | undefined {
    const p = this.parent;
    if (p?.kind === 'object') for (const x of p.props) if (x.value === (this as unknown)) return x;
    return undefined;
  }
}
class JScalar extends JNode implements SScalar {
  constructor(public value: SScalar['value'], start: number, end: number) { super(start, end); }
  get kind(): 'scalar' { return 'scalar'; }
  get style(): '"' | undefined { return typeof this.value === 'string' ? '"' : undefined; }
  get invalid(): boolean { return false; }
}
/** A bare word where a value belongs (`$VAR`), or a value nested too deep to read: kept as its text. */
class JBareWord extends JScalar {
  override get style(): undefined { return undefined; }
  override get invalid(): boolean { return true; }
}
// Children are gathered on one shared stack while a container is open and copied into an array of
// exactly their number when it closes (an array grown by push keeps room for 17).
const NO_CHILDREN: never[] = [];
class JObject extends JNode implements SObject {
  props: SProp[] = NO_CHILDREN;
  get kind(): 'object' { return 'object'; }
  get flow(): boolean { return true; }
}
class JArray extends JNode implements SArray {
  items: SNode[] = NO_CHILDREN;
  get kind(): 'array' { return 'array'; }
  get flow(): boolean { return true; }
}
class JProp implements SProp {
  value: SNode | undefined = undefined;
  constructor(public key: string, public start: number, private keyEnd: number, public end: number, public parent: SObject) {}
  get span(): Span { return this; }
  get keySpan(): Span { return { start: this.start, end: this.keyEnd }; }
}

// jsonc-parser's SyntaxKind is a const enum: spelled out here so a bundler need not inline it.
const T = {
  OpenBrace: 1, CloseBrace: 2, OpenBracket: 3, CloseBracket: 4, Comma: 5, Colon: 6,
  Null: 7, True: 8, False: 9, String: 10, Number: 11,
  LineComment: 12, BlockComment: 13, LineBreak: 14, Trivia: 15, Unknown: 16, EOF: 17,
} as const;

/** Values nested deeper than this are skipped as a whole (ECS documents nest a dozen levels). */
export const MAX_DEPTH = 1000;

export interface JsonParseResult {
  root?: SNode;
  errors: { span: Span; message: string }[];
  comments: SComment[];
  /**
   * The node as a model value when it can serve as one as it is (model/values.ts): when nothing in
   * its subtree needs converting (no placeholder or bare word, which the model holds as Unknown, and
   * no key still waiting for its value). For toModel's `reuse` hook.
   */
  reuse(n: SNode): MValue | undefined;
}

/**
 * Reads JSON with comments and trailing commas into the shared syntax tree, tolerating errors the
 * way an editor must: a half-typed document still yields every value that parsed. Built on
 * jsonc-parser's scanner with an explicit stack, so nesting depth is bounded by memory, not by the
 * call stack (jsonc-parser's own parseTree recurses once per level).
 * A bare token where a value belongs (`$VAR`, `${VAR}`, `...`) becomes a scalar marked invalid so
 * that the adapter can treat it as a placeholder.
 */
export function parseJson(text: string): JsonParseResult {
  const scanner = createScanner(text, false);
  const errors: JsonParseResult['errors'] = [];
  const comments: SComment[] = [];
  type Frame =
    | { node: JObject; expect: 'key' | 'colon' | 'value' | 'comma'; prop?: SProp; base: number; dirty: boolean }
    | { node: JArray; expect: 'value' | 'comma'; base: number; dirty: boolean };
  const stack: Frame[] = [];
  const children: (SNode | SProp)[] = [];
  // Nodes that cannot be model values as they are (see JsonParseResult.reuse): few, usually none.
  const dirty = new Set<SNode>();
  let root: SNode | undefined;
  let done = false;
  let lastEnd = 0; // end of the last significant token

  // Keys repeat (every environment entry has "name" and "value"): one copy of each is kept.
  const keys = new Map<string, string>();
  const intern = (key: string): string => {
    const known = keys.get(key);
    if (known !== undefined) return known;
    keys.set(key, key);
    return key;
  };
  const error = (start: number, end: number, message: string) => {
    if (errors.length < 100) errors.push({ span: { start, end }, message });
  };

  let tok: number = T.EOF;
  const next = (): number => {
    for (;;) {
      // Spaces, tabs and line breaks are stepped over here: the scanner would build a string of
      // them a character at a time, half of what a pretty-printed document allocates.
      let pos = scanner.getPosition();
      let c = text.charCodeAt(pos);
      if (c === 32 || c === 10 || c === 13 || c === 9) {
        do c = text.charCodeAt(++pos); while (c === 32 || c === 10 || c === 13 || c === 9);
        scanner.setPosition(pos);
      }
      tok = scanner.scan();
      if (tok === T.LineComment || tok === T.BlockComment) {
        const off = scanner.getTokenOffset();
        const len = scanner.getTokenLength();
        const raw = text.substr(off, len);
        comments.push({ span: { start: off, end: off + len }, text: tok === T.LineComment ? raw.slice(2) : raw.slice(2, raw.endsWith('*/') ? -2 : undefined) });
        if (scanner.getTokenError() === 1) error(off, off + len, 'Unterminated comment.');
        continue;
      }
      if (tok === T.LineBreak || tok === T.Trivia) continue;
      return tok;
    }
  };

  /** Attaches a finished value to the innermost open container (or makes it the root). */
  const attach = (value: SNode, isDirty: boolean) => {
    const top = stack[stack.length - 1];
    if (!top) {
      root = value;
      return;
    }
    if (isDirty) top.dirty = true;
    if (top.node.kind === 'object') {
      const f = top as Extract<Frame, { node: SObject }>;
      const prop = f.prop!;
      prop.value = value;
      prop.span.end = value.span.end;
      value.parent = f.node;
      f.prop = undefined;
      f.expect = 'comma';
    } else {
      const f = top as Extract<Frame, { node: SArray }>;
      children.push(value);
      value.parent = f.node;
      f.expect = 'comma';
    }
  };

  /** A value the model holds as Unknown (a placeholder, a bare word): its containers are converted. */
  const bareWord = (node: JScalar) => {
    dirty.add(node);
    attach(node, true);
  };

  const close = (end: number) => {
    const f = stack.pop()!;
    f.node.span.end = end;
    if (children.length > f.base) {
      const own = children.slice(f.base);
      children.length = f.base;
      if (f.node.kind === 'object') {
        f.node.props = own as SProp[];
        if (!f.dirty && (own as SProp[]).some(p => !p.value)) f.dirty = true;
      } else f.node.items = own as SNode[];
    }
    if (f.node.kind === 'object') {
      const of = f as Extract<Frame, { node: SObject }>;
      if (of.prop) of.prop = undefined; // a key without a value stays, valueless
    }
    if (f.dirty) dirty.add(f.node);
    attach(f.node, f.dirty);
  };

  /** Starts a value at the current token; returns false when the token cannot start one. */
  const startValue = (): boolean => {
    const off = scanner.getTokenOffset();
    const len = scanner.getTokenLength();
    if ((tok === T.OpenBrace || tok === T.OpenBracket) && stack.length >= MAX_DEPTH) {
      // No task definition nests this deep: skip the value (scanning only, nothing allocated)
      // and keep it as one opaque placeholder, so that depth costs neither stack nor memory.
      let depth = 0;
      let end = off + len;
      for (let t: number = tok; t !== T.EOF; t = scanner.scan()) {
        if (t === T.OpenBrace || t === T.OpenBracket) depth++;
        else if (t === T.CloseBrace || t === T.CloseBracket) depth--;
        end = scanner.getTokenOffset() + scanner.getTokenLength();
        if (depth === 0) break;
      }
      error(off, end, `Nesting deeper than ${MAX_DEPTH} levels: this value is not read.`);
      lastEnd = end;
      bareWord(new JBareWord(text.slice(off, Math.min(end, off + 40)), off, end));
      return true;
    }
    switch (tok) {
      case T.OpenBrace: {
        const node = new JObject(off, off + len);
        stack.push({ node, expect: 'key', base: children.length, dirty: false });
        lastEnd = off + len;
        return true;
      }
      case T.OpenBracket: {
        const node = new JArray(off, off + len);
        stack.push({ node, expect: 'value', base: children.length, dirty: false });
        lastEnd = off + len;
        return true;
      }
      case T.String: case T.Number: case T.True: case T.False: case T.Null: {
        let value: SScalar['value'];
        if (tok === T.String) value = scanner.getTokenValue();
        else if (tok === T.Number) value = Number(scanner.getTokenValue());
        else value = tok === T.True ? true : tok === T.False ? false : null;
        const errCode = scanner.getTokenError();
        if (errCode === 2) error(off, off + len, 'Unterminated string.');
        else if (errCode !== 0) error(off, off + len, 'Invalid characters in a string or number.');
        const node = new JScalar(value, off, off + len);
        lastEnd = off + len;
        if (typeof value === 'string' && placeholderTemplate(value) !== undefined) bareWord(node);
        else attach(node, false);
        return true;
      }
      case T.Unknown: {
        // A bare word where a value belongs: a template placeholder ($VAR, ${VAR}, ...) or a typo.
        let end = off + len;
        const word = scanner.getTokenValue();
        if (word.endsWith('$') && text[end] === '{') {
          const close = text.indexOf('}', end);
          const nl = text.indexOf('\n', end);
          if (close > 0 && (nl < 0 || close < nl)) {
            end = close + 1;
            scanner.setPosition(end);
          }
        }
        // The word itself is not repeated: it may be a value someone meant to quote, a secret among them.
        error(off, end, 'Value expected: a bare word where JSON needs a quoted string, a number, true, false or null.');
        lastEnd = end;
        bareWord(new JBareWord(text.slice(off, end), off, end));
        return true;
      }
      default:
        return false;
    }
  };

  next();
  while (tok !== T.EOF) {
    const off = scanner.getTokenOffset();
    const len = scanner.getTokenLength();
    const top = stack[stack.length - 1];
    if (!top) {
      if (done || root) {
        error(off, off + len, 'End of file expected.');
        break;
      }
      if (!startValue()) error(off, off + len, 'Value expected.');
      if (root) done = true;
      next();
      continue;
    }
    if (top.node.kind === 'object') {
      const f = top as Extract<Frame, { node: SObject }>;
      switch (f.expect) {
        case 'key':
        case 'comma':
          if (tok === T.CloseBrace) {
            lastEnd = off + len;
            close(off + len);
          } else if (tok === T.Comma) {
            if (f.expect === 'key') error(off, off + len, 'Property expected.');
            f.expect = 'key';
            lastEnd = off + len;
          } else if (tok === T.String) {
            if (f.expect === 'comma') error(off, off + len, 'Comma expected.');
            const prop = new JProp(intern(scanner.getTokenValue()), off, off + len, off + len, f.node);
            children.push(prop);
            f.prop = prop;
            f.expect = 'colon';
            lastEnd = off + len;
          } else if (tok === T.OpenBrace && stack[stack.length - 2]?.node.kind === 'array') {
            // `{"a": 1,\n {"b": 2}` inside an array: the object was left open; the brace starts the next item.
            error(off, off + len, 'Closing brace expected.');
            close(lastEnd);
            continue;
          } else if (tok === T.CloseBracket) {
            error(off, off + len, 'Expected comma or closing brace.');
            // A stray ']' most likely closes an array this object sits in: close the object first.
            close(lastEnd);
            continue;
          } else {
            error(off, off + len, f.expect === 'key' ? 'Property name expected.' : 'Comma expected.');
          }
          break;
        case 'colon':
          if (tok === T.Colon) {
            f.expect = 'value';
            f.prop!.span.end = off + len;
            lastEnd = off + len;
          } else if (tok === T.CloseBrace || tok === T.Comma) {
            error(off, off + len, 'Colon expected.');
            f.prop = undefined;
            f.expect = 'comma';
            continue; // re-read as a separator
          } else {
            error(off, off + len, 'Colon expected.');
            f.expect = 'value';
            continue; // treat the token as the value
          }
          break;
        case 'value':
          if (tok === T.CloseBrace || tok === T.Comma) {
            error(off, off + len, 'Value expected.');
            f.prop = undefined;
            f.expect = 'comma';
            continue;
          }
          if (!startValue()) {
            error(off, off + len, 'Value expected.');
            f.prop = undefined;
            f.expect = 'comma';
          }
          break;
      }
    } else {
      const f = top as Extract<Frame, { node: SArray }>;
      if (tok === T.CloseBracket) {
        lastEnd = off + len;
        close(off + len);
      } else if (tok === T.Comma) {
        if (f.expect === 'value') error(off, off + len, 'Value expected.');
        f.expect = 'value';
        lastEnd = off + len;
      } else if (tok === T.CloseBrace) {
        error(off, off + len, 'Expected comma or closing bracket.');
        close(lastEnd);
        continue;
      } else {
        if (f.expect === 'comma') error(off, off + len, 'Comma expected.');
        if (!startValue()) error(off, off + len, 'Value expected.');
      }
    }
    next();
  }
  if (stack.length) {
    error(text.length, text.length, stack[stack.length - 1].node.kind === 'object' ? 'Closing brace expected.' : 'Closing bracket expected.');
    while (stack.length) close(lastEnd);
  }
  return { root, errors, comments, reuse: n => (dirty.has(n) || !(n instanceof JScalar || n instanceof JObject || n instanceof JArray) ? undefined : (n as unknown as MValue)) };
}
