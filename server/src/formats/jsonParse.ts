import { createScanner } from 'jsonc-parser';
import type { Span } from '../model/values';
import type { SArray, SComment, SNode, SObject, SProp, SScalar } from './syntax';

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
    | { node: SObject; expect: 'key' | 'colon' | 'value' | 'comma'; prop?: SProp }
    | { node: SArray; expect: 'value' | 'comma' };
  const stack: Frame[] = [];
  let root: SNode | undefined;
  let done = false;
  let lastEnd = 0; // end of the last significant token

  const error = (start: number, end: number, message: string) => {
    if (errors.length < 100) errors.push({ span: { start, end }, message });
  };

  let tok: number = T.EOF;
  const next = (): number => {
    for (;;) {
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
  const attach = (value: SNode) => {
    const top = stack[stack.length - 1];
    if (!top) {
      root = value;
      return;
    }
    if (top.node.kind === 'object') {
      const f = top as Extract<Frame, { node: SObject }>;
      const prop = f.prop!;
      prop.value = value;
      prop.span.end = value.span.end;
      value.parent = f.node;
      value.prop = prop;
      f.prop = undefined;
      f.expect = 'comma';
    } else {
      const f = top as Extract<Frame, { node: SArray }>;
      f.node.items.push(value);
      value.parent = f.node;
      f.expect = 'comma';
    }
  };

  const close = (end: number) => {
    const f = stack.pop()!;
    f.node.span.end = end;
    if (f.node.kind === 'object') {
      const of = f as Extract<Frame, { node: SObject }>;
      if (of.prop) of.prop = undefined; // a key without a value stays, valueless
    }
    attach(f.node);
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
      attach({ kind: 'scalar', value: text.slice(off, Math.min(end, off + 40)), span: { start: off, end }, style: undefined, invalid: true, parent: undefined, prop: undefined });
      return true;
    }
    switch (tok) {
      case T.OpenBrace: {
        const node: SObject = { kind: 'object', props: [], flow: true, span: { start: off, end: off + len }, parent: undefined, prop: undefined };
        stack.push({ node, expect: 'key' });
        lastEnd = off + len;
        return true;
      }
      case T.OpenBracket: {
        const node: SArray = { kind: 'array', items: [], flow: true, span: { start: off, end: off + len }, parent: undefined, prop: undefined };
        stack.push({ node, expect: 'value' });
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
        const node: SScalar = { kind: 'scalar', value, span: { start: off, end: off + len }, style: tok === T.String ? '"' : undefined, invalid: false, parent: undefined, prop: undefined };
        lastEnd = off + len;
        attach(node);
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
        const node: SScalar = { kind: 'scalar', value: text.slice(off, end), span: { start: off, end }, style: undefined, invalid: true, parent: undefined, prop: undefined };
        lastEnd = end;
        attach(node);
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
            const prop: SProp = { key: scanner.getTokenValue(), keySpan: { start: off, end: off + len }, span: { start: off, end: off + len }, value: undefined, parent: f.node };
            f.node.props.push(prop);
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
  return { root, errors, comments };
}
