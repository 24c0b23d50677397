import * as assert from 'node:assert/strict';
import { check, model, objectFrom } from '../../helpers/model';

const RULE = 'wildcard-task-role-policy';
const statement = (json: string) => {
  const { obj, text } = objectFrom(json);
  return { doc: model({ taskRoleStatements: [{ obj, roleLabel: 'TaskRole', tasks: ['orders'] }] }), text };
};
const flagged = (json: string) => {
  const { doc, text } = statement(json);
  return check(RULE, doc).map(f => [text.slice(f.span.start, f.span.end), f.severity]);
};

describe(`rule ${RULE} (model)`, () => {
  it('flags "*" actions as errors, on the action', () => {
    assert.deepEqual(flagged('{"effect": "Allow", "action": "*", "resource": "*"}'), [['"*"', 'error']]);
    assert.deepEqual(flagged('{"effect": "Allow", "action": ["s3:GetObject", "*"], "resource": "*"}'), [['"*"', 'error']]);
  });

  it('flags whole-service actions as warnings', () => {
    assert.deepEqual(flagged('{"effect": "Allow", "action": ["s3:*"], "resource": "arn:aws:s3:::b/*"}'), [['"s3:*"', 'warning']]);
  });

  it('flags writes on every resource, not reads', () => {
    assert.deepEqual(flagged('{"effect": "Allow", "action": ["s3:PutObject"], "resource": ["*"]}'), [['"*"', 'warning']]);
    assert.deepEqual(flagged('{"effect": "Allow", "action": ["s3:GetObject", "s3:ListBucket", "ec2:Describe*"], "resource": "*"}'), []);
  });

  it('flags Allow with NotAction', () => {
    assert.deepEqual(flagged('{"effect": "Allow", "notAction": ["iam:*"], "resource": "*"}'), [['["iam:*"]', 'warning']]);
  });

  it('ignores Deny statements, scoped grants and unknown values', () => {
    assert.deepEqual(flagged('{"effect": "Deny", "action": "*", "resource": "*"}'), []);
    assert.deepEqual(flagged('{"effect": "Allow", "action": ["sqs:SendMessage"], "resource": "arn:aws:sqs:us-east-1:111122223333:q"}'), []);
    assert.deepEqual(flagged('{"effect": "${EFFECT}", "action": "*", "resource": "*"}'), []);
    assert.deepEqual(flagged('{"effect": "Allow", "action": "${ACTIONS}", "resource": "*"}'), []);
  });
});
