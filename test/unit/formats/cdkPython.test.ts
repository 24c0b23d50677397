import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import fc from 'fast-check';
import { cdkPythonAdapter, importsCdkEcs } from '../../../server/src/formats/cdkPython';
import { ModelDocument, effectiveNetworkMode, isFargateOnly } from '../../../server/src/model/document';
import { MValue, get, path, str } from '../../../server/src/model/values';
import { EXAMPLES } from '../../helpers/paths';
import { preparePython, pyFindings, pyRun, rangeOf, stack } from '../../helpers/python';

const model = (text: string): ModelDocument => {
  const r = pyRun(text);
  assert.ok(r.parsed, 'not recognised as CDK Python');
  return r.parsed.model;
};
/** The text a model value covers. */
const at = (text: string, v: MValue | undefined) => (v ? text.slice(v.span.start, v.span.end) : undefined);
const brief = (text: string, rule?: string) => pyFindings(text, rule).map(f => `${f.rule} ${f.line}:${f.character}-${f.endLine}:${f.endCharacter} ${f.text}`);

describe('CDK Python: recognition', () => {
  before(preparePython);

  it('claims .py files that import aws_cdk and mention aws_ecs, and nothing else', () => {
    const cdk = 'from aws_cdk import aws_ecs as ecs\n';
    assert.equal(cdkPythonAdapter.sniff(cdk, 'file:///a/app.py'), true);
    assert.equal(cdkPythonAdapter.sniff(cdk, 'file:///a/notes.txt'), false);
    assert.equal(cdkPythonAdapter.sniff(cdk, 'file:///a/untitled', 'python'), true);
    assert.equal(cdkPythonAdapter.sniff(cdk, 'file:///a/app.py', 'plaintext'), false);
    assert.equal(importsCdkEcs('import aws_cdk.aws_ecs as ecs\n'), true);
    assert.equal(importsCdkEcs('from aws_cdk import (\n    Stack,\n    aws_ecs as ecs,\n)\n'), true);
    assert.equal(importsCdkEcs('from aws_cdk import aws_s3 as s3\n'), false);
    assert.equal(importsCdkEcs('# we used to import aws_cdk here; aws_ecs too\nimport os\n'), false);
    assert.equal(importsCdkEcs('import json\nprint("hello")\n'), false);
  });

  it('recognises every import form, v1 and v2, and finds the same construct', () => {
    const body = (ns: string) => `task = ${ns}FargateTaskDefinition(self, "Task")\ntask.add_container("web", image=${ns}ContainerImage.from_registry("nginx:1.27"), privileged=True)`;
    const forms: [string, string][] = [
      ['from aws_cdk import aws_ecs as ecs\n', 'ecs.'],
      ['import aws_cdk.aws_ecs as ecs\n', 'ecs.'],
      ['from aws_cdk import aws_ecs\n', 'aws_ecs.'],
      ['import aws_cdk.aws_ecs\n', 'aws_cdk.aws_ecs.'],
      ['import aws_cdk as cdk\n', 'cdk.aws_ecs.'],
      ['from aws_cdk.aws_ecs import FargateTaskDefinition, ContainerImage\n', ''],
      ['from aws_cdk.aws_ecs import *\n', ''],
      ['from aws_cdk import (\n    Stack,\n    aws_ecs as ecs,\n)\n', 'ecs.'],
      // CDK v1: the same module path, with the core module beside it.
      ['from aws_cdk import core\nfrom aws_cdk import aws_ecs as ecs\n', 'ecs.'],
      ['try:\n    from aws_cdk import aws_ecs as ecs\nexcept ImportError:\n    raise\n', 'ecs.'],
    ];
    for (const [imports, ns] of forms) {
      const text = stack(body(ns), imports);
      const priv = pyFindings(text, 'privileged-container');
      assert.equal(priv.length, 1, imports);
      assert.equal(priv[0].text, 'True', imports);
    }
    const aliased = stack('task = Ftd(self, "Task")\ntask.add_container("web", image=Image.from_registry("nginx:1.27"), privileged=True)', 'from aws_cdk.aws_ecs import FargateTaskDefinition as Ftd, ContainerImage as Image\n');
    assert.equal(pyFindings(aliased, 'privileged-container').length, 1);
    assert.equal(isFargateOnly(model(aliased).tasks[0]), true);
  });

  it('leaves alone Python that is not CDK ECS code, and code that only looks like it', () => {
    assert.equal(pyRun('import json\n\ndef main():\n    print(json.dumps({"privileged": True}))\n').parsed, undefined);
    assert.equal(pyRun('from aws_cdk import aws_s3 as s3\nfrom aws_cdk import Stack\n').parsed, undefined);
    // Imports aws_ecs, but privileged=True belongs to a CodeBuild build environment, and the dict is a Kubernetes pod.
    const text = stack([
      'project = codebuild.PipelineProject(self, "Build", environment=codebuild.BuildEnvironment(privileged=True))',
      'pod = {"spec": {"containers": [{"name": "web", "image": "nginx:latest", "securityContext": {"privileged": True}}]}}',
      'manifest = eks_cluster.add_manifest("Pod", pod)',
      'other.add_container_definition("web", privileged=True)',
    ].join('\n'), 'from aws_cdk import Stack, aws_codebuild as codebuild\nfrom aws_cdk import aws_ecs as ecs\nfrom constructs import Construct\n');
    const r = pyRun(text);
    assert.equal(r.format, 'cdk-python');
    assert.deepEqual(r.findings, []);
    assert.deepEqual(r.parsed!.model.tasks, []);
  });
});

describe('CDK Python: constructs', () => {
  before(preparePython);

  it('reads a task definition and add_container keyword arguments under their ECS names, with ranges', () => {
    const text = stack(`task = ecs.Ec2TaskDefinition(self, "Api", network_mode=ecs.NetworkMode.HOST, pid_mode=ecs.PidMode.HOST, family="api")
task.add_container(
    "app",
    image=ecs.ContainerImage.from_registry("nginx:1.27"),
    privileged=True,
    user="root",
    readonly_root_filesystem=False,
    memory_limit_mib=512,
    memory_reservation_mib=256,
    environment={"LOG_LEVEL": "info"},
    secrets={"DB_PASSWORD": ecs.Secret.from_secrets_manager(db_secret)},
    command=["serve", "--port", "80"],
    docker_security_options=["apparmor:unconfined"],
    docker_labels={"team": "web"},
    health_check=ecs.HealthCheck(command=["CMD-SHELL", "curl -f http://localhost/"], interval=Duration.seconds(30)),
)`);
    const m = model(text);
    assert.equal(m.tasks.length, 1);
    const task = m.tasks[0];
    assert.equal(task.label, 'api');
    assert.equal(at(text, get(task.obj, 'networkMode')), 'ecs.NetworkMode.HOST');
    assert.equal(str(get(task.obj, 'networkMode')), 'host');
    assert.equal(str(get(task.obj, 'pidMode')), 'host');
    assert.deepEqual((get(task.obj, 'requiresCompatibilities') as { items: { value: string }[] }).items.map(i => i.value), ['EC2']);
    const c = task.containers[0];
    assert.equal(c.label, 'app');
    assert.equal(text.slice(c.anchor.start, c.anchor.end), '"app"');
    const o = c.obj;
    assert.equal(at(text, get(o, 'image')), '"nginx:1.27"');
    assert.equal(str(get(o, 'image')), 'nginx:1.27');
    assert.equal(at(text, get(o, 'privileged')), 'True');
    assert.equal(str(get(o, 'user')), 'root');
    assert.equal((get(o, 'readonlyRootFilesystem') as { value: boolean }).value, false);
    assert.equal((get(o, 'memory') as { value: number }).value, 512);
    assert.equal((get(o, 'memoryReservation') as { value: number }).value, 256);
    assert.equal(str(path(o, 'environment')?.kind === 'array' ? get((get(o, 'environment') as { items: MValue[] }).items[0], 'value') : undefined), 'info');
    const secret = (get(o, 'secrets') as { items: MValue[] }).items[0];
    assert.equal(str(get(secret, 'name')), 'DB_PASSWORD');
    assert.equal(get(secret, 'valueFrom')?.kind, 'unknown');
    assert.deepEqual((get(o, 'command') as { items: { value: string }[] }).items.map(i => i.value), ['serve', '--port', '80']);
    assert.equal(at(text, (get(o, 'dockerSecurityOptions') as { items: MValue[] }).items[0]), '"apparmor:unconfined"');
    assert.equal(str(get(get(o, 'dockerLabels'), 'team')), 'web');
    assert.equal((path(o, 'healthCheck', 'interval') as { value: number }).value, 30);
    assert.equal(str((path(o, 'healthCheck', 'command') as { items: MValue[] }).items[0]), 'CMD-SHELL');
  });

  it('models the CDK defaults: Fargate is awsvpc, EC2 is bridge, TaskDefinition follows its compatibility', () => {
    const text = stack(`fargate = ecs.FargateTaskDefinition(self, "F")
ec2 = ecs.Ec2TaskDefinition(self, "E")
both = ecs.TaskDefinition(self, "B", compatibility=ecs.Compatibility.EC2_AND_FARGATE, memory_mib="512", cpu="256")
ec2_only = ecs.TaskDefinition(self, "C", compatibility=ecs.Compatibility.EC2)`);
    const m = model(text);
    assert.deepEqual(m.tasks.map(t => [t.label, effectiveNetworkMode(t).mode, effectiveNetworkMode(t).stated]), [
      ['F', 'awsvpc', false], ['E', 'bridge', false], ['B', 'awsvpc', false], ['C', 'bridge', false],
    ]);
    assert.deepEqual((get(m.tasks[2].obj, 'requiresCompatibilities') as { items: { value: string }[] }).items.map(i => i.value), ['EC2', 'FARGATE']);
    assert.equal(str(get(m.tasks[2].obj, 'memory')), '512');
    // add_container sets no logging, no user, a writable root filesystem: absent in the model.
    assert.equal(m.tasks[0].defaults.loggingEnabled, undefined);
    // Fargate tasks get 256 CPU units and 512 MiB unless they say otherwise; EC2 tasks get no task size.
    assert.deepEqual(['cpu', 'memory'].map(k => (get(m.tasks[0].obj, k) as { value: number }).value), [256, 512]);
    assert.equal(get(m.tasks[1].obj, 'memory'), undefined);
    const sized = model(stack('ecs.FargateTaskDefinition(self, "S", memory_limit_mib=2048)\necs.FargateTaskDefinition(self, "K", **size)'));
    assert.deepEqual(['cpu', 'memory'].map(k => get(sized.tasks[0].obj, k)?.kind === 'scalar' && (get(sized.tasks[0].obj, k) as { value: number }).value), [256, 2048]);
    assert.deepEqual(['cpu', 'memory'].map(k => get(sized.tasks[1].obj, k)?.kind), ['unknown', 'unknown']);
  });

  it('reads ContainerDefinition, self attributes across methods, and a task definition it cannot see', () => {
    const text = `from aws_cdk import Stack
import aws_cdk.aws_ecs as ecs
from constructs import Construct


class Api(Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        self.task_definition = ecs.FargateTaskDefinition(self, "ApiTask")
        ecs.ContainerDefinition(self, "Sidecar", task_definition=self.task_definition, image=ecs.ContainerImage.from_registry("envoy:1.30"), privileged=True)
        self.add_worker()

    def add_worker(self) -> None:
        self.task_definition.add_container("worker", image=ecs.ContainerImage.from_registry("worker:2"), user="1000")


def add_debug(task_def: ecs.TaskDefinition) -> None:
    task_def.add_container("debug", image=ecs.ContainerImage.from_registry("busybox:1.36"), readonly_root_filesystem=True)
`;
    const m = model(text);
    assert.deepEqual(m.tasks.map(t => [t.label, t.containers.map(c => c.label)]), [['ApiTask', ['Sidecar', 'worker']], ['task_def', ['debug']]]);
    // The task definition passed in is declared elsewhere: its task-level settings are unknown, not absent.
    assert.equal(get(m.tasks[1].obj, 'networkMode')?.kind, 'unknown');
    assert.deepEqual(brief(text, 'privileged-container'), [`privileged-container ${rangeOf(text, 'privileged=True)', 'True')} True`]);
  });

  it('maps every property the catalog rules read, under its ECS name', () => {
    const text = stack(`role = iam.Role(self, "Shared", assumed_by=iam.ServicePrincipal("ecs-tasks.amazonaws.com"))
task = ecs.Ec2TaskDefinition(self, "T", ipc_mode=ecs.IpcMode.HOST, task_role=role, execution_role=role,
    volumes=[ecs.Volume(name="logs", host=ecs.Host(source_path="/var/log"))])
other = ecs.Ec2TaskDefinition(self, "U", task_role=role, execution_role=exec_role)
c = task.add_container("app", image=ecs.ContainerImage.from_registry("a:1"), entry_point=["sh", "-c"], command=["echo $TOKEN"],
    docker_labels={"com.example.key": "abc"}, memory_reservation_mib=128, docker_security_options=["seccomp:unconfined"])
c.add_mount_points(ecs.MountPoint(container_path="/logs", source_volume="logs", read_only=False))
c.add_port_mappings(ecs.PortMapping(container_port=80, host_port=8080))
c.add_environment("MODE", "fast")
c.add_docker_label("team", "web")`);
    const m = model(text);
    const [t, u] = m.tasks;
    const plain = (v: MValue | undefined): unknown => {
      if (!v) return v;
      if (v.kind === 'scalar') return v.value;
      if (v.kind === 'unknown') return `?${v.identity ?? v.hint}`;
      if (v.kind === 'array') return v.items.map(plain);
      return Object.fromEntries(v.props.map(p => [p.key, plain(p.value)]));
    };
    assert.equal(str(get(t.obj, 'ipcMode')), 'host');
    // One role for both: the same identity (the shared-role rule compares them); another role differs.
    assert.equal(plain(get(t.obj, 'taskRoleArn')), plain(get(t.obj, 'executionRoleArn')));
    assert.notEqual(plain(get(u.obj, 'taskRoleArn')), plain(get(u.obj, 'executionRoleArn')));
    assert.deepEqual(plain(get(t.obj, 'volumes')), [{ name: 'logs', host: { sourcePath: '/var/log' } }]);
    const c = t.containers[0].obj;
    assert.deepEqual(plain(c), {
      name: 'app', image: 'a:1', entryPoint: ['sh', '-c'], command: ['echo $TOKEN'], dockerLabels: { 'com.example.key': 'abc', team: 'web' },
      memoryReservation: 128, dockerSecurityOptions: ['seccomp:unconfined'],
      mountPoints: [{ containerPath: '/logs', sourceVolume: 'logs', readOnly: false }],
      portMappings: [{ containerPort: 80, hostPort: 8080 }],
      environment: [{ name: 'MODE', value: 'fast' }],
    });
  });

  it('follows linux_parameters to add_capabilities later in the file, and reads volumes', () => {
    const text = stack(`task = ecs.Ec2TaskDefinition(self, "Agent")
params = ecs.LinuxParameters(self, "Params", init_process_enabled=True)
task.add_container("agent", image=ecs.ContainerImage.from_registry("datadog/agent:7"), linux_parameters=params)
params.add_capabilities(ecs.Capability.SYS_ADMIN, ecs.Capability.NET_ADMIN)
params.drop_capabilities(ecs.Capability.ALL)
task.add_volume(name="docker", host=ecs.Host(source_path="/var/run/docker.sock"))
task.add_volume(
    name="data",
    efs_volume_configuration=ecs.EfsVolumeConfiguration(
        file_system_id=fs.file_system_id,
        transit_encryption="DISABLED",
        authorization_config=ecs.AuthorizationConfig(iam="DISABLED"),
    ),
)`);
    const m = model(text);
    const lp = get(m.tasks[0].containers[0].obj, 'linuxParameters');
    assert.equal((get(lp, 'initProcessEnabled') as { value: boolean }).value, true);
    const add = path(lp, 'capabilities', 'add') as { items: MValue[] };
    assert.deepEqual(add.items.map(v => [str(v), at(text, v)]), [['SYS_ADMIN', 'ecs.Capability.SYS_ADMIN'], ['NET_ADMIN', 'ecs.Capability.NET_ADMIN']]);
    assert.deepEqual((path(lp, 'capabilities', 'drop') as { items: MValue[] }).items.map(str), ['ALL']);
    const volumes = (get(m.tasks[0].obj, 'volumes') as { items: MValue[] }).items;
    assert.equal(str(path(volumes[0], 'host', 'sourcePath')), '/var/run/docker.sock');
    assert.equal(at(text, path(volumes[0], 'host', 'sourcePath')), '"/var/run/docker.sock"');
    assert.equal(str(path(volumes[1], 'efsVolumeConfiguration', 'transitEncryption')), 'DISABLED');
    assert.equal(str(path(volumes[1], 'efsVolumeConfiguration', 'authorizationConfig', 'iam')), 'DISABLED');
    assert.equal(path(volumes[1], 'efsVolumeConfiguration', 'fileSystemId')?.kind, 'unknown');
  });

  it('reads ecs-patterns with image options as a class or a dict, logging on by default', () => {
    const text = stack(`ecs_patterns.ApplicationLoadBalancedFargateService(
    self, "Web",
    cluster=cluster,
    memory_limit_mib=1024,
    assign_public_ip=True,
    task_image_options=ecs_patterns.ApplicationLoadBalancedTaskImageOptions(
        image=ecs.ContainerImage.from_registry("nginx:latest"),
        environment={"STRIPE_SECRET": "sk_live_0123456789abcdefghijklmn"},
    ),
)
ecs_patterns.NetworkLoadBalancedFargateService(
    self, "Api",
    task_image_options={
        "image": ecs.ContainerImage.from_registry("api:3"),
        "container_name": "api",
        "enable_logging": False,
    },
)
ecs_patterns.QueueProcessingFargateService(self, "Worker", image=ecs.ContainerImage.from_registry("worker:1"), environment={"MODE": "batch"})`,
    'from aws_cdk import Stack\nfrom aws_cdk import aws_ecs as ecs, aws_ecs_patterns as ecs_patterns\nfrom constructs import Construct\n');
    const m = model(text);
    assert.deepEqual(m.tasks.map(t => [t.label, t.containers.map(c => c.label), t.defaults.loggingEnabled, effectiveNetworkMode(t).mode]), [
      ['Web', ['web'], true, 'awsvpc'], ['Api', ['api'], false, 'awsvpc'], ['Worker', ['QueueProcessingContainer'], true, 'awsvpc'],
    ]);
    assert.equal((get(m.tasks[0].obj, 'memory') as { value: number }).value, 1024);
    assert.equal(at(text, path(m.services[0].obj, 'networkConfiguration', 'awsvpcConfiguration', 'assignPublicIp')), 'True');
    assert.equal(str(path(m.services[0].obj, 'networkConfiguration', 'awsvpcConfiguration', 'assignPublicIp')), 'ENABLED');
    assert.deepEqual(brief(text, 'plaintext-secret-in-environment'), [`plaintext-secret-in-environment ${rangeOf(text, '"sk_live_0123456789abcdefghijklmn"')} "sk_live_0123456789abcdefghijklmn"`]);
    assert.deepEqual(brief(text, 'latest-image-tag'), [`latest-image-tag ${rangeOf(text, '"nginx:latest"')} "nginx:latest"`]);
  });

  it('reads L1 CfnTaskDefinition, CfnService and CfnCluster with ECS names', () => {
    const text = stack(`ecs.CfnTaskDefinition(
    self, "Legacy",
    family="legacy",
    network_mode="host",
    requires_compatibilities=["EC2"],
    container_definitions=[
        ecs.CfnTaskDefinition.ContainerDefinitionProperty(
            name="app",
            image="legacy:latest",
            privileged=True,
            linux_parameters=ecs.CfnTaskDefinition.LinuxParametersProperty(
                capabilities=ecs.CfnTaskDefinition.KernelCapabilitiesProperty(add=["SYS_ADMIN"]),
            ),
            environment=[ecs.CfnTaskDefinition.KeyValuePairProperty(name="API_KEY", value="abc123-secret")],
        ),
        {"name": "sidecar", "image": "envoy:1.30", "readonly_root_filesystem": True, "user": "1000"},
    ],
    volumes=[ecs.CfnTaskDefinition.VolumeProperty(name="efs", efs_volume_configuration=ecs.CfnTaskDefinition.EFSVolumeConfigurationProperty(filesystem_id="fs-1", transit_encryption="DISABLED"))],
)
ecs.CfnService(self, "Svc", network_configuration=ecs.CfnService.NetworkConfigurationProperty(awsvpc_configuration=ecs.CfnService.AwsVpcConfigurationProperty(assign_public_ip="ENABLED", subnets=["subnet-1"])))
ecs.CfnCluster(self, "Cl", cluster_settings=[ecs.CfnCluster.ClusterSettingsProperty(name="containerInsights", value="disabled")])`);
    const m = model(text);
    const task = m.tasks[0];
    assert.equal(task.label, 'legacy');
    assert.equal(str(get(task.obj, 'networkMode')), 'host');
    assert.deepEqual(task.containers.map(c => c.label), ['app', 'sidecar']);
    assert.deepEqual((path(task.containers[0].obj, 'linuxParameters', 'capabilities', 'add') as { items: MValue[] }).items.map(str), ['SYS_ADMIN']);
    assert.equal((get(task.containers[1].obj, 'readonlyRootFilesystem') as { value: boolean }).value, true);
    assert.equal(str(path((get(task.obj, 'volumes') as { items: MValue[] }).items[0], 'efsVolumeConfiguration', 'fileSystemId')), 'fs-1');
    assert.equal(str(path(m.services[0].obj, 'networkConfiguration', 'awsvpcConfiguration', 'assignPublicIp')), 'ENABLED');
    const fired = new Set(pyFindings(text).map(f => f.rule));
    for (const id of ['container-insights-disabled', 'container-runs-as-root', 'host-network-mode', 'latest-image-tag',
      'plaintext-secret-in-environment', 'privileged-container', 'public-ip-assigned', 'writable-root-filesystem', 'dangerous-capability']) {
      assert.ok(fired.has(id), id);
    }
  });

  it('collects task role statements: add_to_task_role_policy, a role given as task_role, inline policies', () => {
    const text = stack(`role = iam.Role(self, "AppRole", assumed_by=iam.ServicePrincipal("ecs-tasks.amazonaws.com"), inline_policies={
    "Admin": iam.PolicyDocument(statements=[iam.PolicyStatement(actions=["*"], resources=["*"])]),
})
task = ecs.FargateTaskDefinition(self, "Orders", task_role=role)
task.add_to_task_role_policy(iam.PolicyStatement(actions=["s3:*"], resources=["*"]))
role.add_to_policy(iam.PolicyStatement(effect=iam.Effect.ALLOW, actions=["dynamodb:PutItem"], resources=["*"]))
stmt = iam.PolicyStatement(actions=["sqs:SendMessage"])
stmt.add_all_resources()
task.task_role.add_to_principal_policy(stmt)
denied = iam.PolicyStatement(effect=iam.Effect.DENY, actions=["*"], resources=["*"])
task.add_to_task_role_policy(denied)
other = ecs.FargateTaskDefinition(self, "Reports")
other.add_to_execution_role_policy(iam.PolicyStatement(actions=["ecr:*"], resources=["*"]))`);
    const m = model(text);
    assert.deepEqual(m.taskRoleStatements.map(s => [s.roleLabel, s.tasks, str(get(s.obj, 'effect'))]), [
      ['AppRole', ['Orders'], undefined], ['AppRole', ['Orders'], undefined], ['AppRole', ['Orders'], 'Allow'], ['AppRole', ['Orders'], undefined], ['AppRole', ['Orders'], 'Deny'],
    ]);
    assert.deepEqual(brief(text, 'wildcard-task-role-policy'), [
      `wildcard-task-role-policy ${rangeOf(text, 'actions=["*"]', '"*"')} "*"`,
      `wildcard-task-role-policy ${rangeOf(text, '"s3:*"')} "s3:*"`,
      `wildcard-task-role-policy ${rangeOf(text, '["dynamodb:PutItem"], resources=["*"]', '"*"')} "*"`,
      `wildcard-task-role-policy ${rangeOf(text, 'stmt.add_all_resources()')} stmt.add_all_resources()`,
    ]);
  });

  it('reads Cluster Container Insights (boolean and v2 enum)', () => {
    const text = stack(`ecs.Cluster(self, "Off", vpc=vpc, container_insights=False)
ecs.Cluster(self, "Unset", vpc=vpc)
ecs.Cluster(self, "On", vpc=vpc, container_insights=True)
ecs.Cluster(self, "Enhanced", vpc=vpc, container_insights_v2=ecs.ContainerInsights.ENHANCED)
ecs.Cluster(self, "Dynamic", vpc=vpc, container_insights=props.insights)`);
    assert.deepEqual(brief(text, 'container-insights-disabled'), [
      `container-insights-disabled ${rangeOf(text, 'container_insights=False', 'False')} False`,
      `container-insights-disabled ${rangeOf(text, '"Unset"')} "Unset"`,
    ]);
  });
});

describe('CDK Python: values', () => {
  before(preparePython);

  it('resolves module-level constants, f-strings and concatenations of them', () => {
    const text = stack(`task = ecs.FargateTaskDefinition(self, "T")
task.add_container("a", image=ecs.ContainerImage.from_registry(IMAGE))
task.add_container("b", image=ecs.ContainerImage.from_registry(f"{REPO}:{TAG}"))
task.add_container("c", image=ecs.ContainerImage.from_registry(REPO + ":" + TAG))
task.add_container("d", image=ecs.ContainerImage.from_registry(ALIAS))
task.add_container("e", image=ecs.ContainerImage.from_registry(f"{REPO}:{version}"))
task.add_container("f", image=ecs.ContainerImage.from_registry(REPEATED))`, undefined, `
REPO = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/web"
TAG: str = "latest"
IMAGE = f"{REPO}:1.2.3"
ALIAS = IMAGE
REPEATED = "x:latest"
REPEATED = "x:1"
`);
    const images = model(text).tasks[0].containers.map(c => get(c.obj, 'image')!);
    assert.deepEqual(images.map(v => (v.kind === 'scalar' ? v.value : `unknown ${v.kind === 'unknown' ? v.template ?? v.hint : ''}`)), [
      '111122223333.dkr.ecr.eu-west-1.amazonaws.com/web:1.2.3',
      '111122223333.dkr.ecr.eu-west-1.amazonaws.com/web:latest',
      '111122223333.dkr.ecr.eu-west-1.amazonaws.com/web:latest',
      '111122223333.dkr.ecr.eu-west-1.amazonaws.com/web:1.2.3',
      'unknown 111122223333.dkr.ecr.eu-west-1.amazonaws.com/web:\uFFFF',
      'unknown the variable REPEATED',
    ]);
    // Findings go where the constant is used.
    assert.deepEqual(brief(text, 'latest-image-tag'), [
      `latest-image-tag ${rangeOf(text, 'f"{REPO}:{TAG}"')} f"{REPO}:{TAG}"`,
      `latest-image-tag ${rangeOf(text, 'REPO + ":" + TAG')} REPO + ":" + TAG`,
    ]);
  });

  it('treats what it cannot know as Unknown with a hint, and synth-time environment reads as deploy-time values', () => {
    const text = stack(`task = ecs.FargateTaskDefinition(self, "T")
task.add_container(
    "app",
    image=ecs.ContainerImage.from_ecr_repository(repo),
    user=props.user,
    privileged=props.privileged,
    environment={
        "DB_PASSWORD": os.environ["DB_PASSWORD"],
        "API_TOKEN": os.getenv("API_TOKEN"),
        "SECRET_KEY": secret.secret_value.unsafe_unwrap(),
        "OTHER": helper(),
    },
)`, undefined, 'import os\n');
    const c = model(text).tasks[0].containers[0].obj;
    const image = get(c, 'image');
    assert.equal(image?.kind === 'unknown' && image.template, '\uFFFF:latest');
    assert.equal(get(c, 'user')?.kind, 'unknown');
    assert.equal(get(c, 'privileged')?.kind, 'unknown');
    assert.deepEqual(brief(text, 'privileged-container'), []);
    const env = (get(c, 'environment') as { items: MValue[] }).items.map(e => get(e, 'value'));
    assert.deepEqual(env.map(v => v?.kind === 'unknown' && [v.hint, !!v.deployTimeValue]), [
      ['os.environ["DB_PASSWORD"] (read when the app is synthesized)', true],
      ['os.getenv("API_TOKEN") (read when the app is synthesized)', true],
      ['secret.secret_value.unsafe_unwrap() (a secret unwrapped into plain text)', true],
      ['helper()', false],
    ]);
    assert.equal(pyFindings(text, 'plaintext-secret-in-environment').length, 3);
    // from_ecr_repository without a tag pulls 'latest'.
    assert.deepEqual(brief(text, 'latest-image-tag'), [`latest-image-tag ${rangeOf(text, 'ecs.ContainerImage.from_ecr_repository(repo)')} ecs.ContainerImage.from_ecr_repository(repo)`]);
  });

  it('treats **kwargs as possibly setting anything: nothing is reported absent', () => {
    const text = stack(`task = ecs.FargateTaskDefinition(self, "T")
task.add_container("app", image=ecs.ContainerImage.from_registry("a:1"), **common_options)`);
    // The image is stated, so the image rules may speak; every rule about an absent setting stays silent.
    const aboutImage = ['public-registry-image', 'image-not-pinned-by-digest', 'latest-image-tag'];
    assert.deepEqual(pyFindings(text).map(f => f.rule).filter(r => !aboutImage.includes(r)), []);
  });

  it('survives deep nesting without recursion', () => {
    const deep = '['.repeat(5000) + '"x"' + ']'.repeat(5000);
    const text = stack(`task = ecs.FargateTaskDefinition(self, "T")\ntask.add_container("app", image=ecs.ContainerImage.from_registry("a:1"), command=${deep}, privileged=True)`);
    const r = pyRun(text);
    assert.equal(r.skipped, undefined);
    assert.equal(r.findings.filter(f => f.ruleId === 'privileged-container').length, 1);
  });
});

describe('CDK Python: text positions, line endings and broken input', () => {
  before(preparePython);

  it('puts findings at UTF-16 positions after non-ASCII text (accents, CJK, emoji)', () => {
    const text = stack(`# Größe: 🚀 デプロイ — ünïcödé before the finding
task = ecs.FargateTaskDefinition(self, "Tâche")
task.add_container("wéb", image=ecs.ContainerImage.from_registry("nginx:1"), environment={"NOTE": "😀😀"}, privileged=True)`);
    const [f] = pyFindings(text, 'privileged-container');
    // Before the finding, line 11 holds an accent and two emoji: 124 characters, 126 UTF-16 code units, 131 UTF-8 bytes.
    assert.deepEqual([f.line, f.character, f.endLine, f.endCharacter, f.text], [11, 126, 11, 130, 'True']);
    assert.equal(rangeOf(text, 'privileged=True', 'True'), '11:126-11:130');
    const m = model(text);
    assert.equal(m.tasks[0].label, 'Tâche');
    assert.equal(m.tasks[0].containers[0].label, 'wéb');
  });

  it('reads CRLF files with the same findings and positions', () => {
    const lf = stack(`task = ecs.FargateTaskDefinition(self, "T")\ntask.add_container(\n    "app",\n    image=ecs.ContainerImage.from_registry("nginx:1"),\n    privileged=True,  # needed?\n)`);
    const crlf = lf.replace(/\n/g, '\r\n');
    assert.deepEqual(pyFindings(crlf), pyFindings(lf));
    assert.deepEqual(pyRun(crlf).parsed!.comments.map(c => c.text), pyRun(lf).parsed!.comments.map(c => c.text));
    assert.ok(pyRun(crlf).parsed!.comments.every(c => !c.text.includes('\r')));
  });

  it('reports syntax errors and still analyses what parsed', () => {
    const text = stack(`task = ecs.FargateTaskDefinition(self, "T")
task.add_container("app", image=ecs.ContainerImage.from_registry("nginx:1"), privileged=True)
broken = (1, 2
def oops(:
    pass`);
    const r = pyRun(text);
    assert.ok(r.problems.length >= 1);
    assert.ok(r.problems.every(p => /^Syntax error/.test(p.message)));
    assert.equal(r.findings.filter(f => f.ruleId === 'privileged-container').length, 1);
  });

  it('never throws on garbage, half-typed code or an empty file', () => {
    const samples = [
      '', 'from aws_cdk import aws_ecs as ecs\n', 'from aws_cdk import aws_ecs as ecs\ntask.add_container(',
      'from aws_cdk import aws_ecs as ecs\nx = ecs.FargateTaskDefinition(self, "T"\nx.add_container("a", privileged=True',
      'from aws_cdk import aws_ecs as ecs\n' + ')]}'.repeat(1000), 'from aws_cdk import aws_ecs as ecs\n"""unterminated',
      'from aws_cdk import aws_ecs as ecs\nt = ecs.FargateTaskDefinition(self, "T")\nt.add_container("a", environment={"K": f"{"nested"}"}, privileged=True)\n',
    ];
    for (const s of samples) {
      const r = pyRun(s);
      assert.equal(r.skipped, undefined, s);
    }
  });
});

describe('CDK Python: robustness', () => {
  before(preparePython);

  it('reads any mangled version of a real stack without failing, with findings inside the text', () => {
    const base = fs.readFileSync(nodePath.join(EXAMPLES, 'cdk-python', 'insecure_stack.py'), 'utf8');
    const token = fc.constantFrom('(', ')', '[', ']', '{', '}', ',', ':', '=', '"', "'", '"""', 'f"{', '\\', '\n', '    ', '#', '**', '*', 'self.', 'ecs.', 'lambda x: x', 'None', 'add_container(', 'privileged=True', '😀', '\r\n');
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat(base.length), fc.nat(30), fc.array(token, { maxLength: 4 })), { minLength: 1, maxLength: 6 }), edits => {
      let text = base;
      for (const [at, len, tokens] of edits) {
        const i = Math.min(at, text.length);
        text = text.slice(0, i) + tokens.join('') + text.slice(Math.min(text.length, i + len));
      }
      const r = pyRun(text);
      assert.equal(r.skipped, undefined, r.skipped);
      for (const f of r.findings) assert.ok(f.span.start >= 0 && f.span.end <= text.length && f.span.start <= f.span.end);
    }), { numRuns: 150, seed: 8 });
  });
});

describe('CDK Python: suppressions', () => {
  before(preparePython);

  const body = (directive: string) => stack(`task = ecs.FargateTaskDefinition(self, "T")
task.add_container(
    "app",
    image=ecs.ContainerImage.from_registry("nginx:1"),
    user="1000",
    readonly_root_filesystem=True,
    ${directive}
    privileged=True,
)`);

  // The fixture states what these tests are about; the catalog's other rules (about settings it leaves out) are not.
  const TOUCHED = ['privileged-container', 'writable-root-filesystem', 'container-runs-as-root', 'latest-image-tag', 'unused-suppression'];
  const onlyTouched = <T extends { rule: string } | string>(xs: T[]) => xs.filter(x => TOUCHED.some(id => (typeof x === 'string' ? x.startsWith(id + ' ') : x.rule === id)));

  it('a # ecs-guard-ignore comment on the line above suppresses that line, with its reason', () => {
    const text = body('# ecs-guard-ignore privileged-container: the agent needs host devices');
    assert.deepEqual(onlyTouched(pyFindings(text)), []);
    const r = pyRun(text);
    assert.equal(r.suppressed!.length, 1);
    assert.equal(r.suppressed![0].suppression.reason, 'the agent needs host devices');
  });

  it('names several rules, works trailing, and reports and removes an unused one', () => {
    const several = body('# ecs-guard-ignore writable-root-filesystem, privileged-container');
    const directive = '# ecs-guard-ignore writable-root-filesystem, privileged-container';
    assert.deepEqual(onlyTouched(brief(several)), [`unused-suppression ${rangeOf(several, directive)} ${directive}`]);
    const trailing = body('').replace('privileged=True,', 'privileged=True,  # ecs-guard-ignore privileged-container');
    assert.deepEqual(onlyTouched(pyFindings(trailing)), []);
    const unused = body('# ecs-guard-ignore latest-image-tag');
    assert.deepEqual(brief(unused).filter(f => f.startsWith('unused')), [`unused-suppression ${rangeOf(unused, '# ecs-guard-ignore latest-image-tag')} # ecs-guard-ignore latest-image-tag`]);
  });

  it('gives comments exact spans after non-ASCII text and ignores # inside strings', () => {
    const text = stack(`x = "# not a comment 😀"  # ✓ ecs-guard-ignore-file\ny = '#'`);
    const r = pyRun(text);
    assert.deepEqual(r.parsed!.comments.map(c => [text.slice(c.span.start, c.span.end), c.text]), [['# ✓ ecs-guard-ignore-file', ' ✓ ecs-guard-ignore-file']]);
  });
});
