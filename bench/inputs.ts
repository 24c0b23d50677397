import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

/** A typical task definition: the insecure web example (one container, a dozen findings). */
export function typicalTaskDefinition(): string {
  return fs.readFileSync(path.join(ROOT, 'examples', 'taskdef-json', 'insecure-web.json'), 'utf8');
}

/** A task definition of about `bytes` bytes: many containers, each with environment and mounts. */
export function largeTaskDefinition(bytes = 1024 * 1024): string {
  const containers: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const c = JSON.stringify({
      name: `svc-${i}`,
      image: i % 3 ? `111122223333.dkr.ecr.us-east-1.amazonaws.com/svc-${i}:1.${i}` : `nginx:latest`,
      essential: i === 0,
      privileged: i % 7 === 0,
      memory: 256,
      portMappings: [{ containerPort: 8000 + (i % 100), hostPort: 8000 + (i % 100) }],
      environment: Array.from({ length: 12 }, (_, j) => ({ name: j === 3 ? `DB_PASSWORD_${i}` : `SETTING_${j}`, value: j === 3 ? `pw-${i}-value-x` : `value-${i}-${j}` })),
      mountPoints: [{ sourceVolume: 'data', containerPath: `/data/${i}` }],
      logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': `/ecs/svc-${i}`, 'awslogs-region': 'us-east-1' } },
    }, null, 2).replace(/\n/g, '\n    ');
    containers.push('    ' + c);
    size += c.length;
  }
  return `{\n  "family": "huge",\n  "networkMode": "bridge",\n  "containerDefinitions": [\n${containers.join(',\n')}\n  ],\n  "volumes": [{"name": "data"}]\n}\n`;
}

/** A typical CloudFormation template: the insecure YAML example (two task definitions, a service, a role). */
export function typicalTemplate(): string {
  return fs.readFileSync(path.join(ROOT, 'examples', 'cloudformation', 'insecure-orders.yaml'), 'utf8');
}

/**
 * A YAML template of `resources` resources, in the proportions of a service stack: task
 * definitions with a few containers, services, task roles with inline policies, and log groups.
 */
export function largeTemplate(resources = 100): string {
  const out = ['AWSTemplateFormatVersion: "2010-09-09"', 'Parameters:', '  ImageTag:', '    Type: String', '    Default: "1.0"', '  DbPassword:', '    Type: String', '    NoEcho: true', 'Resources:'];
  for (let i = 0; i < resources; i++) {
    const n = Math.floor(i / 4);
    switch (i % 4) {
      case 0:
        out.push(`  Task${n}:`, '    Type: AWS::ECS::TaskDefinition', '    Properties:', `      Family: !Sub "\${AWS::StackName}-svc${n}"`,
          '      RequiresCompatibilities: [FARGATE]', '      NetworkMode: awsvpc', '      Cpu: "512"', '      Memory: "1024"', `      TaskRoleArn: !GetAtt Role${n}.Arn`,
          '      ContainerDefinitions:');
        for (const c of ['app', 'proxy', 'log-router']) {
          out.push(`        - Name: ${c}`, `          Image: !Sub "\${AWS::AccountId}.dkr.ecr.\${AWS::Region}.amazonaws.com/${c}:\${ImageTag}"`, '          Essential: true',
            '          PortMappings:', '            - ContainerPort: 8080', '              Protocol: tcp', '          Environment:',
            '            - Name: LOG_LEVEL', '              Value: info', '            - Name: DB_PASSWORD', '              Value: !Ref DbPassword',
            '          LogConfiguration:', '            LogDriver: awslogs', '            Options:', `              awslogs-group: !Ref Logs${n}`,
            '              awslogs-region: !Ref AWS::Region', `              awslogs-stream-prefix: ${c}`);
        }
        break;
      case 1:
        out.push(`  Service${n}:`, '    Type: AWS::ECS::Service', '    Properties:', '      Cluster: !ImportValue shared-cluster', `      TaskDefinition: !Ref Task${n}`,
          '      DesiredCount: 2', '      LaunchType: FARGATE', '      NetworkConfiguration:', '        AwsvpcConfiguration:', '          AssignPublicIp: ENABLED',
          '          Subnets: [!ImportValue subnet-a, !ImportValue subnet-b]');
        break;
      case 2:
        out.push(`  Role${n}:`, '    Type: AWS::IAM::Role', '    Properties:', '      AssumeRolePolicyDocument:', '        Statement:', '          - Effect: Allow',
          '            Principal: { Service: ecs-tasks.amazonaws.com }', '            Action: sts:AssumeRole', '      Policies:', '        - PolicyName: data',
          '          PolicyDocument:', '            Statement:', '              - Effect: Allow', '                Action: ["s3:GetObject", "s3:PutObject"]', '                Resource: "*"');
        break;
      case 3:
        out.push(`  Logs${n}:`, '    Type: AWS::Logs::LogGroup', '    Properties:', `      LogGroupName: !Sub "/ecs/\${AWS::StackName}/svc${n}"`, '      RetentionInDays: 30');
        break;
    }
  }
  return out.join('\n') + '\n';
}

/** A typical CDK stack: the insecure TypeScript example (two task definitions, a pattern, a dozen findings). */
export function typicalCdkStack(): string {
  return fs.readFileSync(path.join(ROOT, 'examples', 'cdk-typescript', 'insecure-stack.ts'), 'utf8');
}

/** A CDK stack of about `lines` lines: task definitions with a container, environment, mounts and a role policy each. */
export function largeCdkStack(lines = 2000): string {
  const out = [
    "import * as cdk from 'aws-cdk-lib';",
    "import * as ecs from 'aws-cdk-lib/aws-ecs';",
    "import * as iam from 'aws-cdk-lib/aws-iam';",
    "import { Construct } from 'constructs';",
    '',
    'export class LargeStack extends cdk.Stack {',
    '  constructor(scope: Construct, id: string, props?: cdk.StackProps) {',
    '    super(scope, id, props);',
  ];
  for (let i = 0; out.length < lines - 3; i++) {
    out.push(
      `    // Service ${i}: one task definition, one container.`,
      `    const task${i} = new ecs.FargateTaskDefinition(this, 'Task${i}', { memoryLimitMiB: 512, cpu: 256 });`,
      `    const web${i} = task${i}.addContainer('web${i}', {`,
      `      image: ecs.ContainerImage.fromRegistry('nginx:1.${i}'),`,
      `      privileged: ${i % 5 === 0},`,
      `      memoryLimitMiB: 256,`,
      `      environment: {`,
      `        STAGE: 'prod',`,
      `        DB_PASSWORD: 'pw-${i}-value-x',`,
      `      },`,
      `      logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'web${i}' }),`,
      `    });`,
      `    web${i}.addMountPoints({ containerPath: '/data', sourceVolume: 'data', readOnly: false });`,
      `    task${i}.addToTaskRolePolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] }));`,
      '',
    );
  }
  out.push('  }', '}', '');
  return out.join('\n');
}

/** TypeScript of about `lines` lines that is not CDK code (what most .ts files in a workspace are). */
export function plainTypeScript(lines = 2000): string {
  return largeCdkStack(lines).replace(/aws-cdk-lib/g, 'some-library');
}

/** A typical CDK Python stack: the insecure example (three services, a dozen findings). */
export function typicalCdkPython(): string {
  return fs.readFileSync(path.join(ROOT, 'examples', 'cdk-python', 'insecure_stack.py'), 'utf8');
}

/**
 * An AWS CDK Python stack of about `lines` lines: one class whose __init__ declares a service after
 * another (task definition, container with environment and logging, a task-role statement, a service).
 */
export function largeCdkPython(lines = 2000): string {
  const out = [`from aws_cdk import Stack
from aws_cdk import aws_ec2 as ec2
from aws_cdk import aws_ecs as ecs
from aws_cdk import aws_iam as iam
from constructs import Construct

REGISTRY = "111122223333.dkr.ecr.eu-west-1.amazonaws.com"


class Services(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
        vpc = ec2.Vpc(self, "Vpc", max_azs=2)
        cluster = ecs.Cluster(self, "Cluster", vpc=vpc, container_insights=True)
`];
  let count = out[0].split('\n').length - 1;
  for (let i = 0; count < lines; i++) {
    const block = `
        # service ${i}: the app container and its permissions
        task${i} = ecs.FargateTaskDefinition(self, "Task${i}", memory_limit_mib=512, cpu=256)
        app${i} = task${i}.add_container(
            "app${i}",
            image=ecs.ContainerImage.from_registry(f"{REGISTRY}/svc${i}:1.${i}"),
            memory_limit_mib=256,
            privileged=${i % 5 === 0 ? 'True' : 'False'},
            readonly_root_filesystem=True,
            user="1000",
            environment={
                "LOG_LEVEL": "info",
                "PORT": "80${i % 10}0",
                "DB_PASSWORD": "pw-${i}-secret-value",
            },
            logging=ecs.LogDrivers.aws_logs(stream_prefix="svc${i}"),
        )
        app${i}.add_port_mappings(ecs.PortMapping(container_port=8080))
        task${i}.add_to_task_role_policy(iam.PolicyStatement(actions=["s3:GetObject"], resources=[f"arn:aws:s3:::bucket-${i}/*"]))
        ecs.FargateService(self, "Service${i}", cluster=cluster, task_definition=task${i}, assign_public_ip=False)
`;
    out.push(block);
    count += block.split('\n').length - 1;
  }
  return out.join('');
}

/** A Python file of about `lines` lines that is not CDK code (a script with functions and data). */
export function plainPython(lines = 2000): string {
  const out = ['import json\nimport os\n\n'];
  for (let i = 0; out.length < lines / 4; i++) out.push(`def handler_${i}(event):\n    data = {"id": ${i}, "privileged": True, "image": "nginx:latest"}\n    return json.dumps(data)\n\n`);
  return out.join('');
}
