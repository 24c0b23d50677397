import type * as TS from 'typescript';
import type { SComment } from '../syntax';
import type { Span } from '../../model/values';
import type { TypeScript } from './typescriptLoader';

/**
 * The deepest bracket nesting the adapter hands to the TypeScript parser. The parser recurses
 * once (or more) per level and overflows the stack at a few hundred levels of `[` or `{`; real CDK
 * code stays far below this.
 */
export const MAX_NESTING = 200;

/** What one pass of the TypeScript scanner finds: every comment, and the nesting guard's verdict. */
export interface ScanResult {
  comments: SComment[];
  /** Where the nesting first went past {@link MAX_NESTING}, if it did. */
  tooDeepAt?: number;
}

/**
 * Whether the text needs {@link scanText} at all: only a suppression directive needs the comments,
 * and only brackets nested past half the limit need the exact count. Brackets are counted as
 * characters here, wherever they stand (strings, comments, regular expressions): a few tenths of a
 * millisecond for a 2,000-line file, against the scanner's two milliseconds. Brackets inside
 * strings can make this count low; the parser's own stack overflow is still caught (cdkTypeScript.ts).
 */
export function needsScan(text: string): boolean {
  if (text.includes('ecs-guard-ignore')) return true;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 40 || c === 91 || c === 123) {
      if (++depth > MAX_NESTING / 2) return true;
    } else if ((c === 41 || c === 93 || c === 125) && depth > 0) depth--;
  }
  return false;
}

/**
 * Scans the whole text once with the TypeScript scanner (iterative, no recursion): collects the
 * comments with their exact spans (`text` without the delimiters) and measures bracket depth, so
 * that input the parser would overflow on is refused before parsing. Template literals and regular
 * expressions are re-scanned as the parser would, so `//` inside them is not taken for a comment.
 */
export function scanText(ts: TypeScript, text: string, jsx: boolean): ScanResult {
  const K = ts.SyntaxKind;
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, jsx ? ts.LanguageVariant.JSX : ts.LanguageVariant.Standard, text);
  const comments: SComment[] = [];
  // Depths at which a template substitution `${` was opened: its `}` continues the template.
  const templates: number[] = [];
  let depth = 0;
  let prev: TS.SyntaxKind = K.Unknown;
  for (;;) {
    let kind = scanner.scan();
    if (kind === K.EndOfFileToken) break;
    switch (kind) {
      case K.SingleLineCommentTrivia: {
        const start = scanner.getTokenStart();
        comments.push({ span: { start, end: scanner.getTokenEnd() }, text: text.slice(start + 2, scanner.getTokenEnd()) });
        continue;
      }
      case K.MultiLineCommentTrivia: {
        const start = scanner.getTokenStart();
        const end = scanner.getTokenEnd();
        const closed = end - start >= 4 && text.charCodeAt(end - 1) === 47 && text.charCodeAt(end - 2) === 42;
        comments.push({ span: { start, end }, text: text.slice(start + 2, closed ? end - 2 : end) });
        continue;
      }
      case K.WhitespaceTrivia: case K.NewLineTrivia: case K.ShebangTrivia: case K.ConflictMarkerTrivia:
        continue;
      case K.OpenBraceToken: case K.OpenParenToken: case K.OpenBracketToken: case K.TemplateHead:
        if (kind === K.TemplateHead) templates.push(depth + 1);
        if (++depth > MAX_NESTING) return { comments, tooDeepAt: scanner.getTokenStart() };
        break;
      case K.CloseBraceToken:
        if (templates.length && templates[templates.length - 1] === depth) {
          kind = scanner.reScanTemplateToken(false);
          if (kind === K.TemplateTail) {
            templates.pop();
            depth--;
          }
        } else if (depth > 0) depth--;
        break;
      case K.CloseParenToken: case K.CloseBracketToken:
        if (depth > 0) depth--;
        break;
      case K.SlashToken: case K.SlashEqualsToken:
        if (regexMayFollow(K, prev)) kind = scanner.reScanSlashToken();
        break;
    }
    prev = kind;
  }
  return { comments };
}

/** After these tokens a `/` divides; after anything else it starts a regular expression. */
function regexMayFollow(K: typeof TS.SyntaxKind, prev: TS.SyntaxKind): boolean {
  switch (prev) {
    case K.Identifier: case K.PrivateIdentifier: case K.NumericLiteral: case K.BigIntLiteral: case K.StringLiteral:
    case K.NoSubstitutionTemplateLiteral: case K.TemplateTail: case K.RegularExpressionLiteral:
    case K.CloseParenToken: case K.CloseBracketToken: case K.CloseBraceToken:
    case K.PlusPlusToken: case K.MinusMinusToken:
    case K.ThisKeyword: case K.SuperKeyword: case K.TrueKeyword: case K.FalseKeyword: case K.NullKeyword:
      return false;
    default:
      return true;
  }
}

/** A node the parser made up where the text lacks one (`user:` with no value yet): it has no width. */
export function isMissing(node: TS.Node | undefined): boolean {
  return !node || node.pos === node.end;
}

/** The node's span without its leading trivia. */
export function spanOf(node: TS.Node, sf: TS.SourceFile): Span {
  return { start: node.getStart(sf), end: node.end };
}

/** The text of a property name that is written literally (identifier, string, number); undefined for computed names. */
export function propName(ts: TypeScript, name: TS.PropertyName | undefined): string | undefined {
  if (!name) return undefined;
  const K = ts.SyntaxKind;
  switch (name.kind) {
    case K.Identifier: case K.StringLiteral: case K.NumericLiteral: case K.NoSubstitutionTemplateLiteral: case K.PrivateIdentifier:
      return (name as TS.Identifier | TS.StringLiteral).text;
    default:
      return undefined;
  }
}

/** Strips what does not change a value: parentheses, `as`, `satisfies`, `!`, `<T>x`. */
export function unwrap(ts: TypeScript, expr: TS.Expression): TS.Expression {
  const K = ts.SyntaxKind;
  let e = expr;
  for (let i = 0; i < 100; i++) {
    switch (e.kind) {
      case K.ParenthesizedExpression: case K.AsExpression: case K.SatisfiesExpression: case K.NonNullExpression: case K.TypeAssertionExpression:
        e = (e as TS.ParenthesizedExpression).expression;
        continue;
      default:
        return e;
    }
  }
  return e;
}

/**
 * A short description of an expression for messages, without any literal it contains (a literal
 * may be a secret): names and property paths as written, calls as `callee(…)`.
 */
export function describe(ts: TypeScript, expr: TS.Expression): string {
  const K = ts.SyntaxKind;
  const e = unwrap(ts, expr);
  const path = dottedName(ts, e);
  if (path) return path;
  if (e.kind === K.CallExpression || e.kind === K.NewExpression) {
    const callee = dottedName(ts, unwrap(ts, (e as TS.CallExpression).expression));
    if (callee) return `${e.kind === K.NewExpression ? 'new ' : ''}${callee}(…)`;
  }
  if (e.kind === K.TemplateExpression) return 'a template string';
  if (e.kind === K.ConditionalExpression) return 'a conditional expression';
  return 'an expression';
}

/** `a.b.c` / `this.x` as text when the expression is only names and dots (at most 8 of them). */
export function dottedName(ts: TypeScript, expr: TS.Expression): string | undefined {
  const K = ts.SyntaxKind;
  const parts: string[] = [];
  let e: TS.Expression = expr;
  for (let i = 0; i < 8; i++) {
    if (e.kind === K.Identifier) {
      parts.push((e as TS.Identifier).text);
      return parts.reverse().join('.');
    }
    if (e.kind === K.ThisKeyword) {
      parts.push('this');
      return parts.reverse().join('.');
    }
    if (e.kind === K.PropertyAccessExpression) {
      const pa = e as TS.PropertyAccessExpression;
      parts.push(pa.name.text);
      e = pa.expression;
      continue;
    }
    if (e.kind === K.NonNullExpression || e.kind === K.ParenthesizedExpression) {
      e = (e as TS.NonNullExpression).expression;
      continue;
    }
    return undefined;
  }
  return undefined;
}
