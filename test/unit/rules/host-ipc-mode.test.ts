import * as assert from 'node:assert/strict';
import { applyFix, findingsOf, fixViolations, run } from '../../helpers/analysis';

const RULE = 'host-ipc-mode';

describe(`rule ${RULE}`, () => {
  const text = `{
  "family": "shm-cache",
  "ipcMode": "host",
  "requiresCompatibilities": ["EC2"],
  "containerDefinitions": [
    { "name": "cache", "image": "redis:7.2", "privileged": true }
  ]
}
`;

  it('flags ipcMode host on the value, as an error', () => {
    assert.deepEqual(findingsOf(text, RULE), [
      { rule: RULE, line: 2, character: 13, endLine: 2, endCharacter: 19, text: '"host"', severity: 'error' },
    ]);
    const f = run(text).findings.find(x => x.ruleId === RULE)!;
    assert.equal(f.message, "Task definition 'shm-cache' shares the host's IPC namespace: its containers can read and tamper with the shared memory, semaphores and message queues of the instance and of other tasks that share it.");
  });

  it('removes the setting, as a safe fix', () => {
    assert.equal(applyFix(text, RULE), text.replace('  "ipcMode": "host",\n', ''));
    assert.equal(run(text).findings.find(x => x.ruleId === RULE)!.fix!.preferred, true);
    assert.deepEqual(fixViolations(text), []);
  });

  it('says Fargate rejects it, and that Windows does not support it', () => {
    const fargate = '{"family": "f", "ipcMode": "host", "requiresCompatibilities": ["FARGATE"], "containerDefinitions": [{"name": "a", "image": "x:1"}]}';
    assert.match(run(fargate).findings.find(f => f.ruleId === RULE)!.message, /Fargate rejects this setting/);
    const windows = '{"family": "f", "ipcMode": "host", "runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2019_CORE"}, "containerDefinitions": [{"name": "a", "image": "x:1"}]}';
    assert.match(run(windows).findings.find(f => f.ruleId === RULE)!.message, /Windows containers do not support this setting\.$/);
  });

  it('accepts task, none, an absent mode and unknown values; a container array has no task level', () => {
    for (const mode of ['"task"', '"none"', '"${IPC_MODE}"', '{"Ref": "IpcMode"}']) {
      assert.equal(findingsOf(`{"family": "f", "ipcMode": ${mode}, "containerDefinitions": [{"name": "a", "image": "x:1"}]}`, RULE).length, 0, mode);
    }
    assert.equal(findingsOf('{"family": "f", "containerDefinitions": [{"name": "a", "image": "x:1"}]}', RULE).length, 0);
    assert.equal(findingsOf('[{"name": "a", "image": "x:1", "essential": true, "ipcMode": "host"}]', RULE).length, 0);
  });
});
