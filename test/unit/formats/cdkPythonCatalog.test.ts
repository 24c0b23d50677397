import * as assert from 'node:assert/strict';
import { fixEdits } from '../../../server/src/engine/analyze';
import { applyEdits } from '../../../server/src/engine/edits';
import { assertParses, preparePython, pyFixViolations, pyRun, stack } from '../../helpers/python';

// The catalog on a whole CDK Python app: many findings at once, and every fix offered is sound.
// The rule-by-rule tests are in cdkPythonCatalogTask, …Containers and …Volumes.

const IMPORTS = 'from aws_cdk import SecretValue, Stack\nfrom aws_cdk import aws_ecs as ecs\nfrom aws_cdk import aws_iam as iam\nfrom constructs import Construct\n';

const APP = stack(`role = iam.Role(self, "Role", assumed_by=iam.ServicePrincipal("ecs-tasks.amazonaws.com"))
agent = ecs.Ec2TaskDefinition(
    self,
    "Agent",
    pid_mode=ecs.PidMode.HOST,
    ipc_mode=ecs.IpcMode.HOST,
    task_role=role,
    execution_role=role,
)
agent.add_volume(name="docker", host=ecs.Host(source_path="/var/run/docker.sock"))
agent.add_volume(
    name="shared",
    efs_volume_configuration=ecs.EfsVolumeConfiguration(file_system_id=file_system.file_system_id),
)
params = ecs.LinuxParameters(self, "AgentParams")
params.add_capabilities(ecs.Capability.SYS_ADMIN, ecs.Capability.NET_BIND_SERVICE)
params.drop_capabilities(ecs.Capability.NET_RAW)
agent_container = agent.add_container(
    "agent",
    image=ecs.ContainerImage.from_registry("datadog/agent:7.52.0"),
    linux_parameters=params,
    docker_security_options=["seccomp:unconfined", "no-new-privileges"],
    command=["agent", "--api-key", "0123456789abcdef0123456789abcdef"],
)
agent_container.add_environment("DD_API_KEY", "0123456789abcdef0123456789abcdef")
web = ecs.FargateTaskDefinition(self, "Web")
web.add_container(
    "web",
    image=ecs.ContainerImage.from_registry("public.ecr.aws/nginx/nginx:1.27"),
    user="1000",
    readonly_root_filesystem=True,
    logging=ecs.LogDrivers.splunk(
        token=SecretValue.unsafe_plain_text("abcdef12-3456-7890-abcd-ef1234567890"),
        url="https://splunk.example.com:8088",
    ),
)`, IMPORTS);

describe('CDK Python: the catalog on a whole app', () => {
  before(preparePython);

  it('finds the catalog rules in one app', () => {
    const rules = new Set(pyRun(APP).findings.map(f => f.ruleId));
    for (const rule of [
      'bridge-network-mode', 'host-pid-mode', 'host-ipc-mode', 'shared-task-execution-role', 'host-path-volume',
      'efs-transit-encryption-disabled', 'efs-iam-authorization-disabled', 'public-registry-image', 'image-not-pinned-by-digest',
      'dangerous-capability', 'capabilities-not-dropped', 'missing-log-configuration', 'missing-memory-limit',
      'unconfined-security-option', 'hardcoded-credential', 'missing-health-check', 'plaintext-secret-in-environment',
    ]) assert.ok(rules.has(rule), rule);
  });

  it('every fix offered parses, fires its rule less often and adds no finding', async () => {
    assert.deepEqual(pyFixViolations(APP), []);
    const r = pyRun(APP);
    let rendered = 0;
    for (const f of r.findings) {
      const edits = f.fix && fixEdits(r, f);
      if (!edits) continue;
      rendered++;
      const fixed = applyEdits(APP, edits);
      await assertParses(fixed);
      if (f.ruleId === 'hardcoded-credential' || f.ruleId === 'plaintext-secret-in-environment') {
        // Moving a secret takes its plain text out of the file, not elsewhere in it.
        const secret = APP.slice(f.span.start, f.span.end);
        assert.equal(fixed.split(secret).length, APP.split(secret).length - 1, `${f.ruleId}: ${f.fix!.title}`);
      }
    }
    // Fourteen fixes are written; the rest are reports only (no fix, or one this file cannot express).
    assert.equal(rendered, 14);
  });

  it('names the tables do not hold, even those of Object.prototype, are just unknown names', () => {
    const text = stack(`task = ecs.FargateTaskDefinition(self, "T")
task.add_container("a", image=img, privileged=True, logging=ecs.GenericLogDriver(log_driver="constructor", options={"token": "abcdef1234567890"}))
task.add_container("b", image=img, privileged=True, logging=ecs.toString(token="abcdef1234567890"))
patterns.constructor(self, "P", cluster=ecs.Cluster(self, "C"), network_mode=ecs.hasOwnProperty.HOST)`, 'from aws_cdk import aws_ecs as ecs, aws_ecs_patterns as patterns\n');
    const r = pyRun(text);
    assert.deepEqual(r.findings.filter(f => f.ruleId === 'privileged-container').length, 2);
    // An unknown driver's options are still options; an unknown factory is no log driver at all.
    assert.deepEqual(r.findings.filter(f => f.ruleId === 'hardcoded-credential').map(f => text.slice(f.span.start, f.span.end)), ['"abcdef1234567890"']);
  });

  it('stays silent on Python that is not ECS: CodeBuild, Kubernetes manifests, secrets of other constructs', () => {
    const text = stack(`project = codebuild.PipelineProject(self, "Build", environment=codebuild.BuildEnvironment(privileged=True))
pod = {"spec": {"hostPID": True, "hostIPC": True, "containers": [{"name": "web", "image": "nginx:1.27", "securityContext": {"capabilities": {"add": ["SYS_ADMIN"]}}}], "volumes": [{"name": "sock", "hostPath": {"path": "/var/run/docker.sock"}}]}}
cluster.add_manifest("Pod", pod)
db = rds.DatabaseInstance(self, "Db", engine=engine, vpc=vpc, credentials=rds.Credentials.from_password("admin", SecretValue.unsafe_plain_text("hunter2hunter2")))
other.add_capabilities("SYS_ADMIN")`, 'from aws_cdk import SecretValue, Stack, aws_codebuild as codebuild, aws_rds as rds\nfrom aws_cdk import aws_ecs as ecs\nfrom constructs import Construct\n');
    const r = pyRun(text);
    assert.equal(r.format, 'cdk-python');
    assert.deepEqual(r.findings, []);
  });
});
