// A web service with the settings ECS Guard flags in CDK code; hardened-stack.ts is the same
// service with every finding fixed. Run `npx ecs-guard examples/cdk-typescript` to see them.
import * as cdk from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as ecsPatterns from 'aws-cdk-lib/aws-ecs-patterns';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

export class InsecureWebStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);

    const vpc = new ec2.Vpc(this, 'Vpc', { maxAzs: 2 });
    const cluster = new ecs.Cluster(this, 'Cluster', { vpc, containerInsights: false });

    const taskRole = new iam.Role(this, 'TaskRole', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') });
    taskRole.addToPolicy(new iam.PolicyStatement({ actions: ['s3:*'], resources: ['*'] }));

    const taskDef = new ecs.Ec2TaskDefinition(this, 'Web', {
      networkMode: ecs.NetworkMode.HOST,
      pidMode: ecs.PidMode.HOST,
      taskRole,
      executionRole: taskRole,
      volumes: [{ name: 'docker', host: { sourcePath: '/var/run/docker.sock' } }],
    });

    const linuxParameters = new ecs.LinuxParameters(this, 'WebLinux');
    linuxParameters.addCapabilities(ecs.Capability.SYS_ADMIN);

    const web = taskDef.addContainer('web', {
      image: ecs.ContainerImage.fromRegistry('nginx:latest'),
      privileged: true,
      memoryLimitMiB: 512,
      linuxParameters,
      dockerSecurityOptions: ['apparmor:unconfined'],
      environment: {
        STAGE: 'prod',
        DB_PASSWORD: 'correct-horse-battery-staple',
      },
      portMappings: [{ containerPort: 80, hostPort: 80 }],
    });
    web.addMountPoints({ containerPath: '/var/run/docker.sock', sourceVolume: 'docker', readOnly: false });
    web.addEnvironment('AWS_ACCESS_KEY_ID', 'AKIAIOSFODNN7EXAMPLE');

    new ecsPatterns.ApplicationLoadBalancedFargateService(this, 'Public', {
      cluster,
      assignPublicIp: true,
      taskImageOptions: {
        image: ecs.ContainerImage.fromRegistry('amazon/amazon-ecs-sample'),
      },
    });
  }
}
