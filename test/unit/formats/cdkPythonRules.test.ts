import * as assert from 'node:assert/strict';
import { preparePython, pyFindings, pyFix, pyRun, rangeOf, stack } from '../../helpers/python';

/** Each rule of the catalog on CDK Python: where it reports (exact ranges), where it stays silent, what its fix writes. */
describe('rules on CDK Python', () => {
  before(preparePython);

  const container = (args: string) => stack(`task = ecs.FargateTaskDefinition(self, "Orders")\ntask.add_container(\n    "app",\n    image=ecs.ContainerImage.from_registry("orders:1.4.2"),\n${args}\n)`);
  const safe = '    user="1000:1000",\n    readonly_root_filesystem=True,';
  /** The indentation of add_container's arguments inside the stack's __init__. */
  const I = ' '.repeat(12);
  const only = (text: string, rule: string) => pyFindings(text, rule).map(f => `${f.line}:${f.character}-${f.endLine}:${f.endCharacter} ${f.severity}`);

  it('privileged-container: on True, silent on False and unknown; fix removes the argument', () => {
    const text = container(`${safe}\n    privileged=True,`);
    assert.deepEqual(only(text, 'privileged-container'), [`${rangeOf(text, 'privileged=True', 'True')} error`]);
    assert.match(pyRun(text).findings.find(f => f.ruleId === 'privileged-container')!.message, /Fargate rejects/);
    assert.equal(pyFix(text, 'privileged-container'), text.replace(`${I}privileged=True,\n`, ''));
    assert.deepEqual(only(container(`${safe}\n    privileged=False,`), 'privileged-container'), []);
    assert.deepEqual(only(container(`${safe}\n    privileged=props.privileged,`), 'privileged-container'), []);
  });

  it('host-network-mode: on the enum member; silent for awsvpc and the defaults', () => {
    const text = stack('task = ecs.Ec2TaskDefinition(self, "Agent", network_mode=ecs.NetworkMode.HOST)');
    assert.deepEqual(only(text, 'host-network-mode'), [`${rangeOf(text, 'ecs.NetworkMode.HOST')} error`]);
    assert.equal(pyFix(text, 'host-network-mode'), text.replace('ecs.NetworkMode.HOST', 'ecs.NetworkMode.AWS_VPC'));
    assert.deepEqual(only(stack('task = ecs.Ec2TaskDefinition(self, "Agent", network_mode=ecs.NetworkMode.AWS_VPC)'), 'host-network-mode'), []);
    assert.deepEqual(only(stack('task = ecs.Ec2TaskDefinition(self, "Agent")'), 'host-network-mode'), []);
  });

  it('plaintext-secret-in-environment: on the value, redacted; silent for references and harmless values', () => {
    const text = container(`${safe}\n    environment={\n        "LOG_LEVEL": "info",\n        "STRIPE_API_KEY": "sk_live_abcdefghijklmnop1234",\n    },`);
    assert.deepEqual(only(text, 'plaintext-secret-in-environment'), [`${rangeOf(text, '"sk_live_abcdefghijklmnop1234"')} error`]);
    const msg = pyRun(text).findings.find(f => f.ruleId === 'plaintext-secret-in-environment')!.message;
    assert.doesNotMatch(msg, /abcdefghijklmnop/);
    assert.equal(pyFix(text, 'plaintext-secret-in-environment'), text
      .replace(`${I}    "STRIPE_API_KEY": "sk_live_abcdefghijklmnop1234",\n`, '')
      .replace(`${I}},\n`, `${I}},\n${I}secrets={"STRIPE_API_KEY": ecs.Secret.from_secrets_manager(STRIPE_API_KEY_SECRET_PLACEHOLDER)},\n`));
    assert.deepEqual(only(container(`${safe}\n    environment={"PASSWORD_MIN_LENGTH": "12", "DB_PASSWORD_FILE": "/run/secrets/db"},`), 'plaintext-secret-in-environment'), []);
    assert.deepEqual(only(container(`${safe}\n    secrets={"DB_PASSWORD": ecs.Secret.from_secrets_manager(db)},`), 'plaintext-secret-in-environment'), []);
  });

  it('latest-image-tag: latest, untagged and ECR without a tag; silent for versions and digests', () => {
    const img = (image: string) => stack(`task = ecs.FargateTaskDefinition(self, "T")\ntask.add_container("app", image=${image}, user="1000", readonly_root_filesystem=True)`);
    for (const [image, flagged] of [
      ['ecs.ContainerImage.from_registry("nginx:latest")', '"nginx:latest"'],
      ['ecs.ContainerImage.from_registry("nginx")', '"nginx"'],
      ['ecs.ContainerImage.from_ecr_repository(repo)', 'ecs.ContainerImage.from_ecr_repository(repo)'],
      ['ecs.ContainerImage.from_ecr_repository(repo, "latest")', 'ecs.ContainerImage.from_ecr_repository(repo, "latest")'],
    ]) {
      const text = img(image);
      assert.deepEqual(only(text, 'latest-image-tag'), [`${rangeOf(text, flagged)} warning`], image);
    }
    for (const image of ['ecs.ContainerImage.from_registry("nginx:1.27")', 'ecs.ContainerImage.from_registry("nginx@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")',
      'ecs.ContainerImage.from_ecr_repository(repo, tag="v3")', 'ecs.ContainerImage.from_asset("./app")', 'image_from_somewhere']) {
      assert.deepEqual(only(img(image), 'latest-image-tag'), [], image);
    }
  });

  it('container-runs-as-root: absent user on the container id, root on the value; fixes are not preferred', () => {
    const absent = container('    readonly_root_filesystem=True,');
    assert.deepEqual(only(absent, 'container-runs-as-root'), [`${rangeOf(absent, '"app"')} warning`]);
    assert.equal(pyFix(absent, 'container-runs-as-root'), absent.replace(`${I}readonly_root_filesystem=True,\n`, `${I}readonly_root_filesystem=True,\n${I}user="1000:1000",\n`));
    const root = container('    readonly_root_filesystem=True,\n    user="0:0",');
    assert.deepEqual(only(root, 'container-runs-as-root'), [`${rangeOf(root, '"0:0"')} warning`]);
    assert.equal(pyRun(root).findings.find(f => f.ruleId === 'container-runs-as-root')!.fix!.preferred, false);
    assert.deepEqual(only(container(safe), 'container-runs-as-root'), []);
  });

  it('writable-root-filesystem: absent on the container id, False on the value; both fixes preferred', () => {
    const absent = container('    user="1000",');
    assert.deepEqual(only(absent, 'writable-root-filesystem'), [`${rangeOf(absent, '"app"')} warning`]);
    assert.equal(pyRun(absent).findings.find(f => f.ruleId === 'writable-root-filesystem')!.fix!.preferred, true);
    const off = container('    user="1000",\n    readonly_root_filesystem=False,');
    assert.deepEqual(only(off, 'writable-root-filesystem'), [`${rangeOf(off, 'readonly_root_filesystem=False', 'False')} warning`]);
    assert.equal(pyFix(off, 'writable-root-filesystem'), off.replace('readonly_root_filesystem=False', 'readonly_root_filesystem=True'));
    assert.deepEqual(only(container(safe), 'writable-root-filesystem'), []);
  });

  it('public-ip-assigned: services and patterns on True; silent on False and absent', () => {
    const text = stack('ecs.FargateService(self, "Svc", cluster=cluster, task_definition=task, assign_public_ip=True)');
    assert.deepEqual(only(text, 'public-ip-assigned'), [`${rangeOf(text, 'assign_public_ip=True', 'True')} warning`]);
    assert.equal(pyFix(text, 'public-ip-assigned'), text.replace('assign_public_ip=True', 'assign_public_ip=False'));
    assert.deepEqual(only(stack('ecs.FargateService(self, "Svc", cluster=cluster, task_definition=task, assign_public_ip=False)'), 'public-ip-assigned'), []);
    assert.deepEqual(only(stack('ecs.FargateService(self, "Svc", cluster=cluster, task_definition=task)'), 'public-ip-assigned'), []);
  });

  it('wildcard-task-role-policy: "*" and "s3:*" on the action, writes on "*"; silent for scoped grants and Deny', () => {
    const text = stack(`task = ecs.FargateTaskDefinition(self, "T")
task.add_to_task_role_policy(iam.PolicyStatement(actions=["s3:*"], resources=["arn:aws:s3:::b/*"]))
task.add_to_task_role_policy(iam.PolicyStatement(actions=["sqs:SendMessage"], resources=["*"]))
task.add_to_task_role_policy(iam.PolicyStatement(actions=["s3:GetObject"], resources=["*"]))
task.add_to_task_role_policy(iam.PolicyStatement(effect=iam.Effect.DENY, actions=["*"], resources=["*"]))`);
    assert.deepEqual(only(text, 'wildcard-task-role-policy'), [
      `${rangeOf(text, '"s3:*"')} warning`,
      `${rangeOf(text, '["sqs:SendMessage"], resources=["*"]', '"*"')} warning`,
    ]);
  });

  it('container-insights-disabled: False on the value, absent on the cluster id; silent when on', () => {
    const text = stack('ecs.Cluster(self, "Main", vpc=vpc, container_insights=False)\necs.Cluster(self, "Other", vpc=vpc)');
    assert.deepEqual(only(text, 'container-insights-disabled'), [`${rangeOf(text, 'container_insights=False', 'False')} note`, `${rangeOf(text, '"Other"')} note`]);
    assert.deepEqual(only(stack('ecs.Cluster(self, "Main", vpc=vpc, container_insights=True)'), 'container-insights-disabled'), []);
  });

  it('unused-suppression: on the comment, fixed by removing its line', () => {
    const text = container(`${safe}\n    # ecs-guard-ignore privileged-container`);
    assert.deepEqual(only(text, 'unused-suppression'), [`${rangeOf(text, '# ecs-guard-ignore privileged-container')} note`]);
    assert.equal(pyFix(text, 'unused-suppression'), text.replace(`${I}# ecs-guard-ignore privileged-container\n`, ''));
  });
});
