import * as assert from 'node:assert/strict';
import { fixEdits } from '../../../server/src/engine/analyze';
import { findingsOf, fixViolations, run, settings } from '../../helpers/analysis';
import { TS_URI, cdkHeader, fargateStack, fixTs, prepareCdk, tsFindingsAt, tsFindingsOf } from '../../helpers/cdk';

// The container rules of the catalog on CDK TypeScript, as real stacks write them: images from
// `ContainerImage` factories, capabilities through `LinuxParameters` calls, security options,
// sizes (with CDK's Fargate default and the EC2 patterns' own props), health checks. Each rule:
// where it reports, the exact text of its fix in the file's style, what it leaves alone, and values
// the file cannot show (another file's variable, a call).

const at = tsFindingsAt;
const only = tsFindingsOf;

const HEADER = cdkHeader("import { IMAGE, repository, capability } from './shared';");
const stack = (body: string) => fargateStack(HEADER, body);

describe('CDK TypeScript: container catalog rules', () => {
  before(prepareCdk);

  describe('public-registry-image and image-not-pinned-by-digest', () => {
    const PUB = 'public-registry-image';
    const PIN = 'image-not-pinned-by-digest';
    const text = stack(`    taskDef.addContainer('web', { image: ecs.ContainerImage.fromRegistry('nginx:1.27') });
    taskDef.addContainer('proxy', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/envoyproxy/envoy:v1.31.0') });
    taskDef.addContainer('api', { image: ecs.ContainerImage.fromEcrRepository(repository, '2.4.1') });
    taskDef.addContainer('worker', { image: ecs.ContainerImage.fromAsset('./worker') });
`);

    it('flag the registry reference: Docker Hub a warning, another public registry a note; neither has a fix', () => {
      assert.deepEqual(findingsOf(text, PUB, TS_URI).map(f => [f.line, f.character, f.text, f.severity]), [
        [10, 73, "'nginx:1.27'", 'warning'],
        [11, 75, "'public.ecr.aws/envoyproxy/envoy:v1.31.0'", 'note'],
      ]);
      assert.match(only(text, PUB)[0].message, /^Container 'web' pulls 'docker\.io\/library\/nginx' from Docker Hub/);
      assert.ok(only(text, PUB).every(f => f.fix === undefined));
    });

    it('flag every version tag without a digest, the ECR repository\'s tag argument included', () => {
      assert.deepEqual(at(text, PIN), [[10, 73, "'nginx:1.27'"], [11, 75, "'public.ecr.aws/envoyproxy/envoy:v1.31.0'"], [12, 90, "'2.4.1'"]]);
      assert.match(only(text, PIN)[2].message, /^Container 'api' uses the image tag '2\.4\.1' without a digest/);
      assert.ok(only(text, PIN).every(f => f.fix === undefined));
    });

    it('are silent for digests, the account\'s own registry, images built from local files, and trusted registries', () => {
      const digest = 'sha256:0f2b5c4a9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a29180f7e6d5c4b3a291807';
      const pinned = text
        .replace("'nginx:1.27'", `'123456789012.dkr.ecr.eu-west-1.amazonaws.com/nginx@${digest}'`)
        .replace("'public.ecr.aws/envoyproxy/envoy:v1.31.0'", `'123456789012.dkr.ecr.eu-west-1.amazonaws.com/envoy:v1.31.0@${digest}'`)
        .replace("'2.4.1'", `'${digest}'`);
      assert.deepEqual(at(pinned, PUB), []);
      assert.deepEqual(at(pinned, PIN), []);
      // A digest pins the image, but Docker Hub still publishes it.
      assert.deepEqual(at(text.replace("'nginx:1.27'", `'nginx@${digest}'`), PUB)[0][2], `'nginx@${digest}'`);
      assert.deepEqual(findingsOf(text, PUB, TS_URI, settings({ trustedRegistries: ['docker.io/library/', 'public.ecr.aws/envoyproxy/'] })), []);
    });

    it('are silent for images from another file, a call, or a template with unknown parts', () => {
      const unknown = text
        .replace("fromRegistry('nginx:1.27')", 'fromRegistry(IMAGE)')
        .replace("fromRegistry('public.ecr.aws/envoyproxy/envoy:v1.31.0')", 'fromRegistry(imageFor(stage))')
        .replace("fromEcrRepository(repository, '2.4.1')", 'fromEcrRepository(repository, props.tag)');
      assert.deepEqual(at(unknown, PUB), []);
      assert.deepEqual(at(unknown, PIN), []);
      assert.deepEqual(at(text.replace("'nginx:1.27'", '`${registry}/nginx:1.27`'), PUB).map(f => f[2]), ["'public.ecr.aws/envoyproxy/envoy:v1.31.0'"]);
    });
  });

  describe('dangerous-capability', () => {
    const R = 'dangerous-capability';
    const text = stack(`    const linuxParameters = new ecs.LinuxParameters(this, 'WebLinux', { initProcessEnabled: true });
    linuxParameters.addCapabilities(ecs.Capability.SYS_ADMIN, ecs.Capability.NET_BIND_SERVICE);
    linuxParameters.addCapabilities(ecs.Capability.NET_RAW);
    linuxParameters.dropCapabilities(ecs.Capability.ALL);
    taskDef.addContainer('web', {
      image: ecs.ContainerImage.fromRegistry('nginx:1.27'),
      linuxParameters,
    });
`);

    it('flags each dangerous capability on its argument: SYS_ADMIN an error, NET_RAW a warning', () => {
      assert.deepEqual(findingsOf(text, R, TS_URI).map(f => [f.line, f.character, f.text, f.severity]), [
        [11, 36, 'ecs.Capability.SYS_ADMIN', 'error'],
        [12, 36, 'ecs.Capability.NET_RAW', 'warning'],
      ]);
      const [sysAdmin] = only(text, R);
      assert.match(sysAdmin.message, /^Container 'web' adds the SYS_ADMIN capability: .* Fargate rejects this setting/);
    });

    it('removes the argument, or the whole call when it is the only one; safe', () => {
      assert.equal(fixTs(text, R, 0), text.replace('ecs.Capability.SYS_ADMIN, ', ''));
      assert.equal(fixTs(text, R, 1), text.replace('    linuxParameters.addCapabilities(ecs.Capability.NET_RAW);\n', ''));
      assert.equal(only(text, R)[0].fix!.preferred, true);
    });

    it('reads the file\'s named import and a LinuxParameters kept in a field', () => {
      const named = `import { Stack } from 'aws-cdk-lib';
import { Capability, ContainerImage, Ec2TaskDefinition, LinuxParameters } from 'aws-cdk-lib/aws-ecs';

export class Agent extends Stack {
  private readonly linux = new LinuxParameters(this, 'Linux');

  constructor() {
    super();
    this.linux.addCapabilities(Capability.SYS_PTRACE);
    new Ec2TaskDefinition(this, 'Agent').addContainer('agent', { image: ContainerImage.fromRegistry('agent:1'), memoryLimitMiB: 64, linuxParameters: this.linux });
  }
}
`;
      assert.deepEqual(at(named, R), [[8, 31, 'Capability.SYS_PTRACE']]);
      assert.equal(fixTs(named, R), named.replace('    this.linux.addCapabilities(Capability.SYS_PTRACE);\n', ''));
    });

    it('is silent for harmless capabilities, and for capabilities from another file, a call or a spread', () => {
      assert.deepEqual(at(text.replace('SYS_ADMIN', 'CHOWN').replace('NET_RAW', 'KILL'), R), []);
      const unknown = text.replace('ecs.Capability.SYS_ADMIN', 'capability').replace('ecs.Capability.NET_RAW', '...extraCapabilities(props)');
      assert.deepEqual(at(unknown, R), []);
    });
  });

  describe('capabilities-not-dropped', () => {
    const R = 'capabilities-not-dropped';
    const text = stack(`    taskDef.addContainer('web', {
      image: ecs.ContainerImage.fromRegistry('nginx:1.27'),
      user: '101',
    });
`);

    it('flags a container without linuxParameters on its id, and one that drops only some capabilities on the call', () => {
      assert.deepEqual(at(text, R), [[10, 25, "'web'"]]);
      const some = stack(`    const linuxParameters = new ecs.LinuxParameters(this, 'WebLinux');
    linuxParameters.dropCapabilities(ecs.Capability.NET_RAW);
    taskDef.addContainer('web', { image: ecs.ContainerImage.fromRegistry('nginx:1.27'), linuxParameters });
`);
      assert.deepEqual(at(some, R), [[11, 4, 'linuxParameters.dropCapabilities(ecs.Capability.NET_RAW)']]);
      assert.equal(fixTs(some, R), some.replace('dropCapabilities(ecs.Capability.NET_RAW)', 'dropCapabilities(ecs.Capability.NET_RAW, ecs.Capability.ALL)'));
    });

    it('creates a LinuxParameters that drops ALL, declared before the container in its task definition\'s scope; offered only', () => {
      assert.equal(fixTs(text, R), text.replace("    taskDef.addContainer('web', {\n", `    const webLinuxParameters = new ecs.LinuxParameters(this, 'WebLinuxParameters');
    webLinuxParameters.dropCapabilities(ecs.Capability.ALL);
    taskDef.addContainer('web', {
`).replace("      user: '101',\n", "      user: '101',\n      linuxParameters: webLinuxParameters,\n"));
      assert.equal(only(text, R)[0].fix!.preferred, false);
    });

    it('keeps the file\'s semicolons and names, and avoids construct ids and names already taken', () => {
      const js = `const cdk = require('aws-cdk-lib')
const { ContainerDefinition, ContainerImage, FargateTaskDefinition } = require('aws-cdk-lib/aws-ecs')

const app = new cdk.App()
const stack = new cdk.Stack(app, 'Api')
const apiLinuxParameters = 'taken'
const td = new FargateTaskDefinition(stack, 'ApiLinuxParameters')
new ContainerDefinition(stack, 'api-server', { taskDefinition: td, image: ContainerImage.fromRegistry('api:1') })
`;
      assert.deepEqual(findingsOf(js, R, 'file:///project/bin/app.js').map(f => f.text), ["'api-server'"]);
      // The file names the ECS module through its root namespace as well: \`cdk.aws_ecs\` needs no new import.
      assert.equal(fixTs(js, R, 0, 'file:///project/bin/app.js'), js
        .replace("new ContainerDefinition(stack, 'api-server', {", `const apiServerLinuxParameters = new cdk.aws_ecs.LinuxParameters(stack, 'ApiServerLinuxParameters')
apiServerLinuxParameters.dropCapabilities(cdk.aws_ecs.Capability.ALL)
new ContainerDefinition(stack, 'api-server', {`)
        .replace("fromRegistry('api:1') }", "fromRegistry('api:1'), linuxParameters: apiServerLinuxParameters }"));
      const taken = text.replace("new ecs.FargateTaskDefinition(this, 'App')", "new ecs.FargateTaskDefinition(this, 'WebLinuxParameters')").replace("      user: '101',\n", "      user: '101', // webLinuxParameters is a name in use\n");
      assert.match(fixTs(taken, R), /const webLinuxParameters2 = new ecs\.LinuxParameters\(this, 'WebLinuxParameters2'\);/);
    });

    it('offers no fix where a new construct cannot be placed for sure: patterns, another function, a class field, shared props', () => {
      const pattern = `${HEADER}
new ecsPatterns.ApplicationLoadBalancedFargateService(stack, 'Web', {
  taskImageOptions: { image: ecs.ContainerImage.fromRegistry('nginx:1.27') },
});
`;
      const elsewhere = `${HEADER}
const td = new ecs.FargateTaskDefinition(stack, 'Td');
export function addWeb(): void {
  td.addContainer('web', { image: ecs.ContainerImage.fromRegistry('nginx:1.27') });
}
`;
      const field = `${HEADER}
export class Web extends cdk.Stack {
  readonly taskDef = new ecs.FargateTaskDefinition(this, 'Td');
  readonly web = this.taskDef.addContainer('web', { image: ecs.ContainerImage.fromRegistry('nginx:1.27') });
}
`;
      const shared = `${HEADER}
const WEB = { image: ecs.ContainerImage.fromRegistry('nginx:1.27') };
new ecs.FargateTaskDefinition(stack, 'Td').addContainer('web', WEB);
`;
      for (const t of [pattern, elsewhere, field, shared]) {
        const r = run(t, TS_URI);
        const f = r.findings.find(x => x.ruleId === R)!;
        assert.ok(f, t);
        assert.equal(f.fix && fixEdits(r, f), undefined, t);
      }
    });

    it('is silent for ALL, Windows tasks, and drops from another file or a call', () => {
      const all = stack(`    const linuxParameters = new ecs.LinuxParameters(this, 'WebLinux');
    linuxParameters.dropCapabilities(ecs.Capability.ALL);
    taskDef.addContainer('web', { image: ecs.ContainerImage.fromRegistry('nginx:1.27'), linuxParameters });
`);
      assert.deepEqual(at(all, R), []);
      assert.deepEqual(at(all.replace('ecs.Capability.ALL', 'capability'), R), []);
      assert.deepEqual(at(all.replace('ecs.Capability.ALL', '...dropped(props)'), R), []);
      const windows = text.replace("new ecs.FargateTaskDefinition(this, 'App')", "new ecs.FargateTaskDefinition(this, 'App', { runtimePlatform: { operatingSystemFamily: ecs.OperatingSystemFamily.WINDOWS_SERVER_2022_CORE } })");
      assert.deepEqual(at(windows, R), []);
    });
  });

  describe('unconfined-security-option', () => {
    const R = 'unconfined-security-option';
    const text = stack(`    taskDef.addContainer('web', {
      image: ecs.ContainerImage.fromRegistry('nginx:1.27'),
      dockerSecurityOptions: ['seccomp:unconfined', 'no-new-privileges', 'apparmor=unconfined'],
    });
`);

    it('flags each option that turns a confinement off, on the option', () => {
      assert.deepEqual(at(text, R), [[12, 30, "'seccomp:unconfined'"], [12, 73, "'apparmor=unconfined'"]]);
      assert.match(only(text, R)[0].message, /^Container 'web' runs without the seccomp system-call filter \('seccomp:unconfined'\)/);
    });

    it('removes the option from the list; safe', () => {
      assert.equal(fixTs(text, R, 0), text.replace("'seccomp:unconfined', ", ''));
      assert.equal(fixTs(text, R, 1), text.replace(", 'apparmor=unconfined'", ''));
      const alone = text.replace("['seccomp:unconfined', 'no-new-privileges', 'apparmor=unconfined']", "['label:disable']");
      assert.equal(fixTs(alone, R), alone.replace("['label:disable']", '[]'));
      assert.equal(only(text, R)[0].fix!.preferred, true);
    });

    it('is silent for confining options, and options from another file or a call', () => {
      assert.deepEqual(at(text.replace(/'seccomp:unconfined', |, 'apparmor=unconfined'/g, ''), R), []);
      assert.deepEqual(at(text.replace("['seccomp:unconfined', 'no-new-privileges', 'apparmor=unconfined']", 'securityOptions(props)'), R), []);
      assert.deepEqual(at(text.replace("'seccomp:unconfined'", 'SECCOMP').replace("'apparmor=unconfined'", 'props.apparmor'), R), []);
    });
  });

  describe('missing-memory-limit', () => {
    const R = 'missing-memory-limit';
    const ec2 = `${HEADER}
export class AgentStack extends cdk.Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const taskDef = new ecs.Ec2TaskDefinition(this, 'Agent', { networkMode: ecs.NetworkMode.AWS_VPC });
    taskDef.addContainer('agent', {
      image: ecs.ContainerImage.fromRegistry('datadog/agent:7'),
    });
    taskDef.addContainer('statsd', { image: ecs.ContainerImage.fromRegistry('statsd:1'), memoryReservationMiB: 64 });
  }
}
`;

    it('flags an EC2 or external container with neither memoryLimitMiB nor memoryReservationMiB on its id', () => {
      assert.deepEqual(at(ec2, R), [[10, 25, "'agent'"]]);
      assert.deepEqual(at(ec2.replace("new ecs.Ec2TaskDefinition(this, 'Agent', { networkMode: ecs.NetworkMode.AWS_VPC })", "new ecs.ExternalTaskDefinition(this, 'Agent')"), R), [[10, 25, "'agent'"]]);
      assert.match(only(ec2, R)[0].message, /^Container 'agent' has no memory limit/);
    });

    it('adds memoryLimitMiB: 512; offered only', () => {
      assert.equal(fixTs(ec2, R), ec2.replace("      image: ecs.ContainerImage.fromRegistry('datadog/agent:7'),\n", "      image: ecs.ContainerImage.fromRegistry('datadog/agent:7'),\n      memoryLimitMiB: 512,\n"));
      assert.equal(only(ec2, R)[0].fix!.preferred, false);
    });

    it('EC2 patterns: flags the image options and writes the size where the pattern takes it', () => {
      const patterns = `${HEADER}
new ecsPatterns.ApplicationLoadBalancedEc2Service(stack, 'Web', {
  cluster,
  taskImageOptions: { image: ecs.ContainerImage.fromRegistry('nginx:1.27') },
});
new ecsPatterns.ScheduledEc2Task(stack, 'Cron', {
  cluster,
  scheduledEc2TaskImageOptions: {
    image: ecs.ContainerImage.fromRegistry('busybox:1.36'),
  },
  schedule,
});
new ecsPatterns.QueueProcessingEc2Service(stack, 'Queue', { cluster, image: ecs.ContainerImage.fromRegistry('worker:2') });
`;
      assert.deepEqual(at(patterns, R), [[8, 2, 'taskImageOptions'], [12, 2, 'scheduledEc2TaskImageOptions'], [17, 49, "'Queue'"]]);
      assert.equal(fixTs(patterns, R, 0), patterns.replace("fromRegistry('nginx:1.27') },\n", "fromRegistry('nginx:1.27') },\n  memoryLimitMiB: 512,\n"));
      assert.equal(fixTs(patterns, R, 1), patterns.replace("    image: ecs.ContainerImage.fromRegistry('busybox:1.36'),\n", "    image: ecs.ContainerImage.fromRegistry('busybox:1.36'),\n    memoryLimitMiB: 512,\n"));
      assert.equal(fixTs(patterns, R, 2), patterns.replace("fromRegistry('worker:2') }", "fromRegistry('worker:2'), memoryLimitMiB: 512 }"));
    });

    it('is silent on Fargate (CDK gives the task 512 MiB), with task memory, and for sizes from another file or a call', () => {
      assert.deepEqual(at(ec2.replace("new ecs.Ec2TaskDefinition(this, 'Agent', { networkMode: ecs.NetworkMode.AWS_VPC })", "new ecs.FargateTaskDefinition(this, 'Agent')"), R), []);
      assert.deepEqual(at(stack("    taskDef.addContainer('web', { image: ecs.ContainerImage.fromRegistry('nginx:1.27') });\n"), R), []);
      const fargatePattern = `${HEADER}
new ecsPatterns.ApplicationLoadBalancedFargateService(stack, 'Web', { taskImageOptions: { image: ecs.ContainerImage.fromRegistry('nginx:1.27') } });
`;
      assert.deepEqual(at(fargatePattern, R), []);
      const generic = ec2.replace("new ecs.Ec2TaskDefinition(this, 'Agent', { networkMode: ecs.NetworkMode.AWS_VPC })", "new ecs.TaskDefinition(this, 'Agent', { compatibility: ecs.Compatibility.EC2, memoryMiB: '1024' })");
      assert.deepEqual(at(generic, R), []);
      const unknown = ec2.replace("      image: ecs.ContainerImage.fromRegistry('datadog/agent:7'),\n", "      image: ecs.ContainerImage.fromRegistry('datadog/agent:7'),\n      memoryLimitMiB: props.memory,\n");
      assert.deepEqual(at(unknown, R), []);
      assert.deepEqual(at(unknown.replace('props.memory', 'memoryFor(stage)'), R), []);
    });
  });

  describe('missing-health-check', () => {
    const R = 'missing-health-check';
    const text = stack(`    taskDef.addContainer('web', {
      image: ecs.ContainerImage.fromRegistry('nginx:1.27'),
    });
    taskDef.addContainer('init', { image: ecs.ContainerImage.fromRegistry('busybox:1.36'), essential: false });
    taskDef.addContainer('api', {
      image: ecs.ContainerImage.fromRegistry('api:1'),
      healthCheck: { command: ['CMD-SHELL', 'curl -f http://localhost/health || exit 1'], interval: cdk.Duration.seconds(30) },
    });
`);

    it('flags an essential container (CDK\'s default) without healthCheck on its id; no fix', () => {
      assert.deepEqual(at(text, R), [[10, 25, "'web'"]]);
      assert.match(only(text, R)[0].message, /^Essential container 'web' has no healthCheck/);
      assert.equal(only(text, R)[0].fix, undefined);
    });

    it('flags a pattern\'s container on its image options', () => {
      const pattern = `${HEADER}
new ecsPatterns.ApplicationLoadBalancedFargateService(stack, 'Web', {
  taskImageOptions: { image: ecs.ContainerImage.fromRegistry('nginx:1.27') },
});
`;
      assert.deepEqual(at(pattern, R), [[7, 2, 'taskImageOptions']]);
    });

    it('is silent with a health check from another file or a call, and for essential values it cannot read', () => {
      const t = text
        .replace("    taskDef.addContainer('web', {\n      image: ecs.ContainerImage.fromRegistry('nginx:1.27'),\n", "    taskDef.addContainer('web', {\n      image: ecs.ContainerImage.fromRegistry('nginx:1.27'),\n      healthCheck: webHealthCheck(props),\n");
      assert.deepEqual(at(t, R), []);
      assert.deepEqual(at(text.replace("      image: ecs.ContainerImage.fromRegistry('nginx:1.27'),\n", "      image: ecs.ContainerImage.fromRegistry('nginx:1.27'),\n      essential: props.essential,\n"), R), []);
    });
  });

  it('every fix on a stack with every container finding is sound', () => {
    const t = `${HEADER}
export class Everything extends cdk.Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const taskDef = new ecs.Ec2TaskDefinition(this, 'Everything', { networkMode: ecs.NetworkMode.AWS_VPC });
    const linuxParameters = new ecs.LinuxParameters(this, 'Linux');
    linuxParameters.addCapabilities(ecs.Capability.SYS_ADMIN, ecs.Capability.NET_RAW);
    linuxParameters.dropCapabilities(ecs.Capability.CHOWN);
    taskDef.addContainer('app', {
      image: ecs.ContainerImage.fromRegistry('nginx:1.27'),
      linuxParameters,
      dockerSecurityOptions: ['seccomp:unconfined', 'apparmor:unconfined'],
    });
    taskDef.addContainer('sidecar', {
      image: ecs.ContainerImage.fromRegistry('public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0'),
    });
    new ecsPatterns.ApplicationLoadBalancedEc2Service(this, 'Web', {
      taskImageOptions: { image: ecs.ContainerImage.fromRegistry('nginx:1.27') },
    });
  }
}
`;
    const r = run(t, TS_URI);
    const rules = ['public-registry-image', 'image-not-pinned-by-digest', 'dangerous-capability', 'capabilities-not-dropped', 'unconfined-security-option', 'missing-memory-limit', 'missing-health-check'];
    assert.deepEqual(rules.filter(x => !r.findings.some(f => f.ruleId === x)), [], 'every rule fires');
    assert.ok(r.findings.filter(f => f.fix && fixEdits(r, f)).length >= 8);
    assert.deepEqual(fixViolations(t, TS_URI), []);
  });
});
