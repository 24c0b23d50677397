import * as assert from 'node:assert/strict';
import { applyFix, findingsOf, fixViolations, run } from '../../helpers/analysis';

const RULE = 'host-pid-mode';

describe(`rule ${RULE}`, () => {
  const text = `{
  "family": "node-exporter",
  "pidMode": "host",
  "requiresCompatibilities": ["EC2"],
  "containerDefinitions": [
    { "name": "exporter", "image": "prom/node-exporter:v1.8.2", "privileged": true }
  ]
}
`;

  it('flags pidMode host on the value, as an error', () => {
    assert.deepEqual(findingsOf(text, RULE), [
      { rule: RULE, line: 2, character: 13, endLine: 2, endCharacter: 19, text: '"host"', severity: 'error' },
    ]);
    const f = run(text).findings.find(x => x.ruleId === RULE)!;
    assert.equal(f.message, "Task definition 'node-exporter' shares the host's process namespace: its containers see every process on the instance and can signal, trace or read other tasks' processes and the ECS agent.");
  });

  it('removes the setting, as a safe fix', () => {
    assert.equal(applyFix(text, RULE), text.replace('  "pidMode": "host",\n', ''));
    assert.equal(run(text).findings.find(x => x.ruleId === RULE)!.fix!.preferred, true);
    assert.deepEqual(fixViolations(text), []);
  });

  it('says Fargate rejects it, and that Windows does not support it', () => {
    const fargate = '{"family": "f", "pidMode": "host", "requiresCompatibilities": ["FARGATE"], "containerDefinitions": [{"name": "a", "image": "x:1"}]}';
    assert.match(run(fargate).findings.find(f => f.ruleId === RULE)!.message, /Fargate rejects this setting/);
    const windows = '{"family": "f", "pidMode": "host", "runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2019_CORE"}, "containerDefinitions": [{"name": "a", "image": "x:1"}]}';
    assert.match(run(windows).findings.find(f => f.ruleId === RULE)!.message, /Windows containers do not support this setting\.$/);
  });

  it('accepts task, an absent mode and unknown values; a container array has no task level', () => {
    for (const mode of ['"task"', '"${PID_MODE}"', '{"Ref": "PidMode"}']) {
      assert.equal(findingsOf(`{"family": "f", "pidMode": ${mode}, "containerDefinitions": [{"name": "a", "image": "x:1"}]}`, RULE).length, 0, mode);
    }
    assert.equal(findingsOf('{"family": "f", "containerDefinitions": [{"name": "a", "image": "x:1"}]}', RULE).length, 0);
    assert.equal(findingsOf('[{"name": "a", "image": "x:1", "essential": true, "pidMode": "host"}]', RULE).length, 0);
  });
});
