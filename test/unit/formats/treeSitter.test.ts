import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { pythonGrammarLoadMs } from '../../../server/src/formats/cdkPython';
import { RUNTIME_FILES, Tree, changeBetween, loadGrammar, wasmDirectory } from '../../../server/src/formats/cdk/treeSitter';
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
    const typing = 'file:///work/typing/stack.py';
    const view = (r: ReturnType<typeof pyRun>) => [r.format, r.findings.map(f => `${f.ruleId}@${f.span.start}-${f.span.end}:${f.message}`), r.problems.map(p => `${p.span.start}:${p.message}`)];
    let n = 0;
    fc.assert(fc.property(
      fc.nat(base.length), fc.nat(20), fc.constantFrom('', ' ', 'a', '\n', ',', ')', 'privileged=True,', '"x": "y", ', 'user="0"'),
      (at, len, insert) => {
        const text = base.slice(0, at) + insert + base.slice(Math.min(base.length, at + len));
        const whileTyping = run(text, typing, undefined, 'python');
        const firstRead = run(text, `file:///work/fresh/${n++}.py`, undefined, 'python');
        assert.deepEqual(view(whileTyping), view(firstRead));
      },
    ), { numRuns: 80, seed: 8 });
  });
});
