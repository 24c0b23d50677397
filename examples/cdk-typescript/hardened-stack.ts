// The web service and worker of insecure-stack.ts with every ECS Guard finding fixed: digest-pinned
// images from the account's own registry, a non-root user, a read-only root filesystem, no added
// capabilities (all dropped), the password and the Splunk token in Secrets Manager, logs, health
// checks, memory limits, a scoped task role, awsvpc networking without public IPs, EFS over TLS
// with IAM authorization, and Container Insights.
import * as cdk from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

const WEB_IMAGE_DIGEST = 'sha256:0f2b5c4a9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a29180f7e6d5c4b3a291807';
const WORKER_IMAGE_DIGEST = 'sha256:7d1c0b9a8f7e6d5c4b3a29180f7e6d5c4b3a2918070f2b5c4a9e8d7c6b5a4f3e';

export class HardenedWebStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);

    const vpc = new ec2.Vpc(this, 'Vpc', { maxAzs: 2 });
    const cluster = new ecs.Cluster(this, 'Cluster', { vpc, containerInsightsV2: ecs.ContainerInsights.ENHANCED });

    const repository = ecr.Repository.fromRepositoryName(this, 'WebRepository', 'orders-web');
    const dbPassword = secretsmanager.Secret.fromSecretNameV2(this, 'DbPassword', 'orders/db-password');
    const apiKey = secretsmanager.Secret.fromSecretNameV2(this, 'ApiKey', 'orders/payments-api-key');

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

    const workerRepository = ecr.Repository.fromRepositoryName(this, 'WorkerRepository', 'report-worker');
    const splunkToken = secretsmanager.Secret.fromSecretNameV2(this, 'SplunkToken', 'orders/splunk-hec-token');
    const worker = new ecs.Ec2TaskDefinition(this, 'Worker', {
      networkMode: ecs.NetworkMode.AWS_VPC,
      volumes: [{
        name: 'reports',
        efsVolumeConfiguration: {
          fileSystemId: 'fs-0123456789abcdef0',
          transitEncryption: 'ENABLED',
          authorizationConfig: { iam: 'ENABLED' },
        },
      }],
    });
    const workerLinuxParameters = new ecs.LinuxParameters(this, 'WorkerLinux');
    workerLinuxParameters.dropCapabilities(ecs.Capability.ALL);
    worker.addContainer('worker', {
      image: ecs.ContainerImage.fromEcrRepository(workerRepository, WORKER_IMAGE_DIGEST),
      user: '1000:1000',
      readonlyRootFilesystem: true,
      memoryLimitMiB: 1024,
      linuxParameters: workerLinuxParameters,
      command: ['run'],
      secrets: { API_KEY: ecs.Secret.fromSecretsManager(apiKey) },
      healthCheck: { command: ['CMD', '/app/worker', 'health'] },
      logging: ecs.LogDrivers.splunk({
        url: 'https://splunk.example.com:8088',
        secretToken: ecs.Secret.fromSecretsManager(splunkToken),
      }),
    });
  }
}
