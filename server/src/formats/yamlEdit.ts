import type { TextEdit } from '../engine/edits';
import type { Span } from '../model/values';
import { SArray, SNode, SObject, SourceJson, SyntaxOp } from './syntax';
import { SyntaxWriter } from './syntaxWriter';
import { detectStyle, lineEnd, lineStart, nextLineStart, onlyIndentBefore } from './textStyle';

/** The layout habits of one YAML text, so that inserted text looks like its neighbours. */
export interface YamlStyle {
  eol: string;
  /** Spaces per nesting level of a block mapping. */
  indent: number;
  /** How far a block sequence's dashes sit right of the key that holds it (0: `Key:\n- a`). */
  seqIndent: number;
  /** The quote new strings get when the file quotes most strings; '' when it mostly writes them plain. */
  quote: '' | '"' | "'";
  /** Flow mappings written with inner spaces: `{ a: 1 }`. */
  flowMapSpaces: boolean;
  /** Flow sequences written with inner spaces: `[ a, b ]`. */
  flowSeqSpaces: boolean;
  /** CloudFormation intrinsics written as short tags (`!Sub x`) rather than `Fn::Sub: x`. */
  shortTags: boolean;
}

/** Detects a YAML text's style from its lines and its syntax tree (a bounded look at the first nodes). */
export function detectYamlStyle(text: string, root: SNode | undefined): YamlStyle {
  const base = detectStyle(text);
  const style: YamlStyle = { eol: base.eol, indent: base.indent === '\t' ? 2 : base.indent.length, seqIndent: -1, quote: '', flowMapSpaces: false, flowSeqSpaces: false, shortTags: true };
  let plain = 0;
  let double = 0;
  let single = 0;
  let mapSeen = false;
  let seqSeen = false;
  let tags = 0;
  let longForms = 0;
  const stack: SNode[] = root ? [root] : [];
  for (let seen = 0; stack.length && seen < 5000; seen++) {
    const n = stack.pop()!;
    switch (n.kind) {
      case 'scalar':
        if (typeof n.value === 'string' && n.prop) {
          if (n.style === '"') double++;
          else if (n.style === "'") single++;
          else if (n.style === '') plain++;
        }
        break;
      case 'tagged':
        tags++;
        stack.push(n.value);
        break;
      case 'object':
        if (n.flow && !mapSeen && n.props.length) {
          mapSeen = true;
          style.flowMapSpaces = text[n.span.start + 1] === ' ';
        }
        for (let i = n.props.length - 1; i >= 0; i--) {
          const p = n.props[i];
          if (p.key.startsWith('Fn::')) longForms++;
          if (p.value) stack.push(p.value);
          if (style.seqIndent < 0 && p.value?.kind === 'array' && !p.value.flow && !n.flow) {
            style.seqIndent = Math.max(0, column(text, p.value.span.start) - column(text, p.keySpan.start));
          }
        }
        break;
      case 'array':
        if (n.flow && !seqSeen && n.items.length) {
          seqSeen = true;
          style.flowSeqSpaces = text[n.span.start + 1] === ' ';
        }
        for (let i = n.items.length - 1; i >= 0; i--) stack.push(n.items[i]);
        break;
    }
  }
  if (style.seqIndent < 0) style.seqIndent = style.indent;
  if (double + single > plain) style.quote = double >= single ? '"' : "'";
  style.shortTags = tags > 0 || longForms === 0;
  return style;
}

function column(text: string, pos: number): number {
  const start = lineStart(text, pos);
  // A byte order mark takes no column.
  return pos - start - (start === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0);
}

/**
 * Writes syntax ops as minimal YAML text edits in the file's own layout: block or flow collections
 * as the surrounding ones are, their indentation, quoting and line endings; comments outside the
 * edited lines are kept. Returns undefined when an op cannot be written safely, which includes
 * editing a collection that holds one of the syntax `errors` (its structure is only a guess).
 */
export function renderYamlOps(text: string, style: YamlStyle, ops: SyntaxOp[], errors: Span[] = []): TextEdit[] | undefined {
  const w = new YamlWriter(text, style, errors);
  for (const op of ops) if (!w.apply(op)) return undefined;
  return w.edits;
}

const pad = (n: number) => ' '.repeat(Math.max(0, n));

/** A single-key object naming an intrinsic function (`{"Fn::Sub": …}`, `{"Ref": …}`), as fixes write them. */
function intrinsicCall(v: SourceJson): { tag: string; arg: SourceJson } | undefined {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const keys = Object.keys(v);
  if (keys.length !== 1) return undefined;
  const k = keys[0];
  if (k === 'Ref') return { tag: 'Ref', arg: v[k] };
  if (k.startsWith('Fn::')) return { tag: k.slice(4), arg: v[k] };
  return undefined;
}

const isScalar = (v: SourceJson): v is string | number | boolean | null => v === null || typeof v !== 'object';

/** True when `s` can be written as a plain scalar and read back as the same string. */
export function plainSafe(s: string, inFlow: boolean): boolean {
  if (s === '' || s !== s.trim()) return false;
  // Control characters (line breaks, tabs) need a quoted form.
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 || c === 127) return false;
  }
  if ('-?:,[]{}#&*!|>\'"%@`'.includes(s[0])) return false;
  if (s.includes(': ') || s.includes(' #') || s.endsWith(':')) return false;
  if (inFlow && /[,[\]{}]/.test(s)) return false;
  // Words and numbers that would read as another type (YAML 1.1 and 1.2): booleans, nulls, numbers, dates.
  if (/^(true|false|yes|no|on|off|y|n|null|~|<<)$/i.test(s)) return false;
  if (/^[-+.]?[0-9]/.test(s) || /^[-+]?\.(inf|nan)$/i.test(s)) return false;
  return true;
}

class YamlWriter extends SyntaxWriter {
  edits: TextEdit[] = [];
  /**
   * Lines inserted at one offset by this render, with the depth each belongs to. Nested blocks
   * can end on the same line (`AuthorizationConfig:` as the last key of `EFSVolumeConfiguration:`),
   * and then a line for the inner mapping must come before a line for the outer one, or the
   * outer key would end the inner block and the inner line would fall under the wrong parent.
   */
  private lineInsertions = new Map<number, { edit: TextEdit; parts: { depth: number; text: string }[] }>();
  /** Members added to a flow collection by this render, so that a second one joins the first with a comma. */
  private flowInsertions = new Map<SObject | SArray, { edit: TextEdit; head: string; sep: string; tail: string; members: string[] }>();
  constructor(private text: string, private style: YamlStyle, private errors: Span[]) {
    super();
  }

  apply(op: SyntaxOp): boolean {
    switch (op.op) {
      case 'set': return this.set(op.target, op.path, op.value);
      case 'remove': return this.intact(op.node.parent ?? op.node) && this.remove(op.node);
      case 'replace': return this.intact(op.node) && this.replace(op.node, op.value);
      case 'append': return this.append(op.target, op.path, op.item);
    }
  }

  /** No syntax error inside the node: the reader's recovery did not have to guess its shape. */
  private intact(node: SNode): boolean {
    const { start, end } = node.span;
    return !this.errors.some(e => e.start >= start && e.start <= end);
  }

  // --- rendering ------------------------------------------------------------------------------

  private dq(s: string): string {
    return JSON.stringify(s);
  }

  private sq(s: string): string {
    for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) < 32) return this.dq(s);
    return "'" + s.replace(/'/g, "''") + "'";
  }

  /**
   * A scalar. Strings take `quote`, or the file's habit when none is asked ('' = plain where that
   * reads back the same); numbers, booleans and null stay plain unless a quote is asked for (the
   * quoted "false" a fix replaces).
   */
  scalar(v: string | number | boolean | null, inFlow: boolean, asked?: '' | '"' | "'"): string {
    if (typeof v !== 'string') {
      const t = v === null ? 'null' : String(v);
      return asked === '"' ? `"${t}"` : asked === "'" ? `'${t}'` : t;
    }
    const quote = asked ?? this.style.quote;
    if (quote === '"') return this.dq(v);
    if (quote === "'") return this.sq(v);
    if (plainSafe(v, inFlow)) return v;
    return this.style.quote === "'" ? this.sq(v) : this.dq(v);
  }

  private key(k: string): string {
    return plainSafe(k, true) ? k : this.dq(k);
  }

  /** A short tag with a scalar argument (`!Sub "…"`), or undefined when the call has another form. */
  private tagged(v: SourceJson, inFlow: boolean): string | undefined {
    const call = intrinsicCall(v);
    if (!call || !this.style.shortTags || !isScalar(call.arg)) return undefined;
    // A !Sub string is quoted as templates usually write it, whatever plain would allow.
    const quote = call.tag === 'Sub' && typeof call.arg === 'string' ? this.style.quote || '"' : this.style.quote;
    return `!${call.tag} ${this.scalar(call.arg, inFlow, quote)}`;
  }

  /** A value in flow style. */
  flow(v: SourceJson): string {
    const t = this.tagged(v, true);
    if (t !== undefined) return t;
    if (isScalar(v)) return this.scalar(v, true);
    if (Array.isArray(v)) {
      const sp = this.style.flowSeqSpaces ? ' ' : '';
      return v.length ? `[${sp}${v.map(x => this.flow(x)).join(', ')}${sp}]` : '[]';
    }
    const sp = this.style.flowMapSpaces ? ' ' : '';
    const keys = Object.keys(v);
    return keys.length ? `{${sp}${keys.map(k => `${this.key(k)}: ${this.flow(v[k])}`).join(', ')}${sp}}` : '{}';
  }

  /** What follows `key:` for a value under a key at column `col`, in block style. */
  afterKey(v: SourceJson, col: number): string {
    const t = this.tagged(v, false);
    if (t !== undefined) return ' ' + t;
    if (isScalar(v)) return ' ' + this.scalar(v, false);
    if (Array.isArray(v)) return v.length ? this.style.eol + this.blockSeq(v, col + this.style.seqIndent, false) : ' []';
    return Object.keys(v).length ? this.style.eol + this.blockMap(v, col + this.style.indent, false) : ' {}';
  }

  /** A block mapping with its keys at column `col`; with `inline` its first line has no indentation (after `- `). */
  blockMap(v: { [k: string]: SourceJson }, col: number, inline: boolean): string {
    return Object.keys(v).map((k, i) => {
      const x = v[k];
      const after = k === 'Fn::Sub' && typeof x === 'string' ? ' ' + this.scalar(x, false, this.style.quote || '"') : this.afterKey(x, col);
      return (i === 0 && inline ? '' : pad(col)) + this.key(k) + ':' + after;
    }).join(this.style.eol);
  }

  /** A block sequence with its dashes at column `col`. */
  blockSeq(v: SourceJson[], col: number, inline: boolean): string {
    return v.map((x, i) => (i === 0 && inline ? '' : pad(col)) + '- ' + this.item(x, col + 2)).join(this.style.eol);
  }

  /** A sequence item's text after `- `, its content starting at column `col`. */
  item(v: SourceJson, col: number): string {
    const t = this.tagged(v, false);
    if (t !== undefined) return t;
    if (isScalar(v)) return this.scalar(v, false);
    if (Array.isArray(v)) return v.length ? this.blockSeq(v, col, true) : '[]';
    return Object.keys(v).length ? this.blockMap(v, col, true) : '{}';
  }

  // --- operations -----------------------------------------------------------------------------

  private inFlow(node: SNode): boolean {
    const p = node.parent;
    return !!p && p.kind !== 'tagged' && p.flow;
  }

  protected replace(node: SNode, value: SourceJson): boolean {
    const { text } = this;
    // Inside a flow collection, or replacing one with another collection: flow stays flow.
    if (this.inFlow(node) || ((node.kind === 'array' || node.kind === 'object') && node.flow && !isScalar(value))) {
      this.edits.push({ start: node.span.start, end: node.span.end, newText: this.flow(value) });
      return true;
    }
    if (isScalar(value) || intrinsicCall(value) && this.tagged(value, false) !== undefined) {
      // Keep the quoting of the scalar replaced (a quoted "false" becomes a quoted "true").
      const quote = node.kind === 'scalar' && typeof node.value === 'string' && (node.style === '"' || node.style === "'") ? node.style : '';
      const t = isScalar(value) ? this.scalar(value, false, quote) : this.tagged(value, false)!;
      this.edits.push({ start: node.span.start, end: node.span.end, newText: t });
      return true;
    }
    if (node.prop && !node.prop.parent.flow) {
      // A block value after `Key:`: written from the colon on, so that a nested block starts on its own line.
      const colon = this.colonAfter(node.prop.keySpan.end);
      if (colon < 0) return false;
      const col = column(text, node.prop.keySpan.start);
      this.edits.push({ start: colon + 1, end: node.span.end, newText: this.afterKey(value, col) });
      return true;
    }
    if (node.parent?.kind === 'array' && !node.parent.flow) {
      this.edits.push({ start: node.span.start, end: node.span.end, newText: this.item(value, column(text, node.span.start)) });
      return true;
    }
    this.edits.push({ start: node.span.start, end: node.span.end, newText: this.flow(value) });
    return true;
  }

  /** The offset of the `:` after a key (spaces may stand between), or -1. */
  private colonAfter(pos: number): number {
    let i = pos;
    while (i < this.text.length && (this.text[i] === ' ' || this.text[i] === '\t')) i++;
    return this.text[i] === ':' ? i : -1;
  }

  protected insertProperty(obj: SObject, key: string, value: SourceJson): boolean {
    const { text, style } = this;
    if (!this.intact(obj)) return false;
    if (obj.flow) {
      return this.insertFlowMember(obj, obj.props.map(p => p.span), `${this.key(key)}: ${this.flow(value)}`);
    }
    if (obj.props.length === 0) return false;
    const col = column(text, obj.props[0].keySpan.start);
    const last = obj.props[obj.props.length - 1];
    // After the last property's last line (and a comment ending it), at the keys' column.
    this.insertLines(lineEnd(text, last.span.end), col, style.eol + pad(col) + this.key(key) + ':' + this.afterKey(value, col));
    return true;
  }

  protected insertItem(arr: SArray, item: SourceJson): boolean {
    if (!this.intact(arr)) return false;
    if (arr.flow) return this.insertFlowMember(arr, arr.items.map(i => i.span), this.flow(item));
    const last = arr.items[arr.items.length - 1];
    if (!last) return false;
    const dash = this.dashBefore(last);
    const col = column(this.text, dash >= 0 ? dash : arr.span.start);
    // A dash at a key's column still belongs under that key (`Secrets:\n- a`): half a level deeper.
    this.insertLines(lineEnd(this.text, last.span.end), col + 0.5, this.style.eol + pad(col) + '- ' + this.item(item, col + 2));
    return true;
  }

  /** Inserts whole lines at the end of a line, deeper content before shallower content at the same offset. */
  private insertLines(at: number, depth: number, text: string): void {
    const earlier = this.lineInsertions.get(at);
    if (!earlier) {
      const edit = { start: at, end: at, newText: text };
      this.edits.push(edit);
      this.lineInsertions.set(at, { edit, parts: [{ depth, text }] });
      return;
    }
    // Same depth keeps the order of the ops; a deeper part goes before the first shallower one.
    let i = 0;
    while (i < earlier.parts.length && earlier.parts[i].depth >= depth) i++;
    earlier.parts.splice(i, 0, { depth, text });
    earlier.edit.newText = earlier.parts.map(p => p.text).join('');
  }

  /**
   * Adds a member at the end of a flow collection: `[a]` → `[a, b]`, `{}` → `{b: 1}`. A second
   * member added by the same render joins the first one's text (`{}` → `{b: 1, c: 2}`).
   */
  private insertFlowMember(container: SObject | SArray, members: Span[], member: string): boolean {
    const earlier = this.flowInsertions.get(container);
    if (earlier) {
      earlier.members.push(member);
      earlier.edit.newText = earlier.head + earlier.members.join(earlier.sep) + earlier.tail;
      return true;
    }
    const { text } = this;
    const close = container.span.end - 1;
    if (text[close] !== (container.kind === 'object' ? '}' : ']')) return false; // unclosed: no safe place
    const place = (start: number, end: number, head: string, tail: string) => {
      const edit = { start, end, newText: head + member + tail };
      this.edits.push(edit);
      this.flowInsertions.set(container, { edit, head, sep: ', ', tail, members: [member] });
      return true;
    };
    if (members.length === 0) {
      const sp = (container.kind === 'object' ? this.style.flowMapSpaces : this.style.flowSeqSpaces) ? ' ' : '';
      return place(container.span.start + 1, close, sp, sp);
    }
    const last = members[members.length - 1];
    let after = last.end;
    while (after < close && /\s/.test(text[after])) after++;
    if (text[after] === ',') return place(after + 1, after + 1, ' ', ',');
    return place(last.end, last.end, ', ', '');
  }

  /** The offset of the `- ` that introduces a block sequence item, or -1. */
  private dashBefore(item: SNode): number {
    let i = item.span.start - 1;
    while (i >= 0 && (this.text[i] === ' ' || this.text[i] === '\t')) i--;
    if (this.text[i] === '-') return i;
    // The item starts on the line after its dash (`-\n  Key: v`).
    while (i >= 0 && /\s/.test(this.text[i])) i--;
    return this.text[i] === '-' ? i : -1;
  }

  /**
   * The whole lines from `start` through the line holding `end`. The line break taken is the one
   * before them (when there is one), so that text inserted at the end of the last of these lines
   * (a property appended after it by the same fix) lands right after the removal, not inside it.
   */
  private wholeLines(start: number, end: number): Span {
    const from = lineStart(this.text, start);
    const to = lineEnd(this.text, end);
    if (from > 0) return { start: this.lineBreakBefore(from), end: to };
    const next = nextLineStart(this.text, to);
    return { start: from, end: next < 0 ? this.text.length : next };
  }

  private remove(node: SNode): boolean {
    if (node.prop) return this.removeProperty(node.prop.parent, node.prop.parent.props.indexOf(node.prop));
    const arr = node.parent;
    if (arr?.kind !== 'array') return false;
    const idx = arr.items.indexOf(node);
    if (idx < 0) return false;
    if (arr.flow) return this.removeFlowMember(arr, arr.items.map(i => i.span), idx);
    const dash = this.dashBefore(node);
    if (dash < 0 || !onlyIndentBefore(this.text, dash)) return false;
    const lines = this.wholeLines(dash, node.span.end);
    if (arr.items.length > 1) {
      this.edits.push({ start: lines.start, end: lines.end, newText: '' });
      return true;
    }
    // The only item: the list stays, empty (`Environment: []`), rather than turning into a null.
    if (!arr.prop || arr.prop.parent.flow) return false;
    const colon = this.colonAfter(arr.prop.keySpan.end);
    if (colon < 0 || colon >= lines.start) return false;
    this.edits.push({ start: colon + 1, end: colon + 1, newText: ' []' });
    this.edits.push({ start: lines.start, end: lines.end, newText: '' });
    return true;
  }

  /** The start of the line break that ends the line before `lineStartPos` (or that position itself). */
  private lineBreakBefore(lineStartPos: number): number {
    let i = lineStartPos;
    if (i > 0 && this.text[i - 1] === '\n') i--;
    if (i > 0 && this.text[i - 1] === '\r') i--;
    return i;
  }

  private removeProperty(obj: SObject, idx: number): boolean {
    if (idx < 0) return false;
    const p = obj.props[idx];
    if (obj.flow) return this.removeFlowMember(obj, obj.props.map(x => x.span), idx);
    const { text } = this;
    if (obj.props.length === 1) {
      // The only property: the mapping stays, empty. Under a block key it becomes `Key: {}` on the
      // key's line, as an emptied sequence becomes `Key: []`, rather than a `{}` alone on a line.
      const holder = obj.prop;
      if (holder && !holder.parent.flow && onlyIndentBefore(text, p.keySpan.start)) {
        const colon = this.colonAfter(holder.keySpan.end);
        const lines = this.wholeLines(p.keySpan.start, p.span.end);
        if (colon >= 0 && colon < lines.start) {
          this.edits.push({ start: colon + 1, end: colon + 1, newText: ' {}' });
          this.edits.push({ start: lines.start, end: lines.end, newText: '' });
          return true;
        }
      }
      this.edits.push({ start: p.keySpan.start, end: p.span.end, newText: '{}' });
      return true;
    }
    if (onlyIndentBefore(text, p.keySpan.start)) {
      const lines = this.wholeLines(p.keySpan.start, p.span.end);
      this.edits.push({ start: lines.start, end: lines.end, newText: '' });
      return true;
    }
    // The first key on a `- ` line: the next key moves up to take its place.
    const next = obj.props[idx + 1];
    if (idx !== 0 || !next) return false;
    this.edits.push({ start: p.keySpan.start, end: next.keySpan.start, newText: '' });
    return true;
  }

  /** Removes a member of a flow collection with the comma that separates it. */
  private removeFlowMember(container: SObject | SArray, members: Span[], idx: number): boolean {
    const { text } = this;
    const span = members[idx];
    const next = members[idx + 1];
    const prev = members[idx - 1];
    if (next) {
      this.edits.push({ start: span.start, end: next.start, newText: '' });
    } else if (prev) {
      this.edits.push({ start: prev.end, end: span.end, newText: '' });
    } else {
      let end = span.end;
      let i = end;
      while (i < container.span.end && /\s/.test(text[i])) i++;
      if (text[i] === ',') end = i + 1; // `[a,]` must not become `[,]`
      // Nothing but blanks around the member: the collection becomes a plain `{}` / `[]`, not `{  }`.
      const open = container.span.start + 1;
      const close = container.span.end - 1;
      if (this.blank(open, span.start) && this.blank(end, close)) this.edits.push({ start: open, end: close, newText: '' });
      else this.edits.push({ start: span.start, end, newText: '' });
    }
    return true;
  }

  /** Only spaces, tabs and line breaks between `from` and `to`. */
  private blank(from: number, to: number): boolean {
    for (let i = from; i < to; i++) {
      const c = this.text[i];
      if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') return false;
    }
    return true;
  }
}
