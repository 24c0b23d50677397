import * as assert from 'node:assert/strict';
import { buildTask } from '../../../server/src/formats/taskModel';
import { MUnknown, get } from '../../../server/src/model/values';
import { findingsOf, run } from '../../helpers/analysis';
import { check, model, objectFrom } from '../../helpers/model';

const RULE = 'shared-task-execution-role';
const mk = (taskRole: string, execRole: string) => `{
  "family": "orders",
  "taskRoleArn": ${taskRole},
  "executionRoleArn": ${execRole},
  "containerDefinitions": [{ "name": "app", "image": "nginx:1.27", "memory": 256 }]
}
`;

describe(`rule ${RULE}`, () => {
  it('flags the task role when it is the execution role, as a warning', () => {
    const arn = '"arn:aws:iam::111122223333:role/ecsTaskExecutionRole"';
    assert.deepEqual(findingsOf(mk(arn, arn), RULE), [
      { rule: RULE, line: 2, character: 17, endLine: 2, endCharacter: 70, text: arn, severity: 'warning' },
    ]);
    assert.equal(run(mk(arn, arn)).findings.find(f => f.ruleId === RULE)!.message,
      "Task definition 'orders' uses its execution role as its task role: every container gets the agent's rights to pull the task's images and read all of its secrets, beyond what the application needs.");
  });

  it('accepts different roles, a missing one, and unknown ones without a shared identity', () => {
    assert.deepEqual(findingsOf(mk('"arn:aws:iam::111122223333:role/orders"', '"arn:aws:iam::111122223333:role/ecsTaskExecutionRole"'), RULE), []);
    assert.deepEqual(findingsOf('{"family": "f", "executionRoleArn": "arn:aws:iam::1:role/x", "containerDefinitions": [{"name": "a", "image": "x:1"}]}', RULE), []);
    assert.deepEqual(findingsOf(mk('"${ROLE_ARN}"', '"${ROLE_ARN}"'), RULE), []);
    assert.deepEqual(findingsOf(mk('""', '""'), RULE), []);
  });

  // Stands for the CloudFormation and CDK adapters, which give an unknown the identity of what it refers to.
  it('compares unknown roles by identity (the same !GetAtt Role.Arn)', () => {
    const task = (a: string, b: string) => {
      const { obj } = objectFrom('{"family": "f", "taskRoleArn": "${A}", "executionRoleArn": "${B}", "containerDefinitions": []}');
      (get(obj, 'taskRoleArn') as MUnknown).identity = a;
      (get(obj, 'executionRoleArn') as MUnknown).identity = b;
      return model({ tasks: [buildTask(obj)] });
    };
    assert.equal(check(RULE, task('GetAtt:Role.Arn', 'GetAtt:Role.Arn')).length, 1);
    assert.equal(check(RULE, task('GetAtt:Role.Arn', 'GetAtt:ExecRole.Arn')).length, 0);
  });
});
