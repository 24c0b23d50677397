import * as assert from 'node:assert/strict';
import { assertParses, hit, hits, noEdits, preparePython, pyFix, pyRun, stack } from '../../helpers/python';

// The container catalog rules on CDK Python: images, capabilities, logging, memory, confinement,
// credentials outside `environment`, and health checks, as add_container, LinuxParameters, log
// drivers and ecs-patterns write them.

/** add_container's arguments are indented by 12 inside the stack's __init__. */
const I = ' '.repeat(12);

/** A Fargate task with one container written one argument per line, with `args` after its image. */
const app = (args: string, image = 'ecs.ContainerImage.from_registry("orders:1.4.2")', task = 'ecs.FargateTaskDefinition(self, "Orders")', imports?: string, prelude = '') =>
  stack(`task = ${task}\ntask.add_container(\n    "app",\n    image=${image},\n${args}\n)`, imports, prelude);

describe('CDK Python: container catalog rules', () => {
  before(preparePython);

  describe('public-registry-image', () => {
    const R = 'public-registry-image';

    it('Docker Hub is a warning, public.ecr.aws a note, both on the image name; no fix', () => {
      const hub = app('    user="1000",');
      const text = app('    user="1000",', 'ecs.ContainerImage.from_registry("nginx:1.27")');
      assert.deepEqual(hits(hub, R), [hit(hub, '"orders:1.4.2"')]);
      assert.deepEqual(hits(text, R), [hit(text, '"nginx:1.27"')]);
      const gallery = app('    user="1000",', 'ecs.ContainerImage.from_registry("public.ecr.aws/nginx/nginx:1.27")');
      assert.deepEqual(hits(gallery, R), [hit(gallery, '"public.ecr.aws/nginx/nginx:1.27"')]);
      const [h, g] = [pyRun(text), pyRun(gallery)].map(r => r.findings.find(f => f.ruleId === R)!);
      assert.deepEqual([h.severity, g.severity], ['warning', 'note']);
      assert.equal(h.fix, undefined);
    });

    it('stays silent on ECR repositories, assets, private registries and names it cannot resolve', () => {
      for (const image of [
        'ecs.ContainerImage.from_ecr_repository(repo, "1.4.2")',
        'ecs.ContainerImage.from_asset("./orders")',
        'ecs.ContainerImage.from_registry(f"{REGISTRY}/orders:1.4.2")',
        'ecs.ContainerImage.from_registry(ORDERS_IMAGE)',
        'ecs.ContainerImage.from_registry(image_uri(self, "orders"))',
      ]) {
        const text = app('    user="1000",', image, undefined, undefined, '\nfrom app.images import ORDERS_IMAGE\nREGISTRY = "111122223333.dkr.ecr.eu-west-1.amazonaws.com"\n');
        assert.deepEqual(hits(text, R), [], image);
      }
    });
  });

  describe('image-not-pinned-by-digest', () => {
    const R = 'image-not-pinned-by-digest';

    it('a version tag from a registry or an ECR repository is a note on the image; no fix', () => {
      const text = app('    user="1000",');
      assert.deepEqual(hits(text, R), [hit(text, '"orders:1.4.2"')]);
      const ecr = app('    user="1000",', 'ecs.ContainerImage.from_ecr_repository(repo, tag="v3")');
      assert.deepEqual(hits(ecr, R), [hit(ecr, 'ecs.ContainerImage.from_ecr_repository(repo, tag="v3")')]);
      assert.equal(pyRun(text).findings.find(f => f.ruleId === R)!.fix, undefined);
    });

    it('stays silent on digests, assets, latest (another rule\'s) and names it cannot resolve', () => {
      const digest = 'sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
      for (const image of [
        `ecs.ContainerImage.from_registry("orders@${digest}")`,
        `ecs.ContainerImage.from_ecr_repository(repo, tag_or_digest="${digest}")`,
        'ecs.ContainerImage.from_asset("./orders")',
        'ecs.ContainerImage.from_registry("orders:latest")',
        'ecs.ContainerImage.from_registry(ORDERS_IMAGE)',
        'ecs.ContainerImage.from_registry(settings.image("orders"))',
      ]) {
        assert.deepEqual(hits(app('    user="1000",', image, undefined, undefined, 'from app.images import ORDERS_IMAGE\n'), R), [], image);
      }
    });
  });

  describe('dangerous-capability', () => {
    const R = 'dangerous-capability';
    const withCaps = (call: string) => stack(`task = ecs.Ec2TaskDefinition(self, "Agent", network_mode=ecs.NetworkMode.AWS_VPC)
agent_params = ecs.LinuxParameters(self, "AgentParams")
${call}
task.add_container(
    "agent",
    image=ecs.ContainerImage.from_registry("datadog/agent:7"),
    memory_limit_mib=256,
    linux_parameters=agent_params,
)`);

    it('reports the capability; the preferred fix removes it, or the whole call when it was the only one', async () => {
      const text = withCaps('agent_params.add_capabilities(ecs.Capability.SYS_ADMIN, ecs.Capability.NET_BIND_SERVICE)');
      assert.deepEqual(hits(text, R), [hit(text, 'ecs.Capability.SYS_ADMIN')]);
      assert.equal(pyRun(text).findings.find(f => f.ruleId === R)!.fix!.preferred, true);
      assert.equal(pyFix(text, R), withCaps('agent_params.add_capabilities(ecs.Capability.NET_BIND_SERVICE)'));
      const alone = withCaps('agent_params.add_capabilities(ecs.Capability.SYS_PTRACE)');
      const fixed = pyFix(alone, R);
      assert.equal(fixed, alone.replace(`${' '.repeat(8)}agent_params.add_capabilities(ecs.Capability.SYS_PTRACE)\n`, ''));
      await assertParses(fixed);
    });

    it('NET_RAW is a warning; ALL and SYS_ADMIN errors', () => {
      const text = withCaps('agent_params.add_capabilities(ecs.Capability.NET_RAW, ecs.Capability.ALL)');
      assert.deepEqual(pyRun(text).findings.filter(f => f.ruleId === R).map(f => [text.slice(f.span.start, f.span.end), f.severity]), [
        ['ecs.Capability.NET_RAW', 'warning'], ['ecs.Capability.ALL', 'error'],
      ]);
    });

    it('stays silent on harmless capabilities and on capabilities it cannot resolve', () => {
      for (const call of ['agent_params.add_capabilities(ecs.Capability.NET_BIND_SERVICE, ecs.Capability.CHOWN)', 'agent_params.add_capabilities(EXTRA_CAPABILITY)', 'agent_params.add_capabilities(*extra_capabilities(self))']) {
        assert.deepEqual(hits(withCaps(call), R), [], call);
      }
    });
  });

  describe('capabilities-not-dropped', () => {
    const R = 'capabilities-not-dropped';
    const withParams = (lines: string, imports?: string, ns = 'ecs.') => stack(`task = ${ns}FargateTaskDefinition(self, "Orders")
params = ${ns}LinuxParameters(self, "Params", init_process_enabled=True)
${lines}task.add_container(
    "app",
    image=${ns}ContainerImage.from_registry("orders:1.4.2"),
    linux_parameters=params,
)`, imports);

    it('drop_capabilities without ALL: reported on the call, fixed by appending ALL to it', async () => {
      const text = withParams('params.drop_capabilities(ecs.Capability.NET_RAW)\n');
      assert.deepEqual(hits(text, R), [hit(text, 'params.drop_capabilities(ecs.Capability.NET_RAW)')]);
      const fixed = pyFix(text, R);
      assert.equal(fixed, withParams('params.drop_capabilities(ecs.Capability.NET_RAW, ecs.Capability.ALL)\n'));
      await assertParses(fixed);
      assert.deepEqual(hits(fixed, R), []);
      assert.equal(pyRun(text).findings.find(f => f.ruleId === R)!.fix!.preferred, false);
    });

    it('LinuxParameters that drop nothing: reported on the container id, fixed by a drop_capabilities call after the construct', async () => {
      const text = withParams('params.add_capabilities(ecs.Capability.NET_BIND_SERVICE)\n');
      assert.deepEqual(hits(text, R), [hit(text, '"app"')]);
      const fixed = pyFix(text, R);
      assert.equal(fixed, text.replace('init_process_enabled=True)\n', `init_process_enabled=True)\n${' '.repeat(8)}params.drop_capabilities(ecs.Capability.ALL)\n`));
      await assertParses(fixed);
      assert.deepEqual(hits(fixed, R), []);
    });

    it('writes the enum as the file imports it', () => {
      const named = withParams('', 'from aws_cdk import Stack\nfrom aws_cdk.aws_ecs import Capability, ContainerImage, FargateTaskDefinition, LinuxParameters\nfrom constructs import Construct\n', '');
      assert.equal(pyFix(named, R), named.replace('init_process_enabled=True)\n', `init_process_enabled=True)\n${' '.repeat(8)}params.drop_capabilities(Capability.ALL)\n`));
      const dropped = withParams('params.drop_capabilities(Capability.NET_RAW)\n', 'from aws_cdk import Stack\nfrom aws_cdk.aws_ecs import Capability, ContainerImage, FargateTaskDefinition, LinuxParameters\nfrom constructs import Construct\n', '');
      assert.equal(pyFix(dropped, R), dropped.replace('(Capability.NET_RAW)', '(Capability.NET_RAW, Capability.ALL)'));
    });

    it('a container without LinuxParameters is reported on its id; the fix needs a new construct and variable, so it is not written', () => {
      const text = app('    user="1000",');
      assert.deepEqual(hits(text, R), [hit(text, '"app"')]);
      assert.ok(noEdits(text, R));
    });

    it('stays silent when ALL is dropped, and on capabilities or parameters it cannot resolve', () => {
      assert.deepEqual(hits(withParams('params.drop_capabilities(ecs.Capability.ALL)\n'), R), []);
      assert.deepEqual(hits(withParams('params.drop_capabilities(ecs.Capability.NET_RAW, DROPPED)\n'), R), []);
      assert.deepEqual(hits(app('    linux_parameters=hardened_parameters(self),'), R), []);
      assert.deepEqual(hits(app('    linux_parameters=SHARED_PARAMETERS,', undefined, undefined, undefined, 'from app.shared import SHARED_PARAMETERS\n'), R), []);
    });
  });

  describe('missing-log-configuration', () => {
    const R = 'missing-log-configuration';

    it('add_container without logging: reported on its id, fixed with awslogs and the container id as stream prefix', async () => {
      const text = app('    user="1000",');
      assert.deepEqual(hits(text, R), [hit(text, '"app"')]);
      const fixed = pyFix(text, R);
      assert.equal(fixed, app('    user="1000",\n    logging=ecs.LogDrivers.aws_logs(stream_prefix="app"),'));
      await assertParses(fixed);
      assert.equal(pyRun(text).findings.find(f => f.ruleId === R)!.fix!.preferred, false);
    });

    it('single quotes and the aws_ecs module imported under its own name', () => {
      const text = "from aws_cdk import aws_ecs\n\ntask = aws_ecs.FargateTaskDefinition(self, 'T')\ntask.add_container('worker', image=aws_ecs.ContainerImage.from_asset('.'))\n";
      assert.equal(pyFix(text, R), text.replace("from_asset('.'))", "from_asset('.'), logging=aws_ecs.LogDrivers.aws_logs(stream_prefix='worker'))"));
    });

    it('ecs-patterns log unless enable_logging=False; then the fix sets log_driver in the image options', () => {
      const pattern = (opts: string) => stack(`patterns.ApplicationLoadBalancedFargateService(
    self,
    "Web",
    task_image_options=patterns.ApplicationLoadBalancedTaskImageOptions(
        image=ecs.ContainerImage.from_registry("nginx:1.27"),${opts}
    ),
)`, 'from aws_cdk import aws_ecs as ecs, aws_ecs_patterns as patterns\n');
      assert.deepEqual(hits(pattern(''), R), []);
      const off = pattern('\n        enable_logging=False,');
      assert.deepEqual(hits(off, R), [hit(off, 'task_image_options')]);
      assert.equal(pyFix(off, R), pattern('\n        enable_logging=False,\n        log_driver=ecs.LogDrivers.aws_logs(stream_prefix="web"),'));
    });

    it('stays silent on a log driver, and on one it cannot resolve', () => {
      for (const logging of ['ecs.LogDrivers.aws_logs(stream_prefix="app")', 'ecs.LogDrivers.firelens(options={"Name": "cloudwatch"})', 'log_driver_for(self, "app")', 'SHARED_LOGGING']) {
        assert.deepEqual(hits(app(`    logging=${logging},`, undefined, undefined, undefined, 'from app.logs import SHARED_LOGGING\n'), R), [], logging);
      }
    });
  });

  describe('missing-memory-limit', () => {
    const R = 'missing-memory-limit';
    const ec2 = 'ecs.Ec2TaskDefinition(self, "Orders", network_mode=ecs.NetworkMode.AWS_VPC)';

    it('an EC2 container without memory: reported on its id, fixed with memory_limit_mib=512 (not preferred)', async () => {
      const text = app('    user="1000",', undefined, ec2);
      assert.deepEqual(hits(text, R), [hit(text, '"app"')]);
      const fixed = pyFix(text, R);
      assert.equal(fixed, app('    user="1000",\n    memory_limit_mib=512,', undefined, ec2));
      await assertParses(fixed);
      assert.equal(pyRun(text).findings.find(f => f.ruleId === R)!.fix!.preferred, false);
      const external = app('    user="1000",', undefined, 'ecs.ExternalTaskDefinition(self, "Orders")');
      assert.deepEqual(hits(external, R), [hit(external, '"app"')]);
    });

    it('an EC2 pattern without memory is reported; its image options cannot say it, so the fix is not written', () => {
      const text = stack('patterns.ApplicationLoadBalancedEc2Service(self, "Web", cluster=cluster, task_image_options=patterns.ApplicationLoadBalancedTaskImageOptions(image=img))', 'from aws_cdk import aws_ecs as ecs, aws_ecs_patterns as patterns\n');
      assert.deepEqual(hits(text, R), [hit(text, 'task_image_options')]);
      assert.ok(noEdits(text, R));
    });

    it('stays silent on Fargate (CDK gives the task 512 MiB), on a limit or reservation, and on values it cannot resolve', () => {
      assert.deepEqual(hits(app('    user="1000",'), R), []);
      assert.deepEqual(hits(stack('patterns.ApplicationLoadBalancedFargateService(self, "Web", task_image_options={"image": img})', 'from aws_cdk import aws_ecs as ecs, aws_ecs_patterns as patterns\n'), R), []);
      for (const args of ['    memory_reservation_mib=256,', '    memory_limit_mib=settings.MEMORY,', '    memory_limit_mib=ORDERS_MEMORY,', '    **container_sizes(self),']) {
        assert.deepEqual(hits(app(args, undefined, ec2, undefined, 'from app.sizes import ORDERS_MEMORY\n'), R), [], args);
      }
      assert.deepEqual(hits(app('    user="1000",', undefined, 'ecs.Ec2TaskDefinition(self, "Orders", network_mode=ecs.NetworkMode.AWS_VPC, memory_limit_mib=1024)'), R), []);
    });
  });

  describe('unconfined-security-option', () => {
    const R = 'unconfined-security-option';

    it('reports the option and removes it from the list (a preferred fix)', async () => {
      const text = app('    docker_security_options=["seccomp:unconfined", "no-new-privileges"],');
      assert.deepEqual(hits(text, R), [hit(text, '"seccomp:unconfined"')]);
      const fixed = pyFix(text, R);
      assert.equal(fixed, app('    docker_security_options=["no-new-privileges"],'));
      await assertParses(fixed);
      assert.equal(pyRun(text).findings.find(f => f.ruleId === R)!.fix!.preferred, true);
    });

    it('one per line: apparmor and SELinux, each removed with its line', () => {
      const text = app('    docker_security_options=[\n        "apparmor:unconfined",\n        "label:disable",\n    ],');
      assert.deepEqual(hits(text, R), [hit(text, '"apparmor:unconfined"'), hit(text, '"label:disable"')]);
      assert.equal(pyFix(text, R, 1), text.replace(`${I}    "label:disable",\n`, ''));
    });

    it('stays silent on confining options and on options it cannot resolve', () => {
      for (const opts of ['["no-new-privileges"]', 'SECURITY_OPTIONS', '[security_option(self)]']) {
        assert.deepEqual(hits(app(`    docker_security_options=${opts},`, undefined, undefined, undefined, 'from app.security import SECURITY_OPTIONS\n'), R), [], opts);
      }
    });
  });

  describe('hardcoded-credential', () => {
    const R = 'hardcoded-credential';

    it('in command, entry_point, docker_labels and a HealthCheck command: reported on the item, redacted, no fix', () => {
      const text = app(`    command=["serve", "--db-password", "hunter2hunter2"],
    entry_point=["sh", "-c", "export API_TOKEN=tok_live_0123456789 && exec serve"],
    docker_labels={"team": "orders", "com.example.api-key": "k3y-0123456789abcdef"},
    health_check=ecs.HealthCheck(command=["CMD-SHELL", "curl -f --password=s3cretvalue1 http://localhost/ || exit 1"]),`);
      assert.deepEqual(hits(text, R), [
        hit(text, '"hunter2hunter2"'),
        hit(text, '"export API_TOKEN=tok_live_0123456789 && exec serve"'),
        hit(text, '"k3y-0123456789abcdef"'),
        hit(text, '"curl -f --password=s3cretvalue1 http://localhost/ || exit 1"'),
      ]);
      for (const f of pyRun(text).findings.filter(x => x.ruleId === R)) {
        assert.doesNotMatch(f.message, /hunter2hunter2|tok_live_0123456789|s3cretvalue1|k3y-0123456789abcdef/);
        assert.equal(f.fix, undefined);
      }
    });

    it('Splunk\'s token as SecretValue.unsafe_plain_text: the fix moves it to secret_token', async () => {
      const text = app(`    logging=ecs.LogDrivers.splunk(
        token=SecretValue.unsafe_plain_text("abcdef12-3456-7890-abcd-ef1234567890"),
        url="https://splunk.example.com:8088",
    ),`, undefined, undefined, 'from aws_cdk import SecretValue, Stack\nfrom aws_cdk import aws_ecs as ecs\nfrom constructs import Construct\n');
      assert.deepEqual(hits(text, R), [hit(text, '"abcdef12-3456-7890-abcd-ef1234567890"')]);
      assert.doesNotMatch(pyRun(text).findings.find(f => f.ruleId === R)!.message, /3456-7890/);
      const fixed = pyFix(text, R);
      assert.equal(fixed, text
        .replace(`${I}    token=SecretValue.unsafe_plain_text("abcdef12-3456-7890-abcd-ef1234567890"),\n`, '')
        .replace(`url="https://splunk.example.com:8088",\n`, `url="https://splunk.example.com:8088",\n${I}    secret_token=ecs.Secret.from_secrets_manager(SPLUNK_TOKEN_SECRET_PLACEHOLDER),\n`));
      await assertParses(fixed);
      assert.doesNotMatch(fixed, /3456-7890/);
    });

    it('a plain string in a FireLens or generic driver\'s options: the fix moves it into secret_options', () => {
      const firelens = app('    logging=ecs.LogDrivers.firelens(options={"Name": "datadog", "apikey": "0123456789abcdef0123456789abcdef"}),');
      assert.deepEqual(hits(firelens, R), [hit(firelens, '"0123456789abcdef0123456789abcdef"')]);
      assert.equal(pyFix(firelens, R), app('    logging=ecs.LogDrivers.firelens(options={"Name": "datadog"}, secret_options={"apikey": ecs.Secret.from_secrets_manager(APIKEY_SECRET_PLACEHOLDER)}),'));
      const generic = app(`    logging=ecs.GenericLogDriver(
        log_driver="splunk",
        options={"splunk-url": "https://splunk.example.com", "splunk-token": "abcdef12-3456-7890-abcd-ef1234567890"},
        secret_options={"splunk-caname": ecs.Secret.from_ssm_parameter(ca_name)},
    ),`);
      assert.deepEqual(hits(generic, R), [hit(generic, '"abcdef12-3456-7890-abcd-ef1234567890"')]);
      assert.equal(pyFix(generic, R), generic
        .replace(', "splunk-token": "abcdef12-3456-7890-abcd-ef1234567890"}', '}')
        .replace('ecs.Secret.from_ssm_parameter(ca_name)}', 'ecs.Secret.from_ssm_parameter(ca_name), "splunk-token": ecs.Secret.from_secrets_manager(SPLUNK_TOKEN_SECRET_PLACEHOLDER)}'));
    });

    it('stays silent on references, files and values it cannot resolve', () => {
      for (const args of [
        '    command=["serve", "--db-password-file", "/run/secrets/db"],',
        '    command=["serve", "--api-token", API_TOKEN],',
        '    command=["serve", "--api-token", token_for(self)],',
        '    docker_labels={"com.example.api-key": LABEL_KEY},',
        '    logging=ecs.LogDrivers.splunk(token=SecretValue.secrets_manager("splunk/token"), url="https://splunk"),',
        '    logging=ecs.LogDrivers.splunk(secret_token=ecs.Secret.from_secrets_manager(splunk_token), url="https://splunk"),',
        '    logging=ecs.LogDrivers.firelens(options={"Name": "datadog", "apikey": DATADOG_KEY}),',
      ]) {
        const text = app(args, undefined, undefined, 'from aws_cdk import SecretValue, Stack\nfrom aws_cdk import aws_ecs as ecs\nfrom constructs import Construct\n', 'from app.secrets import API_TOKEN, DATADOG_KEY, LABEL_KEY\n');
        assert.deepEqual(hits(text, R), [], args);
      }
    });
  });

  describe('missing-health-check', () => {
    const R = 'missing-health-check';

    it('an essential container without health_check: reported on its id, no fix', () => {
      const text = app('    user="1000",');
      assert.deepEqual(hits(text, R), [hit(text, '"app"')]);
      assert.equal(pyRun(text).findings.find(f => f.ruleId === R)!.fix, undefined);
      const pattern = stack('patterns.ApplicationLoadBalancedFargateService(self, "Web", task_image_options={"image": img})', 'from aws_cdk import aws_ecs as ecs, aws_ecs_patterns as patterns\n');
      assert.deepEqual(hits(pattern, R), [hit(pattern, 'task_image_options')]);
    });

    it('stays silent with a health check, on non-essential containers, and on values it cannot resolve', () => {
      for (const args of [
        '    health_check=ecs.HealthCheck(command=["CMD-SHELL", "curl -f http://localhost/ || exit 1"]),',
        '    health_check=default_health_check(),',
        '    essential=False,',
        '    essential=is_essential(self),',
      ]) {
        assert.deepEqual(hits(app(args), R), [], args);
      }
    });
  });
});
