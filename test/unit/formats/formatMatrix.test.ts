import * as assert from 'node:assert/strict';
import { findingsOf } from '../../helpers/analysis';
import { TS_URI } from '../../helpers/cdk';
import { PY_URI, preparePython, stack as pyStack } from '../../helpers/python';
import { prepareDocument } from '../../../server/src/formats';

// The cases the format suites did not happen to cover: each rule fires, and stays silent, in every
// format that can express it (the meta-test checks the whole matrix).

const CFN_JSON_URI = 'file:///w/stack.template.json';
const CFN_YAML_URI = 'file:///w/template.yaml';
const texts = (text: string, rule: string, uri: string, languageId?: string) => findingsOf(text, rule, uri, undefined, languageId).map(f => f.text);

const cfnJson = (container: Record<string, unknown>, extra: Record<string, unknown> = {}, metadata?: unknown) => JSON.stringify({
  Resources: {
    Task: { Type: 'AWS::ECS::TaskDefinition', ...(metadata ? { Metadata: metadata } : {}), Properties: { ContainerDefinitions: [{ Name: 'app', Image: 'x:1.2.3', ...container }] } },
    ...extra,
  },
}, null, 2);

describe('every rule in every format: the remaining cells', () => {
  before(async () => {
    await preparePython();
    await prepareDocument("import * as ecs from 'aws-cdk-lib/aws-ecs';", TS_URI, 'typescript');
  });

  it('CloudFormation JSON: container rules fire on the value and stay silent on safe values', () => {
    const bad = cfnJson({ User: 'root', ReadonlyRootFilesystem: false, Environment: [{ Name: 'DB_PASSWORD', Value: 'hunter2-hunter2' }] });
    assert.deepEqual(texts(bad, 'container-runs-as-root', CFN_JSON_URI), ['"root"']);
    assert.deepEqual(texts(bad, 'writable-root-filesystem', CFN_JSON_URI), ['false']);
    const good = cfnJson({ User: '1000', ReadonlyRootFilesystem: true, Environment: [{ Name: 'LOG_LEVEL', Value: 'info' }] });
    for (const rule of ['container-runs-as-root', 'writable-root-filesystem', 'plaintext-secret-in-environment', 'latest-image-tag']) {
      assert.deepEqual(texts(good, rule, CFN_JSON_URI), [], rule);
    }
  });

  it('CloudFormation JSON: resource rules stay silent on safe services, clusters and roles', () => {
    const good = cfnJson({}, {
      Service: { Type: 'AWS::ECS::Service', Properties: { TaskDefinition: { Ref: 'Task' }, NetworkConfiguration: { AwsvpcConfiguration: { AssignPublicIp: 'DISABLED', Subnets: ['s'] } } } },
      Cluster: { Type: 'AWS::ECS::Cluster', Properties: { ClusterSettings: [{ Name: 'containerInsights', Value: 'enabled' }] } },
      Role: { Type: 'AWS::IAM::Role', Properties: { Policies: [{ PolicyName: 'p', PolicyDocument: { Statement: [{ Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: 'arn:aws:sqs:us-east-1:111122223333:q' }] } }] } },
    });
    const withRole = good.replace('"Properties": {\n        "ContainerDefinitions"', '"Properties": {\n        "TaskRoleArn": { "Fn::GetAtt": ["Role", "Arn"] },\n        "ContainerDefinitions"');
    for (const rule of ['public-ip-assigned', 'container-insights-disabled', 'wildcard-task-role-policy']) assert.deepEqual(texts(withRole, rule, CFN_JSON_URI), [], rule);
  });

  it('CloudFormation JSON: a Metadata suppression that suppresses nothing is reported; one in use is not', () => {
    const unused = cfnJson({ User: '1000' }, {}, { 'ecs-guard': { ignore: ['privileged-container'] } });
    assert.equal(texts(unused, 'unused-suppression', CFN_JSON_URI).length, 1);
    const used = cfnJson({ Privileged: true }, {}, { 'ecs-guard': { ignore: ['privileged-container'] } });
    assert.deepEqual(texts(used, 'unused-suppression', CFN_JSON_URI), []);
  });

  it('CloudFormation YAML: a read-only root filesystem is not reported', () => {
    const yaml = 'Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: app\n          Image: x:1.2.3\n          ReadonlyRootFilesystem: true\n';
    assert.deepEqual(texts(yaml, 'writable-root-filesystem', CFN_YAML_URI), []);
  });

  it('CDK TypeScript: read-only containers, clusters with insights, scoped task-role statements are not reported', () => {
    const ts = `import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
const task = new ecs.FargateTaskDefinition(this, 'Task');
task.addContainer('app', { image: ecs.ContainerImage.fromRegistry('x:1.2.3'), readonlyRootFilesystem: true });
task.addToTaskRolePolicy(new iam.PolicyStatement({ actions: ['sqs:SendMessage'], resources: ['arn:aws:sqs:us-east-1:111122223333:q'] }));
new ecs.Cluster(this, 'Cluster', { containerInsights: true });
`;
    for (const rule of ['writable-root-filesystem', 'container-insights-disabled', 'wildcard-task-role-policy']) assert.deepEqual(texts(ts, rule, TS_URI, 'typescript'), [], rule);
  });

  it('CDK Python: clusters with insights, scoped task-role statements and used directives are not reported', () => {
    const py = pyStack(`task = ecs.FargateTaskDefinition(self, "Task")
task.add_container("app", image=ecs.ContainerImage.from_registry("x:1.2.3"),
    # ecs-guard-ignore container-runs-as-root: the image drops privileges itself
    user="root")
task.add_to_task_role_policy(iam.PolicyStatement(actions=["sqs:SendMessage"], resources=["arn:aws:sqs:us-east-1:111122223333:q"]))
ecs.Cluster(self, "Cluster", container_insights=True)`);
    for (const rule of ['container-insights-disabled', 'wildcard-task-role-policy', 'unused-suppression', 'container-runs-as-root']) {
      assert.deepEqual(texts(py, rule, PY_URI, 'python'), [], rule);
    }
  });
});
