import { CST } from 'yaml';
import type { SArray, SComment, SNode, SObject, SProp, SScalar, STagged } from './syntax';
import { plainValue, type YamlParseResult } from './yamlCommon';
import {
  DECLINE, T_ALIAS, T_ANCHOR, T_BLOCK, T_BOM, T_COLON, T_COMMA, T_COMMENT, T_DASH, T_DIRECTIVE, T_DOC_START, T_DOUBLE, T_HEADER,
  T_MAP_END, T_MAP_START, T_NEWLINE, T_PLAIN, T_SEQ_END, T_SEQ_START, T_SINGLE, T_SPACE, T_TAG, decline, scanYaml, type TokenSink,
} from './yamlScan';

/*
 * The token reader: the syntax tree of yamlCst.ts, built straight from the `yaml` package's Lexer
 * tokens (cut by yamlScan.ts, a port of that Lexer without its generators).
 *
 * Why: the package's Parser turns the Lexer's tokens into a concrete syntax tree through layers of
 * generators and many short-lived objects; on a large template it costs about nine times the
 * Lexer, and it dominated the time of reading YAML. The Lexer already cuts the text at every
 * boundary that matters, with exact offsets, so an indentation-aware builder over its tokens can
 * make the tree directly.
 *
 * How it stays identical to the general reader: it reads a strict subset — block mappings and
 * sequences (indentless and compact ones too), flow collections, plain, quoted and block scalars,
 * one tag and any anchors per node, aliases, comments, one leading `---`, directives — and only
 * when nothing is wrong. At the first token it does not expect (a tab in the indentation, an
 * explicit `?` key, a second document, a duplicate or multi-line key, a key without `:`, anything
 * the Parser would report, an escape the scalar resolver rejects, nesting deeper than
 * MAX_FAST_DEPTH) it gives up and returns undefined, and parseYaml asks the general reader, which
 * also produces the error messages. Scalar values come from the package's own resolver
 * (CST.resolveAsScalar) whenever they are not a single line without escapes.
 *
 * Every collection is built on an explicit stack of frames: the input's nesting never reaches the
 * call stack.
 */

/** Deeper nesting is left to the general reader, which bounds it and reports it (MAX_YAML_DEPTH). */
const MAX_FAST_DEPTH = 500;

// Frame kinds.
const F_DOC = 0, F_BMAP = 1, F_BSEQ = 2, F_FMAP = 3, F_FSEQ = 4;

// Block modes: what the reader expects next outside flow collections.
const M_LINE = 0; // the start of a line: indentation, then its first token decides where it belongs
const M_VALUE = 1; // a value may start here (after `key:`, `- `, or on a more indented line)
const M_KEY = 2; // a key must start here (a line at the indentation of an open mapping)
const M_AFTER_SCALAR = 3; // a scalar was read: `:` makes it a key, the end of the line a value
const M_AFTER_KEY = 4; // a key was read on a mapping's line: only `:` may follow
const M_DONE = 5; // a value ended: only spaces and a comment until the end of the line
const M_HEADER = 6; // the rest of a block scalar's header line, then its content
const M_FLOW = 7; // inside a flow collection (its frame's state says more)

// Flow states of an FSEQ/FMAP frame.
const S_ITEM = 0, S_ITEM_AFTER_COMMA = 1, S_AFTER = 2, S_KEY = 3, S_KEY_AFTER_COMMA = 4, S_COLON = 5, S_VALUE = 6;
/** A scalar item of a flow sequence, until what follows says whether it is the key of a pair (`[a: 1]`). */
const S_PENDING = 7;

// Dedent outcomes for the first token of a line.
const D_VALUE = 0, D_KEY = 1, D_NEXT_ITEM = 2;

interface Frame {
  kind: number;
  /** Block collections: the column of their keys or dashes. */
  indent: number;
  coll: SObject | SArray | undefined;
  /** The collection, or the STagged around it. */
  outer: SNode | undefined;
  /** A value slot is open (after `key:` or `- `, nothing read yet). */
  open: boolean;
  /** The start of the line where the open slot's indicator stands. */
  slotLine: number;
  /** Block sequences: the offset of the current item's dash. */
  dash: number;
  prop: SProp | undefined;
  seen: Set<string> | undefined;
  state: number;
  /** A single-pair mapping inside a flow sequence (`[Condition: X]`): it ends with its value. */
  pair: boolean;
}

/** A character a plain scalar may not start with (the resolver reports it): tab, `,`, `%`, `|`, `>`, `@`, backquote. */
function badPlainStart(c: number): boolean {
  switch (c) {
    case 9: case 44: case 37: case 124: case 62: case 64: case 96: return true;
    default: return false;
  }
}
// Characters the Lexer would emit as its markers, and a carriage return that ends no line: left to the Parser.
const UNUSUAL_TEXT = /[\x02\x18\x1f]|\r(?!\n)/;
const WHITESPACE = /\s/;

/**
 * The syntax tree of `text` as parseYaml returns it, when `text` is plain, error-free YAML of the
 * kind templates use; undefined when it is anything else (the general reader then decides).
 */
export function parseYamlFast(text: string): YamlParseResult | undefined {
  if (UNUSUAL_TEXT.test(text) || text.indexOf('\uFEFF', 1) >= 0) return undefined;
  // After a byte order mark the Parser does not count the first line's indentation: leave such lines to it.
  if (text.charCodeAt(0) === 0xfeff && ' \t-?:'.includes(text[1] ?? 'x')) return undefined;
  try {
    return new TokenReader(text).read();
  } catch (e) {
    if (e === DECLINE) return undefined;
    throw e;
  }
}

class TokenReader implements TokenSink {
  /** The current token's start and end. */
  private off = 0;
  private tokEnd = 0;
  private lineStart = 0;
  /** Only indentation and `- ` indicators so far on this line. */
  private atBlockStart = true;
  /** A tab in this line's indentation: fine before a comment or the line's end, not before content. */
  private tabIndent = false;
  private mode = M_LINE;
  private docStart = false;
  private readonly stack: Frame[] = [];
  private root: SNode | undefined;
  private rootSet = false;
  private readonly comments: SComment[] = [];

  // Node properties waiting for their node: the tag (at most one) and whether any anchor or tag was seen.
  private tagOff = -1;
  private tagSrc = '';
  private propsAny = false;
  private propsLine = -1;

  // The scalar waiting for what follows it (a key if `:`, else a value).
  private scKind = 0;
  private scOff = 0;
  private scSrc = '';
  private scCol = 0;

  // A block scalar's header line, as the tokens the package's resolver expects.
  private header: CST.SourceToken[] = [];

  constructor(private readonly text: string) {
    this.stack.push(frame(F_DOC, 0, undefined, undefined));
  }

  read(): YamlParseResult {
    scanYaml(this.text, this);
    this.end();
    return { root: this.root, errors: [], comments: this.comments };
  }

  /** The scanner's tokens, one by one. */
  token(kind: number, start: number, end: number): void {
    this.off = start;
    this.tokEnd = end;
    switch (kind) {
      case T_BLOCK:
        if (this.mode !== M_HEADER) decline();
        return this.blockScalar();
      case T_COMMENT:
        // After a root that is not a block collection, the Parser closes the document a line later
        // and the general reader drops the comments that follow: leave those texts to it.
        if (this.rootSet && this.stack.length === 1 && this.mode === M_LINE) decline();
        this.comments.push({ span: { start, end }, text: this.text.slice(start + 1, end) });
        break;
      case T_NEWLINE:
        this.lineStart = end;
        break;
      case T_SPACE:
        if (this.atBlockStart && this.mode !== M_FLOW && hasTab(this.text, start, end)) this.tabIndent = true;
        break;
      default:
        // The Parser does not count tabs as indentation; the columns here would differ from its.
        if (this.tabIndent) decline();
    }
    switch (this.mode) {
      case M_LINE: return this.lineToken(kind);
      case M_VALUE: return this.valueToken(kind);
      case M_KEY: return this.keyToken(kind);
      case M_AFTER_SCALAR: return this.afterScalar(kind);
      case M_AFTER_KEY: return this.afterKey(kind);
      case M_DONE: return this.doneToken(kind);
      case M_HEADER: return this.headerToken(kind);
      case M_FLOW: return this.flowToken(kind);
    }
  }

  /** Spaces, comments and line breaks, the same in every block mode; true when `kind` was one. */
  private blank(kind: number): boolean {
    if (kind === T_NEWLINE) {
      this.mode = M_LINE;
      this.atBlockStart = true;
      this.tabIndent = false;
      return true;
    }
    return kind === T_SPACE || kind === T_COMMENT;
  }

  private lineToken(kind: number): void {
    if (kind === T_NEWLINE) {
      this.atBlockStart = true;
      this.tabIndent = false;
      return;
    }
    switch (kind) {
      case T_SPACE: case T_COMMENT: return;
      case T_BOM:
        this.lineStart = this.tokEnd; // the mark takes no column
        return;
      case T_DIRECTIVE:
        if (this.rootSet || this.docStart || this.propsAny) decline();
        return;
      case T_DOC_START:
        // One `---` before the content; a second one starts another document, which is not read.
        if (this.rootSet || this.docStart || this.propsAny) decline();
        this.docStart = true;
        this.atBlockStart = false;
        this.mode = M_DONE;
        return;
    }
    const col = this.off - this.lineStart;
    switch (this.dedent(col, kind === T_DASH)) {
      case D_KEY:
        this.mode = M_KEY;
        return this.keyToken(kind);
      case D_NEXT_ITEM:
        this.mode = M_VALUE;
        return;
      default:
        this.mode = M_VALUE;
        return this.valueToken(kind);
    }
  }

  /**
   * Closes the block collections that a line starting at `col` ends, and says what its first token
   * is: a key of the mapping at that column, the next item of the sequence there, or the value of
   * the open slot above.
   */
  private dedent(col: number, dash: boolean): number {
    for (;;) {
      const f = this.stack[this.stack.length - 1];
      switch (f.kind) {
        case F_BMAP:
          if (col < f.indent) break;
          if (col === f.indent) {
            if (f.open && dash) return D_VALUE; // an indentless sequence as the value
            if (f.open) this.emptySlot(f);
            return D_KEY;
          }
          if (f.open) return D_VALUE;
          return decline();
        case F_BSEQ:
          if (col < f.indent) break;
          if (col === f.indent) {
            if (dash) {
              if (f.open) this.emptySlot(f);
              f.open = true;
              f.dash = this.off;
              f.slotLine = this.lineStart;
              return D_NEXT_ITEM;
            }
            const parent = this.stack[this.stack.length - 2];
            if (parent.kind === F_BMAP && parent.indent === col) break; // an indentless sequence ends
            return decline();
          }
          if (f.open) return D_VALUE;
          return decline();
        default:
          if (f.kind === F_DOC && !this.rootSet) return D_VALUE;
          return decline();
      }
      this.close(f);
    }
  }

  private valueToken(kind: number): void {
    if (this.blank(kind)) return;
    switch (kind) {
      case T_TAG:
      case T_ANCHOR:
        this.property(kind);
        this.atBlockStart = false;
        return;
      case T_DASH: {
        if (!this.atBlockStart) decline(); // `key: - x`, `!t - x`: the Parser reports these
        const arr: SArray = { kind: 'array', items: [], flow: false, span: { start: this.off, end: this.off } };
        const f = this.open(F_BSEQ, this.off - this.lineStart, arr);
        f.open = true;
        f.dash = this.off;
        f.slotLine = this.lineStart;
        return;
      }
      case T_PLAIN: case T_SINGLE: case T_DOUBLE: case T_ALIAS:
        this.pendingScalar(kind);
        this.atBlockStart = false;
        this.mode = M_AFTER_SCALAR;
        return;
      case T_HEADER:
        this.header = [{ type: 'block-scalar-header', offset: this.off, indent: 0, source: this.text.slice(this.off, this.tokEnd) }];
        this.atBlockStart = false;
        this.mode = M_HEADER;
        return;
      case T_MAP_START: case T_SEQ_START:
        this.openFlow(kind === T_MAP_START);
        this.atBlockStart = false;
        this.mode = M_FLOW;
        return;
      default:
        decline();
    }
  }

  private keyToken(kind: number): void {
    if (kind !== T_PLAIN && kind !== T_SINGLE && kind !== T_DOUBLE) decline();
    this.pendingScalar(kind);
    this.atBlockStart = false;
    this.mode = M_AFTER_KEY;
  }

  /** Keeps the current token as the scalar whose role the next tokens decide. */
  private pendingScalar(kind: number): void {
    this.scKind = kind;
    this.scOff = this.off;
    this.scSrc = this.text.slice(this.off, this.tokEnd);
    this.scCol = this.off - this.lineStart;
  }

  private afterKey(kind: number): void {
    if (kind === T_SPACE) return;
    if (kind !== T_COLON) decline(); // a key without `:` (half-typed)
    this.addKey(this.stack[this.stack.length - 1]);
  }

  private afterScalar(kind: number): void {
    if (kind === T_SPACE) return;
    if (kind === T_COLON) return this.scalarBecomesKey();
    if (kind !== T_NEWLINE && kind !== T_COMMENT) decline(); // `"a" b` and the like
    this.scalarValue();
    this.mode = M_DONE;
    this.blank(kind);
  }

  private doneToken(kind: number): void {
    if (!this.blank(kind)) decline();
  }

  /** The pending scalar is the first key of a new block mapping, in the open slot. */
  private scalarBecomesKey(): void {
    const slot = this.stack[this.stack.length - 1];
    // `a: b: c` and a tag or anchor on the key's own line (it would belong to the key): left to the Parser.
    if (slot.kind === F_BMAP && slot.slotLine === this.lineStart) decline();
    if (this.propsAny && this.propsLine === this.lineStart) decline();
    const obj: SObject = { kind: 'object', props: [], flow: false, span: { start: this.scOff, end: this.scOff } };
    this.addKey(this.open(F_BMAP, this.scCol, obj));
  }

  /** Adds the pending scalar as a key of `f` (a block or flow mapping); the colon is at this.off. */
  private addKey(f: Frame): void {
    if (this.scKind === T_ALIAS || this.scSrc.includes('\n')) decline();
    const obj = f.coll as SObject;
    const key = this.raw(this.scKind, this.scOff, this.scSrc);
    // Duplicate keys are reported by the general reader.
    if (obj.props.length < 16) {
      for (const q of obj.props) if (q.key === key) decline();
    } else {
      if (!f.seen) f.seen = new Set(obj.props.map(q => q.key));
      if (f.seen.has(key)) decline();
      f.seen.add(key);
    }
    const start = this.scOff;
    const prop: SProp = { key, keySpan: { start, end: start + this.scSrc.length }, span: { start, end: this.off + 1 }, value: undefined, parent: obj };
    obj.props.push(prop);
    f.prop = prop;
    if (f.kind === F_BMAP) {
      f.open = true;
      f.slotLine = this.lineStart;
      this.mode = M_VALUE;
    } else {
      f.state = S_VALUE;
    }
  }

  private scalarValue(): void {
    const core = this.tagSrc.startsWith('!!') ? this.tagSrc : undefined;
    const k = this.scKind;
    const span = { start: this.scOff, end: this.scOff + this.scSrc.length };
    let node: SScalar;
    if (k === T_ALIAS) {
      node = { kind: 'scalar', value: this.scSrc, invalid: true, style: '', span };
    } else {
      const raw = this.raw(k, this.scOff, this.scSrc);
      const value = k !== T_PLAIN || core === '!!str' ? raw : plainValue(raw);
      node = { kind: 'scalar', value, style: k === T_PLAIN ? '' : k === T_SINGLE ? "'" : '"', span };
    }
    this.fill(this.wrap(node));
  }

  /**
   * The string a flow scalar stands for: computed here for one line without escapes (nearly every
   * scalar of a template), by the package's resolver otherwise. Anything the resolver would report
   * declines.
   */
  private raw(kind: number, offset: number, source: string): string {
    if (!source.includes('\n')) {
      switch (kind) {
        case T_PLAIN:
          if (!badPlainStart(source.charCodeAt(0))) return source;
          break;
        case T_SINGLE:
          if (source.length >= 2 && source.endsWith("'")) {
            const inner = source.slice(1, -1);
            return inner.includes("''") ? inner.replace(/''/g, "'") : inner;
          }
          break;
        case T_DOUBLE:
          if (source.length >= 2 && source.endsWith('"') && !source.includes('\\')) return source.slice(1, -1);
          break;
      }
    }
    const type = kind === T_PLAIN ? 'scalar' : kind === T_SINGLE ? 'single-quoted-scalar' : 'double-quoted-scalar';
    const r = CST.resolveAsScalar({ type, offset, indent: 0, source }, false, decline);
    return r ? r.value : decline();
  }

  private headerToken(kind: number): void {
    if (kind !== T_SPACE && kind !== T_COMMENT && kind !== T_NEWLINE) decline();
    const type = kind === T_SPACE ? 'space' : kind === T_COMMENT ? 'comment' : 'newline';
    this.header.push({ type, offset: this.off, indent: 0, source: this.text.slice(this.off, this.tokEnd) });
  }

  /** A block scalar's content (the current token, up to and with its last line break) completes the node. */
  private blockScalar(): void {
    const source = this.text.slice(this.off, this.tokEnd);
    const props = this.header;
    const head = props[0];
    const parent = this.stack[this.stack.length - 1];
    // The resolver measures indentation from the enclosing block collection, as the Parser sets it.
    const indent = parent.kind === F_DOC ? 0 : parent.indent;
    const r = CST.resolveAsScalar({ type: 'block-scalar', offset: head.offset, indent, props, source }, false, decline);
    const start = head.offset;
    const last = props[props.length - 1];
    let end = last.offset + last.source.length + source.length;
    // The span ends with the last content character: trailing blank lines belong to no one.
    while (end > start && WHITESPACE.test(this.text[end - 1])) end--;
    if (end < start + head.source.length) end = start + head.source.length;
    const node: SScalar = { kind: 'scalar', value: r ? r.value : '', style: head.source.startsWith('>') ? '>' : '|', span: { start, end } };
    this.fill(this.wrap(node));
    // The content ends with its line: what follows starts a line.
    this.lineStart = this.tokEnd;
    this.mode = M_LINE;
    this.atBlockStart = true;
    this.tabIndent = false;
  }

  private property(kind: number): void {
    if (kind === T_TAG) {
      if (this.tagOff >= 0) decline(); // two tags on one node
      this.tagOff = this.off;
      this.tagSrc = this.text.slice(this.off, this.tokEnd);
    }
    this.propsAny = true;
    this.propsLine = this.lineStart;
  }

  private clearProps(): void {
    this.tagOff = -1;
    this.tagSrc = '';
    this.propsAny = false;
  }

  /** Wraps `inner` in the pending tag (unless a core tag like `!!str`), and consumes the properties. */
  private wrap(inner: SNode): SNode {
    const src = this.tagSrc;
    if (this.tagOff < 0 || src.startsWith('!!') || src.startsWith('!<')) {
      this.clearProps();
      return inner;
    }
    const t: STagged = { kind: 'tagged', tag: src.slice(1), span: { start: this.tagOff, end: this.tagOff + src.length }, value: inner };
    inner.parent = t;
    inner.prop = undefined;
    if (inner.span.end > t.span.end) t.span.end = inner.span.end;
    this.clearProps();
    return t;
  }

  /** Puts `node` in the open slot of the innermost frame. */
  private fill(node: SNode): void {
    const f = this.stack[this.stack.length - 1];
    switch (f.kind) {
      case F_DOC:
        this.root = node;
        this.rootSet = true;
        break;
      case F_BMAP: case F_FMAP: {
        const p = f.prop!;
        p.value = node;
        node.prop = p;
        node.parent = f.coll;
        break;
      }
      default:
        (f.coll as SArray).items.push(node);
        node.parent = f.coll;
    }
    f.open = false;
  }

  /** An open slot that nothing filled: a null in a sequence, no value in a mapping, unless a tag stands there. */
  private emptySlot(f: Frame): void {
    if (f.kind === F_BMAP) {
      if (this.tagOff >= 0) {
        const at = this.tagOff + this.tagSrc.length;
        this.fill(this.wrap(empty(at)));
      } else {
        this.clearProps();
        f.open = false;
      }
      return;
    }
    if (this.tagOff >= 0 && !this.tagSrc.startsWith('!!') && !this.tagSrc.startsWith('!<')) {
      const at = this.tagOff + this.tagSrc.length;
      this.fill(this.wrap(empty(at)));
    } else {
      this.clearProps();
      this.fill(empty(f.dash + 1));
    }
  }

  /** Opens a collection in the current slot and pushes its frame. */
  private open(kind: number, indent: number, coll: SObject | SArray): Frame {
    if (this.stack.length > MAX_FAST_DEPTH) decline();
    const outer = this.wrap(coll);
    this.fill(outer);
    const f = frame(kind, indent, coll, outer);
    this.stack.push(f);
    return f;
  }

  /** Pops `f` (the innermost frame) and settles the ends of its collection, its properties and its tag. */
  private close(f: Frame): void {
    if (f.open) this.emptySlot(f);
    this.stack.pop();
    const c = f.coll!;
    if (c.kind === 'object') {
      const props = c.props;
      for (const p of props) if (p.value) p.span.end = p.value.span.end;
      if (props.length) {
        const end = props[props.length - 1].span.end;
        if (!c.flow || end > c.span.end) c.span.end = end;
      }
    } else {
      const items = c.items;
      if (items.length) {
        const end = items[items.length - 1].span.end;
        if (!c.flow || end > c.span.end) c.span.end = end;
      }
    }
    const outer = f.outer!;
    if (outer !== c && c.span.end > outer.span.end) outer.span.end = c.span.end;
  }

  private openFlow(isMap: boolean): void {
    const span = { start: this.off, end: this.off + 1 };
    const coll: SObject | SArray = isMap ? { kind: 'object', props: [], flow: true, span } : { kind: 'array', items: [], flow: true, span };
    const f = this.open(isMap ? F_FMAP : F_FSEQ, 0, coll);
    f.state = isMap ? S_KEY : S_ITEM;
  }

  private flowToken(kind: number): void {
    if (kind === T_NEWLINE || kind === T_SPACE || kind === T_COMMENT) return;
    let f = this.stack[this.stack.length - 1];
    if (f.pair && f.state === S_AFTER && (kind === T_COMMA || kind === T_SEQ_END)) {
      this.close(f); // the pair ends with its value; the sequence takes the comma or bracket
      f = this.stack[this.stack.length - 1];
    }
    if (f.state === S_PENDING) {
      if (kind === T_COLON) return this.pair(f);
      if (kind !== T_COMMA && kind !== T_SEQ_END) decline();
      this.scalarValue();
      f.state = S_AFTER;
    }
    const seq = f.kind === F_FSEQ;
    const s = f.state;
    const valueHere = seq ? s === S_ITEM || s === S_ITEM_AFTER_COMMA : s === S_VALUE;
    switch (kind) {
      case T_TAG: case T_ANCHOR:
        if (!valueHere) decline();
        return this.property(kind);
      case T_PLAIN: case T_SINGLE: case T_DOUBLE: case T_ALIAS:
        this.pendingScalar(kind);
        if (seq && valueHere) {
          f.state = S_PENDING;
        } else if (valueHere) {
          this.scalarValue();
          f.state = S_AFTER;
        } else if (s === S_KEY || s === S_KEY_AFTER_COMMA) {
          f.state = S_COLON;
        } else {
          decline();
        }
        return;
      case T_COLON:
        if (s !== S_COLON) decline(); // keys without values, `{a: b: c}`
        return this.addKey(f);
      case T_COMMA:
        if (s !== S_AFTER) decline(); // leading or doubled commas
        f.state = seq ? S_ITEM_AFTER_COMMA : S_KEY_AFTER_COMMA;
        return;
      case T_MAP_START: case T_SEQ_START:
        if (!valueHere) decline();
        f.state = S_AFTER;
        return this.openFlow(kind === T_MAP_START);
      case T_SEQ_END: case T_MAP_END: {
        if (seq !== (kind === T_SEQ_END) || f.pair || this.propsAny) decline();
        if (s === S_COLON || s === S_VALUE) decline();
        f.coll!.span.end = this.off + 1;
        this.close(f);
        if (this.stack[this.stack.length - 1].kind < F_FMAP) this.mode = M_DONE;
        return;
      }
      default:
        decline();
    }
  }

  /** `key:` inside a flow sequence: a single-pair flow mapping as the item (its own frame until its value ends). */
  private pair(seq: Frame): void {
    // A tag or anchor before the key would belong to the key, which the general reader ignores.
    if (this.scKind === T_ALIAS || this.propsAny) decline();
    if (this.stack.length > MAX_FAST_DEPTH) decline();
    const obj: SObject = { kind: 'object', props: [], flow: true, span: { start: this.scOff, end: this.scOff } };
    this.fill(obj);
    seq.state = S_AFTER;
    const f = frame(F_FMAP, 0, obj, obj);
    f.pair = true;
    this.stack.push(f);
    this.addKey(f);
  }

  private end(): void {
    switch (this.mode) {
      case M_AFTER_SCALAR:
        this.scalarValue();
        break;
      case M_LINE: case M_VALUE: case M_DONE:
        break;
      default:
        decline(); // a key without `:`, an unclosed flow collection
    }
    while (this.stack.length > 1) this.close(this.stack[this.stack.length - 1]);
    if (!this.rootSet && this.propsAny) decline();
  }
}

function hasTab(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 9) return true;
  return false;
}

function frame(kind: number, indent: number, coll: SObject | SArray | undefined, outer: SNode | undefined): Frame {
  return { kind, indent, coll, outer, open: false, slotLine: -1, dash: -1, prop: undefined, seen: undefined, state: 0, pair: false };
}

/** A null standing for a value that is not written. */
function empty(at: number): SScalar {
  return { kind: 'scalar', value: null, style: '', span: { start: at, end: at } };
}
