import * as assert from 'node:assert/strict';
import { applyFix, findingsOf, fixViolations, run } from '../../helpers/analysis';
import { unconfinedBy } from '../../../server/src/rules/unconfined-security-option';

const RULE = 'unconfined-security-option';
const mk = (options: string, task = '') => `{
  "family": "debug",${task}
  "containerDefinitions": [
    {
      "name": "tracer",
      "image": "public.ecr.aws/docker/library/alpine:3.20",
      "memory": 128,
      "dockerSecurityOptions": [${options}]
    }
  ]
}
`;

describe(`rule ${RULE}`, () => {
  it('flags each unconfining option on its value, as an error', () => {
    const t = mk('"no-new-privileges", "seccomp:unconfined", "apparmor=unconfined"');
    assert.deepEqual(findingsOf(t, RULE), [
      { rule: RULE, line: 7, character: 53, endLine: 7, endCharacter: 73, text: '"seccomp:unconfined"', severity: 'error' },
      { rule: RULE, line: 7, character: 75, endLine: 7, endCharacter: 96, text: '"apparmor=unconfined"', severity: 'error' },
    ]);
    assert.equal(run(t).findings.find(f => f.ruleId === RULE)!.message,
      "Container 'tracer' runs without the seccomp system-call filter ('seccomp:unconfined'): a compromised process can use the kernel interfaces that confinement blocks to escape to the host.");
  });

  it('removes the option (preferred), keeping the others', () => {
    const t = mk('"no-new-privileges", "seccomp:unconfined"');
    assert.equal(applyFix(t, RULE), mk('"no-new-privileges"'));
    assert.equal(applyFix(mk('"label:disable"'), RULE), mk(''));
    assert.equal(run(t).findings.find(f => f.ruleId === RULE)!.fix!.preferred, true);
    assert.deepEqual(fixViolations(mk('"seccomp=unconfined", "label:disable", "systempaths=unconfined"')), []);
  });

  it('knows the spellings Docker accepts', () => {
    for (const o of ['seccomp:unconfined', 'seccomp=unconfined', 'SECCOMP=Unconfined', ' apparmor:unconfined ', 'label:disable', 'label=disable',
      'systempaths=unconfined', 'systempaths:unconfined', 'label:type:spc_t', 'label=type:unconfined_t']) {
      assert.ok(unconfinedBy(o), o);
    }
    for (const o of ['no-new-privileges', 'apparmor:docker-default', 'seccomp=/etc/docker/seccomp.json', 'label:type:container_t', 'label:level:s0:c100,c200',
      'credentialspec:arn:aws:s3:::bucket/spec.json', 'unconfined', 'constructor:unconfined', 'seccomp']) {
      assert.equal(unconfinedBy(o), undefined, o);
    }
  });

  it('says that Fargate rejects the setting, and ignores unknown values', () => {
    const [f] = run(mk('"apparmor:unconfined"', '\n  "requiresCompatibilities": ["FARGATE"],')).findings.filter(x => x.ruleId === RULE);
    assert.match(f.message, /Fargate rejects this setting/);
    assert.deepEqual(findingsOf(mk('"${SECURITY_OPT}"'), RULE), []);
    assert.deepEqual(findingsOf(mk('"no-new-privileges"'), RULE), []);
  });
});
