import * as assert from 'node:assert/strict';
import { applyFix, findingsOf, run } from '../../helpers/analysis';

const RULE = 'unused-suppression';
const URI = 'file:///w/task-definition.jsonc';

describe(`rule ${RULE} (and suppressions in JSONC)`, () => {
  const base = (directive: string, privileged = true) => `{
  "family": "f",
  "containerDefinitions": [
    {
      "name": "a",
      "image": "x:1",
      "user": "1000",
      "readonlyRootFilesystem": true,
      ${directive}
      "privileged": ${privileged}
    }
  ]
}
`;

  it('a directive on the line above suppresses that line\'s finding, and is then used', () => {
    const t = base('// ecs-guard-ignore privileged-container: the agent needs host devices');
    assert.deepEqual(findingsOf(t, 'privileged-container', URI), []);
    assert.deepEqual(findingsOf(t, RULE, URI), []);
    const r = run(t, URI);
    assert.equal(r.suppressed!.length, 1);
    assert.equal(r.suppressed![0].suppression.reason, 'the agent needs host devices');
  });

  it('a trailing directive suppresses its own line', () => {
    const t = base('').replace('"privileged": true', '"privileged": true // ecs-guard-ignore privileged-container');
    assert.deepEqual(findingsOf(t, 'privileged-container', URI), []);
    assert.deepEqual(findingsOf(t, RULE, URI), []);
  });

  it('reports a directive that suppresses nothing, and removes it', () => {
    const t = base('// ecs-guard-ignore privileged-container', false);
    assert.deepEqual(findingsOf(t, RULE, URI).map(f => [f.line, f.character, f.text]), [[8, 6, '// ecs-guard-ignore privileged-container']]);
    assert.equal(applyFix(t, RULE, 0, URI), base('', false).replace('      \n', ''));
  });

  it('reports unknown rule ids and keeps the ids that are used', () => {
    const t = base('// ecs-guard-ignore privileged-container, privilaged-container');
    const [f] = run(t, URI).findings.filter(x => x.ruleId === RULE);
    assert.match(f.message, /does not exist: privilaged-container/);
    assert.equal(applyFix(t, RULE, 0, URI), base('// ecs-guard-ignore privileged-container'));
  });

  it('a directive without rule ids is reported, not treated as a blanket exception', () => {
    const t = base('// ecs-guard-ignore');
    assert.equal(findingsOf(t, 'privileged-container', URI).length, 1);
    assert.match(run(t, URI).findings.find(x => x.ruleId === RULE)!.message, /names no rule/);
  });

  it('ecs-guard-ignore-file suppresses in the whole file, for the rules it names or all', () => {
    const t = '// ecs-guard-ignore-file privileged-container\n' + base('');
    assert.deepEqual(findingsOf(t, 'privileged-container', URI), []);
    const all = '/* ecs-guard-ignore-file: test fixture */\n' + base('').replace('"user": "1000",', '');
    assert.deepEqual(run(all, URI).findings, []);
    const idle = '// ecs-guard-ignore-file host-network-mode\n' + base('');
    assert.equal(findingsOf(idle, RULE, URI).length, 1);
  });

  it('can be turned off like any rule', () => {
    const t = base('// ecs-guard-ignore privileged-container', false);
    assert.equal(run(t, URI, { rules: { [RULE]: 'off' }, trustedRegistries: [], secretNamePatterns: [] }).findings.filter(f => f.ruleId === RULE).length, 0);
  });
});
