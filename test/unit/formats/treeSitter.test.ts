import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { pythonGrammarLoadMs } from '../../../server/src/formats/cdkPython';
import { RUNTIME_FILES, Node, Tree, changeBetween, loadGrammar, wasmDirectory } from '../../../server/src/formats/cdk/treeSitter';
import { copyTree } from '../../../server/src/formats/cdk/pySyntax';
import { DIST, EXAMPLES } from '../../helpers/paths';
import { preparePython, pyRun } from '../../helpers/python';
import { run } from '../../helpers/analysis';

/** Every node of a tree as type@start-end (row:column), walked with a cursor. */
function dump(tree: Tree): string[] {
  const out: string[] = [];
  const c = tree.walk();
  for (;;) {
    out.push(`${c.nodeType}@${c.startIndex}-${c.endIndex}(${c.startPosition.row}:${c.startPosition.column})`);
    if (c.gotoFirstChild()) continue;
    let done = false;
    while (!c.gotoNextSibling()) {
      if (!c.gotoParent()) {
        done = true;
        break;
      }
    }
    if (done) break;
  }
  c.delete();
  return out;
}

describe('tree-sitter runtime and Python grammar', () => {
  before(preparePython);

  it('loads once, from the package when run from out/, and says how long it took', async () => {
    const a = loadGrammar('python');
    assert.equal(loadGrammar('python'), a);
    const ms = pythonGrammarLoadMs();
    assert.ok(ms !== undefined && ms > 0 && ms < 5000, `load time ${ms}`);
    assert.equal(path.basename(wasmDirectory()), 'wasm');
    assert.ok(fs.existsSync(path.join(wasmDirectory(), 'tree-sitter-python.wasm')));
  });

  it('is copied next to the bundles, byte for byte, so the packaged server and CLI load it from disk', () => {
    for (const f of RUNTIME_FILES) {
      const bundled = path.join(DIST, f);
      assert.ok(fs.existsSync(bundled), `dist/${f} is missing: esbuild.mjs must copy it`);
      assert.ok(fs.readFileSync(bundled).equals(fs.readFileSync(path.join(wasmDirectory(), f))), `dist/${f} differs from the package's`);
    }
  });

  it('reports offsets and columns in UTF-16 code units, as JavaScript strings index', async () => {
    const { parser } = await loadGrammar('python');
    const text = 'x = "é😀"; y = "ü"  # 🚀\nz = 1\n';
    const tree = parser.parseFresh(text);
    try {
      const y = tree.rootNode.descendantForIndex(text.indexOf('y'))!;
      assert.equal(y.type, 'identifier');
      // Before y: 10 characters, 11 UTF-16 code units (the emoji takes two), 14 UTF-8 bytes.
      assert.equal(y.startIndex, 11);
      assert.equal(y.startPosition.column, 11);
      const comment = tree.rootNode.descendantForIndex(text.indexOf('#'))!;
      assert.equal(comment.type, 'comment');
      assert.equal(text.slice(comment.startIndex, comment.endIndex), '# 🚀');
    } finally {
      tree.delete();
    }
  });

  it('describes a change as one edit between the common prefix and suffix', () => {
    assert.deepEqual(changeBetween('abc\ndef', 'abc\ndXef'), {
      startIndex: 5, oldEndIndex: 5, newEndIndex: 6,
      startPosition: { row: 1, column: 1 }, oldEndPosition: { row: 1, column: 1 }, newEndPosition: { row: 1, column: 2 },
    });
    assert.deepEqual(changeBetween('aa', 'a'), {
      startIndex: 1, oldEndIndex: 2, newEndIndex: 1,
      startPosition: { row: 0, column: 1 }, oldEndPosition: { row: 0, column: 2 }, newEndPosition: { row: 0, column: 1 },
    });
  });

  it('reparses incrementally to exactly the tree a fresh parse gives, for any edit', async () => {
    const { parser } = await loadGrammar('python');
    const base = fs.readFileSync(path.join(EXAMPLES, 'cdk-python', 'insecure_stack.py'), 'utf8');
    const key = 'test://incremental';
    parser.parse(base, key);
    fc.assert(fc.property(
      fc.nat(base.length), fc.nat(40), fc.constantFrom('', ' ', 'x', '\n', '"', '(', ')', '# é😀\n', 'privileged=True, ', '\r\n'),
      (at, len, insert) => {
        const text = base.slice(0, at) + insert + base.slice(Math.min(base.length, at + len));
        const incremental = dump(parser.parse(text, key));
        const fresh = parser.parseFresh(text);
        try {
          assert.deepEqual(incremental, dump(fresh));
        } finally {
          fresh.delete();
        }
      },
    ), { numRuns: 60, seed: 8 });
  });

  it('gives the same analysis when typing (incremental, statement cache) as a first read of the same text', () => {
    const base = fs.readFileSync(path.join(EXAMPLES, 'cdk-python', 'insecure_stack.py'), 'utf8');
    const typing = 'file:///project/typing/stack.py';
    const view = (r: ReturnType<typeof pyRun>) => [r.format, r.findings.map(f => `${f.ruleId}@${f.span.start}-${f.span.end}:${f.message}`), r.problems.map(p => `${p.span.start}:${p.message}`)];
    let n = 0;
    fc.assert(fc.property(
      fc.nat(base.length), fc.nat(20), fc.constantFrom('', ' ', 'a', '\n', ',', ')', 'privileged=True,', '"x": "y", ', 'user="0"'),
      (at, len, insert) => {
        const text = base.slice(0, at) + insert + base.slice(Math.min(base.length, at + len));
        const whileTyping = run(text, typing, undefined, 'python');
        const firstRead = run(text, `file:///project/fresh/${n++}.py`, undefined, 'python');
        assert.equal(whileTyping.skipped, undefined, 'the reader failed on this text');
        assert.deepEqual(view(whileTyping), view(firstRead));
      },
    ), { numRuns: 80, seed: 8 });
  });
  /** Every statement of a file (through compound statements), as tree-sitter nodes. */
  function statements(tree: Tree): Node[] {
    const out: Node[] = [];
    const work: Node[] = [tree.rootNode];
    while (work.length) {
      const n = work.pop()!;
      for (const c of n.namedChildren) {
        if (!c) continue;
        if (c.namedChildCount && /definition|block|_statement$|_clause$/.test(c.type) && c.type !== 'expression_statement' && c.type !== 'return_statement') work.push(c);
        else out.push(c);
      }
    }
    return out;
  }

  it('copies statements with ends worked out from the text exactly as tree-sitter reports them', async () => {
    const { parser } = await loadGrammar('python');
    const tricky = String.raw`x = f(a, b,  # comment before the bracket
      c,
)
y = {"k": [1, 2, (3,)], **rest, 'q': {1, 2}}[key][0]
z = r"a\\" + 'it\'s' + """triple "quoted" text""" + b'bytes' + u"\u00e9"
w = call(lambda v: v + 1, *args, [i for i in range(3)], key=(yield_ if ok else None), **kw) \
    .chained()
name: Dict[str, int] = {}
total += values[1:2]
ünïcode = ecs.ContainerImage.from_registry(f"{REPO}:{tag!r:>10}", other=f'{d["k"]}')
if (n := len(items)) > 2 and not done or flag:
    result = [x async for x in aiter()] if n else ()
@decorator(arg=[1, 2])
def fn(a, *, b=3, **c) -> "T":
    return {"a": a}, b
`;
    const sources = [tricky, fs.readFileSync(path.join(EXAMPLES, 'cdk-python', 'insecure_stack.py'), 'utf8'), fs.readFileSync(path.join(EXAMPLES, 'cdk-python', 'hardened_stack.py'), 'utf8')];
    for (const text of sources) {
      const tree = parser.parseFresh(text);
      try {
        assert.equal(tree.rootNode.hasError, false);
        const all = statements(tree);
        assert.ok(all.length > 10);
        for (const st of all) {
          assert.deepEqual(copyTree(st, text, parser.typeNames, false), copyTree(st, text, parser.typeNames, true), text.slice(st.startIndex, st.endIndex));
        }
      } finally {
        tree.delete();
      }
    }
  });

  it('derives the same ends after any edit that leaves a statement without errors', async () => {
    const { parser } = await loadGrammar('python');
    const base = fs.readFileSync(path.join(EXAMPLES, 'cdk-python', 'insecure_stack.py'), 'utf8');
    fc.assert(fc.property(
      fc.nat(base.length), fc.nat(10), fc.constantFrom(' ', ',', '# c\n', '(', ')', ']', '"', "'''", '\\\n', 'x=[1,]', '{}'),
      (at, len, insert) => {
        const text = base.slice(0, at) + insert + base.slice(Math.min(base.length, at + len));
        const tree = parser.parseFresh(text);
        try {
          for (const st of statements(tree)) {
            if (st.hasError) continue;
            assert.deepEqual(copyTree(st, text, parser.typeNames, false), copyTree(st, text, parser.typeNames, true));
          }
        } finally {
          tree.delete();
        }
      },
    ), { numRuns: 60, seed: 8 });
  });
});
