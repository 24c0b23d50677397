import * as assert from 'node:assert/strict';
import { applyFix, findingsOf, fixViolations, run } from '../../helpers/analysis';

const RULE = 'efs-transit-encryption-disabled';
const mk = (efs: string) => `{
  "family": "cms",
  "requiresCompatibilities": ["FARGATE"],
  "memory": "1024",
  "containerDefinitions": [{ "name": "app", "image": "wordpress:6.5" }],
  "volumes": [
    {
      "name": "uploads",
      "efsVolumeConfiguration": {
        "fileSystemId": "fs-0123456789abcdef0"${efs}
      }
    }
  ]
}
`;

describe(`rule ${RULE}`, () => {
  it('flags an absent setting on the efsVolumeConfiguration key, and sets it (preferred)', () => {
    const t = mk('');
    assert.deepEqual(findingsOf(t, RULE), [
      { rule: RULE, line: 8, character: 6, endLine: 8, endCharacter: 30, text: '"efsVolumeConfiguration"', severity: 'error' },
    ]);
    assert.equal(applyFix(t, RULE), mk(',\n        "transitEncryption": "ENABLED"'));
    assert.equal(run(t).findings.find(f => f.ruleId === RULE)!.fix!.preferred, true);
    assert.deepEqual(fixViolations(t), []);
  });

  it('flags DISABLED on the value and replaces it', () => {
    const t = mk(',\n        "transitEncryption": "DISABLED"');
    assert.deepEqual(findingsOf(t, RULE).map(f => [f.line, f.character, f.text]), [[10, 29, '"DISABLED"']]);
    assert.equal(applyFix(t, RULE), mk(',\n        "transitEncryption": "ENABLED"'));
    const [f] = run(t).findings.filter(x => x.ruleId === RULE);
    assert.equal(f.message, "EFS volume 'uploads' of task definition 'cms' turns transit encryption off: its file data crosses the network as plain NFS that anyone on the path can read or alter.");
  });

  it('accepts ENABLED in any case, and ignores unknown values and non-EFS volumes', () => {
    assert.deepEqual(findingsOf(mk(',\n        "transitEncryption": "ENABLED"'), RULE), []);
    assert.deepEqual(findingsOf(mk(',\n        "transitEncryption": "enabled"'), RULE), []);
    assert.deepEqual(findingsOf(mk(',\n        "transitEncryption": "${TRANSIT}"'), RULE), []);
    const other = '{"family": "f", "containerDefinitions": [{"name": "a", "image": "x:1"}], "volumes": [{"name": "v", "host": {}}, {"name": "e", "efsVolumeConfiguration": "${EFS}"}]}';
    assert.deepEqual(findingsOf(other, RULE), []);
  });

  it('fixes each of several volumes soundly', () => {
    const t = `{
  "family": "cms",
  "containerDefinitions": [{ "name": "app", "image": "wordpress:6.5", "memory": 512 }],
  "volumes": [
    { "name": "a", "efsVolumeConfiguration": { "fileSystemId": "fs-1", "transitEncryption": "DISABLED" } },
    { "name": "b", "efsVolumeConfiguration": { "fileSystemId": "fs-2" } },
    { "name": "c", "efsVolumeConfiguration": { "fileSystemId": "fs-3", "transitEncryption": "ENABLED" } }
  ]
}
`;
    assert.deepEqual(findingsOf(t, RULE).map(f => f.text), ['"DISABLED"', '"efsVolumeConfiguration"']);
    assert.equal(applyFix(t, RULE, 1), t.replace('"fileSystemId": "fs-2" }', '"fileSystemId": "fs-2", "transitEncryption": "ENABLED" }'));
    assert.deepEqual(fixViolations(t), []);
  });

  it('names a nameless volume by its position', () => {
    const t = '{"family": "f", "containerDefinitions": [{"name": "a", "image": "x:1"}], "volumes": [{"name": "", "efsVolumeConfiguration": {"fileSystemId": "fs-1"}}]}';
    assert.match(run(t).findings.find(f => f.ruleId === RULE)!.message, /^EFS volume '#1' of task definition 'f' does not set transitEncryption/);
  });
});
