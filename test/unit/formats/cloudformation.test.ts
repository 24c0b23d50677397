import * as assert from 'node:assert/strict';
import type { MValue } from '../../../server/src/model/values';
import { HOLE, get, path } from '../../../server/src/model/values';
import { applyFix, findingsOf, fixViolations, run } from '../../helpers/analysis';

const YAML_URI = 'file:///w/template.yaml';
const JSON_URI = 'file:///w/stack.template.json';

/** A model value as plain data (unknowns as `?hint`), to compare a whole mapped task at once. */
function plain(v: MValue | undefined): unknown {
  if (!v) return undefined;
  switch (v.kind) {
    case 'scalar': return v.value;
    case 'unknown': return `?${v.hint ?? ''}`;
    case 'array': return v.items.map(plain);
    case 'object': return Object.fromEntries(v.props.map(p => [p.key, plain(p.value)]));
  }
}

const model = (text: string, uri = YAML_URI) => {
  const r = run(text, uri);
  assert.ok(r.parsed, 'not recognised');
  return r.parsed.model;
};

// Every ECS TaskDefinition property the catalog reads, in CloudFormation's spelling.
const FULL_YAML = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: full
      NetworkMode: awsvpc
      PidMode: task
      IpcMode: none
      RequiresCompatibilities: [FARGATE]
      RuntimePlatform:
        OperatingSystemFamily: LINUX
        CpuArchitecture: ARM64
      Cpu: "256"
      Memory: "512"
      TaskRoleArn: !GetAtt Role.Arn
      ExecutionRoleArn: arn:aws:iam::111122223333:role/exec
      Volumes:
        - Name: host
          Host:
            SourcePath: /var/run/docker.sock
        - Name: efs
          EFSVolumeConfiguration:
            FilesystemId: fs-12345678
            TransitEncryption: ENABLED
            AuthorizationConfig:
              AccessPointId: fsap-1
              IAM: ENABLED
      ContainerDefinitions:
        - Name: app
          Image: nginx:1.27
          Essential: true
          Privileged: false
          User: "1000"
          ReadonlyRootFilesystem: true
          Memory: 512
          MemoryReservation: 256
          Command: [nginx, -g, daemon off;]
          EntryPoint: [/docker-entrypoint.sh]
          Environment:
            - Name: LOG_LEVEL
              Value: info
          Secrets:
            - Name: DB_PASSWORD
              ValueFrom: arn:aws:ssm:eu-west-1:111122223333:parameter/db
          LogConfiguration:
            LogDriver: awslogs
            Options:
              awslogs-group: /ecs/full
              Mode: non-blocking
            SecretOptions:
              - Name: apiKey
                ValueFrom: arn:aws:ssm:eu-west-1:111122223333:parameter/key
          LinuxParameters:
            Capabilities:
              Add: [NET_ADMIN]
              Drop: [ALL]
          HealthCheck:
            Command: [CMD-SHELL, curl -f http://localhost/ || exit 1]
            Interval: 30
          DockerSecurityOptions: [no-new-privileges]
          DockerLabels:
            com.example.Team: web
          PortMappings:
            - ContainerPort: 80
              HostPort: 80
              Protocol: tcp
          MountPoints:
            - SourceVolume: efs
              ContainerPath: /data
              ReadOnly: true
  Role:
    Type: AWS::IAM::Role
`;

const FULL_ECS = {
  family: 'full', networkMode: 'awsvpc', pidMode: 'task', ipcMode: 'none', requiresCompatibilities: ['FARGATE'],
  runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: 'ARM64' }, cpu: '256', memory: '512',
  taskRoleArn: '?!GetAtt Role.Arn', executionRoleArn: 'arn:aws:iam::111122223333:role/exec',
  volumes: [
    { name: 'host', host: { sourcePath: '/var/run/docker.sock' } },
    { name: 'efs', efsVolumeConfiguration: { fileSystemId: 'fs-12345678', transitEncryption: 'ENABLED', authorizationConfig: { accessPointId: 'fsap-1', iam: 'ENABLED' } } },
  ],
  containerDefinitions: [{
    name: 'app', image: 'nginx:1.27', essential: true, privileged: false, user: '1000', readonlyRootFilesystem: true,
    memory: 512, memoryReservation: 256, command: ['nginx', '-g', 'daemon off;'], entryPoint: ['/docker-entrypoint.sh'],
    environment: [{ name: 'LOG_LEVEL', value: 'info' }],
    secrets: [{ name: 'DB_PASSWORD', valueFrom: 'arn:aws:ssm:eu-west-1:111122223333:parameter/db' }],
    logConfiguration: {
      logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/full', Mode: 'non-blocking' },
      secretOptions: [{ name: 'apiKey', valueFrom: 'arn:aws:ssm:eu-west-1:111122223333:parameter/key' }],
    },
    linuxParameters: { capabilities: { add: ['NET_ADMIN'], drop: ['ALL'] } },
    healthCheck: { command: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'], interval: 30 },
    dockerSecurityOptions: ['no-new-privileges'], dockerLabels: { 'com.example.Team': 'web' },
    portMappings: [{ containerPort: 80, hostPort: 80, protocol: 'tcp' }],
    mountPoints: [{ sourceVolume: 'efs', containerPath: '/data', readOnly: true }],
  }],
};

describe('CloudFormation templates: recognition', () => {
  const yaml = 'Resources:\n  Cluster:\n    Type: AWS::ECS::Cluster\n';
  const json = '{"Resources": {"Cluster": {"Type": "AWS::ECS::Cluster"}}}';

  it('recognises templates by content, whatever the file is called', () => {
    for (const uri of ['file:///w/template.yaml', 'file:///w/infra/stack.yml', 'file:///w/ecs.template', 'file:///w/cfn/anything.yaml']) {
      assert.equal(run(yaml, uri).format, 'cloudformation-yaml', uri);
    }
    for (const uri of ['file:///w/stack.template.json', 'file:///w/ecs.template', 'file:///w/cdk-out-copy.json']) {
      assert.equal(run(json, uri).format, 'cloudformation-json', uri);
    }
    assert.equal(run(yaml, 'file:///w/x', undefined, 'yaml').format, 'cloudformation-yaml');
    assert.equal(run(json, 'file:///w/x', undefined, 'json').format, 'cloudformation-json');
    // A SAM template is a template too (with nothing for ECS rules to say).
    const sam = 'Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n      Handler: index.handler\n';
    assert.equal(run(sam, 'file:///w/template.yaml').format, 'cloudformation-yaml');
    assert.deepEqual(run(sam, 'file:///w/template.yaml').findings, []);
  });

  it('leaves other YAML alone: workflows, Compose, Kubernetes, Ansible, Serverless', () => {
    const notOurs: [string, string][] = [
      ['file:///w/.github/workflows/deploy.yml', 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: aws cloudformation deploy --template-file template.yaml # Resources with AWS::ECS::Service\n'],
      ['file:///w/docker-compose.yml', 'services:\n  web:\n    image: nginx:latest\n    privileged: true\n# Resources: AWS::ECS\n'],
      ['file:///w/k8s/deployment.yaml', 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: a\n          image: nginx:latest\n          securityContext: { privileged: true }\n      # Resources: AWS::\n'],
      ['file:///w/playbook.yml', '- hosts: all\n  tasks:\n    - name: Resources\n      debug: { msg: "AWS::ECS::Cluster" }\n'],
      ['file:///w/serverless.yml', 'service: x\nresources:\n  Resources:\n    Cluster:\n      Type: AWS::ECS::Cluster\n'],
      ['file:///w/template.yaml', 'Resources:\n  Thing:\n    Type: Custom::Thing\n# AWS::\n'],
    ];
    for (const [uri, text] of notOurs) {
      const r = run(text, uri);
      assert.equal(r.parsed, undefined, uri);
      assert.deepEqual(r.findings, [], uri);
    }
    // A YAML file of another language id, or a TypeScript file mentioning templates, is not read as YAML.
    assert.equal(run(yaml, 'file:///w/x.yaml', undefined, 'plaintext').parsed, undefined);
    assert.equal(run(yaml, 'file:///w/stack.ts').parsed, undefined);
  });
});

describe('CloudFormation templates: mapping onto the model', () => {
  it('maps every task-definition property the catalog reads onto the ECS names, keeping free-form keys', () => {
    const m = model(FULL_YAML);
    assert.equal(m.tasks.length, 1);
    assert.equal(m.tasks[0].label, 'Task');
    assert.deepEqual(plain(m.tasks[0].obj), FULL_ECS);
    assert.deepEqual(m.tasks[0].containers.map(c => c.label), ['app']);
  });

  it('maps the same template written in JSON to the same model', () => {
    const { parseYaml } = require('../../../server/src/formats/yamlParse') as typeof import('../../../server/src/formats/yamlParse');
    // The JSON form of FULL_YAML, written through JSON.stringify of a hand-made equivalent.
    const { root } = parseYaml(FULL_YAML);
    const toJson = (n: import('../../../server/src/formats/syntax').SNode): unknown => {
      switch (n.kind) {
        case 'scalar': return n.value;
        case 'tagged': return n.tag === 'GetAtt' ? { 'Fn::GetAtt': String((n.value as { value: unknown }).value).split('.') } : { ['Fn::' + n.tag]: toJson(n.value) };
        case 'array': return n.items.map(toJson);
        case 'object': return Object.fromEntries(n.props.map(p => [p.key, p.value ? toJson(p.value) : null]));
      }
    };
    const text = JSON.stringify(toJson(root!), null, 2);
    const m = model(text, JSON_URI);
    const expected = { ...FULL_ECS, taskRoleArn: '?Fn::GetAtt Role.Arn' };
    assert.deepEqual(plain(m.tasks[0].obj), expected);
  });

  it('gives every reference to one template role the same identity: its name (!Ref), its ARN (!GetAtt, a !Sub of it)', () => {
    const text = `Resources:
  A:
    Type: AWS::ECS::TaskDefinition
    Properties:
      TaskRoleArn: !Ref Role
      ExecutionRoleArn: { "Fn::GetAtt": [Role, Arn] }
  B:
    Type: AWS::ECS::TaskDefinition
    Properties:
      TaskRoleArn: !Sub "\${Role.Arn}"
      ExecutionRoleArn: !GetAtt Role.RoleId
  C:
    Type: AWS::ECS::TaskDefinition
    Properties:
      TaskRoleArn: !Ref Bucket
      ExecutionRoleArn: !Sub "arn:aws:iam::\${AWS::AccountId}:role/\${Role}"
  Role: { Type: AWS::IAM::Role }
  Bucket: { Type: AWS::S3::Bucket }
`;
    const ids = model(text).tasks.map(t => ['taskRoleArn', 'executionRoleArn'].map(k => {
      const v = get(t.obj, k);
      return v?.kind === 'unknown' ? v.identity : undefined;
    }));
    assert.deepEqual(ids, [
      ['Role:Role', 'Role:Role'],
      ['Role:Role', 'GetAtt:Role.RoleId'],
      ['Ref:Bucket', 'Sub:arn:aws:iam::${AWS::AccountId}:role/${Role}'],
    ]);
  });

  it('gives intrinsics a hint, an identity and the literal parts of !Sub and !Join', () => {
    const text = `Parameters:
  Repo: { Type: String }
Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      TaskRoleArn: !GetAtt [TaskRole, Arn]
      ExecutionRoleArn: { "Fn::GetAtt": "ExecRole.Arn" }
      ContainerDefinitions:
        - Name: a
          Image: !Sub "\${Repo}:1.2-\${!Literal}"
          User: !Join [":", [!Ref Uid, "1000"]]
          WorkingDirectory: !ImportValue shared-dir
          Hostname: !FindInMap [Env, prod, host]
  TaskRole: { Type: AWS::IAM::Role }
`;
    const m = model(text);
    const t = m.tasks[0].obj;
    const role = get(t, 'taskRoleArn');
    assert.equal(role?.kind === 'unknown' && role.identity, 'Role:TaskRole', 'a role of the template is known by its logical id');
    const exec = get(t, 'executionRoleArn');
    assert.equal(exec?.kind === 'unknown' && exec.identity, 'GetAtt:ExecRole.Arn', 'no such role in the template: the attribute as written');
    const c = m.tasks[0].containers[0].obj;
    const image = get(c, 'image');
    assert.equal(image?.kind === 'unknown' && image.template, `${HOLE}:1.2-\${Literal}`);
    assert.equal(image?.kind === 'unknown' && image.hint, '!Sub of ${Repo}');
    const user = get(c, 'user');
    assert.equal(user?.kind === 'unknown' && user.template, `${HOLE}:1000`);
    assert.equal(plain(get(c, 'workingDirectory')), '?!ImportValue shared-dir');
    assert.equal(plain(get(c, 'hostname')), '?!FindInMap Env.prod.host');
  });

  it('reads every short tag and long form as an unknown value, which no rule reports', () => {
    const tags = ['Ref', 'Sub', 'GetAtt', 'Join', 'Select', 'Split', 'If', 'Equals', 'And', 'Or', 'Not', 'Condition', 'FindInMap', 'ImportValue', 'Base64', 'Cidr', 'GetAZs', 'Transform'];
    for (const tag of tags) {
      const text = `Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      NetworkMode: !${tag} [a, b]\n      ContainerDefinitions:\n        - Name: app\n          Image: app:1\n          Privileged: !${tag} x\n          User: !${tag}\n            - a\n          ReadonlyRootFilesystem: !${tag}\n            Name: x\n`;
      const r = run(text, YAML_URI);
      assert.deepEqual(r.problems, [], tag);
      // The rules that read the properties written as intrinsics stay silent (others judge what is absent).
      const reading = ['host-network-mode', 'bridge-network-mode', 'privileged-container', 'container-runs-as-root', 'writable-root-filesystem'];
      assert.deepEqual(r.findings.map(f => f.ruleId).filter(id => reading.includes(id)), [], tag);
      const c = r.parsed!.model.tasks[0].containers[0].obj;
      assert.deepEqual(['privileged', 'user', 'readonlyRootFilesystem'].map(k => get(c, k)?.kind), ['unknown', 'unknown', 'unknown'], tag);
      const long = JSON.stringify({ Resources: { Task: { Type: 'AWS::ECS::TaskDefinition', Properties: { NetworkMode: { [tag === 'Ref' || tag === 'Condition' ? tag : 'Fn::' + tag]: ['a', 'b'] }, ContainerDefinitions: [] } } } });
      assert.equal(get(run(long, JSON_URI).parsed!.model.tasks[0].obj, 'networkMode')?.kind, 'unknown', tag);
    }
  });

  it('analyses containers wrapped in !If in each branch, and both lists of an !If', () => {
    const text = `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: always
          Image: nginx:1.27
        - !If
          - WithProxy
          - Name: proxy
            Image: envoy:1.30
            Privileged: true
          - !Ref AWS::NoValue
        - !If [WithDebug, {Name: debug, Image: "busybox:1.36", Privileged: true}, {Name: nodebug, Image: "busybox:1.36"}]
  Other:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions: !If
        - Big
        - - Name: big
            Image: app:2
        - - Name: small
            Image: app:1
            Privileged: "true"
`;
    const m = model(text);
    assert.deepEqual(m.tasks.map(t => t.containers.map(c => c.label)), [['always', 'proxy', 'debug', 'nodebug'], ['big', 'small']]);
    assert.deepEqual(findingsOf(text, 'privileged-container', YAML_URI).map(f => [f.line, f.text]), [[11, 'true'], [13, 'true'], [23, '"true"']]);
    const json = JSON.stringify({ Resources: { T: { Type: 'AWS::ECS::TaskDefinition', Properties: { ContainerDefinitions: [
      { 'Fn::If': ['C', { Name: 'x', Image: 'a:1', Privileged: true }, { Ref: 'AWS::NoValue' }] },
    ] } } } }, null, 2);
    assert.deepEqual(findingsOf(json, 'privileged-container', JSON_URI).map(f => f.text), ['true']);
    assert.deepEqual(fixViolations(text, YAML_URI), []);
  });

  it('reads services, task sets and clusters', () => {
    const text = `Resources:
  Cluster: { Type: "AWS::ECS::Cluster" }
  Service:
    Type: AWS::ECS::Service
    Properties:
      NetworkConfiguration:
        AwsvpcConfiguration:
          AssignPublicIp: ENABLED
  TaskSet:
    Type: AWS::ECS::TaskSet
    Properties:
      NetworkConfiguration:
        AwsvpcConfiguration: { AssignPublicIp: DISABLED }
`;
    const m = model(text);
    assert.deepEqual(m.clusters.map(c => c.label), ['Cluster']);
    assert.deepEqual(m.services.map(s => [s.label, plain(path(s.obj, 'networkConfiguration', 'awsvpcConfiguration', 'assignPublicIp'))]), [['Service', 'ENABLED'], ['TaskSet', 'DISABLED']]);
  });
});

describe('CloudFormation templates: parameters and deploy-time values', () => {
  const task = (container: string, params = '', task = '') => `Parameters:
  ImageTag:
    Type: String
    Default: latest
  Mode:
    Type: String
    Default: host
  Priv:
    Type: String
    Default: "true"
  DbPassword:
    Type: String
    NoEcho: true
${params}Resources:
  DbSecret:
    Type: AWS::SecretsManager::Secret
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:${task}
      ContainerDefinitions:
        - Name: app
${container}`;

  it('reads a parameter\'s Default for image tags and says so in the message', () => {
    const text = task('          Image: !Sub "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:${ImageTag}"\n');
    const r = run(text, YAML_URI);
    const f = r.findings.find(x => x.ruleId === 'latest-image-tag')!;
    assert.match(f.message, /uses the image tag 'latest'.* The value comes from the Default of parameter ImageTag\.$/);
    const image = get(r.parsed!.model.tasks[0].containers[0].obj, 'image')!;
    assert.deepEqual([image.kind, image.origin, image.ref], ['unknown', 'the Default of parameter ImageTag', undefined]);
    assert.deepEqual(findingsOf(task('          Image: !Join [":", [app, !Ref ImageTag]]\n'), 'latest-image-tag', YAML_URI).length, 1);
    const whole = task('          Image: !Ref ImageUri\n', '  ImageUri:\n    Type: String\n    Default: nginx:latest\n');
    assert.deepEqual(findingsOf(whole, 'latest-image-tag', YAML_URI).map(f => f.text), ['!Ref ImageUri']);
    assert.match(run(whole, YAML_URI).findings.find(x => x.ruleId === 'latest-image-tag')!.message, /The value comes from the Default of parameter ImageUri\.$/);
    // A pinned Default is not a finding.
    assert.deepEqual(findingsOf(whole.replace('nginx:latest', 'nginx:1.27'), 'latest-image-tag', YAML_URI), []);
  });

  it('reads a parameter\'s Default for the network mode, and offers no fix that would edit the parameter', () => {
    const text = task('          Image: app:1\n', '', '\n      NetworkMode: !Ref Mode');
    const r = run(text, YAML_URI);
    const f = r.findings.find(x => x.ruleId === 'host-network-mode')!;
    assert.match(f.message, /The value comes from the Default of parameter Mode\.$/);
    assert.equal(text.slice(f.span.start, f.span.end), '!Ref Mode');
    assert.equal(f.fix, undefined);
  });

  it('uses Defaults for nothing else: a privileged flag from a parameter stays unknown', () => {
    assert.deepEqual(findingsOf(task('          Image: app:1\n          Privileged: !Ref Priv\n'), 'privileged-container', YAML_URI), []);
    assert.deepEqual(findingsOf(task('          Image: !Ref Unset\n'), 'latest-image-tag', YAML_URI), []);
  });

  it('flags secret-named variables whose value the deployment fills in, and not references to resources', () => {
    const env = (v: string) => task(`          Image: app:1\n          Environment:\n            - Name: DB_PASSWORD\n              Value: ${v}\n`);
    for (const v of ['!Ref DbPassword', '!Sub "${DbPassword}"', '!ImportValue db-password', '"{{resolve:ssm-secure:/db/password}}"', '!GetAtt Db.MasterUserPassword', '!FindInMap [Secrets, prod, db]', '{ "Fn::Join": ["", [!Ref DbPassword]] }']) {
      const [f] = findingsOf(env(v), 'plaintext-secret-in-environment', YAML_URI);
      assert.ok(f, v);
      assert.equal(f.text, v);
    }
    for (const v of ['!Ref DbSecret', '!Ref AWS::StackName', '!Sub "${AWS::StackName}-${DbSecret}"']) {
      assert.deepEqual(findingsOf(env(v), 'plaintext-secret-in-environment', YAML_URI), [], v);
    }
    const msg = run(env('!Ref DbPassword'), YAML_URI).findings.find(x => x.ruleId === 'plaintext-secret-in-environment')!.message;
    assert.match(msg, /is filled in at deployment \(!Ref DbPassword\)/);
  });

  it('never shows the literal part of a !Sub in a message', () => {
    const text = task('          Image: app:1\n          Environment:\n            - Name: DATABASE_PASSWORD\n              Value: !Sub "hunter2-${AWS::Region}-${DbPassword}"\n');
    const f = run(text, YAML_URI).findings.find(x => x.ruleId === 'plaintext-secret-in-environment')!;
    assert.doesNotMatch(f.message, /hunter2/);
    assert.match(f.message, /!Sub of \$\{AWS::Region\}, \$\{DbPassword\}/);
  });
});

describe('CloudFormation templates: task roles', () => {
  const template = (role: string, extra = '') => `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      TaskRoleArn: ${role}
      ContainerDefinitions: []
  TaskRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: orders-task
      Policies:
        - PolicyName: inline
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: "*"
                Resource: "*"
${extra}`;

  it('follows TaskRoleArn to the role however it is written', () => {
    for (const ref of ['!GetAtt TaskRole.Arn', '!Ref TaskRole', '!Sub "${TaskRole.Arn}"', 'arn:aws:iam::111122223333:role/orders-task', '!If [C, !GetAtt TaskRole.Arn, !Ref AWS::NoValue]', '{ "Fn::GetAtt": [TaskRole, Arn] }']) {
      assert.deepEqual(findingsOf(template(ref), 'wildcard-task-role-policy', YAML_URI).map(f => [f.line, f.text, f.severity]), [[15, '"*"', 'error']], ref);
    }
    assert.deepEqual(findingsOf(template('!GetAtt OtherRole.Arn'), 'wildcard-task-role-policy', YAML_URI), []);
    const r = run(template('!GetAtt TaskRole.Arn'), YAML_URI);
    assert.match(r.findings.find(f => f.ruleId === 'wildcard-task-role-policy')!.message, /the task role TaskRole \(of Task\)/);
  });

  it('finds statements in attached policy resources, managed policies and single-statement documents', () => {
    const extra = `  Attached:
    Type: AWS::IAM::Policy
    Properties:
      Roles: [!Ref TaskRole]
      PolicyDocument:
        Statement:
          Effect: Allow
          Action: ["s3:*"]
          Resource: "*"
  Managed:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      Roles: [orders-task]
      PolicyDocument:
        Statement:
          - Effect: Allow
            Action: [dynamodb:PutItem]
            Resource: ["*"]
  ManagedByArn:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: Allow
            NotAction: iam:*
            Resource: "*"
  RolePolicy:
    Type: AWS::IAM::RolePolicy
    Properties:
      RoleName: !Ref TaskRole
      PolicyName: rp
      PolicyDocument:
        Statement:
          - Effect: Deny
            Action: "*"
            Resource: "*"
  Unrelated:
    Type: AWS::IAM::Policy
    Properties:
      Roles: [!Ref SomeOtherRole]
      PolicyDocument:
        Statement:
          - { Effect: Allow, Action: "*", Resource: "*" }
`;
    const text = template('!GetAtt TaskRole.Arn', extra).replace('      Policies:', '      ManagedPolicyArns: [!Ref ManagedByArn]\n      Policies:');
    assert.deepEqual(findingsOf(text, 'wildcard-task-role-policy', YAML_URI).map(f => f.text), ['"*"', '"s3:*"', '"*"', 'iam:*']);
  });
});

describe('CloudFormation templates: suppressions', () => {
  const text = `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: agent
          Image: datadog/agent:7
          User: "1000"
          ReadonlyRootFilesystem: true
          # ecs-guard-ignore privileged-container: the agent reads host devices
          Privileged: true
`;

  it('honours a comment directive on the line above', () => {
    assert.deepEqual(findingsOf(text, 'privileged-container', YAML_URI), []);
    const r = run(text, YAML_URI);
    assert.equal(r.suppressed![0].suppression.reason, 'the agent reads host devices');
    assert.deepEqual(findingsOf(text, 'unused-suppression', YAML_URI), []);
  });

  it('honours Metadata ecs-guard ignore on the resource, in YAML and JSON, and reports one that suppresses nothing', () => {
    const yaml = `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Metadata:
      ecs-guard:
        ignore: [privileged-container, host-network-mode]
    Properties:
      ContainerDefinitions:
        - { Name: a, Image: "x:1", User: "1000", ReadonlyRootFilesystem: true, Privileged: true }
`;
    assert.deepEqual(findingsOf(yaml, 'privileged-container', YAML_URI), []);
    const unused = findingsOf(yaml, 'unused-suppression', YAML_URI);
    assert.equal(unused.length, 1);
    assert.equal(unused[0].text, 'ecs-guard:\n        ignore: [privileged-container, host-network-mode]');
    assert.match(run(yaml, YAML_URI).findings.find(f => f.ruleId === 'unused-suppression')!.message, /no host-network-mode finding in this resource/);
    const json = JSON.stringify({ Resources: { Task: { Type: 'AWS::ECS::TaskDefinition', Metadata: { 'ecs-guard': { ignore: 'privileged-container' } }, Properties: { ContainerDefinitions: [{ Name: 'a', Image: 'x:1', User: '1000', ReadonlyRootFilesystem: true, Privileged: true }] } } } }, null, 2);
    assert.deepEqual(findingsOf(json, 'privileged-container', JSON_URI), []);
    assert.deepEqual(findingsOf(json, 'unused-suppression', JSON_URI), []);
    assert.equal(applyFix(yaml, 'unused-suppression', 0, YAML_URI), yaml.replace('[privileged-container, host-network-mode]', '[privileged-container]'));
    // The Metadata of one resource does not reach another.
    const other = yaml.replace('Resources:\n', 'Resources:\n  Other:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - { Name: b, Image: "x:1", User: "1000", ReadonlyRootFilesystem: true, Privileged: true }\n');
    assert.equal(findingsOf(other, 'privileged-container', YAML_URI).length, 1);
  });
});

describe('CloudFormation templates: unused Metadata suppressions', () => {
  it('removes a wholly unused Metadata directive, in YAML and JSON', () => {
    const yaml = `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Metadata:
      ecs-guard:
        ignore:
          - privileged-container
    Properties:
      ContainerDefinitions: []
`;
    assert.deepEqual(findingsOf(yaml, 'unused-suppression', YAML_URI).map(f => [f.line, f.character]), [[4, 6]]);
    assert.equal(applyFix(yaml, 'unused-suppression', 0, YAML_URI), yaml.replace('    Metadata:\n      ecs-guard:\n        ignore:\n          - privileged-container\n', ''));
    const withOther = yaml.replace('    Metadata:\n', '    Metadata:\n      cfn-lint: { config: { ignore_checks: [E3012] } }\n');
    assert.equal(applyFix(withOther, 'unused-suppression', 0, YAML_URI), withOther.replace('      ecs-guard:\n        ignore:\n          - privileged-container\n', ''));
    const json = `{
  "Resources": {
    "Task": {
      "Type": "AWS::ECS::TaskDefinition",
      "Metadata": { "ecs-guard": { "ignore": ["privileged-container", "host-network-mode"] } },
      "Properties": { "NetworkMode": "host", "ContainerDefinitions": [] }
    }
  }
}
`;
    assert.deepEqual(findingsOf(json, 'host-network-mode', JSON_URI), []);
    assert.equal(applyFix(json, 'unused-suppression', 0, JSON_URI), json.replace('["privileged-container", "host-network-mode"]', '["host-network-mode"]'));
    const unusedJson = json.replace('"NetworkMode": "host", ', '');
    assert.equal(applyFix(unusedJson, 'unused-suppression', 0, JSON_URI), unusedJson.replace('      "Metadata": { "ecs-guard": { "ignore": ["privileged-container", "host-network-mode"] } },\n', ''));
    assert.deepEqual(fixViolations(unusedJson, JSON_URI), []);
  });
});

describe('CloudFormation templates: bad input', () => {
  const base = `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: app
          Image: nginx:latest
          Privileged: true
`;

  it('analyses what parsed in half-typed YAML and reports the syntax error', () => {
    for (const tail of ['          User: "10\n', '          Environment:\n            - Name\n', '          Ports: [80, \n', '          Read\n', '          LinuxParameters: !\n']) {
      const r = run(base + tail, YAML_URI);
      assert.equal(r.format, 'cloudformation-yaml', tail);
      assert.ok(r.findings.some(f => f.ruleId === 'privileged-container'), tail);
    }
    assert.ok(run(base + '          Read\n', YAML_URI).problems.length > 0);
  });

  it('reports tabs and duplicate keys, still analysing the rest', () => {
    const tabs = run(base + '\t  User: root\n', YAML_URI);
    assert.ok(tabs.problems.some(p => /Tabs/.test(p.message)));
    assert.ok(tabs.findings.some(f => f.ruleId === 'privileged-container'));
    const dup = run(base + '          Privileged: false\n', YAML_URI);
    assert.ok(dup.problems.some(p => /Duplicate key 'Privileged'/.test(p.message)));
    assert.deepEqual(dup.findings.filter(f => f.ruleId === 'privileged-container'), [], 'the last one wins, as in CloudFormation');
  });

  it('treats aliases as unknown values and survives an alias bomb', () => {
    let bomb = 'Bomb:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
    for (let i = 1; i < 40; i++) bomb += `  a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]\n`;
    const text = base.replace('Privileged: true', 'Privileged: *flag') + bomb;
    const t0 = performance.now();
    const r = run(text, YAML_URI);
    assert.ok(performance.now() - t0 < 2000);
    assert.equal(r.format, 'cloudformation-yaml');
    assert.deepEqual(r.findings.filter(f => f.ruleId === 'privileged-container'), []);
  });

  it('analyses deep nesting without a stack overflow, and a large template', () => {
    const deep = base + '          DockerLabels: ' + '{a: '.repeat(5000) + '1' + '}'.repeat(5000) + '\n';
    const r = run(deep, YAML_URI);
    assert.equal(r.format, 'cloudformation-yaml');
    assert.ok(r.problems.some(p => /Nesting deeper than/.test(p.message)));
    assert.ok(r.findings.some(f => f.ruleId === 'privileged-container'));
    let big = 'Resources:\n';
    for (let i = 0; i < 2000; i++) big += `  Task${i}:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: c${i}\n          Image: app:${i}\n          Privileged: ${i % 2 === 0}\n`;
    const b = run(big, YAML_URI);
    assert.equal(b.findings.filter(f => f.ruleId === 'privileged-container').length, 1000);
  });

  it('keeps positions and fixes exact with CRLF line endings', () => {
    const crlf = base.replace(/\n/g, '\r\n');
    assert.deepEqual(findingsOf(crlf, 'privileged-container', YAML_URI).map(f => [f.line, f.character, f.text]), [[7, 22, 'true']]);
    assert.deepEqual(fixViolations(crlf, YAML_URI), []);
  });
});
