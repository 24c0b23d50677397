import * as assert from 'node:assert/strict';
import { RoleIndex } from '../../../server/src/engine/roleIndex';
import { run } from '../../helpers/analysis';
import { observe } from '../../helpers/observations';

const RULE = 'task-role-reused';
const td = (family: string, role: string, extra = '') => `{
  "family": "${family}",
  "taskRoleArn": ${role},${extra}
  "containerDefinitions": []
}
`;

/** Indexes documents as the server and CLI do, and returns each one's cross-file findings. */
function crossFile(docs: Record<string, string>): Record<string, { text: string; message: string }[]> {
  const index = new RoleIndex();
  for (const [uri, text] of Object.entries(docs)) index.set(uri, run(text, uri).roleUses ?? []);
  const out: Record<string, { text: string; message: string }[]> = {};
  for (const [uri, text] of Object.entries(docs)) {
    out[uri] = index.findingsFor(uri, 'warning', d => d.split('/').pop()!).map(f => ({ text: text.slice(f.span.start, f.span.end), message: f.message }));
    observe(RULE, 'workspace', out[uri].length > 0);
  }
  return out;
}

describe(`rule ${RULE} (across files)`, () => {
  const ARN = '"arn:aws:iam::111122223333:role/shared-app-role"';

  it('flags one literal task role used by different families, on each taskRoleArn', () => {
    const r = crossFile({ 'file:///w/orders.json': td('orders', ARN), 'file:///w/reports.json': td('reports', ARN), 'file:///w/other.json': td('other', '"arn:aws:iam::111122223333:role/other"') });
    assert.deepEqual(r['file:///w/orders.json'].map(f => f.text), [ARN]);
    assert.match(r['file:///w/orders.json'][0].message, /shares its task role shared-app-role with 'reports' \(reports\.json\)/);
    assert.deepEqual(r['file:///w/reports.json'].map(f => f.text), [ARN]);
    assert.deepEqual(r['file:///w/other.json'], []);
  });

  it('does not flag two files of the same family, nor a role used once', () => {
    const r = crossFile({ 'file:///w/a.json': td('orders', ARN), 'file:///w/b.json': td('orders', ARN) });
    assert.deepEqual(r['file:///w/a.json'], []);
    assert.deepEqual(r['file:///w/b.json'], []);
  });

  it('updates incrementally: a change in one file changes the other file\'s findings', () => {
    const index = new RoleIndex();
    index.set('a', run(td('orders', ARN), 'file:///w/a.json').roleUses!);
    assert.deepEqual(index.set('b', run(td('reports', ARN), 'file:///w/b.json').roleUses!), ['a']);
    assert.equal(index.findingsFor('a', 'warning', x => x).length, 1);
    assert.deepEqual(index.set('b', run(td('reports', '"arn:aws:iam::111122223333:role/reports"'), 'file:///w/b.json').roleUses!), ['a']);
    assert.equal(index.findingsFor('a', 'warning', x => x).length, 0);
    index.set('b', run(td('reports', ARN), 'file:///w/b.json').roleUses!);
    // An edit that keeps b's roles and family (here: the role a line further down) changes nothing for a.
    const moved = run(td('reports', ARN, '\n  "cpu": "256",').replace('"taskRoleArn"', '"memory": "512",\n  "taskRoleArn"'), 'file:///w/b.json').roleUses!;
    assert.deepEqual(index.set('b', moved), []);
    assert.deepEqual(index.findingsFor('b', 'warning', x => x).map(f => f.span), moved.map(u => u.span));
    assert.deepEqual(index.delete('b'), ['a']);
    assert.equal(index.findingsFor('a', 'warning', x => x).length, 0);
  });

  it('honours a suppression directive in the file (and counts it as used)', () => {
    const suppressed = `{
  "family": "orders",
  // ecs-guard-ignore task-role-reused: migrating to per-service roles in Q3
  "taskRoleArn": ${ARN},
  "containerDefinitions": []
}
`;
    const res = run(suppressed, 'file:///w/orders.jsonc');
    assert.equal(res.findings.filter(f => f.ruleId === 'unused-suppression').length, 0);
    const r = crossFile({ 'file:///w/orders.jsonc': suppressed, 'file:///w/reports.json': td('reports', ARN) });
    assert.deepEqual(r['file:///w/orders.jsonc'], []);
    assert.equal(r['file:///w/reports.json'].length, 1);
  });

  it('sees one template role behind !Ref Role and !GetAtt Role.Arn in two task definitions of a template', () => {
    const text = `Resources:
  Orders:
    Type: AWS::ECS::TaskDefinition
    Properties:
      TaskRoleArn: !Ref AppRole
  Reports:
    Type: AWS::ECS::TaskDefinition
    Properties:
      TaskRoleArn: !GetAtt AppRole.Arn
  AppRole:
    Type: AWS::IAM::Role
`;
    const r = crossFile({ 'file:///w/stack.yaml': text });
    assert.deepEqual(r['file:///w/stack.yaml'].map(f => f.text), ['!Ref AppRole', '!GetAtt AppRole.Arn']);
  });
});
