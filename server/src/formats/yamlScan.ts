/*
 * The `yaml` package's Lexer (yaml 2.x, dist/parse/lexer.js), ported to a plain loop that hands
 * each token's kind and range to a sink instead of yielding substrings.
 *
 * Why: the Lexer is a stack of generators (every token resumes four or five of them and allocates
 * as many generator objects), so it cost more than everything the token reader does with its
 * tokens. The port keeps the Lexer's states, names and decisions one for one — indentation
 * (indentNext/indentValue), plain-scalar continuation, quoted-scalar checks, block-scalar extents,
 * flow levels and flowKey — so that the tokens, and the tree built from them, are the same; the
 * differential tests of yamlFast.test.ts compare the whole result with the reader built on the
 * package's own Parser. Input the token reader would decline anyway (an unclosed quote, a flow
 * collection ended by indentation, `...`, a stray `]`) declines here, at once.
 *
 * Derived from the `yaml` package (https://github.com/eemeli/yaml), whose licence follows:
 *
 * Copyright Eemeli Aro <eemeli@gmail.com>
 *
 * Permission to use, copy, modify, and/or distribute this software for any purpose
 * with or without fee is hereby granted, provided that the above copyright notice
 * and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES WITH
 * REGARD TO THIS SOFTWARE INCLUDING ALL IMPLIED WARRANTIES OF MERCHANTABILITY AND
 * FITNESS. IN NO EVENT SHALL THE AUTHOR BE LIABLE FOR ANY SPECIAL, DIRECT,
 * INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES WHATSOEVER RESULTING FROM LOSS
 * OF USE, DATA OR PROFITS, WHETHER IN AN ACTION OF CONTRACT, NEGLIGENCE OR OTHER
 * TORTIOUS ACTION, ARISING OUT OF OR IN CONNECTION WITH THE USE OR PERFORMANCE OF
 * THIS SOFTWARE.
 */

/** Thrown to give up on the fast path; caught in parseYamlFast. */
export const DECLINE = { declined: true };

/** Gives up: the text needs the general reader. */
export function decline(): never {
  throw DECLINE;
}

/** Token kinds handed to the sink (the Lexer's token types, by number). */
export const T_NEWLINE = 1, T_SPACE = 2, T_COMMENT = 3, T_BOM = 4, T_DIRECTIVE = 5, T_DOC_START = 6,
  T_DASH = 7, T_COLON = 8, T_COMMA = 9, T_MAP_START = 10, T_MAP_END = 11, T_SEQ_START = 12, T_SEQ_END = 13,
  T_ALIAS = 14, T_ANCHOR = 15, T_TAG = 16, T_SINGLE = 17, T_DOUBLE = 18, T_HEADER = 19, T_PLAIN = 20;
/** A block scalar's content, after its header line (the Lexer's SCALAR marker and source). */
export const T_BLOCK = 21;

/** Receives the tokens in order: their kind and their range in the text. */
export interface TokenSink {
  token(kind: number, start: number, end: number): void;
}

// The Lexer's states.
const STREAM = 0, LINE_START = 1, BLOCK_START = 2, DOC = 3, FLOW = 4;

const isEmpty = (c: number) => c === 32 || c === 10 || c === 13 || c === 9 || c !== c; // NaN: past the end
const isFlowIndicator = (c: number) => c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
const isNotAnchorChar = (c: number) => c !== c || c === 32 || c === 44 || c === 91 || c === 93 || c === 123 || c === 125 || c === 10 || c === 13 || c === 9;
const isHex = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
/** The Lexer's tagChars: "0-9A-Za-z-#;/?:@&=+$_.!~*'()". */
function isTagChar(c: number): boolean {
  if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  switch (c) {
    case 45: case 35: case 59: case 47: case 63: case 58: case 64: case 38: case 61: case 43: case 36: case 95: case 46: case 33: case 126: case 42: case 39: case 40: case 41:
      return true;
    default:
      return false;
  }
}

/** Cuts `text` into the `yaml` Lexer's tokens, for `sink`. */
export function scanYaml(text: string, sink: TokenSink): void {
  new Scanner(text, sink).run();
}

class Scanner {
  private pos = 0;
  private indentNext = 0;
  private indentValue = 0;
  private flowKey = false;
  private flowLevel = 0;
  private blockScalarIndent = -1;
  private blockScalarKeep = false;
  /** Cache of the next line feed at or after pos (-1: none), as the Lexer's lineEndPos. */
  private lineEndPos = -2;
  private readonly len: number;

  constructor(private readonly text: string, private readonly sink: TokenSink) {
    this.len = text.length;
  }

  run(): void {
    let next = STREAM;
    // Every round of the Lexer moves on, except a state handing over to the next one: a port that
    // stood still would loop forever, so standing still for long declines instead.
    let last = -1;
    let still = 0;
    while (this.pos < this.len) {
      if (this.pos !== last) {
        last = this.pos;
        still = 0;
      } else if (++still > 4) {
        decline();
      }
      switch (next) {
        case STREAM: next = this.parseStream(); break;
        case LINE_START: next = this.parseLineStart(); break;
        case BLOCK_START: next = this.parseBlockStart(); break;
        case DOC: next = this.parseDocument(); break;
        default: next = this.parseFlowCollection(); break;
      }
    }
  }

  private at(i: number): number {
    return this.text.charCodeAt(i); // NaN past the end, as the Lexer's undefined
  }

  /** The end of the current line's content (before `\r\n` or `\n`), as the Lexer's getLine() measures it. */
  private lineEnd(): number {
    let end = this.lineEndPos;
    if (end === -2 || (end !== -1 && end < this.pos)) {
      end = this.text.indexOf('\n', this.pos);
      this.lineEndPos = end;
    }
    if (end === -1) return this.len;
    if (this.at(end - 1) === 13) end -= 1;
    return end;
  }

  /** The first line feed in [from, before), or -1. */
  private nextNewline(from: number, before: number): number {
    // The cached line end answers most calls without a search.
    const cached = this.lineEndPos;
    if (cached >= from) return cached < before ? cached : -1;
    if (cached === -1 && from >= this.pos) return -1;
    for (let i = from; i < before; i++) if (this.text.charCodeAt(i) === 10) return i;
    return -1;
  }

  private push(kind: number, n: number): number {
    if (n > 0) {
      this.sink.token(kind, this.pos, this.pos + n);
      this.pos += n;
      return n;
    }
    return 0;
  }

  private parseStream(): number {
    let lineStart = this.pos;
    const le = this.lineEnd();
    if (this.at(this.pos) === 0xfeff) {
      this.push(T_BOM, 1);
      lineStart = this.pos;
    }
    if (this.at(lineStart) === 37) {
      // A directive: up to a ` #` comment, without trailing blanks.
      let dirEnd = le;
      // Searched within the line only, as the Lexer does: a search to the end of the text on
      // every line would make a long file quadratic.
      for (let cs = lineStart + 1; cs < le; cs++) {
        if (this.at(cs) !== 35) continue;
        const ch = this.at(cs - 1);
        if (ch === 32 || ch === 9) {
          dirEnd = cs - 1;
          break;
        }
      }
      for (;;) {
        const ch = this.at(dirEnd - 1);
        if (ch === 32 || ch === 9) dirEnd -= 1;
        else break;
      }
      this.push(T_DIRECTIVE, dirEnd - this.pos);
      this.pushSpaces(true);
      this.pushComment(le);
      // The Lexer forgets to emit this line break here and emits it on its next round: same tokens.
      this.pushNewline();
      return STREAM;
    }
    if (this.atLineEnd()) {
      this.pushSpaces(true);
      this.pushComment(le);
      this.pushNewline();
      return STREAM;
    }
    return this.parseLineStart();
  }

  private atLineEnd(): boolean {
    let i = this.pos;
    let ch = this.at(i);
    while (ch === 32 || ch === 9) ch = this.at(++i);
    if (ch !== ch || ch === 35 || ch === 10) return true;
    if (ch === 13) return this.at(i + 1) === 10;
    return false;
  }

  /** The rest of a line that the Lexer emits as one token: a comment, or something no reader accepts. */
  private pushComment(le: number): void {
    if (le <= this.pos) return;
    if (this.at(this.pos) !== 35) decline();
    this.push(T_COMMENT, le - this.pos);
  }

  private parseLineStart(): number {
    const ch = this.at(this.pos);
    if ((ch === 45 || ch === 46) && isEmpty(this.at(this.pos + 3))) {
      const s = this.text.substr(this.pos, 3);
      if (s === '---') {
        this.push(T_DOC_START, 3);
        this.indentValue = 0;
        this.indentNext = 0;
        return DOC;
      }
      if (s === '...') decline(); // the end of a document: what follows is not read
    }
    this.indentValue = this.pushSpaces(false);
    if (this.indentNext > this.indentValue && !isEmpty(this.at(this.pos + 1))) this.indentNext = this.indentValue;
    return this.parseBlockStart();
  }

  private parseBlockStart(): number {
    const ch0 = this.at(this.pos);
    if ((ch0 === 45 || ch0 === 63 || ch0 === 58) && isEmpty(this.at(this.pos + 1))) {
      if (ch0 === 63) decline(); // an explicit key
      const n = this.push(ch0 === 45 ? T_DASH : T_COLON, 1) + this.pushSpaces(true);
      this.indentNext = this.indentValue + 1;
      this.indentValue += n;
      return BLOCK_START;
    }
    return DOC;
  }

  private parseDocument(): number {
    this.pushSpaces(true);
    const le = this.lineEnd();
    this.pushIndicators();
    const ch = this.pos < le ? this.at(this.pos) : NaN;
    switch (ch) {
      case 35: // #
        this.push(T_COMMENT, le - this.pos);
        this.pushNewline();
        return this.parseLineStart();
      case 123: case 91: // { [
        this.push(ch === 123 ? T_MAP_START : T_SEQ_START, 1);
        this.flowKey = false;
        this.flowLevel = 1;
        return FLOW;
      case 125: case 93: // } ]
        return decline();
      case 42: // *
        this.pushUntil(isNotAnchorChar, T_ALIAS);
        return DOC;
      case 34: case 39: // " '
        return this.parseQuotedScalar();
      case 124: case 62: // | >
        this.parseBlockScalarHeader();
        this.pushSpaces(true);
        this.pushComment(le);
        this.pushNewline();
        return this.parseBlockScalar();
      default:
        if (ch !== ch) {
          this.pushNewline();
          return this.parseLineStart();
        }
        return this.parsePlainScalar();
    }
  }

  private parseFlowCollection(): number {
    let nl: number;
    let sp: number;
    let indent = -1;
    do {
      nl = this.pushNewline();
      if (nl > 0) {
        sp = this.pushSpaces(false);
        this.indentValue = indent = sp;
      } else {
        sp = 0;
      }
      sp += this.pushSpaces(true);
    } while (nl + sp > 0);
    const le = this.lineEnd();
    const c0 = this.pos < le ? this.at(this.pos) : NaN;
    if ((indent !== -1 && indent < this.indentNext && c0 !== 35) || (indent === 0 && (this.text.startsWith('---', this.pos) || this.text.startsWith('...', this.pos)) && isEmpty(this.pos + 3 < le ? this.at(this.pos + 3) : NaN))) {
      // Allowing for the terminal ] or } at the same (rather than greater) indent level as the
      // initial [ or { is technically invalid, but failing here would be surprising to users.
      const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (c0 === 93 || c0 === 125);
      if (!atFlowEndMarker) decline(); // the Lexer's flow-error-end
    }
    while (this.pos < le && this.at(this.pos) === 44) {
      this.push(T_COMMA, 1);
      this.pushSpaces(true);
      this.flowKey = false;
    }
    this.pushIndicators();
    const ch = this.pos < le ? this.at(this.pos) : NaN;
    switch (ch) {
      case 35: // #
        this.push(T_COMMENT, le - this.pos);
        return FLOW;
      case 123: case 91: // { [
        this.push(ch === 123 ? T_MAP_START : T_SEQ_START, 1);
        this.flowKey = false;
        this.flowLevel += 1;
        return FLOW;
      case 125: case 93: // } ]
        this.push(ch === 125 ? T_MAP_END : T_SEQ_END, 1);
        this.flowKey = true;
        this.flowLevel -= 1;
        return this.flowLevel ? FLOW : DOC;
      case 42: // *
        this.pushUntil(isNotAnchorChar, T_ALIAS);
        return FLOW;
      case 34: case 39: // " '
        this.flowKey = true;
        return this.parseQuotedScalar();
      case 58: { // :
        const next = this.at(this.pos + 1);
        if (this.flowKey || isEmpty(next) || next === 44) {
          this.flowKey = false;
          this.push(T_COLON, 1);
          this.pushSpaces(true);
          return FLOW;
        }
        this.flowKey = false;
        return this.parsePlainScalar();
      }
      default:
        if (ch !== ch) return FLOW;
        this.flowKey = false;
        return this.parsePlainScalar();
    }
  }

  private parseQuotedScalar(): number {
    const text = this.text;
    const quote = this.at(this.pos);
    let end = text.indexOf(quote === 39 ? "'" : '"', this.pos + 1);
    if (quote === 39) {
      while (end !== -1 && this.at(end + 1) === 39) end = text.indexOf("'", end + 2);
    } else {
      while (end !== -1) {
        let n = 0;
        while (this.at(end - 1 - n) === 92) n += 1;
        if (n % 2 === 0) break;
        end = text.indexOf('"', end + 1);
      }
    }
    // An unclosed quote is an error (or a scalar the resolver reads oddly): the general reader decides.
    if (end === -1) decline();
    // Only looking for newlines within the quotes, and never past them: many quoted scalars on
    // one long line must not each search the rest of it.
    for (let nl = this.nextNewline(this.pos, end); nl !== -1; ) {
      const cs = this.continueScalar(nl + 1);
      if (cs === -1) decline(); // cut short by an unexpected unindent: an error
      nl = this.nextNewline(cs, end);
    }
    this.push(quote === 39 ? T_SINGLE : T_DOUBLE, end + 1 - this.pos);
    return this.flowLevel ? FLOW : DOC;
  }

  private continueScalar(offset: number): number {
    let ch = this.at(offset);
    if (this.indentNext > 0) {
      let indent = 0;
      while (ch === 32) ch = this.at(++indent + offset);
      if (ch === 13) {
        const next = this.at(indent + offset + 1);
        if (next === 10) return offset + indent + 1;
      }
      return ch === 10 || indent >= this.indentNext ? offset + indent : -1;
    }
    if ((ch === 45 || ch === 46) && isEmpty(this.at(offset + 3))) {
      const dt = this.text.substr(offset, 3);
      if (dt === '---' || dt === '...') return -1;
    }
    return offset;
  }

  private parseBlockScalarHeader(): void {
    this.blockScalarIndent = -1;
    this.blockScalarKeep = false;
    let i = this.pos;
    for (;;) {
      const ch = this.at(++i);
      if (ch === 43) this.blockScalarKeep = true;
      else if (ch > 48 && ch <= 57) this.blockScalarIndent = ch - 48 - 1;
      else if (ch !== 45) break;
    }
    this.pushUntil(c => isEmpty(c) || c === 35, T_HEADER);
  }

  private parseBlockScalar(): number {
    const text = this.text;
    let nl = this.pos - 1; // may be -1 if this.pos === 0
    let indent = 0;
    let ch = NaN;
    loop: for (let i = this.pos; (ch = this.at(i)) === ch; ++i) {
      switch (ch) {
        case 32:
          indent += 1;
          break;
        case 10:
          nl = i;
          indent = 0;
          break;
        case 13:
          if (this.at(i + 1) === 10) break;
          break loop;
        default:
          break loop;
      }
    }
    if (indent >= this.indentNext) {
      if (this.blockScalarIndent === -1) this.indentNext = indent;
      else this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
      do {
        const cs = this.continueScalar(nl + 1);
        if (cs === -1) break;
        nl = text.indexOf('\n', cs);
      } while (nl !== -1);
      if (nl === -1) nl = this.len;
    }
    // Trailing insufficiently indented tabs are invalid; the Lexer includes them in the value so that
    // the resolver reports them.
    let i = nl + 1;
    ch = this.at(i);
    while (ch === 32) ch = this.at(++i);
    if (ch === 9) {
      while (ch === 9 || ch === 32 || ch === 13 || ch === 10) ch = this.at(++i);
      nl = i - 1;
    } else if (!this.blockScalarKeep) {
      for (;;) {
        let j = nl - 1;
        let c = this.at(j);
        if (c === 13) c = this.at(--j);
        const lastChar = j; // drop the line if its last character is not more indented
        while (c === 32) c = this.at(--j);
        if (c === 10 && j >= this.pos && j + 1 + indent > lastChar) nl = j;
        else break;
      }
    }
    const end = Math.min(nl + 1, this.len);
    this.sink.token(T_BLOCK, this.pos, end);
    this.pos = Math.max(this.pos, end);
    return this.parseLineStart();
  }

  private parsePlainScalar(): number {
    const inFlow = this.flowLevel > 0;
    let end = this.pos - 1;
    let i = this.pos - 1;
    let ch: number;
    while ((ch = this.at(++i)) === ch) {
      if (ch === 58) {
        const next = this.at(i + 1);
        if (isEmpty(next) || (inFlow && isFlowIndicator(next))) break;
        end = i;
      } else if (isEmpty(ch)) {
        let next = this.at(i + 1);
        if (ch === 13) {
          if (next === 10) {
            i += 1;
            ch = 10;
            next = this.at(i + 1);
          } else {
            end = i;
          }
        }
        if (next === 35 || (inFlow && isFlowIndicator(next))) break;
        if (ch === 10) {
          const cs = this.continueScalar(i + 1);
          if (cs === -1) break;
          i = Math.max(i, cs - 2); // to advance, but still account for ' #'
        }
      } else {
        if (inFlow && isFlowIndicator(ch)) break;
        end = i;
      }
    }
    // The Lexer emits an empty plain scalar where one is expected and nothing stands.
    this.sink.token(T_PLAIN, this.pos, end + 1);
    this.pos = end + 1;
    return inFlow ? FLOW : DOC;
  }

  private pushIndicators(): void {
    for (;;) {
      const ch = this.at(this.pos);
      switch (ch) {
        case 33: // !
          this.pushTag();
          this.pushSpaces(true);
          continue;
        case 38: // &
          this.pushUntil(isNotAnchorChar, T_ANCHOR);
          this.pushSpaces(true);
          continue;
        case 45: case 63: case 58: { // - ? :
          const inFlow = this.flowLevel > 0;
          const ch1 = this.at(this.pos + 1);
          if (isEmpty(ch1) || (inFlow && isFlowIndicator(ch1))) {
            if (ch === 63) decline(); // an explicit key
            if (!inFlow) this.indentNext = this.indentValue + 1;
            else if (this.flowKey) this.flowKey = false;
            this.push(ch === 45 ? T_DASH : T_COLON, 1);
            this.pushSpaces(true);
            continue;
          }
        }
      }
      return;
    }
  }

  private pushTag(): void {
    let i: number;
    if (this.at(this.pos + 1) === 60) { // <
      i = this.pos + 2;
      let ch = this.at(i);
      while (!isEmpty(ch) && ch !== 62) ch = this.at(++i);
      if (ch === 62) i += 1;
    } else {
      i = this.pos + 1;
      let ch = this.at(i);
      while (ch === ch) {
        if (isTagChar(ch)) ch = this.at(++i);
        else if (ch === 37 && isHex(this.at(i + 1)) && isHex(this.at(i + 2))) ch = this.at((i += 3));
        else break;
      }
    }
    this.push(T_TAG, i - this.pos);
  }

  private pushNewline(): number {
    const ch = this.at(this.pos);
    if (ch === 10) return this.push(T_NEWLINE, 1);
    if (ch === 13 && this.at(this.pos + 1) === 10) return this.push(T_NEWLINE, 2);
    return 0;
  }

  private pushSpaces(allowTabs: boolean): number {
    let i = this.pos;
    let ch = this.at(i);
    while (ch === 32 || (allowTabs && ch === 9)) ch = this.at(++i);
    return this.push(T_SPACE, i - this.pos);
  }

  private pushUntil(test: (c: number) => boolean, kind: number): void {
    let i = this.pos;
    while (!test(this.at(i))) i++;
    this.push(kind, i - this.pos);
  }
}
