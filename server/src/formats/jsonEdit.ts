import type { TextEdit } from '../engine/edits';
import type { Span } from '../model/values';
import { SNode, SObject, SArray, SourceJson, SyntaxOp } from './syntax';
import { SyntaxWriter } from './syntaxWriter';
import { TextStyle, endOfLineAfter, indentOf, lineEnd, lineStart, nextLineStart, onlyIndentBefore, restOfLineIsTrivia, skipTrivia } from './textStyle';

/**
 * Writes syntax ops as minimal JSON text edits in the file's own layout: its indentation unit,
 * line endings, trailing-comma habit and one-line-or-not choice; comments outside the edited
 * property are kept. Returns undefined when an op cannot be written safely (half-typed target).
 */
export function renderJsonOps(text: string, style: TextStyle, ops: SyntaxOp[]): TextEdit[] | undefined {
  const w = new JsonWriter(text, style);
  for (const op of ops) {
    const ok = w.apply(op);
    if (!ok) return undefined;
  }
  return w.edits;
}

class JsonWriter extends SyntaxWriter {
  edits: TextEdit[] = [];
  /** The member text already inserted into a container by this render, to join further members. */
  private insertions = new Map<SObject | SArray, { edit: TextEdit; head: string; sep: string; tail: string; indent: string; multiline: boolean; members: string[] }>();
  constructor(private text: string, private style: TextStyle) {
    super();
  }

  apply(op: SyntaxOp): boolean {
    switch (op.op) {
      case 'set': return this.set(op.target, op.path, op.value);
      case 'remove': return this.remove(op.node);
      case 'replace': return this.replace(op.node, op.value);
      case 'append': return this.append(op.target, op.path, op.item);
    }
  }

  protected replace(node: SNode, value: SourceJson): boolean {
    const multiline = this.isMultiline(node.span) || (node.parent ? this.isMultiline(node.parent.span) : false);
    const base = indentOf(this.text, node.prop ? node.prop.keySpan.start : node.span.start);
    this.edits.push({ start: node.span.start, end: node.span.end, newText: this.serialize(value, base, multiline) });
    return true;
  }

  protected insertProperty(obj: SObject, key: string, value: SourceJson): boolean {
    if (obj.props.some(p => !p.value)) return false;
    const entry = (indent: string, multiline: boolean) => JSON.stringify(key) + ': ' + this.serialize(value, indent, multiline);
    return this.insertMember(obj, obj.props.map(p => p.span), entry, false, obj.props[obj.props.length - 1]?.value);
  }

  protected insertItem(arr: SArray, item: SourceJson): boolean {
    const scalars = arr.items.every(i => i.kind === 'scalar') && (item === null || typeof item !== 'object');
    return this.insertMember(arr, arr.items.map(i => i.span), (indent, multiline) => this.serialize(item, indent, multiline), scalars, arr.items[arr.items.length - 1]);
  }

  /**
   * Inserts a member after the last one of an object or array, on a new line with the
   * members' indentation when the container spans lines, inline otherwise. A second insertion
   * into the same container (one fix setting two new keys) joins the first one's text, so the
   * members get one comma between them and none doubled.
   */
  private insertMember(container: SObject | SArray, members: Span[], render: (indent: string, multiline: boolean) => string, preferInline = false, lastNode?: SNode): boolean {
    const earlier = this.insertions.get(container);
    if (earlier) {
      earlier.members.push(render(earlier.indent, earlier.multiline));
      earlier.edit.newText = earlier.head + earlier.members.join(earlier.sep) + earlier.tail;
      return true;
    }
    const { text, style } = this;
    const open = container.span.start;
    const closeCh = container.kind === 'object' ? '}' : ']';
    const close = container.span.end - 1;
    if (text[close] !== closeCh) return false; // unterminated: no safe place to write
    // After an unterminated last member the new one would land inside it (`[{…}` then `}`).
    if (!this.endsCleanly(lastNode)) return false;
    const containerIndent = indentOf(text, container.prop ? container.prop.keySpan.start : open);
    const multiline = this.isMultiline(container.span) || (members.length === 0 && !preferInline && this.parentMultiline(container));
    const place = (start: number, end: number, indent: string, ml: boolean, head: string, sep: string, tail: string) => {
      const member = render(indent, ml);
      const edit = { start, end, newText: head + member + tail };
      this.edits.push(edit);
      this.insertions.set(container, { edit, head, sep, tail, indent, multiline: ml, members: [member] });
      return true;
    };
    if (members.length === 0) {
      if (!multiline) return place(open + 1, close, containerIndent, false, '', ', ', '');
      const inner = containerIndent + style.indent;
      return place(open + 1, close, inner, true, style.eol + inner, ',' + style.eol + inner, style.eol + containerIndent);
    }
    const last = members[members.length - 1];
    const after = skipTrivia(this.text, last.end);
    const trailingComma = text[after] === ',';
    if (!multiline || (preferInline && !this.isMultiline({ start: members[0].start, end: last.end }))) {
      // One line: `{"a": 1}` -> `{"a": 1, "b": 2}`
      if (trailingComma) return place(after + 1, after + 1, containerIndent, false, ' ', ', ', ',');
      return place(last.end, last.end, containerIndent, false, ', ', ', ', '');
    }
    const firstStart = members[members.length - 1].start;
    const indent = onlyIndentBefore(text, firstStart) ? indentOf(text, firstStart) : containerIndent + style.indent;
    const sep = ',' + style.eol + indent;
    if (trailingComma) {
      const at = endOfLineAfter(this.text, after + 1, close);
      return place(at, at, indent, true, style.eol + indent, sep, ',');
    }
    // The comma goes right after the last member; the new member after that member's line,
    // so that a comment ending the line stays with the member it describes.
    const at = endOfLineAfter(this.text, last.end, close);
    if (at === last.end) return place(last.end, last.end, indent, true, sep, sep, '');
    this.edits.push({ start: last.end, end: last.end, newText: ',' });
    return place(at, at, indent, true, style.eol + indent, sep, '');
  }

  /** Removes the property holding `node`, or the array item `node`, with its comma and line. */
  private remove(node: SNode): boolean {
    const { text } = this;
    let span: Span;
    let siblings: Span[];
    let container: SObject | SArray;
    if (node.prop) {
      span = node.prop.span;
      container = node.prop.parent;
      siblings = container.props.map(p => p.span);
    } else if (node.parent && node.parent.kind === 'array') {
      span = node.span;
      container = node.parent;
      siblings = container.items.map(i => i.span);
    } else return false;
    const idx = siblings.findIndex(s => s.start === span.start);
    if (idx < 0) return false;
    const prev = siblings[idx - 1];
    const next = siblings[idx + 1];
    const afterEl = skipTrivia(this.text, span.end);
    const commaEnd = text[afterEl] === ',' ? afterEl + 1 : undefined;
    if (next) {
      if (commaEnd === undefined) return false;
      const atLineStart = onlyIndentBefore(text, span.start);
      const start = atLineStart ? lineStart(text, span.start) : span.start;
      let end = commaEnd;
      if (atLineStart && restOfLineIsTrivia(this.text, commaEnd)) {
        const nl = nextLineStart(text, commaEnd);
        end = nl < 0 ? text.length : nl;
      } else {
        while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
      }
      this.edits.push({ start, end, newText: '' });
      return true;
    }
    if (prev) {
      // The last member: take the previous member's comma with it.
      let end = commaEnd ?? span.end;
      if (restOfLineIsTrivia(this.text, end)) end = lineEnd(text, end);
      this.edits.push({ start: prev.end, end, newText: '' });
      return true;
    }
    // The only member: leave an empty container.
    const open = container.span.start + 1;
    const close = container.span.end - 1;
    if (close < open) return false;
    this.edits.push({ start: open, end: close, newText: '' });
    return true;
  }

  // --- text helpers -------------------------------------------------------------------------

  /**
   * The node and, down its chain of last members, every object and array in it end with their
   * closing bracket. Walks the chain in a loop: no recursion on the document's depth.
   */
  private endsCleanly(node: SNode | undefined): boolean {
    let n = node;
    while (n && (n.kind === 'object' || n.kind === 'array')) {
      if (this.text[n.span.end - 1] !== (n.kind === 'object' ? '}' : ']')) return false;
      n = n.kind === 'object' ? n.props[n.props.length - 1]?.value : n.items[n.items.length - 1];
    }
    return true;
  }

  private isMultiline(span: Span): boolean {
    for (let i = span.start; i < span.end; i++) {
      const c = this.text.charCodeAt(i);
      if (c === 10 || c === 13) return true;
    }
    return false;
  }

  private parentMultiline(node: SNode): boolean {
    return node.parent ? this.isMultiline(node.parent.span) : true;
  }

  /** JSON text for a value; objects and arrays of objects span lines when `multiline`. */
  serialize(value: SourceJson, base: string, multiline: boolean): string {
    if (value === null || typeof value !== 'object') return JSON.stringify(value);
    const { eol, indent } = this.style;
    if (Array.isArray(value)) {
      if (value.length === 0) return '[]';
      const simple = value.every(v => v === null || typeof v !== 'object');
      if (simple || !multiline) return '[' + value.map(v => this.serialize(v, base, false)).join(', ') + ']';
      const inner = base + indent;
      return '[' + eol + value.map(v => inner + this.serialize(v, inner, true)).join(',' + eol) + eol + base + ']';
    }
    const keys = Object.keys(value);
    if (keys.length === 0) return '{}';
    if (!multiline) return '{' + keys.map(k => JSON.stringify(k) + ': ' + this.serialize(value[k], base, false)).join(', ') + '}';
    const inner = base + indent;
    return '{' + eol + keys.map(k => inner + JSON.stringify(k) + ': ' + this.serialize(value[k], inner, true)).join(',' + eol) + eol + base + '}';
  }
}
