import * as assert from 'node:assert/strict';
import { applyFix, findingsOf, fixViolations, run } from '../../helpers/analysis';

const RULE = 'privileged-container';

describe(`rule ${RULE}`, () => {
  const text = `{
  "family": "agent",
  "requiresCompatibilities": ["EC2"],
  "containerDefinitions": [
    {
      "name": "collector",
      "image": "datadog/agent:7",
      "privileged": true,
      "essential": true
    },
    { "name": "sidecar", "image": "busybox:1.36", "privileged": false }
  ]
}
`;

  it('flags privileged: true on the value, and only there', () => {
    assert.deepEqual(findingsOf(text, RULE), [
      { rule: RULE, line: 7, character: 20, endLine: 7, endCharacter: 24, text: 'true', severity: 'error' },
    ]);
  });

  it('fixes by removing the property, keeping the rest byte for byte', () => {
    assert.equal(applyFix(text, RULE), text.replace('      "privileged": true,\n', ''));
    assert.deepEqual(fixViolations(text), []);
  });

  it('removes a last property together with the comma before it', () => {
    const t = '{"family": "f", "containerDefinitions": [{"name": "a", "image": "x:1", "privileged": true}]}';
    assert.equal(applyFix(t, RULE), '{"family": "f", "containerDefinitions": [{"name": "a", "image": "x:1"}]}');
  });

  it('says that Fargate rejects it when the task targets Fargate', () => {
    const t = '{"family": "f", "requiresCompatibilities": ["FARGATE"], "containerDefinitions": [{"name": "a", "image": "x:1", "privileged": true}]}';
    const [f] = run(t).findings.filter(x => x.ruleId === RULE);
    assert.match(f.message, /Fargate rejects/);
    assert.doesNotMatch(run(text).findings.find(x => x.ruleId === RULE)!.message, /Fargate/);
  });

  it('accepts "true" as a string (CloudFormation writes it so) and ignores false, absent and unknown', () => {
    const mk = (v: string) => `{"family": "f", "containerDefinitions": [{"name": "a", "image": "x:1"${v}}]}`;
    assert.equal(findingsOf(mk(', "privileged": "true"'), RULE).length, 1);
    assert.equal(findingsOf(mk(', "privileged": false'), RULE).length, 0);
    assert.equal(findingsOf(mk(''), RULE).length, 0);
    assert.equal(findingsOf(mk(', "privileged": "${PRIVILEGED}"'), RULE).length, 0);
  });

  it('can be turned off or re-graded by settings', () => {
    assert.equal(run(text, undefined, { rules: { [RULE]: 'off' }, trustedRegistries: [], secretNamePatterns: [] }).findings.filter(f => f.ruleId === RULE).length, 0);
    assert.equal(run(text, undefined, { rules: { [RULE]: 'note' }, trustedRegistries: [], secretNamePatterns: [] }).findings.find(f => f.ruleId === RULE)!.severity, 'note');
  });
});
