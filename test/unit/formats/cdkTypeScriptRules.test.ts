import * as assert from 'node:assert/strict';
import { run } from '../../helpers/analysis';
import { TS_URI, assertSoundFixes, fixTs, prepareCdk, tsFindingsAt } from '../../helpers/cdk';

const at = tsFindingsAt;

const HEADER = `import * as cdk from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as ecsPatterns from 'aws-cdk-lib/aws-ecs-patterns';
import { Construct } from 'constructs';
`;

describe('CDK TypeScript: every rule on CDK code', () => {
  before(prepareCdk);

  describe('privileged-container', () => {
    const text = `${HEADER}
export class AgentStack extends cdk.Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const taskDef = new ecs.Ec2TaskDefinition(this, 'Agent');
    taskDef.addContainer('collector', {
      image: ecs.ContainerImage.fromRegistry('datadog/agent:7'),
      privileged: true,
      user: '1000',
      readonlyRootFilesystem: true,
    });
  }
}
`;

    it('flags privileged: true on the value', () => {
      assert.deepEqual(at(text, 'privileged-container'), [[12, 18, 'true']]);
    });

    it('removes the property with its line', () => {
      assert.equal(fixTs(text, 'privileged-container'), text.replace("      privileged: true,\n", ''));
    });

    it('is silent for false, absent and unknown values', () => {
      for (const v of ['privileged: false,', '', 'privileged: props.privileged,', 'privileged: undefined,']) {
        assert.deepEqual(at(text.replace('privileged: true,', v), 'privileged-container'), [], v);
      }
    });

    it('says that Fargate rejects it in a FargateTaskDefinition', () => {
      const fargate = text.replace('Ec2TaskDefinition', 'FargateTaskDefinition');
      const f = run(fargate, TS_URI).findings.find(x => x.ruleId === 'privileged-container')!;
      assert.match(f.message, /Fargate rejects/);
      assert.doesNotMatch(run(text, TS_URI).findings.find(x => x.ruleId === 'privileged-container')!.message, /Fargate/);
    });
  });

  describe('host-network-mode', () => {
    const text = `${HEADER}
const stack = new cdk.Stack();
const taskDef = new ecs.Ec2TaskDefinition(stack, 'Proxy', {
  networkMode: ecs.NetworkMode.HOST,
});
taskDef.addContainer('envoy', {
  image: ecs.ContainerImage.fromRegistry('envoyproxy/envoy:v1.31.0'),
  user: '101',
  readonlyRootFilesystem: true,
  portMappings: [{ containerPort: 8080, hostPort: 80 }, { containerPort: 9901, hostPort: 9901 }],
});
`;

    it('flags NetworkMode.HOST on the enum member', () => {
      assert.deepEqual(at(text, 'host-network-mode'), [[8, 15, 'ecs.NetworkMode.HOST']]);
    });

    it('switches to NetworkMode.AWS_VPC and drops the hostPort awsvpc would reject', () => {
      assert.equal(fixTs(text, 'host-network-mode'), text
        .replace('NetworkMode.HOST', 'NetworkMode.AWS_VPC')
        .replace('{ containerPort: 8080, hostPort: 80 }', '{ containerPort: 8080 }'));
    });

    it('reads a named import and a const holding the enum member', () => {
      const named = `import { Stack } from 'aws-cdk-lib';
import { Ec2TaskDefinition, NetworkMode as Mode } from 'aws-cdk-lib/aws-ecs';
const MODE = Mode.HOST;
new Ec2TaskDefinition(new Stack(), 'T', { networkMode: MODE });
`;
      assert.deepEqual(at(named, 'host-network-mode'), [[3, 55, 'MODE']]);
      // The const's use becomes a member of the same enum, under the file's own name for it.
      assert.equal(fixTs(named, 'host-network-mode'), named.replace('{ networkMode: MODE }', '{ networkMode: Mode.AWS_VPC }'));
      assert.deepEqual(at(named.replace('Mode.HOST', 'Mode.BRIDGE'), 'host-network-mode'), []);
    });
  });

  describe('plaintext-secret-in-environment', () => {
    const text = `${HEADER}
export class ApiStack extends cdk.Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const taskDef = new ecs.FargateTaskDefinition(this, 'Api');
    const api = taskDef.addContainer('api', {
      image: ecs.ContainerImage.fromRegistry('public.ecr.aws/acme/api:2.3.1'),
      user: '1000',
      readonlyRootFilesystem: true,
      environment: {
        STAGE: 'prod',
        DB_PASSWORD: 'correct-horse-battery-staple',
      },
    });
    api.addEnvironment('GITHUB_TOKEN', 'ghp_0123456789abcdefghijABCDEFGHIJ012345');
  }
}
`;

    it('flags the value, never quoting it in the message', () => {
      assert.deepEqual(at(text, 'plaintext-secret-in-environment'), [
        [16, 21, "'correct-horse-battery-staple'"],
        [19, 39, "'ghp_0123456789abcdefghijABCDEFGHIJ012345'"],
      ]);
      for (const f of run(text, TS_URI).findings) {
        assert.ok(!f.message.includes('correct-horse-battery-staple') && !f.message.includes('ghp_0123456789abcdefghijABCDEFGHIJ012345'), f.message);
      }
    });

    it('moves a map entry into secrets as Secret.fromSecretsManager(placeholder), and the value leaves the file', () => {
      const fixed = fixTs(text, 'plaintext-secret-in-environment', 0);
      assert.equal(fixed, text.replace(`        DB_PASSWORD: 'correct-horse-battery-staple',
      },
`, `      },
      secrets: { DB_PASSWORD: ecs.Secret.fromSecretsManager(PLACEHOLDER_DB_PASSWORD_SECRET) },
`));
      assert.ok(!fixed.includes('correct-horse-battery-staple'));
    });

    it('turns addEnvironment into addSecret', () => {
      const fixed = fixTs(text, 'plaintext-secret-in-environment', 1);
      assert.equal(fixed, text.replace("api.addEnvironment('GITHUB_TOKEN', 'ghp_0123456789abcdefghijABCDEFGHIJ012345');",
        "api.addSecret('GITHUB_TOKEN', ecs.Secret.fromSecretsManager(PLACEHOLDER_GITHUB_TOKEN_SECRET));"));
    });

    it('renames a one-entry environment map to secrets in its own layout', () => {
      const one = text.replace("        STAGE: 'prod',\n", '');
      assert.equal(fixTs(one, 'plaintext-secret-in-environment', 0), one
        .replace('      environment: {', '      secrets: {')
        .replace("DB_PASSWORD: 'correct-horse-battery-staple',", 'DB_PASSWORD: ecs.Secret.fromSecretsManager(PLACEHOLDER_DB_PASSWORD_SECRET),'));
    });

    it('adds to an existing secrets map', () => {
      const withSecrets = text.replace("      environment: {", "      secrets: { API_KEY: ecs.Secret.fromSsmParameter(param) },\n      environment: {");
      assert.equal(fixTs(withSecrets, 'plaintext-secret-in-environment', 0), withSecrets
        .replace('ecs.Secret.fromSsmParameter(param) }', 'ecs.Secret.fromSsmParameter(param), DB_PASSWORD: ecs.Secret.fromSecretsManager(PLACEHOLDER_DB_PASSWORD_SECRET) }')
        .replace("        DB_PASSWORD: 'correct-horse-battery-staple',\n", ''));
    });

    it('does not flag variables and secret references', () => {
      const t = text
        .replace("'correct-horse-battery-staple'", 'process.env.DB_PASSWORD!')
        .replace("'ghp_0123456789abcdefghijABCDEFGHIJ012345'", 'token.secretValue.unsafeUnwrap()');
      assert.deepEqual(at(t, 'plaintext-secret-in-environment'), []);
    });

    it('follows a const map, but does not edit it (other containers may share it)', () => {
      const shared = `${HEADER}
const COMMON_ENV = { DB_PASSWORD: 'correct-horse-battery-staple' };
const taskDef = new ecs.FargateTaskDefinition(new cdk.Stack(), 'T');
taskDef.addContainer('a', { image: ecs.ContainerImage.fromRegistry('x:1'), environment: COMMON_ENV });
`;
      assert.deepEqual(at(shared, 'plaintext-secret-in-environment'), [[6, 34, "'correct-horse-battery-staple'"]]);
      const f = run(shared, TS_URI).findings.find(x => x.ruleId === 'plaintext-secret-in-environment')!;
      assert.equal(f.fix, undefined);
    });
  });

  describe('latest-image-tag', () => {
    const mk = (image: string) => `${HEADER}
const taskDef = new ecs.FargateTaskDefinition(new cdk.Stack(), 'T');
taskDef.addContainer('web', { image: ${image}, user: '1000', readonlyRootFilesystem: true });
`;

    it('flags :latest and untagged registry images on the reference', () => {
      assert.deepEqual(at(mk("ecs.ContainerImage.fromRegistry('nginx:latest')"), 'latest-image-tag'), [[7, 69, "'nginx:latest'"]]);
      assert.deepEqual(at(mk("ecs.ContainerImage.fromRegistry('nginx')"), 'latest-image-tag'), [[7, 69, "'nginx'"]]);
    });

    it('flags an ECR repository without a tag (CDK pulls latest), not with one', () => {
      assert.deepEqual(at(mk('ecs.ContainerImage.fromEcrRepository(repo)'), 'latest-image-tag'), [[7, 37, 'ecs.ContainerImage.fromEcrRepository(repo)']]);
      assert.deepEqual(at(mk("ecs.ContainerImage.fromEcrRepository(repo, 'latest')"), 'latest-image-tag'), [[7, 80, "'latest'"]]);
      assert.deepEqual(at(mk("ecs.ContainerImage.fromEcrRepository(repo, '1.4.2')"), 'latest-image-tag'), []);
      assert.deepEqual(at(mk('ecs.ContainerImage.fromEcrRepository(repo, props.tag)'), 'latest-image-tag'), []);
    });

    it('ignores images built from local files and pinned references', () => {
      assert.deepEqual(at(mk("ecs.ContainerImage.fromAsset('./app')"), 'latest-image-tag'), []);
      assert.deepEqual(at(mk("ecs.ContainerImage.fromRegistry('nginx:1.27.0')"), 'latest-image-tag'), []);
      assert.deepEqual(at(mk("ecs.ContainerImage.fromRegistry('nginx@sha256:' + digest)"), 'latest-image-tag'), []);
    });

    it('reads template literals: literal parts decide, substitutions are unknown', () => {
      assert.deepEqual(at(mk('ecs.ContainerImage.fromRegistry(`${registry}/app:latest`)'), 'latest-image-tag'), [[7, 69, '`${registry}/app:latest`']]);
      assert.deepEqual(at(mk('ecs.ContainerImage.fromRegistry(`${registry}/app:${tag}`)'), 'latest-image-tag'), []);
    });
  });

  describe('container-runs-as-root', () => {
    const text = `${HEADER}
const taskDef = new ecs.FargateTaskDefinition(new cdk.Stack(), 'T');
taskDef.addContainer('web', {
  image: ecs.ContainerImage.fromRegistry('nginx:1.27'),
  readonlyRootFilesystem: true,
});
taskDef.addContainer("worker", { image: ecs.ContainerImage.fromRegistry("busybox:1.36"), user: "root", readonlyRootFilesystem: true });
`;

    it('flags a container without user (on its id) and user root (on the value)', () => {
      assert.deepEqual(at(text, 'container-runs-as-root'), [[7, 21, "'web'"], [11, 95, '"root"']]);
    });

    it('sets user 1000:1000 in the file\'s quotes; the fix is offered, never applied blindly', () => {
      assert.equal(fixTs(text, 'container-runs-as-root', 0), text.replace("  readonlyRootFilesystem: true,\n});", "  readonlyRootFilesystem: true,\n  user: '1000:1000',\n});"));
      assert.equal(fixTs(text, 'container-runs-as-root', 1), text.replace('user: "root"', 'user: "1000:1000"'));
      const f = run(text, TS_URI).findings.find(x => x.ruleId === 'container-runs-as-root')!;
      assert.equal(f.fix!.preferred, false);
    });

    it('is silent for a non-root user and an unknown one', () => {
      assert.deepEqual(at(text.replace('readonlyRootFilesystem: true,\n});', "readonlyRootFilesystem: true, user: props.user,\n});").replace('"root"', '"1000:1000"'), 'container-runs-as-root'), []);
    });
  });

  describe('writable-root-filesystem', () => {
    const text = `${HEADER}
const taskDef = new ecs.FargateTaskDefinition(new cdk.Stack(), 'T');
taskDef.addContainer('web', { image: ecs.ContainerImage.fromRegistry('nginx:1.27'), user: '101' });
taskDef.addContainer('sidecar', {
  image: ecs.ContainerImage.fromRegistry('busybox:1.36'),
  user: '101',
  readonlyRootFilesystem: false,
});
`;

    it('flags an absent setting (CDK leaves it writable) on the id, and false on the value', () => {
      assert.deepEqual(at(text, 'writable-root-filesystem'), [[7, 21, "'web'"], [11, 26, 'false']]);
    });

    it('inserts readonlyRootFilesystem: true inline, or flips false', () => {
      assert.equal(fixTs(text, 'writable-root-filesystem', 0), text.replace("user: '101' });", "user: '101', readonlyRootFilesystem: true });"));
      assert.equal(fixTs(text, 'writable-root-filesystem', 1), text.replace('readonlyRootFilesystem: false', 'readonlyRootFilesystem: true'));
    });
  });

  describe('public-ip-assigned', () => {
    const text = `${HEADER}
export class WebStack extends cdk.Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new ecsPatterns.ApplicationLoadBalancedFargateService(this, 'Web', {
      assignPublicIp: true,
      taskImageOptions: { image: ecs.ContainerImage.fromRegistry('nginx:1.27') },
    });
    new ecs.FargateService(this, 'Worker', { cluster, taskDefinition, assignPublicIp: false });
  }
}
`;

    it('flags assignPublicIp: true on a pattern, not false', () => {
      assert.deepEqual(at(text, 'public-ip-assigned'), [[10, 22, 'true']]);
      assert.deepEqual(at(text.replace('assignPublicIp: true', 'assignPublicIp: false'), 'public-ip-assigned'), []);
    });

    it('writes false, CDK\'s spelling of DISABLED', () => {
      assert.equal(fixTs(text, 'public-ip-assigned'), text.replace('assignPublicIp: true', 'assignPublicIp: false'));
    });

    it('flags an L2 FargateService too', () => {
      assert.deepEqual(at(text.replace('assignPublicIp: false', 'assignPublicIp: true'), 'public-ip-assigned').map(f => f[0]), [10, 13]);
    });
  });

  describe('wildcard-task-role-policy', () => {
    const text = `${HEADER}
export class JobStack extends cdk.Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const role = new iam.Role(this, 'JobRole', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') });
    role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:*'], resources: ['arn:aws:s3:::reports/*'] }));
    const taskDef = new ecs.FargateTaskDefinition(this, 'Job', { taskRole: role });
    taskDef.addToTaskRolePolicy(new iam.PolicyStatement({
      actions: ['dynamodb:PutItem'],
      resources: ['*'],
    }));
    const unrelated = new iam.Role(this, 'Other', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    unrelated.addToPolicy(new iam.PolicyStatement({ actions: ['*'], resources: ['*'] }));
  }
}
`;

    it('flags statements on the task role (passed as taskRole, or added to the task definition), not on other roles', () => {
      assert.deepEqual(at(text, 'wildcard-task-role-policy'), [[10, 57, "'s3:*'"], [14, 18, "'*'"]]);
      const msg = run(text, TS_URI).findings.find(f => f.ruleId === 'wildcard-task-role-policy')!.message;
      assert.match(msg, /task role JobRole \(of Job\)/);
    });

    it('reads the role CDK creates, attached policies, inline policy documents and Deny', () => {
      const t = `${HEADER}
const stack = new cdk.Stack();
const td = new ecs.Ec2TaskDefinition(stack, 'Td');
td.taskRole.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['sqs:*'], resources: ['*'] }));
const deny = new iam.PolicyStatement({ effect: iam.Effect.DENY, actions: ['*'], resources: ['*'] });
td.addToTaskRolePolicy(deny);
const role = new iam.Role(stack, 'R', {
  assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com'),
  inlinePolicies: { all: new iam.PolicyDocument({ statements: [new iam.PolicyStatement({ actions: ['ec2:*'], resources: ['*'] })] }) },
});
new iam.Policy(stack, 'P', { roles: [role], statements: [new iam.PolicyStatement({ actions: ['kms:*'], resources: ['*'] })] });
new ecs.CfnTaskDefinition(stack, 'L1', { taskRoleArn: role.roleArn, containerDefinitions: [] });
`;
      assert.deepEqual(at(t, 'wildcard-task-role-policy').map(f => f[2]), ["'sqs:*'", "'ec2:*'", "'kms:*'"]);
    });
  });

  describe('container-insights-disabled', () => {
    it('flags containerInsights: false, an absent setting, and ContainerInsights.DISABLED', () => {
      const t = `${HEADER}
const stack = new cdk.Stack();
new ecs.Cluster(stack, 'Off', { vpc, containerInsights: false });
new ecs.Cluster(stack, 'Default', { vpc });
new ecs.Cluster(stack, 'Bare');
new ecs.Cluster(stack, 'V2', { containerInsightsV2: ecs.ContainerInsights.DISABLED });
new ecs.Cluster(stack, 'On', { containerInsights: true });
new ecs.Cluster(stack, 'Enhanced', { containerInsightsV2: ecs.ContainerInsights.ENHANCED });
new ecs.Cluster(stack, 'Unknown', { containerInsights: props.insights });
`;
      assert.deepEqual(at(t, 'container-insights-disabled'), [[7, 56, 'false'], [8, 23, "'Default'"], [9, 23, "'Bare'"], [10, 52, 'ecs.ContainerInsights.DISABLED']]);
    });
  });

  describe('unused-suppression and suppressions in CDK code', () => {
    const base = (directive: string) => `${HEADER}
const taskDef = new ecs.Ec2TaskDefinition(new cdk.Stack(), 'Agent');
taskDef.addContainer('collector', {
  image: ecs.ContainerImage.fromRegistry('datadog/agent:7'),
  user: '1000',
  readonlyRootFilesystem: true,
  ${directive}
  privileged: true,
});
`;

    it('a // directive on the line above suppresses that line\'s finding', () => {
      const t = base('// ecs-guard-ignore privileged-container: the agent needs host devices');
      assert.deepEqual(at(t, 'privileged-container'), []);
      assert.deepEqual(at(t, 'unused-suppression'), []);
      const r = run(t, TS_URI);
      assert.equal(r.suppressed![0].suppression.reason, 'the agent needs host devices');
    });

    it('a /* */ directive and a trailing one work too', () => {
      assert.deepEqual(at(base('/* ecs-guard-ignore privileged-container */'), 'privileged-container'), []);
      const trailing = base('').replace('privileged: true,', 'privileged: true, // ecs-guard-ignore privileged-container');
      assert.deepEqual(at(trailing, 'privileged-container'), []);
    });

    it('reports a directive that suppresses nothing, with a fix that removes it', () => {
      const t = base('// ecs-guard-ignore host-network-mode');
      assert.deepEqual(at(t, 'unused-suppression'), [[11, 2, '// ecs-guard-ignore host-network-mode']]);
      assert.equal(fixTs(t, 'unused-suppression'), base('').replace('\n  \n', '\n'));
    });

    it('is not fooled by directive text inside strings and template literals', () => {
      const t = base("description: '// ecs-guard-ignore privileged-container',").replace('description', 'hostname');
      assert.deepEqual(at(t, 'privileged-container').length, 1);
      const tpl = base('hostname: `${x}// ecs-guard-ignore privileged-container`,');
      assert.deepEqual(at(tpl, 'privileged-container').length, 1);
    });
  });

  it('every fix on a stack with every finding is sound', () => {
    const t = `${HEADER}
export class Everything extends cdk.Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const cluster = new ecs.Cluster(this, 'Cluster', { containerInsights: false });
    const td = new ecs.Ec2TaskDefinition(this, 'Td', { networkMode: ecs.NetworkMode.HOST });
    const c = td.addContainer('app', {
      image: ecs.ContainerImage.fromRegistry('nginx:latest'),
      privileged: true,
      user: 'root',
      readonlyRootFilesystem: false,
      environment: { API_KEY: 'sk_live_0123456789abcdefABCDEF', STAGE: 'prod' },
      portMappings: [{ containerPort: 80, hostPort: 8080 }],
    });
    c.addEnvironment('DB_PASSWORD', 'correct-horse-battery-staple');
    new ecsPatterns.ApplicationLoadBalancedFargateService(this, 'Web', {
      cluster,
      assignPublicIp: true,
      taskImageOptions: { image: ecs.ContainerImage.fromRegistry('nginx'), environment: { SECRET_TOKEN: 'abcdefghijklmnopqrstuv' } },
    });
  }
}
`;
    assertSoundFixes(t);
  });
});
