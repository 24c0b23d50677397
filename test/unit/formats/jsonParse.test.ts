import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { parseJson } from '../../../server/src/formats/jsonParse';
import type { SNode } from '../../../server/src/formats/syntax';
import { corpusDir, filesUnder } from '../../helpers/paths';

/** Plain JS value of a syntax tree (iterative, like the reader). */
function plain(root: SNode): unknown {
  const conv = (n: SNode): unknown => {
    switch (n.kind) {
      case 'scalar': return n.value;
      case 'array': return n.items.map(conv);
      case 'object': return Object.fromEntries(n.props.filter(p => p.value).map(p => [p.key, conv(p.value!)]));
      default: return undefined;
    }
  };
  return conv(root);
}

describe('JSON reader', () => {
  it('reads valid JSON exactly as JSON.parse does, with exact spans', () => {
    const text = '{"a": [1, 2.5, -3e2, true, false, null], "b": {"c": "d\\u00e9\\n"}, "e": []}';
    const { root, errors } = parseJson(text);
    assert.deepEqual(errors, []);
    assert.deepEqual(plain(root!), JSON.parse(text));
    assert.equal(root!.kind, 'object');
    const b = (root as Extract<SNode, { kind: 'object' }>).props[1];
    assert.equal(text.slice(b.keySpan.start, b.keySpan.end), '"b"');
    assert.equal(text.slice(b.span.start, b.span.end), '"b": {"c": "d\\u00e9\\n"}');
  });

  it('tolerates comments and trailing commas, and collects the comments', () => {
    const text = '{\n  // line comment\n  "a": 1, /* block */\n  "b": [1, 2,],\n}';
    const { root, errors, comments } = parseJson(text);
    assert.deepEqual(errors, []);
    assert.deepEqual(plain(root!), { a: 1, b: [1, 2] });
    assert.deepEqual(comments.map(c => c.text), [' line comment', ' block ']);
  });

  it('keeps what parsed in half-typed text', () => {
    const cases: [string, unknown][] = [
      ['{"family": "x", "containerDefinitions": [{"name": "web", "privileged": tr', { family: 'x', containerDefinitions: [{ name: 'web', privileged: 'tr' }] }],
      ['{"a": 1, "b": ', { a: 1 }],
      ['{"a": 1 "b": 2}', { a: 1, b: 2 }],
      ['{"a": [1, 2', { a: [1, 2] }],
      ['{"a": {"b": 1]', { a: { b: 1 } }],
      ['{"a" 1}', { a: 1 }],
    ];
    for (const [text, expected] of cases) {
      const { root, errors } = parseJson(text);
      assert.ok(errors.length > 0, `expected errors for ${text}`);
      assert.deepEqual(plain(root!), expected, text);
    }
  });

  it('turns bare words where values belong into invalid scalars (placeholders)', () => {
    const { root } = parseJson('{"memory": ${MEMORY}, "cpu": $CPU, "x": 1}');
    const o = root as Extract<SNode, { kind: 'object' }>;
    assert.deepEqual(o.props.map(p => [p.key, p.value?.kind === 'scalar' && p.value.invalid ? 'invalid' : p.value?.kind]), [['memory', 'invalid'], ['cpu', 'invalid'], ['x', 'scalar']]);
  });

  it('survives 100,000 levels of nesting, skipping what lies deeper than its limit', () => {
    const depth = 100_000;
    const text = '['.repeat(depth) + ']'.repeat(depth);
    const { root, errors } = parseJson(text);
    assert.deepEqual(errors.map(e => e.message), ['Nesting deeper than 1000 levels: this value is not read.']);
    assert.equal(root?.kind, 'array');
    const unclosed = parseJson('{"a":'.repeat(depth));
    assert.ok(unclosed.errors.length > 0);
    // A document within the limit reads in full, and what follows a skipped value still parses.
    const ok = parseJson('['.repeat(999) + ']'.repeat(999));
    assert.deepEqual(ok.errors, []);
    const after = parseJson(`{"deep": ${'['.repeat(1500)}${']'.repeat(1500)}, "privileged": true}`);
    assert.equal((after.root as Extract<SNode, { kind: 'object' }>).props[1].key, 'privileged');
  });

  it('reads every corpus task definition that JSON.parse reads, identically', function () {
    const dir = corpusDir('taskdef-json');
    if (!dir) return this.skip();
    let n = 0;
    for (const f of filesUnder(dir, x => x.endsWith('.json'))) {
      const text = fs.readFileSync(f, 'utf8').replace(/^\uFEFF/, '');
      let expected: unknown;
      try { expected = JSON.parse(text); } catch { continue; }
      const { root, errors } = parseJson(text);
      assert.deepEqual(errors, [], f);
      assert.deepEqual(plain(root!), expected, f);
      n++;
    }
    assert.ok(n > 100, `only ${n} corpus files parsed`);
  });
});
