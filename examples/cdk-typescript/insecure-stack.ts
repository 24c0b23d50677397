// A web service and a worker with the settings ECS Guard flags in CDK code; hardened-stack.ts is
// the same stack with every finding fixed. Run `npx ecs-guard examples/cdk-typescript` to see them.
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

    // A worker on EC2: bridge networking by default, the host's IPC namespace, an EFS volume
    // without TLS or IAM, no memory limit, a tag without digest and credentials in plain text.
    const worker = new ecs.Ec2TaskDefinition(this, 'Worker', {
      ipcMode: ecs.IpcMode.HOST,
      volumes: [{ name: 'reports', efsVolumeConfiguration: { fileSystemId: 'fs-0123456789abcdef0' } }],
    });
    worker.addContainer('worker', {
      image: ecs.ContainerImage.fromRegistry('public.ecr.aws/acme/report-worker:3.2.0'),
      command: ['run', '--api-key=sk_live_0123456789abcdefABCDEF'],
      dockerSecurityOptions: ['seccomp:unconfined'],
      logging: ecs.LogDrivers.splunk({
        url: 'https://splunk.example.com:8088',
        token: cdk.SecretValue.unsafePlainText('B5A79AAD-D822-46CC-80D1-819F80D7BFB0'),
      }),
    });
  }
}
