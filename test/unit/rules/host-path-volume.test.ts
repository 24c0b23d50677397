import * as assert from 'node:assert/strict';
import { findingsOf, run } from '../../helpers/analysis';
import { normalizeHostPath, sensitiveHostPath } from '../../../server/src/rules/host-path-volume';

const RULE = 'host-path-volume';
const mk = (volumes: string, task = '') => `{
  "family": "agent",${task}
  "containerDefinitions": [{ "name": "app", "image": "nginx:1.27", "memory": 256 }],
  "volumes": [
${volumes}
  ]
}
`;
const vol = (name: string, sourcePath: string) => `    { "name": ${JSON.stringify(name)}, "host": { "sourcePath": ${JSON.stringify(sourcePath)} } }`;

describe(`rule ${RULE}`, () => {
  it('flags a host path on its value: an error for the Docker socket, a warning for an ordinary directory', () => {
    const t = mk([vol('docker', '/var/run/docker.sock'), vol('logs', '/var/log/app')].join(',\n'));
    assert.deepEqual(findingsOf(t, RULE), [
      { rule: RULE, line: 4, character: 48, endLine: 4, endCharacter: 70, text: '"/var/run/docker.sock"', severity: 'error' },
      { rule: RULE, line: 5, character: 46, endLine: 5, endCharacter: 60, text: '"/var/log/app"', severity: 'warning' },
    ]);
    const [sock, logs] = run(t).findings.filter(f => f.ruleId === RULE).map(f => f.message);
    assert.equal(sock, "Volume 'docker' of task definition 'agent' mounts the host path '/var/run/docker.sock' (the container runtime's socket, which starts privileged containers for whoever reaches it): a container that mounts it can take over the instance and every task on it.");
    assert.equal(logs, "Volume 'logs' of task definition 'agent' mounts the host path '/var/log/app': its containers can read and change files on the instance, and what they write outlives the task.");
  });

  it('treats /, the system trees and their sub-paths as sensitive, with any spelling of slashes and dots', () => {
    for (const p of ['/', '//', '/etc', '/etc/', '/etc/ssh/', '/proc', '/proc/1/root', '/sys/fs/cgroup', '/dev', '/dev/sda', '/boot',
      '/root/.ssh', '/home/ec2-user', '/run', '/run/containerd/containerd.sock', '/var/run', '/var/lib/docker', '/var/lib/docker/volumes',
      '/var//lib/./docker/', '/srv/../etc', '/tmp/docker.sock', '\\\\.\\pipe\\docker_engine']) {
      assert.ok(sensitiveHostPath(p), p);
    }
    for (const p of ['/var/log', '/data', '/srv/app', '/etcetera', '/var/lib', '/opt/run', '/home2', 'C:\\ProgramData\\app']) {
      assert.equal(sensitiveHostPath(p), undefined, p);
    }
    assert.equal(normalizeHostPath('//var//run/../lib/./docker//'), '/var/lib/docker');
    assert.equal(normalizeHostPath('/../..'), '/');
  });

  it('says that Fargate rejects host paths when the task targets Fargate', () => {
    const t = mk(vol('data', '/data'), '\n  "requiresCompatibilities": ["FARGATE"],');
    const [f] = run(t).findings.filter(x => x.ruleId === RULE);
    assert.match(f.message, /Fargate rejects this setting/);
  });

  it('ignores Docker-managed host volumes, other volume kinds and unknown paths', () => {
    for (const v of ['    { "name": "scratch", "host": {} }', '    { "name": "scratch" }', '    { "name": "empty", "host": { "sourcePath": "" } }',
      '    { "name": "t", "host": { "sourcePath": "${HOST_DIR}" } }', '    { "name": "d", "dockerVolumeConfiguration": { "scope": "task" } }']) {
      assert.deepEqual(findingsOf(mk(v), RULE), [], v);
    }
  });

  it('keeps linear time on a long adversarial path', () => {
    const p = '/' + 'a/./../'.repeat(15_000) + 'etc';
    const t0 = Date.now();
    assert.ok(sensitiveHostPath(p));
    assert.ok(Date.now() - t0 < 500);
  });
});
