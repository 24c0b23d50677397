import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixEdits } from '../../../server/src/engine/analyze';
import type { ModelDocument } from '../../../server/src/model/document';
import { HOLE, MValue, get } from '../../../server/src/model/values';
import { cdkTypeScriptAdapter, mentionsCdkEcs } from '../../../server/src/formats/cdkTypeScript';
import { needsScan } from '../../../server/src/formats/cdk/tsSyntax';
import { CANDIDATE_FILE } from '../../../server/src/formats';
import { applyFix, findingsOf, fixViolations, run } from '../../helpers/analysis';
import { EXAMPLES } from '../../helpers/paths';
import { JS_URI, TS_URI, prepareCdk } from '../../helpers/cdk';

/** A model value as plain data: literals as they are, unknowns as `?hint` (or their template). */
function plain(v: MValue | undefined): unknown {
  if (!v) return undefined;
  switch (v.kind) {
    case 'scalar': return v.value;
    case 'unknown': return v.template !== undefined ? `?${v.template.split(HOLE).join('*')}` : `?${v.hint ?? ''}`;
    case 'array': return v.items.map(plain);
    case 'object': return Object.fromEntries(v.props.map(p => [p.key, plain(p.value)]));
  }
}

function model(text: string, uri = TS_URI): ModelDocument {
  const r = run(text, uri);
  assert.ok(r.parsed, `not recognised (${r.skipped ?? 'no ECS construct'})`);
  assert.equal(r.format, 'cdk-typescript');
  return r.parsed.model;
}

const task = (text: string, i = 0, uri = TS_URI) => model(text, uri).tasks[i];
const container = (text: string, i = 0, c = 0) => plain(task(text, i).containers[c].obj) as Record<string, unknown>;

const V2 = `import * as cdk from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
`;

describe('CDK TypeScript: recognition', () => {
  before(prepareCdk);

  it('sniffs cheaply: the language or extension, and a quoted CDK module specifier', () => {
    const src = "import * as ecs from 'aws-cdk-lib/aws-ecs';";
    assert.equal(cdkTypeScriptAdapter.sniff(src, 'file:///p/a.ts'), true);
    assert.equal(cdkTypeScriptAdapter.sniff(src, 'file:///p/a.mjs'), true);
    assert.equal(cdkTypeScriptAdapter.sniff(src, 'untitled:Untitled-1', 'typescript'), true);
    assert.equal(cdkTypeScriptAdapter.sniff(src, 'file:///p/a.ts', 'json'), false);
    assert.equal(cdkTypeScriptAdapter.sniff(src, 'file:///p/a.json'), false);
    assert.equal(cdkTypeScriptAdapter.sniff(src, 'file:///p/types/a.d.ts'), false);
    assert.equal(cdkTypeScriptAdapter.sniff("import * as s3 from 'aws-cdk-lib/aws-s3';", 'file:///p/a.ts'), false);
    assert.equal(cdkTypeScriptAdapter.sniff('// aws-cdk-lib is great', 'file:///p/a.ts'), false);
    assert.equal(mentionsCdkEcs('const x = require("@aws-cdk/aws-ecs-patterns")'), true);
    assert.equal(mentionsCdkEcs('import { Stack } from `aws-cdk-lib`'), true);
    assert.equal(mentionsCdkEcs("import x from 'aws-cdk-lib-extra'"), false);
  });

  it('lists TypeScript and JavaScript sources as candidate files, never declaration files', () => {
    for (const f of ['stack.ts', 'app.tsx', 'stack.js', 'stack.mjs', 'stack.cjs', 'page.jsx', 'td.json']) assert.ok(CANDIDATE_FILE.test(f), f);
    for (const f of ['types.d.ts', 'index.d.mts', 'README.md', 'stack.pyc']) assert.ok(!CANDIDATE_FILE.test(f), f);
  });

  it('reads every import form: namespace, aws_ecs from the root, named, renamed, require, import = require', () => {
    const forms = [
      "import * as ecs from 'aws-cdk-lib/aws-ecs';\nnew ecs.Ec2TaskDefinition(s, 'T', { networkMode: ecs.NetworkMode.HOST });",
      "import { aws_ecs as ecs } from 'aws-cdk-lib';\nnew ecs.Ec2TaskDefinition(s, 'T', { networkMode: ecs.NetworkMode.HOST });",
      "import { aws_ecs } from 'aws-cdk-lib';\nnew aws_ecs.Ec2TaskDefinition(s, 'T', { networkMode: aws_ecs.NetworkMode.HOST });",
      "import * as cdk from 'aws-cdk-lib';\nnew cdk.aws_ecs.Ec2TaskDefinition(s, 'T', { networkMode: cdk.aws_ecs.NetworkMode.HOST });",
      "import { Ec2TaskDefinition, NetworkMode } from 'aws-cdk-lib/aws-ecs';\nnew Ec2TaskDefinition(s, 'T', { networkMode: NetworkMode.HOST });",
      "import { Ec2TaskDefinition as TD, NetworkMode as NM } from 'aws-cdk-lib/aws-ecs';\nnew TD(s, 'T', { networkMode: NM.HOST });",
      "const ecs = require('aws-cdk-lib/aws-ecs');\nnew ecs.Ec2TaskDefinition(s, 'T', { networkMode: ecs.NetworkMode.HOST });",
      "const { aws_ecs: ecs } = require('aws-cdk-lib');\nnew ecs.Ec2TaskDefinition(s, 'T', { networkMode: ecs.NetworkMode.HOST });",
      "const ecs = require('aws-cdk-lib').aws_ecs;\nnew ecs.Ec2TaskDefinition(s, 'T', { networkMode: ecs.NetworkMode.HOST });",
      "const { Ec2TaskDefinition, NetworkMode } = require('aws-cdk-lib/aws-ecs');\nnew Ec2TaskDefinition(s, 'T', { networkMode: NetworkMode.HOST });",
      "import ecs = require('aws-cdk-lib/aws-ecs');\nnew ecs.Ec2TaskDefinition(s, 'T', { networkMode: ecs.NetworkMode.HOST });",
    ];
    for (const src of forms) assert.deepEqual(findingsOf(src, 'host-network-mode', TS_URI).map(f => f.line), [1], src);
    // CommonJS, as plain JavaScript.
    for (const src of forms.filter(f => f.startsWith('const'))) assert.deepEqual(findingsOf(src, 'host-network-mode', JS_URI).map(f => f.line), [1], src);
  });

  it('reads CDK v1 modules', () => {
    const v1 = `import * as cdk from '@aws-cdk/core';
import * as ecs from '@aws-cdk/aws-ecs';
import * as ecsPatterns from '@aws-cdk/aws-ecs-patterns';
import * as iam from '@aws-cdk/aws-iam';
const td = new ecs.FargateTaskDefinition(stack, 'T');
td.addContainer('web', { image: ecs.ContainerImage.fromRegistry('nginx:latest'), privileged: true, healthCheck: { command: ['CMD', 'true'], interval: cdk.Duration.minutes(1) } });
td.addToTaskRolePolicy(new iam.PolicyStatement({ actions: ['*'], resources: ['*'] }));
new ecsPatterns.ApplicationLoadBalancedFargateService(stack, 'Svc', { assignPublicIp: true, taskImageOptions: { image: ecs.ContainerImage.fromAsset('.') } });
`;
    const rules = run(v1, TS_URI).findings.map(f => f.ruleId);
    for (const r of ['privileged-container', 'latest-image-tag', 'wildcard-task-role-policy', 'public-ip-assigned']) assert.ok(rules.includes(r), r);
    assert.deepEqual(container(v1).healthCheck, { command: ['CMD', 'true'], interval: 60 });
  });

  it('ignores code that is not an ECS construct: cdk8s, Kubernetes manifests, CodeBuild, look-alikes', () => {
    const notEcs = `import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-27';
import * as cdk from 'aws-cdk-lib';
import * as codebuild from 'aws-cdk-lib/aws-codebuild';
import * as ecs from 'aws-cdk-lib/aws-ecs';

const pod = { apiVersion: 'v1', kind: 'Pod', spec: { containers: [{ name: 'a', image: 'nginx:latest', securityContext: { privileged: true } }] } };
new kplus.Deployment(chart, 'd', { containers: [{ image: 'nginx:latest', securityContext: { privileged: true, readOnlyRootFilesystem: false } }] });
new codebuild.Project(stack, 'Build', { environment: { privileged: true, buildImage: codebuild.LinuxBuildImage.STANDARD_7_0 } });
const fake = { addContainer(id: string, props: object) { return props; } };
fake.addContainer('x', { image: 'nginx:latest', privileged: true });
new TaskDefinition(stack, 'NotImported', { networkMode: 'host' });
const existing = ecs.Cluster.fromClusterAttributes(stack, 'C', { clusterName: 'x', vpc });
`;
    const r = run(notEcs, TS_URI);
    assert.equal(r.parsed, undefined);
    assert.deepEqual(r.findings, []);
    const plainTs = "const x = { privileged: true, image: 'nginx:latest', networkMode: 'host' };\nexport default x;\n";
    assert.deepEqual(run(plainTs, 'file:///p/config.ts', undefined, 'typescript').findings, []);
  });

  it('analyses what parsed in half-typed code and reports the syntax errors', () => {
    const text = `${V2}const td = new ecs.FargateTaskDefinition(this, 'T', {
  cpu: 256,
td.addContainer('web', {
  image: ecs.ContainerImage.fromRegistry('nginx:latest'),
  privileged: true,
  user:
});
function unfinished( {
`;
    const r = run(text, TS_URI);
    assert.equal(r.format, 'cdk-typescript');
    assert.ok(r.problems.length > 0);
    assert.deepEqual(findingsOf(text, 'privileged-container', TS_URI).map(f => f.line), [6]);
    // `user:` is being typed: treated as absent, and no fix writes into the unfinished literal.
    const root = r.findings.find(f => f.ruleId === 'container-runs-as-root')!;
    assert.ok(root);
    assert.equal(fixEdits(r, root), undefined);
  });

  it('survives every prefix of a stack (typing it from the top): no crash, and every fix offered is sound', function () {
    this.timeout(60_000);
    const full = fs.readFileSync(path.join(EXAMPLES, 'cdk-typescript', 'insecure-stack.ts'), 'utf8');
    const failures: string[] = [];
    for (let n = 0; n <= full.length; n += 29) {
      const prefix = full.slice(0, n);
      const r = run(prefix, TS_URI);
      if (r.skipped) failures.push(`${n}: ${r.skipped}`);
      for (const v of fixViolations(prefix, TS_URI)) failures.push(`${n}: ${v}`);
    }
    assert.deepEqual(failures, []);
  });

  it('does not take the names of Object.prototype for constructs or enum members', () => {
    const text = `${V2}new ecs.constructor(s, 'X', { privileged: true });
new ecs.Ec2TaskDefinition(s, 'T', { networkMode: ecs.NetworkMode.constructor, pidMode: ecs.PidMode.toString });
ecs.ContainerImage.hasOwnProperty('x');
`;
    const t = task(text);
    assert.deepEqual(plain(t.obj), { networkMode: '?ecs.NetworkMode.constructor', pidMode: '?ecs.PidMode.toString', requiresCompatibilities: ['EC2'], containerDefinitions: [] });
  });

  it('runs the comment and nesting scan only when a directive or deep brackets call for it', () => {
    const plainStack = fs.readFileSync(path.join(EXAMPLES, 'cdk-typescript', 'insecure-stack.ts'), 'utf8');
    assert.equal(needsScan(plainStack), false);
    assert.equal(needsScan(`${plainStack}// ecs-guard-ignore privileged-container\n`), true);
    assert.equal(needsScan(`const x = ${'['.repeat(101)}${']'.repeat(101)};`), true);
    assert.equal(needsScan(`const x = ${'[]'.repeat(5000)};`), false, 'many brackets, none deep');
  });

  it('refuses nesting the parser would overflow on, with a clear message, and keeps working afterwards', () => {
    const deep = `${V2}const x = ${'['.repeat(5000)}${']'.repeat(5000)};\n`;
    assert.match(run(deep, TS_URI).skipped ?? '', /nested more than 200 deep at line 3/);
    const unary = `${V2}const x = ${'!'.repeat(30000)}1;\nnew ecs.Ec2TaskDefinition(s, 'T', { networkMode: ecs.NetworkMode.HOST });\n`;
    assert.match(run(unary, TS_URI).skipped ?? '', /nested too deeply/);
    assert.equal(findingsOf(`${V2}new ecs.Ec2TaskDefinition(s, 'T', { networkMode: ecs.NetworkMode.HOST });\n`, 'host-network-mode', TS_URI).length, 1);
  });

  it('handles a large file without trouble', function () {
    this.timeout(20_000);
    const parts = [V2];
    for (let i = 0; i < 3000; i++) parts.push(`new ecs.Ec2TaskDefinition(s, 'T${i}').addContainer('c', { image: ecs.ContainerImage.fromRegistry('x:${i}'), privileged: ${i % 2 === 0}, user: '1', readonlyRootFilesystem: true });\n`);
    const r = run(parts.join(''), TS_URI);
    assert.equal(r.findings.filter(f => f.ruleId === 'privileged-container').length, 1500);
  });

  it('reads CRLF files with exact positions and writes CRLF', () => {
    const text = `${V2}const td = new ecs.Ec2TaskDefinition(s, 'T');\ntd.addContainer('web', {\n  image: ecs.ContainerImage.fromRegistry('nginx:1.27'),\n  user: '1000',\n  privileged: true,\n});\n`.replace(/\n/g, '\r\n');
    assert.deepEqual(findingsOf(text, 'privileged-container', TS_URI).map(f => [f.line, f.character, f.text]), [[6, 14, 'true']]);
    assert.equal(applyFix(text, 'writable-root-filesystem', 0, TS_URI), text.replace("privileged: true,\r\n", "privileged: true,\r\n  readonlyRootFilesystem: true,\r\n"));
    assert.equal(applyFix(text, 'privileged-container', 0, TS_URI), text.replace("  privileged: true,\r\n", ''));
  });

  it('loads the compiler only for CDK files, and parses nothing before it is loaded', () => {
    // A fresh process: this one has the compiler loaded already.
    const out = path.resolve(__dirname, '..', '..', '..');
    const script = `
      const { analyze } = require(${JSON.stringify(path.join(out, 'server/src/engine/analyze'))});
      const { prepareDocument } = require(${JSON.stringify(path.join(out, 'server/src/formats'))});
      const loaded = () => Object.keys(require.cache).some(k => /[\\/]typescript[\\/]lib[\\/]typescript\.js$/.test(k));
      const cdk = "import * as ecs from 'aws-cdk-lib/aws-ecs';\\nnew ecs.Ec2TaskDefinition(s, 'T', { networkMode: ecs.NetworkMode.HOST });\\n";
      (async () => {
        const steps = [];
        await prepareDocument('{"family": "f", "containerDefinitions": []}', 'file:///p/td.json');
        await prepareDocument('export const x = 1;', 'file:///p/util.ts', 'typescript');
        steps.push(loaded());
        steps.push(analyze(cdk, 'file:///p/stack.ts').findings.length);
        await prepareDocument(cdk, 'file:///p/stack.ts');
        steps.push(loaded());
        steps.push(analyze(cdk, 'file:///p/stack.ts').findings.length);
        console.log(JSON.stringify(steps));
      })();`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), [false, 0, true, 1]);
  });
});

describe('CDK TypeScript: constructs and the model', () => {
  before(prepareCdk);

  it('maps task-definition classes to launch types, network-mode defaults and CDK\'s Fargate size', () => {
    const t = (cls: string, props = '') => task(`${V2}new ecs.${cls}(s, 'T'${props});\n`);
    const fargate = t('FargateTaskDefinition');
    assert.deepEqual(plain(fargate.obj), { requiresCompatibilities: ['FARGATE'], memory: 512, cpu: 256, containerDefinitions: [] });
    assert.deepEqual(fargate.defaults, { networkMode: 'awsvpc' });
    assert.equal(fargate.label, 'T');
    assert.deepEqual(t('Ec2TaskDefinition').defaults, { networkMode: 'bridge' });
    assert.deepEqual(plain(t('ExternalTaskDefinition').obj), { requiresCompatibilities: ['EXTERNAL'], containerDefinitions: [] });
    const generic = t('TaskDefinition', ", { compatibility: ecs.Compatibility.EC2_AND_FARGATE, family: 'web', memoryLimitMiB: '1024' }");
    assert.deepEqual(plain(generic.obj), { requiresCompatibilities: ['EC2', 'FARGATE'], family: 'web', memory: '1024', containerDefinitions: [] });
    assert.equal(generic.label, 'web');
    assert.deepEqual(generic.defaults, { networkMode: 'awsvpc' });
  });

  it('maps every task prop the catalog reads: pidMode, ipcMode, roles, volumes and addVolume', () => {
    const text = `${V2}import * as iam from 'aws-cdk-lib/aws-iam';
const role = new iam.Role(s, 'Shared', { assumedBy });
const td = new ecs.Ec2TaskDefinition(s, 'T', {
  pidMode: ecs.PidMode.HOST,
  ipcMode: ecs.IpcMode.HOST,
  taskRole: role,
  executionRole: role,
  volumes: [{ name: 'docker', host: { sourcePath: '/var/run/docker.sock' } }],
});
td.addVolume({ name: 'efs', efsVolumeConfiguration: { fileSystemId: fs.fileSystemId, transitEncryption: 'DISABLED', authorizationConfig: { iam: 'DISABLED' } } });
`;
    const obj = plain(task(text).obj) as Record<string, unknown>;
    assert.equal(obj.pidMode, 'host');
    assert.equal(obj.ipcMode, 'host');
    assert.deepEqual(obj.volumes, [
      { name: 'docker', host: { sourcePath: '/var/run/docker.sock' } },
      { name: 'efs', efsVolumeConfiguration: { fileSystemId: '?fs.fileSystemId', transitEncryption: 'DISABLED', authorizationConfig: { iam: 'DISABLED' } } },
    ]);
    const t = task(text);
    const roleArn = t.obj.props.find(p => p.key === 'taskRoleArn')!.value;
    const execArn = t.obj.props.find(p => p.key === 'executionRoleArn')!.value;
    assert.equal(roleArn.kind, 'unknown');
    assert.ok(roleArn.kind === 'unknown' && execArn.kind === 'unknown' && roleArn.identity && roleArn.identity === execArn.identity, 'the same role compares equal');
  });

  it('maps every container prop the catalog reads, and the calls made on the container', () => {
    const text = `${V2}const td = new ecs.Ec2TaskDefinition(s, 'T');
const lp = new ecs.LinuxParameters(s, 'Lp', { initProcessEnabled: true });
lp.addCapabilities(ecs.Capability.SYS_ADMIN, ecs.Capability.NET_RAW);
lp.dropCapabilities(ecs.Capability.ALL);
const app = td.addContainer('app', {
  image: ecs.ContainerImage.fromRegistry('docker.io/library/nginx:1.27'),
  containerName: 'web',
  memoryLimitMiB: 512,
  memoryReservationMiB: 256,
  essential: true,
  linuxParameters: lp,
  logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'web' }),
  healthCheck: { command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'], interval: cdk.Duration.seconds(30), retries: 3 },
  dockerSecurityOptions: ['apparmor:unconfined'],
  command: ['nginx', '-g', 'daemon off;'],
  entryPoint: ['/docker-entrypoint.sh'],
  dockerLabels: { team: 'web' },
  environment: { STAGE: 'prod' },
  secrets: { API_KEY: ecs.Secret.fromSsmParameter(param) },
  portMappings: [{ containerPort: 80, protocol: ecs.Protocol.TCP }],
});
app.addMountPoints({ containerPath: '/data', sourceVolume: 'data', readOnly: false });
app.addEnvironment('LOG_LEVEL', 'info');
app.addSecret('DB_PASSWORD', ecs.Secret.fromSecretsManager(secret));
app.addDockerLabel('tier', 'front');
app.addPortMappings({ containerPort: 443 });
`;
    assert.deepEqual(container(text), {
      name: 'web',
      image: 'docker.io/library/nginx:1.27',
      memory: 512,
      memoryReservation: 256,
      essential: true,
      linuxParameters: { initProcessEnabled: true, capabilities: { add: ['SYS_ADMIN', 'NET_RAW'], drop: ['ALL'] } },
      logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-stream-prefix': 'web' } },
      healthCheck: { command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'], interval: 30, retries: 3 },
      dockerSecurityOptions: ['apparmor:unconfined'],
      command: ['nginx', '-g', 'daemon off;'],
      entryPoint: ['/docker-entrypoint.sh'],
      dockerLabels: { team: 'web', tier: 'front' },
      environment: [{ name: 'STAGE', value: 'prod' }, { name: 'LOG_LEVEL', value: 'info' }],
      secrets: [{ name: 'API_KEY', valueFrom: '?ecs.Secret.fromSsmParameter(…)' }, { name: 'DB_PASSWORD', valueFrom: '?ecs.Secret.fromSecretsManager(…)' }],
      portMappings: [{ containerPort: 80, protocol: 'tcp' }, { containerPort: 443 }],
      mountPoints: [{ containerPath: '/data', sourceVolume: 'data', readOnly: false }],
    });
    assert.equal(task(text).containers[0].label, 'web');
  });

  it('reads log drivers in every spelling, and knows a container without one logs nowhere', () => {
    const withLog = (expr: string) => container(`${V2}new ecs.FargateTaskDefinition(s, 'T').addContainer('c', { image, logging: ${expr} });\n`).logConfiguration;
    assert.deepEqual(withLog("ecs.LogDriver.awsLogs({ streamPrefix: 'a' })"), { logDriver: 'awslogs', options: { 'awslogs-stream-prefix': 'a' } });
    assert.deepEqual(withLog("new ecs.AwsLogDriver({ streamPrefix: 'a', logGroup })"), { logDriver: 'awslogs', options: { 'awslogs-stream-prefix': 'a', 'awslogs-group': '?logGroup' } });
    assert.deepEqual(withLog('ecs.LogDrivers.firelens({})'), { logDriver: 'awsfirelens' });
    // FireLens and the generic driver take the options as a map of Docker's names; the others as props.
    assert.deepEqual(withLog("ecs.LogDrivers.firelens({ options: { Name: 'datadog', apikey: key } })"), { logDriver: 'awsfirelens', options: { Name: 'datadog', apikey: '?key' } });
    assert.deepEqual(withLog("new ecs.GenericLogDriver({ logDriver: 'fluentd' })"), { logDriver: 'fluentd' });
    assert.deepEqual(withLog("new ecs.GenericLogDriver({ logDriver: 'splunk', options: { 'splunk-url': u } })"), { logDriver: 'splunk', options: { 'splunk-url': '?u' } });
    assert.deepEqual(withLog("ecs.LogDrivers.splunk({ token: cdk.SecretValue.unsafePlainText('t0k3n'), url: u, sourceType: 'json', tag: 'x', secretToken })"),
      { logDriver: 'splunk', options: { 'splunk-token': 't0k3n', 'splunk-url': '?u', 'splunk-sourcetype': 'json', tag: 'x' } });
    assert.deepEqual(withLog("ecs.LogDrivers.splunk({ token: cdk.SecretValue.secretsManager('splunk'), url })"), { logDriver: 'splunk', options: { 'splunk-token': '?cdk.SecretValue.secretsManager(…)', 'splunk-url': '?url' } });
    assert.deepEqual(withLog("new ecs.GelfLogDriver({ address: 'udp://graylog:12201', envRegex: '^X' })"), { logDriver: 'gelf', options: { 'gelf-address': 'udp://graylog:12201', 'env-regex': '^X' } });
    assert.deepEqual(withLog('props.logging'), '?props.logging');
    const none = task(`${V2}new ecs.FargateTaskDefinition(s, 'T').addContainer('c', { image });\n`);
    assert.equal(none.containers[0].obj.props.some(p => p.key === 'logConfiguration'), false);
    assert.equal(none.defaults.loggingEnabled, undefined);
  });

  it('reads new ContainerDefinition with its taskDefinition, and containers of task definitions it cannot see', () => {
    const text = `${V2}const td = new ecs.FargateTaskDefinition(s, 'T');
new ecs.ContainerDefinition(s, 'Sidecar', { taskDefinition: td, image: ecs.ContainerImage.fromRegistry('envoy:latest') });
export function addWorker(taskDefinition: ecs.TaskDefinition) {
  taskDefinition.addContainer('worker', { image: ecs.ContainerImage.fromRegistry('worker:1'), privileged: true });
  taskDefinition.addContainer('notEcs', { image: 'a string is no ContainerImage' });
}
`;
    const m = model(text);
    assert.deepEqual(m.tasks.map(t => [t.label, t.containers.map(c => c.label)]), [['T', ['Sidecar']], ['container definitions', ['worker']]]);
    // The task level of a task definition the file does not declare is not ours to judge.
    assert.equal(m.tasks[1].supports!('networkMode'), false);
    assert.deepEqual(findingsOf(text, 'privileged-container', TS_URI).map(f => f.line), [5]);
  });

  it('follows variables across functions, this.x fields, class fields and chained calls', () => {
    const text = `${V2}const IMAGE = 'nginx:latest';
const PRIVILEGED = true;
class S extends cdk.Stack {
  readonly td = new ecs.Ec2TaskDefinition(this, 'Field');
  private other: ecs.Ec2TaskDefinition;
  constructor() {
    super();
    this.other = new ecs.Ec2TaskDefinition(this, 'Assigned');
    this.build();
  }
  build() {
    this.td.addContainer('a', { image: ecs.ContainerImage.fromRegistry(IMAGE), privileged: PRIVILEGED });
    this.other.addContainer('b', { image: ecs.ContainerImage.fromRegistry(\`nginx:\${'latest'}\`) }).addMountPoints({ containerPath: '/x', sourceVolume: 'v', readOnly: true });
    if (this.node) {
      const PRIVILEGED = false;
      this.td.addContainer('c', { image: ecs.ContainerImage.fromRegistry('x:1'), privileged: PRIVILEGED });
    }
  }
}
`;
    const m = model(text);
    assert.deepEqual(m.tasks.map(t => [t.label, t.containers.map(c => plain(c.obj))]), [
      ['Field', [{ name: 'a', image: 'nginx:latest', privileged: true }, { name: 'c', image: 'x:1', privileged: false }]],
      ['Assigned', [{ name: 'b', image: 'nginx:latest', mountPoints: [{ containerPath: '/x', sourceVolume: 'v', readOnly: true }] }]],
    ]);
    // The finding is on the const's use, where the container states it.
    assert.deepEqual(findingsOf(text, 'privileged-container', TS_URI).map(f => [f.line, f.character, f.text]), [[13, 91, 'PRIVILEGED']]);
  });

  it('keeps this.x of two classes apart', () => {
    const text = `${V2}class A extends cdk.Stack {
  td = new ecs.Ec2TaskDefinition(this, 'A');
  build() { this.td.addContainer('a', { image }); }
}
class B extends cdk.Stack {
  constructor() {
    super();
    this.td = new ecs.FargateTaskDefinition(this, 'B');
    this.td.addContainer('b', { image });
  }
}
`;
    assert.deepEqual(model(text).tasks.map(t => [t.label, t.containers.map(c => c.label)]), [['A', ['a']], ['B', ['b']]]);
  });

  it('keeps what it cannot resolve as unknown, with a hint and no literal in it', () => {
    const text = `${V2}new ecs.FargateTaskDefinition(s, 'T').addContainer('c', {
  image: ecs.ContainerImage.fromRegistry(props.image),
  user: isProd ? '1000' : 'root',
  privileged: getFlag('secret-value'),
  readonlyRootFilesystem: !true,
  environment: { DB_PASSWORD: process.env.DB_PASSWORD ?? 'fallback-secret' },
});
`;
    const c = container(text);
    assert.deepEqual(c, {
      name: 'c', image: '?props.image', user: '?a conditional expression', privileged: '?getFlag(…)', readonlyRootFilesystem: '?an expression',
      environment: [{ name: 'DB_PASSWORD', value: '?an expression' }],
    });
    // The rules that read the unresolved properties stay silent (others judge what is absent).
    const reading = ['latest-image-tag', 'public-registry-image', 'image-not-pinned-by-digest', 'container-runs-as-root', 'privileged-container', 'writable-root-filesystem', 'plaintext-secret-in-environment'];
    assert.deepEqual(run(text, TS_URI).findings.map(f => f.ruleId).filter(id => reading.includes(id)), []);
  });

  it('reads ecs-patterns: image options, logging on by default, enableLogging: false, sizes and roles', () => {
    const text = `${V2}import * as ecsPatterns from 'aws-cdk-lib/aws-ecs-patterns';
import * as iam from 'aws-cdk-lib/aws-iam';
const role = new iam.Role(s, 'SvcRole', { assumedBy });
const svc = new ecsPatterns.ApplicationLoadBalancedFargateService(s, 'Web', {
  memoryLimitMiB: 1024,
  taskImageOptions: {
    image: ecs.ContainerImage.fromRegistry('nginx:1.27'),
    environment: { STAGE: 'prod' },
    taskRole: role,
  },
});
svc.taskDefinition.addContainer('sidecar', { image: ecs.ContainerImage.fromRegistry('envoy:1'), user: '1', readonlyRootFilesystem: true });
role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:*'], resources: ['*'] }));
new ecsPatterns.QueueProcessingFargateService(s, 'Queue', { image: ecs.ContainerImage.fromRegistry('worker:2'), enableLogging: false });
new ecsPatterns.ScheduledFargateTask(s, 'Cron', { scheduledFargateTaskImageOptions: { image: ecs.ContainerImage.fromRegistry('cron:1'), memoryLimitMiB: 2048 } });
new ecsPatterns.ApplicationLoadBalancedEc2Service(s, 'Ec2', { memoryLimitMiB: 256, taskImageOptions: { image: ecs.ContainerImage.fromRegistry('app:1') } });
new ecsPatterns.ApplicationLoadBalancedFargateService(s, 'Given', { taskDefinition: existing });
`;
    const m = model(text);
    assert.deepEqual(m.tasks.map(t => [t.label, t.defaults, t.containers.map(c => c.label)]), [
      ['Web', { networkMode: 'awsvpc' }, ['web', 'sidecar']],
      ['Queue', { networkMode: 'awsvpc' }, ['QueueProcessingContainer']],
      ['Cron', { networkMode: 'awsvpc' }, ['ScheduledContainer']],
      ['Ec2', { networkMode: 'bridge' }, ['web']],
    ]);
    // The pattern's own container logs to awslogs under the pattern's id; the sidecar added to its task definition does not log.
    assert.deepEqual(plain(m.tasks[0].obj), {
      requiresCompatibilities: ['FARGATE'], taskRoleArn: '?role', memory: 1024, cpu: 256,
      containerDefinitions: [
        { name: 'web', image: 'nginx:1.27', environment: [{ name: 'STAGE', value: 'prod' }], logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-stream-prefix': 'Web' } } },
        { name: 'sidecar', image: 'envoy:1', user: '1', readonlyRootFilesystem: true },
      ],
    });
    assert.equal(plain(get(m.tasks[1].containers[0].obj, 'logConfiguration')), undefined);
    assert.equal((plain(m.tasks[2].obj) as { memory: number }).memory, 2048);
    assert.equal((plain(m.tasks[3].containers[0].obj) as { memory: number }).memory, 256);
    assert.deepEqual(m.taskRoleStatements.map(st => [st.roleLabel, st.tasks]), [['SvcRole', ['Web']]]);
    assert.deepEqual(m.services.map(sv => sv.label), ['Web', 'Queue', 'Cron', 'Ec2', 'Given']);
    // A pattern container's findings about what it lacks go to its image options.
    assert.deepEqual(findingsOf(text, 'writable-root-filesystem', TS_URI).map(f => [f.line, f.text]), [[7, 'taskImageOptions'], [15, "'Queue'"], [16, 'scheduledFargateTaskImageOptions'], [17, 'taskImageOptions']]);
  });

  it('reads L1 CfnTaskDefinition, CfnService and CfnCluster (camelCase CloudFormation = ECS names)', () => {
    const text = `${V2}new ecs.CfnTaskDefinition(s, 'L1', {
  family: 'legacy',
  networkMode: 'host',
  pidMode: 'host',
  requiresCompatibilities: ['EC2'],
  containerDefinitions: [{
    name: 'app',
    image: 'nginx:latest',
    linuxParameters: { capabilities: { add: ['SYS_ADMIN'], drop: [] } },
    environment: [{ name: 'DB_PASSWORD', value: 'correct-horse-battery-staple' }],
    logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/app' } },
  }],
  volumes: [{ name: 'efs', efsVolumeConfiguration: { filesystemId: 'fs-1', transitEncryption: 'DISABLED' } }],
});
new ecs.CfnService(s, 'Svc', { networkConfiguration: { awsvpcConfiguration: { assignPublicIp: 'ENABLED', subnets } } });
new ecs.CfnCluster(s, 'Cl', { clusterSettings: [{ name: 'containerInsights', value: 'disabled' }] });
`;
    const m = model(text);
    assert.equal(m.tasks[0].label, 'legacy');
    assert.deepEqual(m.tasks[0].defaults, {});
    assert.deepEqual((plain(m.tasks[0].obj) as { containerDefinitions: unknown[] }).containerDefinitions[0], {
      name: 'app', image: 'nginx:latest', linuxParameters: { capabilities: { add: ['SYS_ADMIN'], drop: [] } },
      environment: [{ name: 'DB_PASSWORD', value: 'correct-horse-battery-staple' }],
      logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/app' } },
    });
    const rules = [...new Set(run(text, TS_URI).findings.map(f => f.ruleId))];
    for (const id of ['container-insights-disabled', 'container-runs-as-root', 'host-network-mode', 'latest-image-tag', 'plaintext-secret-in-environment', 'public-ip-assigned', 'writable-root-filesystem']) assert.ok(rules.includes(id), id);
    assert.ok(!rules.includes('privileged-container'));
  });

  it('infers the account and region for secret ARNs from the file', () => {
    const text = `${V2}new ecs.CfnTaskDefinition(s, 'L1', { family: 'api', executionRoleArn: 'arn:aws:iam::111122223333:role/exec', containerDefinitions: [{
  name: 'app', image: '111122223333.dkr.ecr.eu-west-1.amazonaws.com/app:1', environment: [{ name: 'DB_PASSWORD', value: 'correct-horse-battery-staple' }],
}] });
`;
    assert.match(applyFix(text, 'plaintext-secret-in-environment', 0, TS_URI), /valueFrom: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:api\/db-password' \}\]/);
  });
});
