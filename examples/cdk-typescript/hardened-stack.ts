// The web service of insecure-stack.ts with every ECS Guard finding fixed: a digest-pinned image
// from the account's own registry, a non-root user, a read-only root filesystem, no added
// capabilities (all dropped), the password in Secrets Manager, logs, a health check, a scoped
// task role, awsvpc networking without public IPs, and Container Insights.
import * as cdk from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

const WEB_IMAGE_DIGEST = 'sha256:0f2b5c4a9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a29180f7e6d5c4b3a291807';

export class HardenedWebStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);

    const vpc = new ec2.Vpc(this, 'Vpc', { maxAzs: 2 });
    const cluster = new ecs.Cluster(this, 'Cluster', { vpc, containerInsightsV2: ecs.ContainerInsights.ENHANCED });

    const repository = ecr.Repository.fromRepositoryName(this, 'WebRepository', 'orders-web');
    const dbPassword = secretsmanager.Secret.fromSecretNameV2(this, 'DbPassword', 'orders/db-password');

    const taskRole = new iam.Role(this, 'TaskRole', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') });
    taskRole.addToPolicy(new iam.PolicyStatement({
      actions: ['s3:GetObject'],
      resources: ['arn:aws:s3:::orders-assets/*'],
    }));

    const taskDef = new ecs.FargateTaskDefinition(this, 'Web', {
      memoryLimitMiB: 1024,
      cpu: 512,
      taskRole,
    });

    const linuxParameters = new ecs.LinuxParameters(this, 'WebLinux', { initProcessEnabled: true });
    linuxParameters.dropCapabilities(ecs.Capability.ALL);

    taskDef.addContainer('web', {
      image: ecs.ContainerImage.fromEcrRepository(repository, WEB_IMAGE_DIGEST),
      user: '1000:1000',
      readonlyRootFilesystem: true,
      memoryLimitMiB: 512,
      linuxParameters,
      logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'web' }),
      healthCheck: {
        command: ['CMD-SHELL', 'wget -qO- http://localhost:8080/health || exit 1'],
        interval: cdk.Duration.seconds(30),
      },
      environment: { STAGE: 'prod' },
      secrets: { DB_PASSWORD: ecs.Secret.fromSecretsManager(dbPassword) },
      portMappings: [{ containerPort: 8080 }],
    });

    new ecs.FargateService(this, 'Service', { cluster, taskDefinition: taskDef, assignPublicIp: false });
  }
}
