import * as assert from 'node:assert/strict';
import { fixEdits } from '../../../server/src/engine/analyze';
import { findingsOf, fixViolations, run } from '../../helpers/analysis';
import { TS_URI, fixTs, prepareCdk, tsFindingsAt, tsFindingsOf } from '../../helpers/cdk';

// The task-level and volume rules of the catalog on CDK TypeScript, as real stacks write them:
// network, PID and IPC modes, the two roles, host and EFS volumes (`volumes: [...]` and
// `addVolume(...)`). Each rule: where it reports, the exact text of its fix in the file's style,
// what it leaves alone, and values the file cannot show (another file's variable, a call).

const at = tsFindingsAt;
const only = tsFindingsOf;

const HEADER = `import * as cdk from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as ecsPatterns from 'aws-cdk-lib/aws-ecs-patterns';
import { Construct } from 'constructs';
import { agentRole, NETWORK_MODE } from './shared';
`;

describe('CDK TypeScript: task and volume catalog rules', () => {
  before(prepareCdk);

  describe('bridge-network-mode', () => {
    const R = 'bridge-network-mode';
    const text = `${HEADER}
export class AgentStack extends cdk.Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const taskDef = new ecs.Ec2TaskDefinition(this, 'Agent');
    taskDef.addContainer('agent', {
      image: ecs.ContainerImage.fromRegistry('datadog/agent:7'),
      memoryLimitMiB: 256,
      portMappings: [{ containerPort: 8125, hostPort: 0 }],
    });
  }
}
`;

    it('flags an Ec2TaskDefinition without networkMode (CDK defaults to bridge) on its id', () => {
      assert.deepEqual(at(text, R), [[10, 52, "'Agent'"]]);
      assert.match(only(text, R)[0].message, /^Task definition 'Agent' sets no networkMode, so on EC2 it runs in the bridge network mode/);
    });

    it('adds networkMode: ecs.NetworkMode.AWS_VPC as the props the construct lacks, and drops the dynamic hostPort', () => {
      assert.equal(fixTs(text, R), text
        .replace("new ecs.Ec2TaskDefinition(this, 'Agent');", "new ecs.Ec2TaskDefinition(this, 'Agent', { networkMode: ecs.NetworkMode.AWS_VPC });")
        .replace('{ containerPort: 8125, hostPort: 0 }', '{ containerPort: 8125 }'));
      assert.equal(only(text, R)[0].fix!.preferred, false);
    });

    it('flags networkMode: ecs.NetworkMode.BRIDGE on the member and switches it to AWS_VPC', () => {
      const stated = text.replace("'Agent');", "'Agent', {\n      networkMode: ecs.NetworkMode.BRIDGE,\n    });");
      assert.deepEqual(at(stated, R), [[11, 19, 'ecs.NetworkMode.BRIDGE']]);
      assert.equal(fixTs(stated, R), stated
        .replace('NetworkMode.BRIDGE', 'NetworkMode.AWS_VPC')
        .replace('{ containerPort: 8125, hostPort: 0 }', '{ containerPort: 8125 }'));
    });

    it('inserts into existing props in their layout, under the file\'s named import', () => {
      const named = `import { App, Stack } from 'aws-cdk-lib';
import { ContainerImage, TaskDefinition, Compatibility } from 'aws-cdk-lib/aws-ecs';

const stack = new Stack(new App(), 'Jobs');
const jobs = new TaskDefinition(stack, 'Jobs', {
  compatibility: Compatibility.EC2,
  family: 'jobs',
});
jobs.addContainer('job', { image: ContainerImage.fromRegistry('busybox:1.36'), memoryLimitMiB: 128 });
`;
      assert.deepEqual(at(named, R), [[4, 39, "'Jobs'"]]);
      assert.equal(fixTs(named, R), named
        .replace('ContainerImage, TaskDefinition, Compatibility }', 'ContainerImage, TaskDefinition, Compatibility, NetworkMode }')
        .replace("  family: 'jobs',\n", "  family: 'jobs',\n  networkMode: NetworkMode.AWS_VPC,\n"));
    });

    it('flags an EC2 pattern (its task definition is bridge) without a fix: the pattern cannot set a network mode', () => {
      const pattern = `${HEADER}
new ecsPatterns.ApplicationLoadBalancedEc2Service(stack, 'Web', {
  memoryLimitMiB: 512,
  taskImageOptions: { image: ecs.ContainerImage.fromRegistry('nginx:1.27') },
});
`;
      assert.deepEqual(at(pattern, R), [[7, 57, "'Web'"]]);
      assert.equal(only(pattern, R)[0].fix, undefined);
    });

    it('is silent for Fargate, AWS_VPC, EC2_AND_FARGATE (CDK defaults it to awsvpc) and external instances (no awsvpc there)', () => {
      for (const [from, to] of [
        ["new ecs.Ec2TaskDefinition(this, 'Agent')", "new ecs.FargateTaskDefinition(this, 'Agent')"],
        ["'Agent')", "'Agent', { networkMode: ecs.NetworkMode.AWS_VPC })"],
        ["new ecs.Ec2TaskDefinition(this, 'Agent')", "new ecs.TaskDefinition(this, 'Agent', { compatibility: ecs.Compatibility.EC2_AND_FARGATE, memoryMiB: '512', cpu: '256' })"],
        ["new ecs.Ec2TaskDefinition(this, 'Agent')", "new ecs.ExternalTaskDefinition(this, 'Agent')"],
        ["'Agent')", "'Agent', { networkMode: ecs.NetworkMode.HOST })"],
      ]) assert.deepEqual(at(text.replace(from, to), R), [], to);
    });

    it('is silent when the mode comes from another file or a call', () => {
      for (const mode of ['NETWORK_MODE', 'props.networkMode', 'modeFor(stage)']) {
        assert.deepEqual(at(text.replace("'Agent')", `'Agent', { networkMode: ${mode} })`), R), [], mode);
      }
    });
  });

  describe('host-pid-mode and host-ipc-mode', () => {
    const text = `${HEADER}
export class DebugStack extends cdk.Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const taskDef = new ecs.Ec2TaskDefinition(this, 'Debug', {
      networkMode: ecs.NetworkMode.AWS_VPC,
      pidMode: ecs.PidMode.HOST,
      ipcMode: ecs.IpcMode.HOST,
    });
    taskDef.addContainer('debug', { image: ecs.ContainerImage.fromRegistry('busybox:1.36'), memoryLimitMiB: 64 });
  }
}
`;

    it('flag the enum members', () => {
      assert.deepEqual(at(text, 'host-pid-mode'), [[12, 15, 'ecs.PidMode.HOST']]);
      assert.deepEqual(at(text, 'host-ipc-mode'), [[13, 15, 'ecs.IpcMode.HOST']]);
      assert.match(only(text, 'host-pid-mode')[0].message, /^Task definition 'Debug' shares the host's process namespace/);
    });

    it('remove the property with its line; the fixes are safe', () => {
      assert.equal(fixTs(text, 'host-pid-mode'), text.replace('      pidMode: ecs.PidMode.HOST,\n', ''));
      assert.equal(fixTs(text, 'host-ipc-mode'), text.replace('      ipcMode: ecs.IpcMode.HOST,\n', ''));
      assert.equal(only(text, 'host-pid-mode')[0].fix!.preferred, true);
      assert.equal(only(text, 'host-ipc-mode')[0].fix!.preferred, true);
    });

    it('read a named import, a const holding the member, and the last prop of a one-line literal', () => {
      const named = `import { Stack } from 'aws-cdk-lib';
import { Ec2TaskDefinition, IpcMode, PidMode } from 'aws-cdk-lib/aws-ecs';
const SHARED = PidMode.HOST;
new Ec2TaskDefinition(new Stack(), 'T', { pidMode: SHARED, ipcMode: IpcMode.HOST });
`;
      assert.deepEqual(at(named, 'host-pid-mode'), [[3, 51, 'SHARED']]);
      assert.deepEqual(at(named, 'host-ipc-mode'), [[3, 68, 'IpcMode.HOST']]);
      assert.equal(fixTs(named, 'host-pid-mode'), named.replace('pidMode: SHARED, ', ''));
      assert.equal(fixTs(named, 'host-ipc-mode'), named.replace(', ipcMode: IpcMode.HOST', ''));
    });

    it('are silent for TASK, NONE, and modes from another file or a call', () => {
      const other = text.replace('PidMode.HOST', 'PidMode.TASK').replace('IpcMode.HOST', 'IpcMode.NONE');
      assert.deepEqual(at(other, 'host-pid-mode'), []);
      assert.deepEqual(at(other, 'host-ipc-mode'), []);
      const unknown = text.replace('ecs.PidMode.HOST', 'props.pidMode').replace('ecs.IpcMode.HOST', 'ipcModeFor(stage)');
      assert.deepEqual(at(unknown, 'host-pid-mode'), []);
      assert.deepEqual(at(unknown, 'host-ipc-mode'), []);
    });
  });

  describe('shared-task-execution-role', () => {
    const R = 'shared-task-execution-role';
    const text = `${HEADER}
export class ApiStack extends cdk.Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const role = new iam.Role(this, 'ApiRole', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') });
    const taskDef = new ecs.FargateTaskDefinition(this, 'Api', {
      taskRole: role,
      executionRole: role,
    });
    taskDef.addContainer('api', { image: ecs.ContainerImage.fromRegistry('nginx:1.27') });
  }
}
`;

    it('flags one role passed as both, on the task role, without a fix', () => {
      assert.deepEqual(at(text, R), [[12, 16, 'role']]);
      const [f] = only(text, R);
      assert.match(f.message, /^Task definition 'Api' uses its execution role as its task role/);
      assert.equal(f.fix, undefined);
    });

    it('flags shorthand props, a role imported by ARN, and a pattern\'s image options', () => {
      const shorthand = text.replace('      taskRole: role,\n      executionRole: role,', '      taskRole,\n      executionRole: taskRole,').replace('const role =', 'const taskRole =');
      assert.deepEqual(at(shorthand, R), [[12, 6, 'taskRole']]);
      const imported = text.replace("new iam.Role(this, 'ApiRole', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') })", "iam.Role.fromRoleArn(this, 'ApiRole', roleArn)");
      assert.deepEqual(at(imported, R), [[12, 16, 'role']]);
      const pattern = `${HEADER}
const role = new iam.Role(stack, 'WebRole', { assumedBy });
new ecsPatterns.ApplicationLoadBalancedFargateService(stack, 'Web', {
  taskImageOptions: { image: ecs.ContainerImage.fromRegistry('nginx:1.27'), taskRole: role, executionRole: role },
});
`;
      assert.deepEqual(at(pattern, R), [[9, 86, 'role']]);
    });

    it('is silent for two roles, one role alone, and roles from another file or a call', () => {
      const two = text.replace('      executionRole: role,', "      executionRole: new iam.Role(this, 'ExecRole', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') }),");
      assert.deepEqual(at(two, R), []);
      assert.deepEqual(at(text.replace('      executionRole: role,\n', ''), R), []);
      assert.deepEqual(at(text.replace('taskRole: role', 'taskRole: agentRole'), R), []);
      assert.deepEqual(at(text.replace('taskRole: role', 'taskRole: makeRole(this)').replace('executionRole: role', 'executionRole: makeRole(this)'), R), []);
    });
  });

  describe('host-path-volume', () => {
    const R = 'host-path-volume';
    const text = `${HEADER}
export class AgentStack extends cdk.Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const taskDef = new ecs.Ec2TaskDefinition(this, 'Agent', {
      networkMode: ecs.NetworkMode.AWS_VPC,
      volumes: [{ name: 'docker', host: { sourcePath: '/var/run/docker.sock' } }],
    });
    taskDef.addVolume({ name: 'data', host: { sourcePath: '/srv/agent' } });
    taskDef.addVolume({
      name: 'scratch',
      host: {},
    });
  }
}
`;

    it('flags the host path of volumes and addVolume: an error for the Docker socket, a warning for others, no fix', () => {
      assert.deepEqual(findingsOf(text, R, TS_URI).map(f => [f.line, f.character, f.text, f.severity]), [
        [12, 54, "'/var/run/docker.sock'", 'error'],
        [14, 58, "'/srv/agent'", 'warning'],
      ]);
      const [sock] = only(text, R);
      assert.match(sock.message, /^Volume 'docker' of task definition 'Agent' mounts the host path '\/var\/run\/docker\.sock'/);
      assert.equal(sock.fix, undefined);
    });

    it('is silent for Docker-managed volumes and paths from another file or a call', () => {
      const t = text.replace("'/var/run/docker.sock'", 'props.socketPath').replace("'/srv/agent'", "path.join(root, 'agent')");
      assert.deepEqual(at(t, R), []);
    });
  });

  describe('efs-transit-encryption-disabled and efs-iam-authorization-disabled', () => {
    const TE = 'efs-transit-encryption-disabled';
    const IAM = 'efs-iam-authorization-disabled';
    const text = `${HEADER}
export class FilesStack extends cdk.Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const taskDef = new ecs.FargateTaskDefinition(this, 'Files', {
      volumes: [
        {
          name: 'uploads',
          efsVolumeConfiguration: {
            fileSystemId: fileSystem.fileSystemId,
          },
        },
      ],
    });
    taskDef.addVolume({ name: 'reports', efsVolumeConfiguration: { fileSystemId: 'fs-0123456789abcdef0', transitEncryption: 'DISABLED', authorizationConfig: { iam: 'DISABLED' } } });
    taskDef.addContainer('files', { image: ecs.ContainerImage.fromRegistry('nginx:1.27') });
  }
}
`;

    it('flag a configuration that leaves them out on its key, and DISABLED on the value', () => {
      assert.deepEqual(at(text, TE), [[14, 10, 'efsVolumeConfiguration'], [20, 124, "'DISABLED'"]]);
      assert.deepEqual(at(text, IAM), [[14, 10, 'efsVolumeConfiguration'], [20, 164, "'DISABLED'"]]);
      assert.match(only(text, TE)[0].message, /^EFS volume 'uploads' of task definition 'Files' does not set transitEncryption/);
    });

    it('transit encryption: adds the key inside the existing object in its layout, or replaces DISABLED; applied by fix all', () => {
      assert.equal(fixTs(text, TE, 0), text.replace(
        '            fileSystemId: fileSystem.fileSystemId,\n',
        "            fileSystemId: fileSystem.fileSystemId,\n            transitEncryption: 'ENABLED',\n"));
      assert.equal(fixTs(text, TE, 1), text.replace("transitEncryption: 'DISABLED'", "transitEncryption: 'ENABLED'"));
      assert.equal(only(text, TE)[0].fix!.preferred, true);
    });

    it('IAM authorization: writes the nested authorizationConfig and transit encryption with it, offered only', () => {
      assert.equal(fixTs(text, IAM, 0), text.replace(
        '            fileSystemId: fileSystem.fileSystemId,\n',
        "            fileSystemId: fileSystem.fileSystemId,\n            transitEncryption: 'ENABLED',\n            authorizationConfig: { iam: 'ENABLED' },\n"));
      assert.equal(fixTs(text, IAM, 1), text.replace("transitEncryption: 'DISABLED', authorizationConfig: { iam: 'DISABLED' }", "transitEncryption: 'ENABLED', authorizationConfig: { iam: 'ENABLED' }"));
      assert.equal(only(text, IAM)[0].fix!.preferred, false);
      // An existing authorizationConfig without iam gets the key added inside it.
      const accessPoint = text.replace("authorizationConfig: { iam: 'DISABLED' }", 'authorizationConfig: { accessPointId: ap.accessPointId }');
      assert.deepEqual(at(accessPoint, IAM)[1], [20, 41, 'efsVolumeConfiguration']);
      assert.equal(fixTs(accessPoint, IAM, 1), accessPoint
        .replace("transitEncryption: 'DISABLED'", "transitEncryption: 'ENABLED'")
        .replace('{ accessPointId: ap.accessPointId }', "{ accessPointId: ap.accessPointId, iam: 'ENABLED' }"));
    });

    it('are silent for ENABLED, and for values or configurations from another file or a call', () => {
      const enabled = text
        .replace('            fileSystemId: fileSystem.fileSystemId,\n', "            fileSystemId: fileSystem.fileSystemId,\n            transitEncryption: 'ENABLED',\n            authorizationConfig: { iam: 'ENABLED' },\n")
        .replace(/'DISABLED'/g, "'ENABLED'");
      assert.deepEqual(at(enabled, TE), []);
      assert.deepEqual(at(enabled, IAM), []);
      const unknown = text
        .replace("transitEncryption: 'DISABLED'", 'transitEncryption: props.transitEncryption')
        .replace("{ iam: 'DISABLED' }", 'authorization(props)')
        .replace(/efsVolumeConfiguration: \{\n {12}fileSystemId: fileSystem.fileSystemId,\n {10}\}/, 'efsVolumeConfiguration: uploadsConfig');
      assert.deepEqual(at(unknown, TE), []);
      assert.deepEqual(at(unknown, IAM), []);
    });
  });

  it('reads nothing into look-alikes next to ECS code: Kubernetes objects, cdk8s, CodeBuild, other log and volume APIs', () => {
    const ecsPart = `const td = new ecs.FargateTaskDefinition(stack, 'Td');
td.addContainer('web', { image: ecs.ContainerImage.fromRegistry('nginx:1.27') });
`;
    const t = `${HEADER}import * as kplus from 'cdk8s-plus-27';
import * as codebuild from 'aws-cdk-lib/aws-codebuild';
import * as lambda from 'aws-cdk-lib/aws-lambda';

const pod = {
  apiVersion: 'v1', kind: 'Pod',
  spec: {
    hostPID: true, hostIPC: true, hostNetwork: true,
    volumes: [{ name: 'docker', hostPath: { path: '/var/run/docker.sock' } }],
    containers: [{ name: 'a', image: 'nginx:1.27', command: ['--password=hunter2hunter2'], securityContext: { capabilities: { add: ['SYS_ADMIN'] }, seccompProfile: { type: 'Unconfined' } } }],
  },
};
new kplus.Deployment(chart, 'd', { containers: [{ image: 'nginx:1.27', command: ['--api-key=sk_live_0123456789abcdefABCDEF'] }], volumes: [kplus.Volume.fromHostPath(chart, 'h', 'h', { path: '/' })] });
new codebuild.Project(stack, 'Build', { environment: { privileged: true }, environmentVariables: { TOKEN: { value: 'ghp_0123456789abcdefghijABCDEFGHIJ012345' } } });
new lambda.Function(stack, 'Fn', { runtime, handler: 'index.handler', code, logging: lambda.LoggingFormat.JSON });
const efs = { addVolume(v: object) { return v; } };
efs.addVolume({ name: 'x', efsVolumeConfiguration: { fileSystemId: 'fs-1' }, host: { sourcePath: '/' } });
${ecsPart}`;
    const start = t.indexOf(ecsPart);
    const outside = run(t, TS_URI).findings.filter(f => f.span.start < start);
    assert.deepEqual(outside.map(f => f.ruleId), []);
  });

  it('every fix on a stack with every task and volume finding is sound', () => {
    const t = `${HEADER}
export class Everything extends cdk.Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const role = new iam.Role(this, 'Role', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') });
    const taskDef = new ecs.Ec2TaskDefinition(this, 'Everything', {
      pidMode: ecs.PidMode.HOST,
      ipcMode: ecs.IpcMode.HOST,
      taskRole: role,
      executionRole: role,
      volumes: [
        { name: 'docker', host: { sourcePath: '/var/run/docker.sock' } },
        { name: 'data', efsVolumeConfiguration: { fileSystemId: 'fs-1' } },
      ],
    });
    taskDef.addVolume({ name: 'logs', efsVolumeConfiguration: { fileSystemId: 'fs-2', transitEncryption: 'DISABLED' } });
    taskDef.addContainer('app', { image: ecs.ContainerImage.fromRegistry('nginx:1.27'), memoryLimitMiB: 256, portMappings: [{ containerPort: 80, hostPort: 8080 }] });
  }
}
`;
    const r = run(t, TS_URI);
    const rules = ['bridge-network-mode', 'host-pid-mode', 'host-ipc-mode', 'shared-task-execution-role', 'host-path-volume', 'efs-transit-encryption-disabled', 'efs-iam-authorization-disabled'];
    assert.deepEqual(rules.filter(x => !r.findings.some(f => f.ruleId === x)), [], 'every rule fires');
    assert.ok(r.findings.filter(f => f.fix && fixEdits(r, f)).length >= 7);
    assert.deepEqual(fixViolations(t, TS_URI), []);
  });
});
