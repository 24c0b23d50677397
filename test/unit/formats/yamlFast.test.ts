import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { Lexer } from 'yaml';
import type { SNode, SProp } from '../../../server/src/formats/syntax';
import type { YamlParseResult } from '../../../server/src/formats/yamlCommon';
import { parseYamlCst } from '../../../server/src/formats/yamlCst';
import { parseYamlFast } from '../../../server/src/formats/yamlFast';
import { parseYaml } from '../../../server/src/formats/yamlParse';
import * as scan from '../../../server/src/formats/yamlScan';
import { CORPUS, EXAMPLES, corpusDir, filesUnder } from '../../helpers/paths';

/*
 * The token reader (yamlFast.ts) against the general reader (yamlCst.ts): whenever the fast one
 * answers, its answer must be the general one's, node for node and offset for offset, and the
 * general one must have found no error; whenever it declines, parseYaml must be the general reader.
 * And its scanner (yamlScan.ts, a port of the yaml Lexer) against the Lexer itself: whenever the
 * scanner does not decline, it must cut exactly the Lexer's tokens.
 * Fed with every YAML file of the examples and the corpus, hand-written corner cases, and
 * thousands of seeded mutations of them.
 */

type Token = [kind: number, start: number, end: number];

/** The scanner's tokens, or undefined where it declines. */
function scannerTokens(text: string): Token[] | undefined {
  const out: Token[] = [];
  try {
    scan.scanYaml(text, { token: (kind, start, end) => void out.push([kind, start, end]) });
  } catch (e) {
    if (e === scan.DECLINE) return undefined;
    throw e;
  }
  return out;
}

/** The yaml package's Lexer tokens in the scanner's terms; 'unknown' for tokens the scanner never emits. */
function lexerTokens(text: string): (Token | 'unknown')[] {
  const out: (Token | 'unknown')[] = [];
  let at = 0;
  let afterHeader = false;
  let scalar = false;
  const kindOf = (t: string): number | undefined => {
    switch (t) {
      case '\n': case '\r\n': return scan.T_NEWLINE;
      case '---': return scan.T_DOC_START;
      case '-': return scan.T_DASH;
      case ':': return scan.T_COLON;
      case ',': return scan.T_COMMA;
      case '{': return scan.T_MAP_START;
      case '}': return scan.T_MAP_END;
      case '[': return scan.T_SEQ_START;
      case ']': return scan.T_SEQ_END;
      case '\uFEFF': return scan.T_BOM;
    }
    return ({ ' ': scan.T_SPACE, '\t': scan.T_SPACE, '#': scan.T_COMMENT, '%': scan.T_DIRECTIVE, '*': scan.T_ALIAS, '&': scan.T_ANCHOR, '!': scan.T_TAG, "'": scan.T_SINGLE, '"': scan.T_DOUBLE, '|': scan.T_HEADER, '>': scan.T_HEADER } as Record<string, number>)[t[0]];
  };
  for (const t of new Lexer().lex(text)) {
    if (scalar) {
      out.push([afterHeader ? scan.T_BLOCK : scan.T_PLAIN, at, at + t.length]);
      at += t.length;
      scalar = afterHeader = false;
      continue;
    }
    if (t === '\x02') continue; // the start of a document: no text
    if (t === '\x1f') {
      scalar = true;
      continue;
    }
    const kind = t === '\x18' ? undefined : kindOf(t);
    if (kind === scan.T_HEADER) afterHeader = true;
    out.push(kind === undefined ? 'unknown' : [kind, at, at + t.length]);
    at += t.length;
  }
  return out;
}

/**
 * Every fact of a result as lines: each node's path, kind, span, value, style, flow, tag, which
 * node is its parent and which property it is the value of (and whether `prop` is set at all),
 * every property's key, key span, span and owner; then the comments and errors.
 */
function facts(r: YamlParseResult): string[] {
  const out: string[] = [];
  const paths = new Map<object, string>();
  const who = (n: object | undefined) => (n ? paths.get(n) ?? '<outside the tree>' : '-');
  const propOf = (n: SNode) => ('prop' in n ? (n.prop ? `${who(n.prop.parent)}.${JSON.stringify(n.prop.key)}` : 'undefined') : 'absent');
  const stack: [SNode, string][] = r.root ? [[r.root, '$']] : [];
  while (stack.length) {
    const [n, p] = stack.pop()!;
    paths.set(n, p);
    const head = `${p} ${n.kind} ${n.span.start}-${n.span.end} parent=${who(n.parent)} prop=${propOf(n)}`;
    switch (n.kind) {
      case 'scalar':
        out.push(`${head} value=${JSON.stringify(n.value)} style=${JSON.stringify(n.style)} invalid=${n.invalid}`);
        break;
      case 'tagged':
        out.push(`${head} tag=${n.tag}`);
        stack.push([n.value, `${p}!`]);
        break;
      case 'array':
        out.push(`${head} flow=${n.flow} items=${n.items.length}`);
        for (let i = n.items.length - 1; i >= 0; i--) stack.push([n.items[i], `${p}[${i}]`]);
        break;
      case 'object':
        out.push(`${head} flow=${n.flow} props=${n.props.length}`);
        n.props.forEach((q: SProp, i) => {
          out.push(`${p}.${i} key=${JSON.stringify(q.key)} key@${q.keySpan.start}-${q.keySpan.end} span=${q.span.start}-${q.span.end} owner=${q.parent === n} value=${'value' in q}`);
        });
        for (let i = n.props.length - 1; i >= 0; i--) {
          const v = n.props[i].value;
          if (v) stack.push([v, `${p}.${i}`]);
        }
        break;
    }
  }
  const lines = out;
  if (!r.root) lines.push('no root');
  for (const c of r.comments) lines.push(`# ${c.span.start}-${c.span.end} ${JSON.stringify(c.text)}`);
  for (const e of r.errors) lines.push(`error ${e.span.start}-${e.span.end} ${e.message}`);
  return lines;
}

/** The first line where two descriptions differ, for a readable failure. */
function firstDifference(a: string[], b: string[]): string {
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) return `line ${i}:\n  fast:    ${a[i]}\n  general: ${b[i]}`;
  return '';
}

interface Tally {
  inputs: number;
  fast: number;
}

/** Checks one text; returns whether the fast reader answered. */
function check(text: string, what: string, tally?: Tally): boolean {
  const tokens = scannerTokens(text);
  if (tokens) assert.deepEqual(tokens, lexerTokens(text), `${what}: the scanner and the Lexer cut differently\n${JSON.stringify(text.slice(0, 400))}`);
  const general = parseYamlCst(text);
  const fast = parseYamlFast(text);
  if (tally) {
    tally.inputs++;
    if (fast) tally.fast++;
  }
  if (!fast) {
    // Declined: parseYaml is the general reader, errors and all.
    assert.deepEqual(facts(parseYaml(text)), facts(general), `${what}: parseYaml differs from the general reader`);
    return false;
  }
  assert.deepEqual(general.errors, [], `${what}: the fast reader answered where the general one reports errors\n${JSON.stringify(text.slice(0, 400))}`);
  const a = facts(fast);
  const b = facts(general);
  assert.ok(a.length === b.length && a.every((l, i) => l === b[i]), `${what}: the readers differ at ${firstDifference(a, b)}\n${JSON.stringify(text.slice(0, 400))}`);
  // The whole graph too, parent links included (deepStrictEqual follows cycles).
  assert.deepStrictEqual(fast, general, `${what}: the trees differ in a way the description missed`);
  return true;
}

/** Every YAML text to start from: the examples, the corpus templates, the peers' YAML samples. */
function realYaml(): { name: string; text: string }[] {
  const yaml = (f: string) => /\.(ya?ml|template)$/.test(f);
  const files = filesUnder(EXAMPLES, yaml);
  const cfn = corpusDir('cfn');
  if (cfn) files.push(...filesUnder(cfn, yaml));
  const peers = corpusDir('peer-tests');
  if (peers) files.push(...filesUnder(peers, f => /\.ya?ml$/.test(f)));
  return files.map(f => ({ name: path.relative(fs.existsSync(CORPUS) && f.startsWith(CORPUS) ? CORPUS : EXAMPLES, f), text: fs.readFileSync(f, 'utf8') }));
}

/** Hand-written YAML for each construct the fast reader claims, and a few it must decline. */
const READ: string[] = [
  'A: 1\nB: two\nC: "three"\nD: \'four\'\n',
  'A:\n  B:\n    C: 1\n  D: 2\nE: 3\n',
  'A:\n- x\n- y\nB: 1\n', // indentless sequence
  'A:\n  - x\n  -\n  - - y\n    - z\n  - k: 1\n    l: 2\n', // empty item, compact nested sequence and mapping
  '- a\n- b: 1\n  c: [1, 2]\n-   d: {e: f}\n',
  'A: [a, "b", \'c\', [d, e], {f: g}, !Ref h, *al, ]\nB: {a: 1, "b": [2], c: !Sub "x", }\n',
  'A: !Not [ Condition: IsGitHub ]\nB: !If [ C, "Fn::ImportValue": !Sub "${X}-y", "" ]\nC: [a: 1, b: [2], c: {d: 3}]\n',
  'A: !Ref X\nB: !Sub\n  - "${a}"\n  - a: !Ref Y\nC: !If\n  Name: x\nD: !GetAtt\n  [a, b]\nE: !Ref\nF: !!str 80\nG: !!int 80\nH: !<tag:x> y\n',
  'A: !Ref\nB:\n  - !Ref\n  - !!str\n  - &x\nC: &y\nD: !!str\n',
  'A: |\n  one\n  two\n\n\nB: >-\n  folded\n  text\n\n  more\nC: |+\n  keep\n\nD: |2\n    indented\nE: >\n\n  leading blank\nF: | # comment\n  x\n',
  '- |\n  in a sequence\n- >\n  folded\n',
  'A: plain\n  continued\n  on lines\nB: "quoted\n  across lines"\nC: \'single\n\n  blank\'\nD: "esc \\t \\u00e9 \\" \\\\"\nE: \'it\'\'s\'\n',
  '# head\n\n---\n# after the marker\nA: 1 # trailing\n  # indented\n# column 0\nB:\n  # before\n  - x # item\n  # after\n',
  '%YAML 1.2\n---\nA: 1\n',
  '\uFEFFA: 1\r\nB:\r\n  - x: "y"\r\n  - |\r\n    crlf\r\n',
  'A: &anchor\n  B: 1\nC: *anchor\nD: &s scalar\nE: [*anchor, &t x]\n',
  'A: true\nB: 012345678901\nC: 1.5\nD: ~\nE: null\nF: -1\nG: 1e3\nH: .inf\nI: "80"\n',
  'key with spaces: value with spaces\n"quoted key": 1\n\'single key\': 2\nk : spaced colon\n',
  'A:\n\n\n  B: 1\n\n\nC: 2\n\n\n',
  '[a, b]\n',
  '{a: 1}\n',
  'just a scalar\n',
  'A: [\n  1,\n  2\n]\nB: {\n  c: 3\n  }\n',
  'A:\t1\nB: x\t# tab before comment\n\t\nC: 1\n',
  '',
  '# only a comment\n',
  '---\n',
  '  A: 1\n  B: 2\n',
  'A:\n  - |2\n     x\n    y\nB: |1\n  x\nC:\n  - a: |2\n      x\n', // explicit indentation, measured from the parent
  'A: |+\n  x\n\n\nB: >+\n  y\n\nC: |-\n  x\n  # not a comment\nD: 1\n',
  'A: !Sub |\n  x ${y}\nB: !Sub\n  |\n  z\n',
  'A: [a, # c\n  b]\nB: [a\n  b]\nC: [[], {}, [[]]]\nD: { }\nE: {a: 1,\n  b: 2}\n',
  '- [a]\n- {b: c}\n- *a\n- &b x\n- - - deep\n-',
  'A: !If [c, {a: 1}, !Ref AWS::NoValue]\nB: !Join\n  - ""\n  - - a\n    - !Ref b\n',
  'A: \'\'\nB: ""\nC:\nD: -1\nE: "a\\\n  b"\n',
  'A: x #c\n#d\nB:\n  C: 1\n  # c\n# d\n',
];

/** Texts the fast reader must leave to the general one (errors, or constructs outside its subset). */
const DECLINED: string[] = [
  'A:\n\t- b\nC: 1\n',
  'A: [1, 2\nC: 3\n',
  'A: {b: 1\n',
  'A: "open\nB: 1\n',
  'A: 1\nhalf-typed\n',
  'A: 1\nA: 2\n',
  'A:\n  B: 1\n C: 2\n',
  'A:\n  - b: 1\n   c: 2\n',
  '? a\n: b\n',
  'A: 1\n---\nB: 2\n',
  'A: 1\n...\n',
  'A: b: c\n',
  'A: - b\n',
  'A: "x" y\n',
  '"multi\n  line": 1\n',
  'A: "\\q"\n',
  'A: @x\n',
  '- !T a: 1\n',
  'A: ' + '['.repeat(600) + ']'.repeat(600) + '\n',
];

/** Mutations that break and bend YAML the way typing and bad merges do. */
const INSERTS = [':', ': ', '-', '- ', '#', ' #', '!', '!Ref ', '&a ', '*a', '"', "'", '\t', '[', ']', '{', '}', ',', ' ', '  ', '\n', '\r\n', '|', '>', '?', '---\n', '...\n', '%', '@', '\\', 'x'];
type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'deleteChars' | 'duplicateChars'; at: number; len: number }
  | { kind: 'swapChars'; a: number; b: number; len: number }
  | { kind: 'deleteLine' | 'duplicateLine' | 'indent' | 'dedent'; line: number }
  | { kind: 'swapLines'; a: number; b: number }
  | { kind: 'insert'; at: number; what: string };

const at = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at }),
  fc.record({ kind: fc.constantFrom('deleteChars' as const, 'duplicateChars' as const), at, len: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('swapChars' as const), a: at, b: at, len: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constantFrom('deleteLine' as const, 'duplicateLine' as const, 'indent' as const, 'dedent' as const), line: at }),
  fc.record({ kind: fc.constant('swapLines' as const), a: at, b: at }),
  fc.record({ kind: fc.constant('insert' as const), at, what: fc.constantFrom(...INSERTS) }),
);

function mutate(text: string, m: Mutation): string {
  const pos = (x: number) => Math.floor(x * (text.length + 1));
  const lines = text.split('\n');
  const line = (x: number) => Math.floor(x * lines.length);
  switch (m.kind) {
    case 'truncate': return text.slice(0, pos(m.at));
    case 'deleteChars': return text.slice(0, pos(m.at)) + text.slice(pos(m.at) + m.len);
    case 'duplicateChars': return text.slice(0, pos(m.at) + m.len) + text.slice(pos(m.at));
    case 'swapChars': {
      const [a, b] = [pos(m.a), pos(m.b)].sort((x, y) => x - y);
      if (b - a < m.len) return text;
      return text.slice(0, a) + text.slice(b, b + m.len) + text.slice(a + m.len, b) + text.slice(a, a + m.len) + text.slice(b + m.len);
    }
    case 'deleteLine': lines.splice(line(m.line), 1); break;
    case 'duplicateLine': lines.splice(line(m.line), 0, lines[line(m.line)]); break;
    case 'indent': lines[line(m.line)] = '  ' + lines[line(m.line)]; break;
    case 'dedent': lines[line(m.line)] = lines[line(m.line)].replace(/^ {1,2}/, ''); break;
    case 'swapLines': {
      const a = line(m.a), b = line(m.b);
      [lines[a], lines[b]] = [lines[b], lines[a]];
      break;
    }
    case 'insert': return text.slice(0, pos(m.at)) + m.what + text.slice(pos(m.at));
  }
  return lines.join('\n');
}

/** Lines of YAML-ish pieces at random indentation: structures no real file has, to probe the block rules. */
const PIECES = ['- ', '-', 'k: ', 'key: ', 'k:', '"q": ', "'s': ", "'s'", '"d"', 'v', 'multi word', '!Ref ', '!Sub ', '!!str ', '&a ', '*a', '[a, b]', '{a: 1}', '[', ']', '{', '}', ', ', '|', '|-', '>', '|2', '# c', ' # c', '? ', ': ', '---', '...', '\t', '"x', 'a:b', '- - ', '[x: y]', '{x}', '12', 'true', '"e\\n"', '"bad\\q"', '%x', '@x', ' '];
const soupLine = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.array(fc.constantFrom(...PIECES), { maxLength: 4 })).map(([i, ps]) => ' '.repeat(i) + ps.join(''));
const soup = fc.tuple(fc.array(soupLine, { minLength: 1, maxLength: 10 }), fc.constantFrom('\n', '\r\n'), fc.boolean()).map(([ls, nl, end]) => ls.join(nl) + (end ? nl : ''));

describe('YAML token reader: identical to the general reader', function () {
  this.timeout(180_000);
  const real = realYaml();
  const seeds = [...real.map(r => r.text), ...READ];

  it('reads every example and corpus template itself, exactly as the general reader', () => {
    assert.ok(real.length >= 2, `${real.length} files`);
    const declined: string[] = [];
    for (const { name, text } of real) if (!check(text, name)) declined.push(name);
    // All of these are error-free templates: none may need the general reader.
    assert.deepEqual(declined, []);
  });

  it('reads each construct it claims, exactly as the general reader', () => {
    for (const text of READ) assert.ok(check(text, JSON.stringify(text)), `declined ${JSON.stringify(text)}`);
  });

  it('leaves errors and constructs outside its subset to the general reader', () => {
    for (const text of DECLINED) assert.equal(check(text, JSON.stringify(text)), false, `read ${JSON.stringify(text.slice(0, 80))}`);
    // The general reader's errors reach parseYaml unchanged.
    assert.match(parseYaml('A: 1\nA: 2\n').errors[0].message, /Duplicate key 'A'/);
  });

  it('agrees on thousands of mutated windows of real YAML', () => {
    const tally: Tally = { inputs: 0, fast: 0 };
    fc.assert(
      fc.property(fc.nat(seeds.length - 1), at, fc.integer({ min: 1, max: 80 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), (i, from, size, muts) => {
        // A window of lines keeps each run cheap and starts documents at any indentation.
        const lines = seeds[i].split('\n');
        const first = Math.floor(from * lines.length);
        let text = lines.slice(first, first + size).join('\n');
        for (const m of muts) text = mutate(text, m);
        check(text, `seed ${i}, lines ${first}+${size}, ${JSON.stringify(muts)}`, tally);
      }),
      { seed: 20260611, numRuns: 4000 },
    );
    // The comparison means something only if both sides of the dispatch are exercised.
    assert.ok(tally.fast > tally.inputs * 0.2 && tally.fast < tally.inputs * 0.9, `${tally.fast} of ${tally.inputs} read by the fast reader`);
  });

  it('agrees on random lines of YAML pieces at random indentation', () => {
    const tally: Tally = { inputs: 0, fast: 0 };
    fc.assert(fc.property(soup, text => void check(text, 'soup', tally)), { seed: 20260613, numRuns: 3000 });
    assert.ok(tally.fast > tally.inputs * 0.05, `${tally.fast} of ${tally.inputs} read by the fast reader`);
  });

  it('agrees on mutated whole documents', () => {
    const tally: Tally = { inputs: 0, fast: 0 };
    fc.assert(
      fc.property(fc.nat(seeds.length - 1), fc.array(mutation, { minLength: 1, maxLength: 2 }), (i, muts) => {
        let text = seeds[i];
        for (const m of muts) text = mutate(text, m);
        check(text, `seed ${i}, ${JSON.stringify(muts)}`, tally);
      }),
      { seed: 20260612, numRuns: 400 },
    );
    assert.ok(tally.fast > 0, 'no mutated document was read by the fast reader');
  });
});
