import * as assert from 'node:assert/strict';
import { assertParses, hit, hits, preparePython, pyFix, pyRun, stack } from '../../helpers/python';

// The task-level catalog rules on CDK Python as apps write it: the network mode an Ec2TaskDefinition
// defaults to, host PID and IPC namespaces, and one role given as both task and execution role.

describe('CDK Python: task-level catalog rules', () => {
  before(preparePython);

  describe('bridge-network-mode', () => {
    const R = 'bridge-network-mode';

    it('an Ec2TaskDefinition without network_mode is bridge: reported on its id, fixed by adding awsvpc in the file\'s layout', async () => {
      const body = (extra: string) => `task = ecs.Ec2TaskDefinition(
    self,
    "Agent",
    family="agent",${extra}
)
task.add_container(
    "agent",
    image=ecs.ContainerImage.from_registry("datadog/agent:7"),
    memory_limit_mib=256,
    port_mappings=[ecs.PortMapping(container_port=8125, host_port=8125)],
)`;
      const text = stack(body(''));
      assert.deepEqual(hits(text, R), [hit(text, '"Agent"')]);
      const fixed = pyFix(text, R);
      assert.equal(fixed, stack(body('\n    network_mode=ecs.NetworkMode.AWS_VPC,')));
      await assertParses(fixed);
      assert.deepEqual(hits(fixed, R), []);
      assert.equal(pyRun(text).findings.find(f => f.ruleId === R)!.fix!.preferred, false);
    });

    it('network_mode=ecs.NetworkMode.BRIDGE: reported on the member, replaced by AWS_VPC with the file\'s alias; host ports that differ go', () => {
      const text = `from aws_cdk import aws_ecs

task = aws_ecs.Ec2TaskDefinition(self, "Web", network_mode=aws_ecs.NetworkMode.BRIDGE)
task.add_container("web", image=img, memory_limit_mib=256, port_mappings=[aws_ecs.PortMapping(container_port=80, host_port=8080)])
`;
      assert.deepEqual(hits(text, R), [hit(text, 'aws_ecs.NetworkMode.BRIDGE')]);
      assert.equal(pyFix(text, R), text.replace('aws_ecs.NetworkMode.BRIDGE', 'aws_ecs.NetworkMode.AWS_VPC').replace(', host_port=8080', ''));
    });

    it('TaskDefinition with EC2 compatibility defaults to bridge too; external tasks cannot use awsvpc', () => {
      // ECS Anywhere does not support awsvpc (CDK throws), so the advice could not be followed there.
      const ext = stack('task = ecs.ExternalTaskDefinition(self, "OnPrem")');
      assert.deepEqual(hits(ext, R), []);
      const generic = stack('task = ecs.TaskDefinition(self, "Both", compatibility=ecs.Compatibility.EC2, memory_mib="512")');
      assert.deepEqual(hits(generic, R), [hit(generic, '"Both"')]);
      assert.equal(pyFix(generic, R), generic.replace('memory_mib="512")', 'memory_mib="512", network_mode=ecs.NetworkMode.AWS_VPC)'));
    });

    it('stays silent on Fargate, on awsvpc, and on a mode or launch type it cannot resolve', () => {
      for (const body of [
        'task = ecs.FargateTaskDefinition(self, "T")',
        'task = ecs.TaskDefinition(self, "T", compatibility=ecs.Compatibility.EC2_AND_FARGATE, cpu="256", memory_mib="512")',
        'task = ecs.Ec2TaskDefinition(self, "T", network_mode=ecs.NetworkMode.AWS_VPC)',
        'task = ecs.Ec2TaskDefinition(self, "T", network_mode=settings.NETWORK_MODE)',
        'task = ecs.Ec2TaskDefinition(self, "T", network_mode=network_mode_for(self))',
        'task = ecs.TaskDefinition(self, "T", compatibility=COMPATIBILITY)',
      ]) {
        assert.deepEqual(hits(stack(body, undefined, 'from app.settings import COMPATIBILITY\n'), R), [], body);
      }
    });
  });

  describe('host-pid-mode and host-ipc-mode', () => {
    const text = stack(`agent = ecs.Ec2TaskDefinition(
    self,
    "Agent",
    network_mode=ecs.NetworkMode.AWS_VPC,
    pid_mode=ecs.PidMode.HOST,
    ipc_mode=ecs.IpcMode.HOST,
)`);
    const I = ' '.repeat(12);

    it('reports the enum member and removes the keyword argument with its line (a preferred fix)', async () => {
      assert.deepEqual(hits(text, 'host-pid-mode'), [hit(text, 'ecs.PidMode.HOST')]);
      assert.deepEqual(hits(text, 'host-ipc-mode'), [hit(text, 'ecs.IpcMode.HOST')]);
      const pid = pyFix(text, 'host-pid-mode');
      assert.equal(pid, text.replace(`${I}pid_mode=ecs.PidMode.HOST,\n`, ''));
      const ipc = pyFix(text, 'host-ipc-mode');
      assert.equal(ipc, text.replace(`${I}ipc_mode=ecs.IpcMode.HOST,\n`, ''));
      await assertParses(pid);
      await assertParses(ipc);
      for (const rule of ['host-pid-mode', 'host-ipc-mode']) assert.equal(pyRun(text).findings.find(f => f.ruleId === rule)!.fix!.preferred, true);
    });

    it('on one line, and with the enum imported by name', () => {
      const oneLine = 'from aws_cdk.aws_ecs import Ec2TaskDefinition, IpcMode, PidMode\n\ntask = Ec2TaskDefinition(self, "T", pid_mode=PidMode.HOST, ipc_mode=IpcMode.HOST)\n';
      assert.deepEqual(hits(oneLine, 'host-pid-mode'), [hit(oneLine, 'PidMode.HOST')]);
      assert.equal(pyFix(oneLine, 'host-pid-mode'), oneLine.replace('pid_mode=PidMode.HOST, ', ''));
      assert.equal(pyFix(oneLine, 'host-ipc-mode'), oneLine.replace(', ipc_mode=IpcMode.HOST', ''));
    });

    it('stays silent on TASK and NONE, and on values from elsewhere', () => {
      const quiet = stack(`a = ecs.Ec2TaskDefinition(self, "A", pid_mode=ecs.PidMode.TASK, ipc_mode=ecs.IpcMode.NONE)
b = ecs.Ec2TaskDefinition(self, "B", pid_mode=PID_MODE, ipc_mode=modes.ipc())`, undefined, 'from app.config import PID_MODE\n');
      assert.deepEqual(hits(quiet, 'host-pid-mode'), []);
      assert.deepEqual(hits(quiet, 'host-ipc-mode'), []);
    });
  });

  describe('shared-task-execution-role', () => {
    const R = 'shared-task-execution-role';

    it('one role variable as both roles: reported on task_role\'s value, no fix (the second role is the user\'s to make)', () => {
      const text = stack(`role = iam.Role(self, "TaskRole", assumed_by=iam.ServicePrincipal("ecs-tasks.amazonaws.com"))
task = ecs.FargateTaskDefinition(
    self,
    "Api",
    task_role=role,
    execution_role=role,
)`);
      // The first `=role,` is task_role's.
      assert.deepEqual(hits(text, R), [hit(text, '=role,', 'role')]);
      assert.equal(pyRun(text).findings.find(f => f.ruleId === R)!.fix, undefined);
    });

    it('a role from another module or a self attribute is one object however often it is named', () => {
      const text = stack(`a = ecs.FargateTaskDefinition(self, "A", task_role=shared_role, execution_role=shared_role)
b = ecs.Ec2TaskDefinition(self, "B", task_role=self.role, execution_role=self.role, network_mode=ecs.NetworkMode.AWS_VPC)`, undefined, 'from app.roles import shared_role\n');
      assert.deepEqual(hits(text, R), [hit(text, 'task_role=shared_role', 'shared_role'), hit(text, 'task_role=self.role', 'self.role')]);
    });

    it('ecs-patterns image options that give one role for both', () => {
      const text = stack(`patterns.ApplicationLoadBalancedFargateService(
    self,
    "Web",
    task_image_options=patterns.ApplicationLoadBalancedTaskImageOptions(
        image=ecs.ContainerImage.from_registry("nginx:1.27"),
        task_role=web_role,
        execution_role=web_role,
    ),
)`, 'from aws_cdk import aws_ecs as ecs, aws_ecs_patterns as patterns\n');
      assert.deepEqual(hits(text, R), [hit(text, 'task_role=web_role', 'web_role')]);
    });

    it('stays silent on two roles, on one role given, and on two calls that may each make a role', () => {
      const text = stack(`a = ecs.FargateTaskDefinition(self, "A", task_role=task_role, execution_role=execution_role)
b = ecs.FargateTaskDefinition(self, "B", task_role=task_role)
c = ecs.FargateTaskDefinition(self, "C", task_role=make_role(self), execution_role=make_role(self))
d = ecs.FargateTaskDefinition(self, "D", task_role=roles.get("app"), execution_role=roles.get("app"))`);
      assert.deepEqual(hits(text, R), []);
    });
  });
});
