import * as assert from 'node:assert/strict';
import { MAX_YAML_DEPTH, parseYaml, plainValue } from '../../../server/src/formats/yamlParse';
import type { SNode } from '../../../server/src/formats/syntax';
import { sget } from '../../../server/src/formats/syntax';

/** The text a node spans. */
const at = (text: string, n: SNode | undefined) => (n ? text.slice(n.span.start, n.span.end) : undefined);

describe('YAML reader', () => {
  it('builds the shared syntax tree with exact spans for keys, values, properties and collections', () => {
    const text = 'Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition # the task\n    Props: { A: 1, "B": \'two\' }\n    List:\n      - x\n      - y\n';
    const { root, errors, comments } = parseYaml(text);
    assert.deepEqual(errors, []);
    const task = sget(sget(root, 'Resources'), 'Task');
    assert.equal(task?.kind, 'object');
    assert.equal(at(text, task), "Type: AWS::ECS::TaskDefinition # the task\n    Props: { A: 1, \"B\": 'two' }\n    List:\n      - x\n      - y");
    const type = task!.kind === 'object' ? task!.props[0] : undefined;
    assert.equal(text.slice(type!.keySpan.start, type!.keySpan.end), 'Type');
    assert.equal(text.slice(type!.span.start, type!.span.end), 'Type: AWS::ECS::TaskDefinition');
    const props = sget(task, 'Props');
    assert.equal(props?.kind === 'object' && props.flow, true);
    assert.equal(at(text, props), `{ A: 1, "B": 'two' }`);
    assert.equal(at(text, sget(props, 'B')), "'two'");
    const b = sget(props, 'B');
    assert.equal(b?.kind === 'scalar' && b.value, 'two');
    assert.equal(b?.kind === 'scalar' && b.style, "'");
    const list = sget(task, 'List');
    assert.equal(list?.kind === 'array' && !list.flow, true);
    assert.equal(at(text, list), '- x\n      - y');
    assert.deepEqual(comments, [{ span: { start: text.indexOf('# the'), end: text.indexOf('# the') + 10 }, text: ' the task' }]);
  });

  it('links parents and properties, for the writer', () => {
    const text = 'A:\n  - B: 1\n';
    const { root } = parseYaml(text);
    const arr = sget(root, 'A')!;
    assert.equal(arr.kind, 'array');
    const item = arr.kind === 'array' ? arr.items[0] : undefined;
    assert.equal(item?.parent, arr);
    assert.equal(arr.prop?.key, 'A');
    const b = sget(item, 'B');
    assert.equal(b?.prop?.key, 'B');
    assert.equal(b?.parent, item);
  });

  it('reads every CloudFormation short tag in scalar, sequence and mapping form, without errors', () => {
    const tags = ['Ref', 'Sub', 'GetAtt', 'Join', 'Select', 'Split', 'If', 'Equals', 'And', 'Or', 'Not', 'Condition', 'FindInMap', 'ImportValue', 'Base64', 'Cidr', 'GetAZs', 'Transform'];
    for (const tag of tags) {
      const text = `Scalar: !${tag} x\nFlowSeq: !${tag} [a, b]\nBlockSeq: !${tag}\n  - a\n  - b\nFlowMap: !${tag} { Name: x }\nBlockMap: !${tag}\n  Name: x\nItem:\n  - !${tag} y\n`;
      const { root, errors } = parseYaml(text);
      assert.deepEqual(errors, [], tag);
      const kinds = ['Scalar', 'FlowSeq', 'BlockSeq', 'FlowMap', 'BlockMap'].map(k => {
        const n = sget(root, k);
        return n?.kind === 'tagged' ? `${n.tag}:${n.value.kind}` : n?.kind;
      });
      assert.deepEqual(kinds, [`${tag}:scalar`, `${tag}:array`, `${tag}:array`, `${tag}:object`, `${tag}:object`], tag);
      assert.equal(at(text, sget(root, 'Scalar')), `!${tag} x`);
      assert.equal(at(text, sget(root, 'BlockMap')), `!${tag}\n  Name: x`);
      const item = sget(root, 'Item');
      assert.equal(item?.kind === 'array' && item.items[0].kind, 'tagged', tag);
    }
  });

  it('keeps a tag with nothing after it as a tagged null, and core tags as plain values', () => {
    const text = 'A: !Ref\nB: !!str 80\nC: 80\n';
    const { root, errors } = parseYaml(text);
    assert.deepEqual(errors, []);
    const a = sget(root, 'A');
    assert.equal(a?.kind === 'tagged' && a.value.kind === 'scalar' && a.value.value, null);
    assert.equal(sget(root, 'B')?.kind === 'scalar' && (sget(root, 'B') as { value: unknown }).value, '80');
    assert.equal((sget(root, 'C') as { value: unknown }).value, 80);
  });

  it('types plain scalars under the core schema, keeping text that a number would not reproduce', () => {
    assert.deepEqual(['true', 'False', 'null', '~', '', '80', '-1', '0.5', '012345678901', '1e3', '1000:1000', 'yes', '.inf'].map(plainValue),
      [true, false, null, null, null, 80, -1, 0.5, '012345678901', '1e3', '1000:1000', 'yes', '.inf']);
  });

  it('spans block scalars from the header to their last character', () => {
    const text = 'Command: |\n  echo hi\n  exit 0\n\n\nNext: 1\n';
    const { root } = parseYaml(text);
    const c = sget(root, 'Command');
    assert.equal(at(text, c), '|\n  echo hi\n  exit 0');
    assert.equal(c?.kind === 'scalar' && c.value, 'echo hi\nexit 0\n');
    assert.equal(c?.kind === 'scalar' && c.style, '|');
  });

  it('keeps offsets exact with CRLF line endings and a byte order mark', () => {
    const text = '\uFEFFA: 1\r\nB:\r\n  - x: "y"\r\n';
    const { root, errors } = parseYaml(text);
    assert.deepEqual(errors, []);
    const b = sget(root, 'B');
    assert.equal(at(text, b), '- x: "y"');
    assert.equal(at(text, sget(b?.kind === 'array' ? b.items[0] : undefined, 'x')), '"y"');
  });

  it('never expands aliases: an alias stays an invalid scalar, so an alias bomb costs nothing', () => {
    let text = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 30; i++) text += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
    const t0 = performance.now();
    const { root } = parseYaml(text);
    assert.ok(performance.now() - t0 < 1000);
    const last = sget(root, 'a29');
    assert.equal(last?.kind === 'array' && last.items.length, 10);
    const first = last?.kind === 'array' ? last.items[0] : undefined;
    assert.equal(first?.kind === 'scalar' && first.invalid && first.value, '*a28');
  });

  it('reports syntax errors and keeps what parsed: tabs, unclosed flow collections and quotes, keys without values, duplicates, misaligned keys', () => {
    const cases: [string, RegExp][] = [
      ['A:\n\t- b\nC: 1\n', /Tabs are not allowed as indentation/],
      ['A: [1, 2\nC: 3\n', /not closed: \] expected/],
      ['A: {b: 1\n', /not closed: \} expected/],
      ['A: "open\nB: 1\n', /Missing closing "quote/],
      ['A: 1\nhalf-typed\n', /Implicit map keys need to be followed by map values/],
      ['A: 1\nA: 2\n', /Duplicate key 'A'/],
      ['A:\n  B: 1\n C: 2\n', /must start at the same column/],
      ['A:\n  - b: 1\n   c: 2\n', /must start with "- "/],
    ];
    for (const [text, message] of cases) {
      const { root, errors } = parseYaml(text);
      assert.ok(root, text);
      assert.ok(errors.some(e => message.test(e.message)), `${JSON.stringify(text)}: ${errors.map(e => e.message).join('; ')}`);
    }
  });

  it('reads only the first document of a stream', () => {
    const { root } = parseYaml('A: 1\n---\nB: 2\n');
    assert.ok(sget(root, 'A'));
    assert.equal(sget(root, 'B'), undefined);
  });

  it('bounds nesting: deeper collections become one unknown value and one clear error, without a stack overflow', () => {
    const depth = MAX_YAML_DEPTH + 500;
    const text = 'A: ' + '['.repeat(depth) + ']'.repeat(depth) + '\n';
    const { root, errors } = parseYaml(text);
    assert.ok(root);
    assert.deepEqual(errors.map(e => e.message), [`Nesting deeper than ${MAX_YAML_DEPTH} levels: the deeper part is not analysed.`]);
    let block = '';
    for (let i = 0; i < 3000; i++) block += ' '.repeat(i) + 'k:\n';
    assert.ok(parseYaml(block).root);
  });

  it('survives garbage', () => {
    for (const text of ['', ':', '- - - -', '{{{{', ']]]]', '? a\n: b\n', '&a *a', '!Ref', '"', "'", '|', 'a: |\n\tb', '\u0000\u0001', 'a:\n  - b: [c, {d: e}]\n  -']) {
      assert.doesNotThrow(() => parseYaml(text), JSON.stringify(text));
    }
  });
});
