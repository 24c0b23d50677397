import * as assert from 'node:assert/strict';
import { applyFix, findingsOf, fixViolations, run } from '../../helpers/analysis';

const RULE = 'missing-memory-limit';
const mk = (task: string, container = '') => `{
  "family": "batch",${task}
  "containerDefinitions": [
    {
      "name": "worker",
      "image": "public.ecr.aws/docker/library/python:3.12"${container}
    }
  ]
}
`;

describe(`rule ${RULE}`, () => {
  it('flags a container with no limit in a task with none, on the container name', () => {
    assert.deepEqual(findingsOf(mk(''), RULE), [
      { rule: RULE, line: 4, character: 14, endLine: 4, endCharacter: 22, text: '"worker"', severity: 'warning' },
    ]);
  });

  it('offers 512 MiB on the container, not as the preferred fix (a guessed limit can OOM-kill the app)', () => {
    const t = mk('');
    assert.equal(applyFix(t, RULE), mk('', ',\n      "memory": 512'));
    const [f] = run(t).findings.filter(x => x.ruleId === RULE);
    assert.equal(f.fix!.preferred, false);
    assert.deepEqual(fixViolations(t), []);
  });

  it('fixes each of several containers soundly, one at a time', () => {
    const t = '{"family": "f", "containerDefinitions": [{"name": "a", "image": "x:1"}, {"name": "b", "image": "y:1"}, {"name": "c", "image": "z:1", "memory": 64}]}';
    assert.deepEqual(findingsOf(t, RULE).map(f => f.text), ['"a"', '"b"']);
    assert.equal(applyFix(t, RULE, 1), '{"family": "f", "containerDefinitions": [{"name": "a", "image": "x:1"}, {"name": "b", "image": "y:1", "memory": 512}, {"name": "c", "image": "z:1", "memory": 64}]}');
    assert.deepEqual(fixViolations(t), []);
  });

  it('accepts a container limit, a reservation, or a task-level memory, known or not', () => {
    assert.deepEqual(findingsOf(mk('', ',\n      "memory": 256'), RULE), []);
    assert.deepEqual(findingsOf(mk('', ',\n      "memoryReservation": 128'), RULE), []);
    assert.deepEqual(findingsOf(mk('\n  "memory": "1024",'), RULE), []);
    assert.deepEqual(findingsOf(mk('\n  "memory": "${TASK_MEMORY}",'), RULE), []);
    assert.deepEqual(findingsOf(mk('', ',\n      "memory": "${MEMORY}"'), RULE), []);
  });

  it('treats memory: null as absent', () => {
    assert.equal(findingsOf(mk('', ',\n      "memory": null'), RULE).length, 1);
  });

  it('judges a bare container list by its containers alone', () => {
    const t = '[\n  {"name": "api", "image": "nginx:1.27", "essential": true},\n  {"name": "log", "image": "fluent/fluent-bit:3.0", "memoryReservation": 64}\n]\n';
    assert.deepEqual(findingsOf(t, RULE, 'file:///project/container-definitions.json'), [
      { rule: RULE, line: 1, character: 11, endLine: 1, endCharacter: 16, text: '"api"', severity: 'warning' },
    ]);
  });

  it('says that Fargate needs a task-level memory as well', () => {
    const [f] = run(mk('\n  "requiresCompatibilities": ["FARGATE"],')).findings.filter(x => x.ruleId === RULE);
    assert.match(f.message, /Container 'worker' has no memory limit .*Fargate also requires a task-level memory\.$/);
    assert.doesNotMatch(run(mk('')).findings.find(x => x.ruleId === RULE)!.message, /Fargate/);
  });
});
