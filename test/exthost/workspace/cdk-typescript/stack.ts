// A host-level agent on EC2, insecure on purpose: ECS Guard's editor tests open this stack.
import * as cdk from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Construct } from 'constructs';

export class AgentStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);
    const task = new ecs.Ec2TaskDefinition(this, 'Agent', {
      family: 'host-agent-ts',
      networkMode: ecs.NetworkMode.HOST,
    });
    const linuxParameters = new ecs.LinuxParameters(this, 'AgentLinux');
    linuxParameters.addCapabilities(ecs.Capability.SYS_ADMIN);
    task.addContainer('agent', {
      image: ecs.ContainerImage.fromRegistry('datadog/agent:latest'),
      // ecs-guard-ignore privileged-container: the agent ran privileged before version 7.50
      memoryLimitMiB: 256,
      user: '1000',
      readonlyRootFilesystem: true,
      linuxParameters,
      dockerSecurityOptions: ['apparmor:unconfined'],
      logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'agent' }),
    });
  }
}
