import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { parseJson } from '../../../server/src/formats/jsonParse';
import type { SNode } from '../../../server/src/formats/syntax';
import { toModel } from '../../../server/src/formats/toModel';
import type { MValue } from '../../../server/src/model/values';
import { EXAMPLES, corpusDir, filesUnder } from '../../helpers/paths';

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

  it('links each value to its property and container, and tells how each scalar was written', () => {
    const text = '{"name": "web", "cpu": 256, "env": [$X, true]}';
    const root = parseJson(text).root as Extract<SNode, { kind: 'object' }>;
    const [name, cpu, env] = root.props;
    assert.equal(name.value!.prop, name);
    assert.equal(name.value!.parent, root);
    assert.equal(root.prop, undefined);
    assert.equal(text.slice(cpu.keySpan.start, cpu.keySpan.end), '"cpu"');
    assert.equal(text.slice(cpu.span.start, cpu.span.end), '"cpu": 256');
    const items = (env.value as Extract<SNode, { kind: 'array' }>).items as Extract<SNode, { kind: 'scalar' }>[];
    assert.equal(items[0].prop, undefined, 'an array item is no property\'s value');
    assert.deepEqual([name.value, cpu.value, ...items].map(n => [n!.kind, (n as Extract<SNode, { kind: 'scalar' }>).style, (n as Extract<SNode, { kind: 'scalar' }>).invalid]),
      [['scalar', '"', false], ['scalar', undefined, false], ['scalar', undefined, true], ['scalar', undefined, false]]);
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

  describe('nodes reused as model values', () => {
    /** Everything a rule or a fix can see of a model value, refs named by the syntax node's span. */
    const seen = (v: MValue): unknown => {
      const at = (s: { start: number; end: number }) => `${s.start}-${s.end}`;
      const ref = v.ref ? `${(v.ref as SNode).kind}@${at((v.ref as SNode).span)}` : undefined;
      const base = { kind: v.kind, span: at(v.span), ref, origin: v.origin };
      switch (v.kind) {
        case 'scalar': return { ...base, value: v.value };
        case 'unknown': return { ...base, template: v.template, hint: v.hint, identity: v.identity };
        case 'array': return { ...base, items: v.items.map(seen) };
        case 'object': return { ...base, props: v.props.map(p => ({ key: p.key, keySpan: at(p.keySpan), span: at(p.span), value: seen(p.value) })) };
      }
    };
    const both = (text: string) => {
      const { root, reuse } = parseJson(text);
      return { root: root!, copied: toModel(root!), reused: toModel(root!, { reuse }) };
    };

    it('reuses clean subtrees and converts those with placeholders, bare words or keys without values', () => {
      const text = '[{"name": "a", "image": "nginx:1"}, {"name": "b", "image": "${IMAGE}"}, {"name": "c", "image": $TAG}, {"name": "d", "image":}]';
      const { root, copied, reused } = both(text);
      assert.deepEqual(seen(reused), seen(copied));
      const items = (root as Extract<SNode, { kind: 'array' }>).items;
      const model = reused as Extract<MValue, { kind: 'array' }>;
      assert.notEqual(model, root as unknown, 'the array holds converted items, so it is converted');
      assert.equal(model.items[0], items[0] as unknown, 'a clean container is the syntax node itself');
      for (const i of [1, 2, 3]) assert.notEqual(model.items[i], items[i] as unknown);
      const b = model.items[1] as Extract<MValue, { kind: 'object' }>;
      assert.equal(b.props[0].value, (items[1] as Extract<SNode, { kind: 'object' }>).props[0].value as unknown, 'a clean scalar beside a placeholder is reused');
      assert.equal(b.props[1].value.kind, 'unknown');
      assert.deepEqual((model.items[3] as Extract<MValue, { kind: 'object' }>).props.map(p => p.key), ['name']);
    });

    it('gives the same model as conversion for every example and corpus task definition', () => {
      const files = [...filesUnder(EXAMPLES, x => x.endsWith('.json'))];
      const dir = corpusDir('taskdef-json');
      if (dir) files.push(...filesUnder(dir, x => x.endsWith('.json')));
      let whole = 0;
      for (const f of files) {
        const { root, copied, reused } = both(fs.readFileSync(f, 'utf8'));
        assert.deepEqual(seen(reused), seen(copied), f);
        if (reused === (root as unknown)) whole++;
      }
      assert.ok(whole > 0, 'some document is reused whole');
    });
  });
});
