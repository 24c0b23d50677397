import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyFix, findingsOf, fixViolations, run } from '../../helpers/analysis';
import { EXAMPLES } from '../../helpers/paths';

const RULE = 'efs-iam-authorization-disabled';
const mk = (efs: string) => `{
  "family": "cms",
  "taskRoleArn": "arn:aws:iam::111122223333:role/cms-task",
  "containerDefinitions": [{ "name": "app", "image": "wordpress:6.5", "memory": 512 }],
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
  it('flags a volume without IAM authorization as a note, and sets both IAM and transit encryption', () => {
    const t = mk('');
    assert.deepEqual(findingsOf(t, RULE), [
      { rule: RULE, line: 7, character: 6, endLine: 7, endCharacter: 30, text: '"efsVolumeConfiguration"', severity: 'note' },
    ]);
    assert.equal(applyFix(t, RULE), mk(',\n        "transitEncryption": "ENABLED",\n        "authorizationConfig": {\n          "iam": "ENABLED"\n        }'));
    assert.deepEqual(fixViolations(t), []);
  });

  it('writes both keys correctly after a trailing comment', () => {
    const t = mk(' // the shared uploads');
    assert.equal(applyFix(t, RULE), mk(', // the shared uploads\n        "transitEncryption": "ENABLED",\n        "authorizationConfig": {\n          "iam": "ENABLED"\n        }'));
  });

  it('replaces iam DISABLED and transit DISABLED in place, and leaves ENABLED transit alone', () => {
    const t = mk(',\n        "transitEncryption": "DISABLED",\n        "authorizationConfig": { "accessPointId": "fsap-1", "iam": "DISABLED" }');
    assert.deepEqual(findingsOf(t, RULE).map(f => [f.line, f.text]), [[10, '"DISABLED"']]);
    assert.equal(applyFix(t, RULE), mk(',\n        "transitEncryption": "ENABLED",\n        "authorizationConfig": { "accessPointId": "fsap-1", "iam": "ENABLED" }'));
    const u = mk(',\n        "transitEncryption": "ENABLED",\n        "authorizationConfig": { "accessPointId": "fsap-1" }');
    assert.equal(applyFix(u, RULE), mk(',\n        "transitEncryption": "ENABLED",\n        "authorizationConfig": { "accessPointId": "fsap-1", "iam": "ENABLED" }'));
    assert.deepEqual(fixViolations(t), []);
  });

  it('is not preferred: the task role needs the file system\'s client permissions first', () => {
    const [f] = run(mk('')).findings.filter(x => x.ruleId === RULE);
    assert.equal(f.fix!.preferred, false);
    assert.match(f.fix!.title, /elasticfilesystem:ClientMount/);
  });

  it('keeps every fix sound in the insecure volumes example, where all the volume rules fire', () => {
    const t = fs.readFileSync(path.join(EXAMPLES, 'taskdef-json', 'insecure-volumes.json'), 'utf8');
    const rules = new Set(run(t).findings.map(f => f.ruleId));
    for (const r of [RULE, 'efs-transit-encryption-disabled', 'host-path-volume', 'shared-task-execution-role', 'hardcoded-credential']) assert.ok(rules.has(r), r);
    assert.deepEqual(fixViolations(t), []);
  });

  it('accepts iam ENABLED and ignores unknown values', () => {
    assert.deepEqual(findingsOf(mk(',\n        "transitEncryption": "ENABLED",\n        "authorizationConfig": { "iam": "ENABLED" }'), RULE), []);
    assert.deepEqual(findingsOf(mk(',\n        "authorizationConfig": { "iam": "${IAM}" }'), RULE), []);
    assert.deepEqual(findingsOf(mk(',\n        "authorizationConfig": "${AUTH}"'), RULE), []);
  });
});
