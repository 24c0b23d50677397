import * as assert from 'node:assert/strict';
import { applyFix, findingsOf, fixViolations, run } from '../../helpers/analysis';

const RULE = 'capabilities-not-dropped';
const mk = (container: string, task = '') => `{
  "family": "f",${task}
  "containerDefinitions": [
    {
      "name": "app",
      "image": "nginx:1.27"${container}
    }
  ]
}
`;

describe(`rule ${RULE}`, () => {
  it('flags a container without linuxParameters on its name, and adds drop ALL in the file\'s layout', () => {
    const t = mk('');
    assert.deepEqual(findingsOf(t, RULE), [{ rule: RULE, line: 4, character: 14, endLine: 4, endCharacter: 19, text: '"app"', severity: 'note' }]);
    assert.equal(applyFix(t, RULE), mk(`,
      "linuxParameters": {
        "capabilities": {
          "drop": ["ALL"]
        }
      }`));
    assert.deepEqual(fixViolations(t), []);
  });

  it('completes existing linuxParameters and capabilities', () => {
    assert.equal(applyFix(mk(',\n      "linuxParameters": {"initProcessEnabled": true}'), RULE),
      mk(',\n      "linuxParameters": {"initProcessEnabled": true, "capabilities": {"drop": ["ALL"]}}'));
    assert.equal(applyFix(mk(',\n      "linuxParameters": {"capabilities": {"add": ["NET_BIND_SERVICE"]}}'), RULE),
      mk(',\n      "linuxParameters": {"capabilities": {"add": ["NET_BIND_SERVICE"], "drop": ["ALL"]}}'));
  });

  it('flags a drop list without ALL on the list, and appends ALL to it', () => {
    const t = mk(',\n      "linuxParameters": {"capabilities": {"drop": ["NET_RAW", "MKNOD"]}}');
    assert.deepEqual(findingsOf(t, RULE).map(f => [f.line, f.character, f.text]), [[6, 51, '["NET_RAW", "MKNOD"]']]);
    assert.equal(applyFix(t, RULE), mk(',\n      "linuxParameters": {"capabilities": {"drop": ["NET_RAW", "MKNOD", "ALL"]}}'));
    assert.deepEqual(fixViolations(t), []);
  });

  it('reads null as absent (describe output)', () => {
    assert.equal(applyFix(mk(',\n      "linuxParameters": null'), RULE), mk(`,
      "linuxParameters": {
        "capabilities": {
          "drop": ["ALL"]
        }
      }`));
  });

  it('is not applied unasked: dropping everything can stop the process from starting', () => {
    assert.equal(run(mk('')).findings.find(f => f.ruleId === RULE)!.fix!.preferred, false);
  });

  it('accepts drop ALL in any spelling, unknown values, and Windows tasks', () => {
    for (const c of [
      ',\n      "linuxParameters": {"capabilities": {"drop": ["ALL"]}}',
      ',\n      "linuxParameters": {"capabilities": {"drop": ["all"], "add": ["NET_BIND_SERVICE"]}}',
      ',\n      "linuxParameters": {"capabilities": {"drop": ["${DROP}"]}}',
      ',\n      "linuxParameters": {"capabilities": {"drop": "${DROP}"}}',
      ',\n      "linuxParameters": {"capabilities": "${CAPABILITIES}"}',
      ',\n      "linuxParameters": "${LINUX_PARAMETERS}"',
    ]) assert.equal(findingsOf(mk(c), RULE).length, 0, c);
    assert.equal(findingsOf(mk('', '\n  "runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_FULL"},'), RULE).length, 0);
  });
});
