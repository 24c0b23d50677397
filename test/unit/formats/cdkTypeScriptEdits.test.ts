import * as assert from 'node:assert/strict';
import { applyEdits, normalizeEdits } from '../../../server/src/engine/edits';
import { FixIntent, TaskDefinition, append, remove, replace, set } from '../../../server/src/model/document';
import { MObject, MValue, get, getProp, path } from '../../../server/src/model/values';
import { run } from '../../helpers/analysis';
import { TS_URI, prepareCdk, syntaxErrors } from '../../helpers/cdk';

/** Renders hand-made intents on the parsed text and applies them; undefined when the adapter refuses. */
function render(text: string, make: (task: TaskDefinition, text: string) => FixIntent[], uri = TS_URI): string | undefined {
  const r = run(text, uri);
  assert.ok(r.parsed, 'not recognised');
  const edits = r.parsed.render(make(r.parsed.model.tasks[0], text));
  if (!edits) return undefined;
  const fixed = applyEdits(text, normalizeEdits(edits)!);
  assert.deepEqual(syntaxErrors(fixed, uri), syntaxErrors(text, uri), `new syntax errors in:\n${fixed}`);
  return fixed;
}

const c0 = (t: TaskDefinition) => t.containers[0].obj;
const caps = (t: TaskDefinition, which: 'add' | 'drop') => path(c0(t), 'linuxParameters', 'capabilities', which);

const HEADER = "import * as ecs from 'aws-cdk-lib/aws-ecs';\n";

describe('CDK TypeScript: writing fixes in the file\'s style', () => {
  before(prepareCdk);

  it('inserts after a trailing comma, or adds the comma, keeping the members\' indentation (tabs too)', () => {
    const trailing = `${HEADER}const td = new ecs.FargateTaskDefinition(s, 'T');\ntd.addContainer('a', {\n\t\timage: ecs.ContainerImage.fromRegistry('x:1'),\n\t\tuser: '1',\n});\n`;
    assert.equal(render(trailing, t => [set(c0(t), 'readonlyRootFilesystem', true)]), trailing.replace("user: '1',\n", "user: '1',\n\t\treadonlyRootFilesystem: true,\n"));
    const bare = trailing.replace("user: '1',", "user: '1' // the app's uid");
    assert.equal(render(bare, t => [set(c0(t), 'readonlyRootFilesystem', true)]), bare.replace("user: '1' // the app's uid\n", "user: '1', // the app's uid\n\t\treadonlyRootFilesystem: true\n"));
  });

  it('writes strings in the quotes of the file\'s imports, and keys as identifiers when they are', () => {
    const dq = `import * as ecs from "aws-cdk-lib/aws-ecs";\nnew ecs.FargateTaskDefinition(s, "T").addContainer("a", { image });\n`;
    assert.equal(render(dq, t => [set(c0(t), 'user', "1000:1000's")]), dq.replace('{ image }', `{ image, user: "1000:1000's" }`));
    const labels = `${HEADER}new ecs.FargateTaskDefinition(s, 'T').addContainer('a', { image });\n`;
    assert.equal(render(labels, t => [set(c0(t), 'dockerLabels', { 'com.example/team': 'web', tier: 'front' })]),
      labels.replace('{ image }', "{ image, dockerLabels: { 'com.example/team': 'web', tier: 'front' } }"));
  });

  it('writes logging as LogDrivers.awsLogs with the container name as the stream prefix', () => {
    const text = `${HEADER}new ecs.FargateTaskDefinition(s, 'T').addContainer('api', {\n  image,\n});\n`;
    const awslogs = { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/api', 'awslogs-region': 'eu-west-1' } };
    assert.equal(render(text, t => [set(c0(t), 'logConfiguration', awslogs)]), text.replace('  image,\n', "  image,\n  logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'api' }),\n"));
    assert.equal(render(text, t => [set(c0(t), 'logConfiguration', { logDriver: 'splunk' })]), undefined);
  });

  it('adds the name to the file\'s named import when that is how it imports the ECS module', () => {
    const text = `import { FargateTaskDefinition, ContainerImage } from 'aws-cdk-lib/aws-ecs';\nnew FargateTaskDefinition(s, 'T').addContainer('api', { image: ContainerImage.fromRegistry('x:1') });\n`;
    assert.equal(render(text, t => [set(c0(t), 'logConfiguration', { logDriver: 'awslogs' })]), text
      .replace('ContainerImage }', 'ContainerImage, LogDrivers }')
      .replace("fromRegistry('x:1') }", "fromRegistry('x:1'), logging: LogDrivers.awsLogs({ streamPrefix: 'api' }) }"));
    const root = `import * as cdk from 'aws-cdk-lib';\nnew cdk.aws_ecs.FargateTaskDefinition(s, 'T').addContainer('api', { image });\n`;
    assert.equal(render(root, t => [set(c0(t), 'logConfiguration', { logDriver: 'awslogs' })]), root.replace('{ image }', "{ image, logging: cdk.aws_ecs.LogDrivers.awsLogs({ streamPrefix: 'api' }) }"));
  });

  it('sets enum-valued task props as enum members, and adds props to a construct that has none', () => {
    const text = `${HEADER}new ecs.Ec2TaskDefinition(s, 'T');\n`;
    assert.equal(render(text, t => [set(t.obj, 'networkMode', 'awsvpc')]), text.replace("'T')", "'T', { networkMode: ecs.NetworkMode.AWS_VPC })"));
    const pid = `${HEADER}new ecs.Ec2TaskDefinition(s, 'T', { pidMode: ecs.PidMode.HOST });\n`;
    assert.equal(render(pid, t => [replace(get(t.obj, 'pidMode')!, 'task')]), pid.replace('PidMode.HOST', 'PidMode.TASK'));
    assert.equal(render(pid, t => [remove(get(t.obj, 'pidMode')!)]), pid.replace('{ pidMode: ecs.PidMode.HOST }', '{}'));
  });

  it('writes a health check with the file\'s Duration, and refuses without one', () => {
    const text = `import { Duration } from 'aws-cdk-lib';\n${HEADER}new ecs.FargateTaskDefinition(s, 'T').addContainer('a', { image });\n`;
    const hc = { command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'], interval: 30, retries: 3 };
    assert.equal(render(text, t => [set(c0(t), 'healthCheck', hc)]), text.replace('{ image }', "{ image, healthCheck: { command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'], interval: Duration.seconds(30), retries: 3 } }"));
    assert.equal(render(text.replace("import { Duration } from 'aws-cdk-lib';\n", ''), t => [set(c0(t), 'healthCheck', hc)]), undefined);
  });

  it('removes a dangerous capability from addCapabilities, or the whole call when it is the only one', () => {
    const text = `${HEADER}const lp = new ecs.LinuxParameters(s, 'Lp');
lp.addCapabilities(ecs.Capability.SYS_ADMIN, ecs.Capability.NET_BIND_SERVICE);
lp.addCapabilities(ecs.Capability.SYS_PTRACE);
new ecs.Ec2TaskDefinition(s, 'T').addContainer('a', { image, linuxParameters: lp });
`;
    const items = (t: TaskDefinition) => (caps(t, 'add') as { items: MValue[] }).items;
    assert.equal(render(text, t => [remove(items(t)[0])]), text.replace('ecs.Capability.SYS_ADMIN, ', ''));
    assert.equal(render(text, t => [remove(items(t)[1])]), text.replace(', ecs.Capability.NET_BIND_SERVICE', ''));
    assert.equal(render(text, t => [remove(items(t)[2])]), text.replace('lp.addCapabilities(ecs.Capability.SYS_PTRACE);\n', ''));
  });

  it('drops capabilities with dropCapabilities on the container\'s LinuxParameters', () => {
    const text = `${HEADER}const lp = new ecs.LinuxParameters(s, 'Lp');
lp.addCapabilities(ecs.Capability.NET_ADMIN);
new ecs.Ec2TaskDefinition(s, 'T').addContainer('a', { image, linuxParameters: lp });
`;
    assert.equal(render(text, t => [append(c0(t), ['linuxParameters', 'capabilities', 'drop'], 'ALL')]),
      text.replace('lp.addCapabilities(ecs.Capability.NET_ADMIN);\n', 'lp.addCapabilities(ecs.Capability.NET_ADMIN);\nlp.dropCapabilities(ecs.Capability.ALL);\n'));
    const dropping = text.replace('lp.addCapabilities(ecs.Capability.NET_ADMIN);', 'lp.dropCapabilities(ecs.Capability.NET_RAW);');
    assert.equal(render(dropping, t => [append(c0(t), ['linuxParameters', 'capabilities', 'drop'], 'ALL')]), dropping.replace('Capability.NET_RAW)', 'Capability.NET_RAW, ecs.Capability.ALL)'));
    const inline = `${HEADER}new ecs.Ec2TaskDefinition(s, 'T').addContainer('a', { image, linuxParameters: new ecs.LinuxParameters(s, 'Lp') });\n`;
    assert.equal(render(inline, t => [append(c0(t), ['linuxParameters', 'capabilities', 'drop'], 'ALL')]), undefined);
  });

  it('appends to arrays and creates them; edits volumes added with addVolume', () => {
    const text = `${HEADER}const td = new ecs.Ec2TaskDefinition(s, 'T', {\n  volumes: [\n    { name: 'a', host: { sourcePath: '/var/run/docker.sock' } },\n  ],\n});\ntd.addVolume({ name: 'efs', efsVolumeConfiguration: { fileSystemId, transitEncryption: 'DISABLED' } });\n`;
    assert.equal(render(text, t => [append(t.obj, 'volumes', { name: 'b' })]), text.replace("sourcePath: '/var/run/docker.sock' } },\n", "sourcePath: '/var/run/docker.sock' } },\n    { name: 'b' },\n"));
    const vols = (t: TaskDefinition) => (get(t.obj, 'volumes') as { items: MObject[] }).items;
    // The only item: the list is left empty.
    assert.equal(render(text, t => [remove(vols(t)[0])]), text.replace("[\n    { name: 'a', host: { sourcePath: '/var/run/docker.sock' } },\n  ]", '[]'));
    assert.equal(render(text, t => [replace(path(vols(t)[1], 'efsVolumeConfiguration', 'transitEncryption')!, 'ENABLED')]), text.replace("'DISABLED'", "'ENABLED'"));
    assert.equal(render(text, t => [set(get(vols(t)[1], 'efsVolumeConfiguration') as MObject, ['authorizationConfig', 'iam'], 'ENABLED')]),
      text.replace("transitEncryption: 'DISABLED' }", "transitEncryption: 'DISABLED', authorizationConfig: { iam: 'ENABLED' } }"));
  });

  it('replaces a shorthand property with a full one', () => {
    const text = `${HEADER}const user = 'root';\nnew ecs.Ec2TaskDefinition(s, 'T').addContainer('a', { image, user });\n`;
    assert.equal(render(text, t => [replace(get(c0(t), 'user')!, '1000:1000')]), text.replace('{ image, user }', "{ image, user: '1000:1000' }"));
  });

  it('removes the last property with the comma before it, and a middle one with its own', () => {
    const text = `${HEADER}new ecs.Ec2TaskDefinition(s, 'T').addContainer('a', { image, privileged: true, essential: true });\n`;
    assert.equal(render(text, t => [remove(get(c0(t), 'essential')!)]), text.replace(', essential: true', ''));
    assert.equal(render(text, t => [remove(get(c0(t), 'privileged')!)]), text.replace('privileged: true, ', ''));
  });

  it('never edits values it cannot write back: synthetic defaults, consts\' composite values, pattern-only props', () => {
    const text = `${HEADER}import * as ecsPatterns from 'aws-cdk-lib/aws-ecs-patterns';
const OPTS = { image: ecs.ContainerImage.fromRegistry('x:1') };
new ecsPatterns.ApplicationLoadBalancedFargateService(s, 'Svc', { taskImageOptions: { image: ecs.ContainerImage.fromRegistry('x:1') } });
new ecsPatterns.ApplicationLoadBalancedFargateService(s, 'Const', { taskImageOptions: OPTS });
`;
    const r = run(text, TS_URI);
    const [svc, fromConst] = r.parsed!.model.tasks;
    assert.equal(getProp(svc.obj, 'memory')!.value.ref, undefined, 'the Fargate default is CDK\'s, not the file\'s');
    assert.equal(r.parsed!.render([set(c0(svc), 'readonlyRootFilesystem', true)]), undefined, 'taskImageOptions has no such prop');
    assert.equal(c0(fromConst).ref, undefined);
    assert.deepEqual(r.parsed!.render([set(c0(svc), 'environment', [{ name: 'STAGE', value: 'prod' }])])!.map(e => e.newText), [", environment: { STAGE: 'prod' }"]);
  });
});
