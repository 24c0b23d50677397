import * as assert from 'node:assert/strict';
import { buildTask } from '../../../server/src/formats/taskModel';
import { applyFix, findingsOf, fixViolations, run } from '../../helpers/analysis';
import { check, model, objectFrom } from '../../helpers/model';

const RULE = 'missing-log-configuration';

describe(`rule ${RULE}`, () => {
  const text = `{
  "family": "billing",
  "executionRoleArn": "arn:aws:iam::111122223333:role/ecsTaskExecutionRole",
  "containerDefinitions": [
    {
      "name": "api",
      "image": "111122223333.dkr.ecr.eu-west-1.amazonaws.com/billing:3.1"
    }
  ]
}
`;

  it('flags a container without logConfiguration on its name', () => {
    assert.deepEqual(findingsOf(text, RULE), [{ rule: RULE, line: 5, character: 14, endLine: 5, endCharacter: 19, text: '"api"', severity: 'warning' }]);
    assert.match(run(text).findings.find(f => f.ruleId === RULE)!.message, /^Container 'api' has no logConfiguration: .*no trace/);
  });

  it('adds an awslogs configuration in the region the file names, never unasked', () => {
    assert.equal(applyFix(text, RULE), text.replace('/billing:3.1"', `/billing:3.1",
      "logConfiguration": {
        "logDriver": "awslogs",
        "options": {
          "awslogs-group": "/ecs/billing",
          "awslogs-region": "eu-west-1",
          "awslogs-stream-prefix": "api"
        }
      }`));
    const f = run(text).findings.find(x => x.ruleId === RULE)!;
    assert.equal(f.fix!.title, "Send the logs of container 'api' to CloudWatch Logs (awslogs)");
    assert.equal(f.fix!.preferred, false, 'the log group and the execution role must exist first');
    assert.deepEqual(fixViolations(text), []);
  });

  it('writes a marked placeholder when the file names no region', () => {
    const t = '{"family": "web", "containerDefinitions": [{"name": "nginx", "image": "nginx:1.27"}]}';
    assert.equal(applyFix(t, RULE), '{"family": "web", "containerDefinitions": [{"name": "nginx", "image": "nginx:1.27", "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/web", "awslogs-region": "<REGION>", "awslogs-stream-prefix": "nginx"}}}]}');
    const f = run(t).findings.find(x => x.ruleId === RULE)!;
    assert.match(f.fix!.title, /fill in the region/);
    assert.equal(f.fix!.preferred, false);
  });

  it('takes the region from another container\'s awslogs options in a container array', () => {
    const t = `[
  {"name": "app", "image": "x:1", "essential": true, "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/app", "awslogs-region": "ap-southeast-2", "awslogs-stream-prefix": "app"}}},
  {"name": "worker", "image": "x:1", "essential": true}
]
`;
    assert.deepEqual(findingsOf(t, RULE, 'file:///w/containers.json').map(f => [f.line, f.text]), [[2, '"worker"']]);
    assert.equal(applyFix(t, RULE, 0, 'file:///w/containers.json'), t.replace('{"name": "worker", "image": "x:1", "essential": true}',
      '{"name": "worker", "image": "x:1", "essential": true, "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/worker", "awslogs-region": "ap-southeast-2", "awslogs-stream-prefix": "worker"}}}'));
  });

  it('flags empty and null configurations on the value and replaces them', () => {
    const mk = (lc: string) => `{"family": "f", "taskDefinitionArn": "arn:aws:ecs:us-east-2:111122223333:task-definition/f:1", "containerDefinitions": [{"name": "a", "image": "x:1", "logConfiguration": ${lc}}]}`;
    const want = mk('{"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/f", "awslogs-region": "us-east-2", "awslogs-stream-prefix": "a"}}');
    for (const lc of ['{}', 'null']) {
      assert.deepEqual(findingsOf(mk(lc), RULE).map(f => f.text), [lc]);
      assert.equal(applyFix(mk(lc), RULE), want);
      assert.deepEqual(fixViolations(mk(lc)), []);
    }
  });

  it('flags a configuration without a logDriver, without a fix that would discard its options', () => {
    const t = '{"family": "f", "containerDefinitions": [{"name": "a", "image": "x:1", "logConfiguration": {"options": {"tag": "a"}}}]}';
    assert.deepEqual(findingsOf(t, RULE).map(f => f.text), ['{"options": {"tag": "a"}}']);
    assert.equal(run(t).findings.find(f => f.ruleId === RULE)!.fix, undefined);
  });

  it('accepts any driver, unknown values, and sources that log by default', () => {
    const mk = (lc: string) => `{"family": "f", "containerDefinitions": [{"name": "a", "image": "x:1", "logConfiguration": ${lc}}]}`;
    for (const lc of ['{"logDriver": "awsfirelens"}', '{"logDriver": "json-file"}', '{"logDriver": "${LOG_DRIVER}"}', '"${LOGGING}"']) {
      assert.equal(findingsOf(mk(lc), RULE).length, 0, lc);
    }
    const { obj } = objectFrom('{"family": "f", "containerDefinitions": [{"name": "a", "image": "x:1"}]}');
    assert.equal(check(RULE, model({ tasks: [buildTask(obj, { defaults: { loggingEnabled: true } })] })).length, 0);
    assert.equal(check(RULE, model({ tasks: [buildTask(obj)] })).length, 1);
  });
});
