import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixAll, fixEdits } from '../../../server/src/engine/analyze';
import { applyEdits } from '../../../server/src/engine/edits';
import { FixIntent, remove, set } from '../../../server/src/model/document';
import { MObject, MValue, get, path as mpath } from '../../../server/src/model/values';
import { placeholderName } from '../../../server/src/formats/cdk/pythonEdit';
import { EXAMPLES } from '../../helpers/paths';
import { PY_URI, assertParses, preparePython, pyFindings, pyFix, pyFixViolations, pyRun } from '../../helpers/python';

const HEAD = 'from aws_cdk import aws_ecs as ecs\n\ntask = ecs.FargateTaskDefinition(self, "T")\n';

/** Applies raw intents through the adapter's renderer (for fixes of rules that other formats share). */
function render(text: string, make: (doc: NonNullable<ReturnType<typeof pyRun>['parsed']>) => FixIntent[]): string | undefined {
  const parsed = pyRun(text).parsed!;
  const edits = parsed.render(make(parsed));
  return edits && applyEdits(text, edits);
}

describe('CDK Python: fixes', () => {
  before(preparePython);

  it('removes a keyword argument with its comma, and its line when it has one', async () => {
    const cases: [string, string][] = [
      ['task.add_container(\n    "a",\n    image=img,\n    privileged=True,  # why not\n    user="1000",\n)\n', 'task.add_container(\n    "a",\n    image=img,\n    user="1000",\n)\n'],
      ['task.add_container("a", privileged=True, image=img, user="1000")\n', 'task.add_container("a", image=img, user="1000")\n'],
      ['task.add_container("a", image=img, user="1000", privileged=True)\n', 'task.add_container("a", image=img, user="1000")\n'],
      ['task.add_container("a", user="1000", privileged=True,)\n', 'task.add_container("a", user="1000",)\n'],
      ['task.add_container("a",\n                   user="1000",\n                   privileged=True)\n', 'task.add_container("a",\n                   user="1000")\n'],
      ['task.add_container(\n    "a",\n    user="1000",\n    privileged=True\n)\n', 'task.add_container(\n    "a",\n    user="1000",\n)\n'],
    ];
    for (const [before, after] of cases) {
      const text = HEAD + before;
      assert.equal(pyFix(text, 'privileged-container'), HEAD + after);
      await assertParses(HEAD + after);
    }
  });

  it('adds a keyword argument next to its siblings, in their layout and comma habit', async () => {
    const cases: [string, string][] = [
      ['task.add_container(\n    "a",\n    user="1000",  # app user\n)\n', 'task.add_container(\n    "a",\n    user="1000",  # app user\n    readonly_root_filesystem=True,\n)\n'],
      ['task.add_container("a", image=img, user="1000")\n', 'task.add_container("a", image=img, user="1000", readonly_root_filesystem=True)\n'],
      ['task.add_container("a", user="1000",)\n', 'task.add_container("a", user="1000", readonly_root_filesystem=True,)\n'],
      ['task.add_container("a",\n                   user="1000")\n', 'task.add_container("a",\n                   user="1000",\n                   readonly_root_filesystem=True)\n'],
      ['task.add_container(\n    "a",\n    user="1000"\n)\n', 'task.add_container(\n    "a",\n    user="1000",\n    readonly_root_filesystem=True\n)\n'],
      ['task.add_container(\n    "a",\n    user="1000",\n    environment={\n        "A": "b",\n    }\n)\n', 'task.add_container(\n    "a",\n    user="1000",\n    environment={\n        "A": "b",\n    },\n    readonly_root_filesystem=True\n)\n'],
      ['task.add_container("a", user="1000", readonly_root_filesystem=False)\n', 'task.add_container("a", user="1000", readonly_root_filesystem=True)\n'],
    ];
    for (const [before, after] of cases) {
      const text = HEAD + before;
      assert.equal(pyFix(text, 'writable-root-filesystem'), HEAD + after);
      await assertParses(HEAD + after);
      assert.deepEqual(pyFindings(HEAD + after, 'writable-root-filesystem'), []);
    }
  });

  it('keeps CRLF line endings and tab indentation', () => {
    const text = (HEAD + 'task.add_container(\n\t"a",\n\tuser="1000",\n\tprivileged=True,\n)\n').replace(/\n/g, '\r\n');
    assert.equal(pyFix(text, 'writable-root-filesystem'), text.replace('\tprivileged=True,\r\n', '\tprivileged=True,\r\n\treadonly_root_filesystem=True,\r\n'));
    assert.equal(pyFix(text, 'privileged-container'), text.replace('\tprivileged=True,\r\n', ''));
  });

  it('sets or replaces the user, in the file\'s quote style', () => {
    const text = "from aws_cdk import aws_ecs as ecs\n\ntask = ecs.FargateTaskDefinition(self, 'T')\ntask.add_container('a', readonly_root_filesystem=True)\ntask.add_container('b', user='root', readonly_root_filesystem=True)\n";
    assert.equal(pyFix(text, 'container-runs-as-root', 0), text.replace("('a', readonly_root_filesystem=True)", "('a', readonly_root_filesystem=True, user='1000:1000')"));
    assert.equal(pyFix(text, 'container-runs-as-root', 1), text.replace("user='root'", "user='1000:1000'"));
  });

  it('rewrites NetworkMode.HOST to AWS_VPC with the file\'s own alias, and drops host ports that differ', () => {
    const text = 'from aws_cdk import aws_ecs\n\ntask = aws_ecs.Ec2TaskDefinition(self, "T", network_mode=aws_ecs.NetworkMode.HOST)\ntask.add_container("a", user="1000", readonly_root_filesystem=True, port_mappings=[aws_ecs.PortMapping(container_port=80, host_port=8080)])\n';
    assert.equal(pyFix(text, 'host-network-mode'), text.replace('aws_ecs.NetworkMode.HOST', 'aws_ecs.NetworkMode.AWS_VPC').replace(', host_port=8080', ''));
    const l1 = 'from aws_cdk import aws_ecs as ecs\n\necs.CfnTaskDefinition(self, "T", network_mode="host", container_definitions=[{"name": "a", "image": "a:1", "user": "1000", "readonly_root_filesystem": True}])\n';
    assert.equal(pyFix(l1, 'host-network-mode'), l1.replace('"host"', '"awsvpc"'));
  });

  it('turns assign_public_ip=True into False (and ENABLED into DISABLED in L1)', () => {
    const text = 'from aws_cdk import aws_ecs as ecs\n\necs.FargateService(self, "Svc", cluster=cluster, task_definition=task, assign_public_ip=True)\n';
    assert.equal(pyFix(text, 'public-ip-assigned'), text.replace('assign_public_ip=True', 'assign_public_ip=False'));
    const l1 = 'from aws_cdk import aws_ecs as ecs\n\necs.CfnService(self, "Svc", network_configuration={"awsvpc_configuration": {"assign_public_ip": "ENABLED"}})\n';
    assert.equal(pyFix(l1, 'public-ip-assigned'), l1.replace('"ENABLED"', '"DISABLED"'));
  });

  it('moves a plaintext secret to secrets: the value leaves the file, the result parses', async () => {
    const text = `from aws_cdk import aws_ecs as ecs

API_KEY = 'key-live-1234567890'

task = ecs.FargateTaskDefinition(self, 'T')
task.add_container(
    'app',
    user='1000',
    environment={
        'API_KEY': API_KEY,
        'DB_PASSWORD': 'hunter2hunter2',
    },
    secrets={
        'OTHER': ecs.Secret.from_ssm_parameter(param),
    },
)
`;
    const first = pyFix(text, 'plaintext-secret-in-environment', 0);
    assert.equal(first, `from aws_cdk import aws_ecs as ecs

task = ecs.FargateTaskDefinition(self, 'T')
task.add_container(
    'app',
    user='1000',
    environment={
        'DB_PASSWORD': 'hunter2hunter2',
    },
    secrets={
        'OTHER': ecs.Secret.from_ssm_parameter(param),
        'API_KEY': ecs.Secret.from_secrets_manager(API_KEY_SECRET_PLACEHOLDER),
    },
)
`);
    assert.doesNotMatch(first, /key-live/);
    const second = pyFix(text, 'plaintext-secret-in-environment', 1);
    assert.doesNotMatch(second, /hunter2/);
    assert.match(second, /'DB_PASSWORD': ecs\.Secret\.from_secrets_manager\(DB_PASSWORD_SECRET_PLACEHOLDER\),\n {4}\},/);
    await assertParses(first);
    await assertParses(second);
  });

  it('creates secrets= where there is none, with the alias the file uses for aws_ecs', async () => {
    const forms: [string, string][] = [
      ['from aws_cdk import aws_ecs as ecs\n', 'ecs.'],
      ['import aws_cdk.aws_ecs\n', 'aws_cdk.aws_ecs.'],
      ['from aws_cdk.aws_ecs import FargateTaskDefinition, Secret\n', ''],
    ];
    for (const [imports, ns] of forms) {
      const task = ns === '' ? 'FargateTaskDefinition' : `${ns}FargateTaskDefinition`;
      const text = `${imports}\ntask = ${task}(self, "T")\ntask.add_container("app", user="1000", environment={"GITHUB_TOKEN": "ghp_0123456789abcdefghijABCDEFGHIJ012345"})\n`;
      const fixed = pyFix(text, 'plaintext-secret-in-environment');
      assert.equal(fixed, text.replace('environment={"GITHUB_TOKEN": "ghp_0123456789abcdefghijABCDEFGHIJ012345"}', `environment={}, secrets={"GITHUB_TOKEN": ${ns}Secret.from_secrets_manager(GITHUB_TOKEN_SECRET_PLACEHOLDER)}`), imports);
      await assertParses(fixed);
    }
    // Only ContainerImage imported: the file has no name for Secret, so no fix is offered rather than a broken one.
    const none = 'from aws_cdk.aws_ecs import FargateTaskDefinition\n\ntask = FargateTaskDefinition(self, "T")\ntask.add_container("app", environment={"GITHUB_TOKEN": "ghp_0123456789abcdefghijABCDEFGHIJ012345"})\n';
    const r = pyRun(none);
    const f = r.findings.find(x => x.ruleId === 'plaintext-secret-in-environment')!;
    assert.equal(fixEdits(r, f), undefined);
  });

  it('moves secrets in ecs-patterns dict options and L1 containers', async () => {
    const pattern = 'from aws_cdk import aws_ecs as ecs, aws_ecs_patterns as patterns\n\npatterns.ApplicationLoadBalancedFargateService(self, "Web", task_image_options={"image": img, "environment": {"API_TOKEN": "tok-123456"}})\n';
    const fixed = pyFix(pattern, 'plaintext-secret-in-environment');
    assert.equal(fixed, pattern.replace('"environment": {"API_TOKEN": "tok-123456"}', '"environment": {}, "secrets": {"API_TOKEN": ecs.Secret.from_secrets_manager(API_TOKEN_SECRET_PLACEHOLDER)}'));
    await assertParses(fixed);
    const l1 = "from aws_cdk import aws_ecs as ecs\n\necs.CfnTaskDefinition(self, 'L1', container_definitions=[\n    ecs.CfnTaskDefinition.ContainerDefinitionProperty(name='x', image='x:1', environment=[ecs.CfnTaskDefinition.KeyValuePairProperty(name='TOKEN', value='tok-abcdef-123')]),\n])\n";
    const l1Fixed = pyFix(l1, 'plaintext-secret-in-environment');
    assert.equal(l1Fixed, l1.replace("environment=[ecs.CfnTaskDefinition.KeyValuePairProperty(name='TOKEN', value='tok-abcdef-123')]", "environment=[], secrets=[ecs.CfnTaskDefinition.SecretProperty(name='TOKEN', value_from='arn:aws:secretsmanager:REGION:ACCOUNT_ID:secret:l1/token')]"));
    await assertParses(l1Fixed);
  });

  it('rewrites add_environment of a secret into add_secret; a constant only it used leaves the file', async () => {
    const text = `${HEAD}app = task.add_container("app", image=img, user="1000")\napp.add_environment("LOG_LEVEL", "info")\napp.add_environment("DB_PASSWORD", "hunter2hunter2")\n`;
    assert.deepEqual(pyFindings(text, 'plaintext-secret-in-environment').map(f => f.text), ['"hunter2hunter2"']);
    const fixed = pyFix(text, 'plaintext-secret-in-environment');
    assert.equal(fixed, text.replace('app.add_environment("DB_PASSWORD", "hunter2hunter2")', 'app.add_secret("DB_PASSWORD", ecs.Secret.from_secrets_manager(DB_PASSWORD_SECRET_PLACEHOLDER))'));
    await assertParses(fixed);
    assert.deepEqual(pyFindings(fixed, 'plaintext-secret-in-environment'), []);
    const constant = `from aws_cdk import aws_ecs as ecs\n\nAPI_KEY = "key-live-1234567890"\n\ntask = ecs.FargateTaskDefinition(self, "T")\napp = task.add_container("app", image=img)\napp.add_environment("API_KEY", API_KEY)\n`;
    assert.equal(pyFix(constant, 'plaintext-secret-in-environment'), constant
      .replace('API_KEY = "key-live-1234567890"\n\n', '')
      .replace('app.add_environment("API_KEY", API_KEY)', 'app.add_secret("API_KEY", ecs.Secret.from_secrets_manager(API_KEY_SECRET_PLACEHOLDER))'));
  });

  it('names the placeholder so that it reads as one and is a valid identifier', () => {
    assert.equal(placeholderName('DB_PASSWORD'), 'DB_PASSWORD_SECRET_PLACEHOLDER');
    assert.equal(placeholderName('api-key.v2'), 'API_KEY_V2_SECRET_PLACEHOLDER');
    assert.equal(placeholderName('2FA_SEED'), '_2FA_SEED_SECRET_PLACEHOLDER');
  });

  it('removes an unused suppression comment with its line', () => {
    const text = HEAD + 'task.add_container(\n    "a",\n    user="1000",\n    readonly_root_filesystem=True,\n    # ecs-guard-ignore privileged-container\n    privileged=False,\n)\n';
    assert.equal(pyFix(text, 'unused-suppression'), text.replace('    # ecs-guard-ignore privileged-container\n', ''));
  });

  it('reports findings in a statement with a syntax error, but does not edit it', () => {
    const text = HEAD + 'task.add_container(\n    "a",\n    privileged=True,\n    environment={"A": },\n)\ntask.add_container("b", user="1000", privileged=True)\n';
    const r = pyRun(text);
    assert.ok(r.problems.length > 0);
    const [broken, fine] = r.findings.filter(f => f.ruleId === 'privileged-container');
    assert.equal(text.slice(broken.span.start, broken.span.end), 'True');
    assert.equal(fixEdits(r, broken), undefined);
    assert.deepEqual(fixEdits(r, fine)?.map(e => text.slice(e.start, e.end)), [', privileged=True']);
  });

  it('offers no fix where the construct cannot express it (ecs-patterns image options have no user)', () => {
    const text = 'from aws_cdk import aws_ecs as ecs, aws_ecs_patterns as patterns\n\npatterns.ApplicationLoadBalancedFargateService(self, "Web", task_image_options=patterns.ApplicationLoadBalancedTaskImageOptions(image=img))\n';
    const r = pyRun(text);
    const f = r.findings.find(x => x.ruleId === 'container-runs-as-root')!;
    assert.ok(f);
    assert.equal(fixEdits(r, f), undefined);
  });
});

describe('CDK Python: rendering the intents of the catalog rules', () => {
  before(preparePython);

  const caps = (lp: MObject, which: 'add' | 'drop') => (mpath(lp, 'capabilities', which) as { items: MValue[] }).items;
  const lpOf = (doc: NonNullable<ReturnType<typeof pyRun>['parsed']>) => get(doc.model.tasks[0].containers[0].obj, 'linuxParameters') as MObject;

  it('removes a capability from add_capabilities, or the whole call when it was the only one', async () => {
    const base = (call: string) => `${HEAD}params = ecs.LinuxParameters(self, "P")\ntask.add_container("a", linux_parameters=params)\n${call}\nprint("after")\n`;
    const two = base('params.add_capabilities(ecs.Capability.SYS_ADMIN, ecs.Capability.NET_BIND_SERVICE)');
    assert.equal(render(two, d => [remove(caps(lpOf(d), 'add')[0])]), base('params.add_capabilities(ecs.Capability.NET_BIND_SERVICE)'));
    assert.equal(render(two, d => [remove(caps(lpOf(d), 'add')[1])]), base('params.add_capabilities(ecs.Capability.SYS_ADMIN)'));
    const one = base('params.add_capabilities(ecs.Capability.SYS_ADMIN)');
    const fixed = render(one, d => [remove(caps(lpOf(d), 'add')[0])])!;
    assert.equal(fixed, one.replace('params.add_capabilities(ecs.Capability.SYS_ADMIN)\n', ''));
    // The only statement of a block becomes `pass`, so the block still parses.
    const inIf = `${HEAD}params = ecs.LinuxParameters(self, "P")\ntask.add_container("a", linux_parameters=params)\nif debug:\n    params.add_capabilities(ecs.Capability.SYS_PTRACE)\nprint("after")\n`;
    const passed = render(inIf, d => [remove(caps(lpOf(d), 'add')[0])])!;
    assert.equal(passed, inIf.replace('    params.add_capabilities(ecs.Capability.SYS_PTRACE)', '    pass'));
    await assertParses(passed);
  });

  it('removes an L1 capability from its list', () => {
    const text = 'from aws_cdk import aws_ecs as ecs\n\necs.CfnTaskDefinition(self, "T", container_definitions=[{"name": "a", "image": "a:1", "linux_parameters": {"capabilities": {"add": ["SYS_ADMIN", "CHOWN"]}}}])\n';
    const doc = pyRun(text).parsed!;
    const add = (mpath(doc.model.tasks[0].containers[0].obj, 'linuxParameters', 'capabilities', 'add') as { items: MValue[] }).items;
    assert.equal(applyEdits(text, doc.render([remove(add[0])])!), text.replace('"SYS_ADMIN", ', ''));
  });

  it('sets task-level enums, logging and struct props in Python spelling', async () => {
    const text = `${HEAD.replace('FargateTaskDefinition', 'Ec2TaskDefinition')}task.add_container(\n    "web",\n    image=img,\n)\n`;
    const withMode = render(text, d => [set(d.model.tasks[0].obj, 'networkMode', 'awsvpc')])!;
    assert.equal(withMode, text.replace('Ec2TaskDefinition(self, "T")', 'Ec2TaskDefinition(self, "T", network_mode=ecs.NetworkMode.AWS_VPC)'));
    const withLogs = render(text, d => [set(d.model.tasks[0].containers[0].obj, 'logConfiguration', { logDriver: 'awslogs', options: { 'awslogs-stream-prefix': 'web' } })])!;
    assert.equal(withLogs, text.replace('    image=img,\n', '    image=img,\n    logging=ecs.LogDrivers.aws_logs(stream_prefix="web"),\n'));
    await assertParses(withLogs);
    const pid = `${HEAD.replace('FargateTaskDefinition(self, "T")', 'Ec2TaskDefinition(self, "T", pid_mode=ecs.PidMode.HOST, ipc_mode=ecs.IpcMode.HOST)')}`;
    assert.equal(render(pid, d => [remove(get(d.model.tasks[0].obj, 'pidMode')!)]), pid.replace(', pid_mode=ecs.PidMode.HOST', ''));
    const efs = `${HEAD}task.add_volume(name="data", efs_volume_configuration=ecs.EfsVolumeConfiguration(file_system_id=fs_id, transit_encryption="DISABLED"))\n`;
    const vol = (d: NonNullable<ReturnType<typeof pyRun>['parsed']>) => (get(d.model.tasks[0].obj, 'volumes') as { items: MObject[] }).items[0];
    assert.equal(render(efs, d => [set(get(vol(d), 'efsVolumeConfiguration') as MObject, 'transitEncryption', 'ENABLED')]), efs.replace('"DISABLED"', '"ENABLED"'));
    // A struct that does not exist yet is written with its class, as the file writes its parent.
    assert.equal(
      render(efs, d => [set(get(vol(d), 'efsVolumeConfiguration') as MObject, ['authorizationConfig', 'iam'], 'ENABLED')]),
      efs.replace('transit_encryption="DISABLED")', 'transit_encryption="DISABLED", authorization_config=ecs.AuthorizationConfig(iam="ENABLED"))'),
    );
    assert.equal(render(efs, d => [set(get(vol(d), 'efsVolumeConfiguration') as MObject, 'rootDirectory', '/data')]), efs.replace('transit_encryption="DISABLED")', 'transit_encryption="DISABLED", root_directory="/data")'));
  });

  it('appends to lists it can see and creates the ones that are absent', () => {
    const text = `${HEAD}task.add_container("a", docker_security_options=["no-new-privileges"])\n`;
    const c = (d: NonNullable<ReturnType<typeof pyRun>['parsed']>) => d.model.tasks[0].containers[0].obj;
    assert.equal(render(text, d => [{ op: 'append', target: c(d), path: ['dockerSecurityOptions'], item: 'label:type:app' }]), text.replace('["no-new-privileges"]', '["no-new-privileges", "label:type:app"]'));
    assert.equal(render(text, d => [{ op: 'append', target: c(d), path: ['command'], item: 'serve' }]), text.replace('])', '], command=["serve"])'));
  });
});

describe('CDK Python: every fix is sound', () => {
  before(preparePython);

  it('on the insecure example: each fix parses, fires its rule less, and adds nothing', async () => {
    const text = fs.readFileSync(path.join(EXAMPLES, 'cdk-python', 'insecure_stack.py'), 'utf8');
    assert.ok(pyRun(text).findings.length >= 10);
    assert.deepEqual(pyFixViolations(text), []);
    const r = pyRun(text);
    for (const f of r.findings) {
      const edits = f.fix && fixEdits(r, f);
      if (edits) await assertParses(applyEdits(text, edits));
    }
  });

  it('"fix all" applies every safe fix and leaves a file that parses', async () => {
    const text = fs.readFileSync(path.join(EXAMPLES, 'cdk-python', 'insecure_stack.py'), 'utf8');
    const { text: fixed, applied, rules } = fixAll(text, PY_URI, undefined, 'python');
    // The safe fixes: privileged, the dangerous capability, seccomp:unconfined and the host PID and
    // IPC namespaces removed, EFS transit encryption on, root filesystems made read-only where the
    // construct can say so.
    assert.deepEqual(rules.sort(), [
      'dangerous-capability', 'efs-transit-encryption-disabled', 'host-ipc-mode', 'host-pid-mode', 'privileged-container',
      'unconfined-security-option', 'writable-root-filesystem', 'writable-root-filesystem', 'writable-root-filesystem',
    ]);
    assert.equal(applied, rules.length);
    await assertParses(fixed);
    assert.deepEqual(pyFindings(fixed, 'privileged-container'), []);
    // What is left is the ecs-patterns container, whose image options cannot set readonlyRootFilesystem.
    assert.deepEqual(pyFindings(fixed, 'writable-root-filesystem').map(f => f.text), ['task_image_options']);
  });
});
