import * as assert from 'node:assert/strict';
import { fixEdits } from '../../../server/src/engine/analyze';
import { buildTask } from '../../../server/src/formats/taskModel';
import { applyFix, findingsOf, fixViolations, run } from '../../helpers/analysis';
import { check, model, objectFrom } from '../../helpers/model';

const RULE = 'bridge-network-mode';

describe(`rule ${RULE}`, () => {
  const stated = `{
  "family": "shop",
  "networkMode": "bridge",
  "requiresCompatibilities": ["EC2"],
  "containerDefinitions": [
    {
      "name": "web",
      "image": "nginx:1.27",
      "memory": 256,
      "portMappings": [
        { "containerPort": 80, "hostPort": 0 },
        { "containerPort": 443, "hostPort": 443 }
      ]
    }
  ]
}
`;

  it('flags networkMode bridge on the value', () => {
    assert.deepEqual(findingsOf(stated, RULE), [
      { rule: RULE, line: 2, character: 17, endLine: 2, endCharacter: 25, text: '"bridge"', severity: 'warning' },
    ]);
    assert.match(run(stated).findings.find(f => f.ruleId === RULE)!.message, /^Task definition 'shop' uses the bridge network mode: .*security group/);
  });

  it('fixes to awsvpc, dropping the dynamic and differing hostPorts, and is not applied unasked', () => {
    assert.equal(applyFix(stated, RULE), stated
      .replace('"networkMode": "bridge"', '"networkMode": "awsvpc"')
      .replace('{ "containerPort": 80, "hostPort": 0 }', '{ "containerPort": 80 }'));
    const f = run(stated).findings.find(x => x.ruleId === RULE)!;
    assert.equal(f.fix!.preferred, false, 'the service must then get subnets and security groups');
  });

  const absent = `{
  "family": "shop",
  "containerDefinitions": [
    { "name": "web", "image": "nginx:1.27", "memory": 256, "portMappings": [{ "containerPort": 8080, "hostPort": 80 }] }
  ]
}
`;

  it('flags a task that can run on EC2 and sets no networkMode, on its family', () => {
    assert.deepEqual(findingsOf(absent, RULE), [
      { rule: RULE, line: 1, character: 12, endLine: 1, endCharacter: 18, text: '"shop"', severity: 'warning' },
    ]);
    assert.match(run(absent).findings.find(f => f.ruleId === RULE)!.message, /sets no networkMode, so on EC2 it runs in the bridge network mode/);
  });

  it('sets awsvpc on the task object in the file\'s layout', () => {
    assert.equal(applyFix(absent, RULE), `{
  "family": "shop",
  "containerDefinitions": [
    { "name": "web", "image": "nginx:1.27", "memory": 256, "portMappings": [{ "containerPort": 8080 }] }
  ],
  "networkMode": "awsvpc"
}
`);
  });

  it('flags an EC2 + Fargate task without networkMode, and the describe form', () => {
    const both = '{"family": "f", "requiresCompatibilities": ["EC2", "FARGATE"], "containerDefinitions": [{"name": "a", "image": "x:1"}]}';
    assert.equal(findingsOf(both, RULE).length, 1);
    const describe = '{"taskDefinition": {"family": "reports", "revision": 3, "networkMode": "BRIDGE", "containerDefinitions": [{"name": "a", "image": "x:1"}]}}';
    assert.deepEqual(findingsOf(describe, RULE).map(f => f.text), ['"BRIDGE"']);
  });

  it('leaves every fix sound on a file with several findings', () => {
    assert.deepEqual(fixViolations(stated), []);
    assert.deepEqual(fixViolations(absent), []);
  });

  it('offers no edit when the task object\'s last member is unterminated', () => {
    const broken = '{\n  "family": "f",\n  "containerDefinitions": [\n    { "name": "a", "image": "x:1" }\n}\n';
    const r = run(broken);
    const f = r.findings.find(x => x.ruleId === RULE)!;
    assert.ok(f, 'the half-typed task is still analysed');
    assert.ok(r.problems.length > 0);
    // Inserting after the unclosed array would write the property inside it.
    assert.equal(fixEdits(r, f), undefined);
  });

  it('says nothing for other modes, unknown values, Fargate-only, Windows, external instances, unknown launch types and container arrays', () => {
    const mk = (task: string) => `{"family": "f", ${task}"containerDefinitions": [{"name": "a", "image": "x:1"}]}`;
    for (const t of [
      '"networkMode": "awsvpc", ', '"networkMode": "host", ', '"networkMode": "none", ', '"networkMode": "${MODE}", ',
      '"requiresCompatibilities": ["FARGATE"], ',
      '"requiresCompatibilities": ["${LAUNCH_TYPE}"], ',
      '"runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE"}, ',
      // ECS Anywhere has no awsvpc to move to.
      '"requiresCompatibilities": ["EXTERNAL"], ', '"requiresCompatibilities": ["EXTERNAL"], "networkMode": "bridge", ', '"requiresCompatibilities": ["EC2", "EXTERNAL"], ',
    ]) assert.equal(findingsOf(mk(t), RULE).length, 0, t);
    const containers = '[{"name": "a", "image": "x:1", "essential": true, "portMappings": [{"containerPort": 80}]}]';
    assert.equal(findingsOf(containers, RULE, 'file:///w/container-definitions.json').length, 0);
  });

  it('respects the source format\'s default network mode and what it can express', () => {
    const { obj } = objectFrom('{"family": "f", "requiresCompatibilities": ["EC2"], "containerDefinitions": [{"name": "a", "image": "x:1"}]}');
    assert.equal(check(RULE, model({ tasks: [buildTask(obj, { defaults: { networkMode: 'awsvpc' } })] })).length, 0);
    assert.equal(check(RULE, model({ tasks: [buildTask(obj, { supports: k => k !== 'networkMode' })] })).length, 0);
    const [f] = check(RULE, model({ tasks: [buildTask(obj, { defaults: { networkMode: 'bridge' } })] }));
    assert.equal(f.span.start, obj.span.start + '{"family": '.length);
  });
});
