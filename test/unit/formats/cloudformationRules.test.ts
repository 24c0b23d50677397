import * as assert from 'node:assert/strict';
import { applyFix, findingsOf, fixViolations, run } from '../../helpers/analysis';

// Every rule of the catalog on CloudFormation templates, YAML and JSON: exact ranges, exact fixed text.
const Y = 'file:///w/template.yaml';
const J = 'file:///w/stack.template.json';

const yamlTask = (container: string, task = '') => `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Web:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: web${task}
      ContainerDefinitions:
        - Name: app # the main container
          Image: nginx:1.27
${container}`;

const jsonTask = (container: string, task = '') => `{
  "Resources": {
    "Web": {
      "Type": "AWS::ECS::TaskDefinition",
      "Properties": {
        "Family": "web",${task}
        "ContainerDefinitions": [
          {
            "Name": "app",
            "Image": "nginx:1.27",
${container}
          }
        ]
      }
    }
  }
}
`;

const at = (f: { line: number; character: number; text: string }) => [f.line, f.character, f.text];

describe('CloudFormation templates: rules and fixes', () => {
  describe('privileged-container', () => {
    const R = 'privileged-container';
    it('YAML: flags the value and removes the property line, comments kept', () => {
      const text = yamlTask('          Privileged: true # TEMP\n          User: "1000"\n          ReadonlyRootFilesystem: true\n');
      assert.deepEqual(findingsOf(text, R, Y).map(at), [[9, 22, 'true']]);
      assert.equal(applyFix(text, R, 0, Y), yamlTask('          User: "1000"\n          ReadonlyRootFilesystem: true\n'));
      assert.deepEqual(fixViolations(text, Y), []);
    });
    it('YAML: removes it from a flow mapping, and as the first key after a dash', () => {
      const flow = 'Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - { Name: a, Image: "x:1", Privileged: true, User: "1" }\n        - Privileged: "true"\n          Name: b\n          Image: x:1\n';
      assert.deepEqual(findingsOf(flow, R, Y).map(at), [[5, 47, 'true'], [6, 22, '"true"']]);
      assert.equal(applyFix(flow, R, 0, Y), flow.replace(' Privileged: true,', ''));
      assert.equal(applyFix(flow, R, 1, Y), flow.replace('- Privileged: "true"\n          Name: b', '- Name: b'));
    });
    it('JSON: flags the value and removes the property', () => {
      const text = jsonTask('            "Privileged": true,\n            "User": "1000"');
      assert.deepEqual(findingsOf(text, R, J).map(at), [[10, 26, 'true']]);
      assert.equal(applyFix(text, R, 0, J), jsonTask('            "User": "1000"'));
    });
    it('stays silent on false, absent and unknown', () => {
      for (const v of ['false', '!Ref Priv', '!If [C, true, false]']) assert.deepEqual(findingsOf(yamlTask(`          Privileged: ${v}\n`), R, Y), [], v);
    });
  });

  describe('host-network-mode', () => {
    const R = 'host-network-mode';
    it('YAML: replaces host with awsvpc and drops host ports that differ, block and flow', () => {
      const text = yamlTask('          PortMappings:\n            - ContainerPort: 80\n              HostPort: 8080\n            - { ContainerPort: 9000, HostPort: 9001 }\n            - HostPort: 4443\n              ContainerPort: 443\n            - ContainerPort: 53\n              HostPort: 53\n', '\n      NetworkMode: host');
      assert.deepEqual(findingsOf(text, R, Y).map(at), [[6, 19, 'host']]);
      assert.equal(applyFix(text, R, 0, Y), yamlTask('          PortMappings:\n            - ContainerPort: 80\n            - { ContainerPort: 9000 }\n            - ContainerPort: 443\n            - ContainerPort: 53\n              HostPort: 53\n', '\n      NetworkMode: awsvpc'));
      assert.deepEqual(fixViolations(text, Y), []);
    });
    it('YAML: keeps the quotes of the value it replaces', () => {
      const text = yamlTask('', "\n      NetworkMode: 'host'");
      assert.equal(applyFix(text, R, 0, Y), yamlTask('', "\n      NetworkMode: 'awsvpc'"));
    });
    it('JSON: replaces the value and drops the host port', () => {
      const text = jsonTask('            "PortMappings": [{ "ContainerPort": 80, "HostPort": 8080 }]', '\n        "NetworkMode": "host",');
      assert.deepEqual(findingsOf(text, R, J).map(at), [[6, 23, '"host"']]);
      assert.equal(applyFix(text, R, 0, J), jsonTask('            "PortMappings": [{ "ContainerPort": 80 }]', '\n        "NetworkMode": "awsvpc",'));
    });
    it('stays silent on awsvpc, bridge and unknown', () => {
      for (const v of ['awsvpc', 'bridge', '!Ref Unset']) assert.deepEqual(findingsOf(yamlTask('', `\n      NetworkMode: ${v}`), R, Y), [], v);
    });
  });

  describe('plaintext-secret-in-environment', () => {
    const R = 'plaintext-secret-in-environment';
    it('YAML: moves the entry to a new Secrets list, as a !Sub of the stack\'s region and account', () => {
      const text = yamlTask('          Environment:\n            - Name: LOG_LEVEL\n              Value: info\n            - Name: DB_PASSWORD\n              Value: hunter2hunter2\n');
      assert.deepEqual(findingsOf(text, R, Y).map(at), [[13, 21, 'hunter2hunter2']]);
      const fixed = applyFix(text, R, 0, Y);
      assert.equal(fixed, yamlTask('          Environment:\n            - Name: LOG_LEVEL\n              Value: info\n          Secrets:\n            - Name: DB_PASSWORD\n              ValueFrom: !Sub "arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:web/db-password"\n'));
      assert.doesNotMatch(fixed, /hunter2/);
      assert.deepEqual(fixViolations(text, Y), []);
    });
    it('YAML: the only entry leaves an empty list, and an existing Secrets list gets the new entry (in the stack\'s account, not one an ARN mentions)', () => {
      const text = yamlTask('          Environment:\n            - Name: API_TOKEN\n              Value: t0k3n-t0k3n\n          Secrets:\n            - Name: OTHER\n              ValueFrom: arn:aws:secretsmanager:eu-west-1:111122223333:secret:other\n');
      assert.equal(applyFix(text, R, 0, Y), yamlTask('          Environment: []\n          Secrets:\n            - Name: OTHER\n              ValueFrom: arn:aws:secretsmanager:eu-west-1:111122223333:secret:other\n            - Name: API_TOKEN\n              ValueFrom: !Sub "arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:web/api-token"\n'));
    });
    it('YAML: in flow style, stays in flow style', () => {
      const text = yamlTask('          Environment: [{ Name: DB_PASSWORD, Value: hunter2hunter2 }, { Name: A, Value: b }]\n          Secrets: []\n');
      assert.equal(applyFix(text, R, 0, Y), yamlTask('          Environment: [{ Name: A, Value: b }]\n          Secrets: [{ Name: DB_PASSWORD, ValueFrom: !Sub "arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:web/db-password" }]\n'));
    });
    it('YAML: a {{resolve:secretsmanager:…}} value moves to Secrets as a reference to that secret', () => {
      const text = yamlTask('          Environment:\n            - Name: DB_PASSWORD\n              Value: "{{resolve:secretsmanager:arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf:SecretString:password}}"\n');
      const [f] = run(text, Y).findings.filter(x => x.ruleId === R);
      assert.match(f.message, /filled in at deployment \(a \{\{resolve:secretsmanager:…\}\} dynamic reference\)/);
      assert.equal(f.fix!.title, "Move 'DB_PASSWORD' to secrets, referencing the secret it is resolved from");
      assert.equal(applyFix(text, R, 0, Y), yamlTask('          Environment: []\n          Secrets:\n            - Name: DB_PASSWORD\n              ValueFrom: "arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf:password::"\n'));
    });
    it('JSON: moves the entry with a Fn::Sub ARN', () => {
      const text = jsonTask('            "Environment": [{ "Name": "DB_PASSWORD", "Value": "hunter2hunter2" }]');
      assert.deepEqual(findingsOf(text, R, J).map(at), [[10, 62, '"hunter2hunter2"']]);
      assert.equal(applyFix(text, R, 0, J), jsonTask(`            "Environment": [],
            "Secrets": [
              {
                "Name": "DB_PASSWORD",
                "ValueFrom": {
                  "Fn::Sub": "arn:\${AWS::Partition}:secretsmanager:\${AWS::Region}:\${AWS::AccountId}:secret:web/db-password"
                }
              }
            ]`));
      assert.deepEqual(fixViolations(text, J), []);
    });
    it('stays silent on ordinary variables and references', () => {
      assert.deepEqual(findingsOf(yamlTask('          Environment:\n            - { Name: LOG_LEVEL, Value: debug }\n            - { Name: DB_PASSWORD_SECRET_ARN, Value: !Ref DbSecret }\n'), R, Y), []);
    });
  });

  describe('container-runs-as-root', () => {
    const R = 'container-runs-as-root';
    it('YAML: adds a User next to the container\'s properties, or replaces root', () => {
      const text = yamlTask('          ReadonlyRootFilesystem: true\n');
      assert.deepEqual(findingsOf(text, R, Y).map(at), [[7, 16, 'app']]);
      assert.equal(applyFix(text, R, 0, Y), yamlTask('          ReadonlyRootFilesystem: true\n          User: "1000:1000"\n'));
      const root = yamlTask('          User: root\n          ReadonlyRootFilesystem: true\n');
      assert.deepEqual(findingsOf(root, R, Y).map(at), [[9, 16, 'root']]);
      assert.equal(applyFix(root, R, 0, Y), yamlTask('          User: "1000:1000"\n          ReadonlyRootFilesystem: true\n'));
    });
    it('JSON: adds a User', () => {
      const text = jsonTask('            "ReadonlyRootFilesystem": true');
      assert.equal(applyFix(text, R, 0, J), jsonTask('            "ReadonlyRootFilesystem": true,\n            "User": "1000:1000"'));
    });
    it('stays silent on a user and an unknown one', () => {
      for (const v of ['"1000"', '!Ref AppUser']) assert.deepEqual(findingsOf(yamlTask(`          User: ${v}\n`), R, Y), [], v);
    });
  });

  describe('writable-root-filesystem', () => {
    const R = 'writable-root-filesystem';
    it('YAML: adds ReadonlyRootFilesystem, in block and flow containers', () => {
      const text = yamlTask('          User: "1000"\n');
      assert.equal(applyFix(text, R, 0, Y), yamlTask('          User: "1000"\n          ReadonlyRootFilesystem: true\n'));
      const flow = 'Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - {Name: a, Image: "x:1", User: "1"}\n';
      assert.deepEqual(findingsOf(flow, R, Y).map(at), [[5, 17, 'a']]);
      assert.equal(applyFix(flow, R, 0, Y), flow.replace('User: "1"}', 'User: "1", ReadonlyRootFilesystem: true}'));
    });
    it('YAML: turns false into true, keeping quotes', () => {
      const text = yamlTask('          ReadonlyRootFilesystem: "false"\n');
      assert.deepEqual(findingsOf(text, R, Y).map(at), [[9, 34, '"false"']]);
      assert.equal(applyFix(text, R, 0, Y), yamlTask('          ReadonlyRootFilesystem: "true"\n'));
    });
    it('JSON: turns false into true', () => {
      const text = jsonTask('            "ReadonlyRootFilesystem": false');
      assert.equal(applyFix(text, R, 0, J), jsonTask('            "ReadonlyRootFilesystem": true'));
    });
  });

  describe('latest-image-tag', () => {
    const R = 'latest-image-tag';
    it('YAML and JSON: flags latest and untagged images, literal or the literal part of a !Sub / Fn::Sub', () => {
      const text = yamlTask('        - Name: b\n          Image: !Sub "${Repo}:latest"\n        - Name: c\n          Image: busybox\n').replace('Image: nginx:1.27', 'Image: nginx:latest');
      assert.deepEqual(findingsOf(text, R, Y).map(at), [[8, 17, 'nginx:latest'], [10, 17, '!Sub "${Repo}:latest"'], [12, 17, 'busybox']]);
      const json = jsonTask('            "Privileged": false').replace('"Image": "nginx:1.27"', '"Image": { "Fn::Sub": "${Repo}:latest" }');
      assert.deepEqual(findingsOf(json, R, J).map(at), [[9, 21, '{ "Fn::Sub": "${Repo}:latest" }']]);
    });
    it('stays silent on pinned tags, digests and unknown tags', () => {
      for (const img of ['nginx:1.27', 'nginx@sha256:0b2c4f6a8e0c2d4f6a8b0c2e4f6a8c0e2d4f6a8b0c2e4f6a8c0e2d4f6a8b0c2e', '!Sub "${Repo}:${Tag}"', '!Ref Image']) {
        assert.deepEqual(findingsOf(yamlTask('').replace('nginx:1.27', img), R, Y), [], img);
      }
    });
  });

  describe('public-ip-assigned', () => {
    const R = 'public-ip-assigned';
    const svc = (v: string) => `Resources:\n  Service:\n    Type: AWS::ECS::Service\n    Properties:\n      NetworkConfiguration:\n        AwsvpcConfiguration:\n          AssignPublicIp: ${v}\n          Subnets: [subnet-1]\n`;
    it('YAML: flags ENABLED on a service and a task set, and fixes to DISABLED', () => {
      assert.deepEqual(findingsOf(svc('ENABLED'), R, Y).map(at), [[6, 26, 'ENABLED']]);
      assert.equal(applyFix(svc('ENABLED'), R, 0, Y), svc('DISABLED'));
      assert.equal(applyFix(svc("'ENABLED'"), R, 0, Y), svc("'DISABLED'"));
      assert.equal(findingsOf(svc('ENABLED').replace('AWS::ECS::Service', 'AWS::ECS::TaskSet'), R, Y).length, 1);
      assert.deepEqual(fixViolations(svc('ENABLED'), Y), []);
    });
    it('JSON: flags and fixes', () => {
      const json = JSON.stringify({ Resources: { Service: { Type: 'AWS::ECS::Service', Properties: { NetworkConfiguration: { AwsvpcConfiguration: { AssignPublicIp: 'ENABLED' } } } } } }, null, 2);
      assert.deepEqual(findingsOf(json, R, J).map(at), [[7, 30, '"ENABLED"']]);
      assert.equal(applyFix(json, R, 0, J), json.replace('"ENABLED"', '"DISABLED"'));
    });
    it('stays silent on DISABLED and unknown', () => {
      for (const v of ['DISABLED', '!If [Public, ENABLED, DISABLED]']) assert.deepEqual(findingsOf(svc(v), R, Y), [], v);
    });
  });

  describe('container-insights-disabled', () => {
    const R = 'container-insights-disabled';
    it('YAML and JSON: flags a cluster without the setting on its logical id, and a disabled value on the value', () => {
      const text = 'Resources:\n  Bare:\n    Type: AWS::ECS::Cluster\n  Off:\n    Type: AWS::ECS::Cluster\n    Properties:\n      ClusterSettings:\n        - Name: containerInsights\n          Value: disabled\n  On:\n    Type: AWS::ECS::Cluster\n    Properties:\n      ClusterSettings: [{ Name: containerInsights, Value: enhanced }]\n';
      assert.deepEqual(findingsOf(text, R, Y).map(at), [[1, 2, 'Bare'], [8, 17, 'disabled']]);
      const json = '{"Resources": {"C": {"Type": "AWS::ECS::Cluster", "Properties": {"ClusterName": "x"}}}}';
      assert.deepEqual(findingsOf(json, R, J).map(at), [[0, 15, '"C"']]);
    });
    it('stays silent on enabled and unknown settings', () => {
      assert.deepEqual(findingsOf('Resources:\n  C:\n    Type: AWS::ECS::Cluster\n    Properties:\n      ClusterSettings: !If [Prod, [{Name: containerInsights, Value: enabled}], !Ref AWS::NoValue]\n', R, Y), []);
    });
  });

  describe('wildcard-task-role-policy', () => {
    const R = 'wildcard-task-role-policy';
    it('YAML and JSON: flags the statement of the task role, not of other roles', () => {
      const text = `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      TaskRoleArn: !GetAtt TaskRole.Arn
      ExecutionRoleArn: !GetAtt ExecRole.Arn
      ContainerDefinitions: []
  TaskRole:
    Type: AWS::IAM::Role
    Properties:
      Policies:
        - PolicyName: p
          PolicyDocument:
            Statement:
              - Effect: Allow
                Action: ["s3:PutObject"]
                Resource: "*"
  ExecRole:
    Type: AWS::IAM::Role
    Properties:
      Policies:
        - PolicyName: p
          PolicyDocument:
            Statement:
              - { Effect: Allow, Action: "*", Resource: "*" }
`;
      assert.deepEqual(findingsOf(text, R, Y).map(at), [[16, 26, '"*"']]);
      const json = JSON.stringify({ Resources: {
        Task: { Type: 'AWS::ECS::TaskDefinition', Properties: { TaskRoleArn: { 'Fn::GetAtt': ['TaskRole', 'Arn'] }, ContainerDefinitions: [] } },
        TaskRole: { Type: 'AWS::IAM::Role', Properties: { Policies: [{ PolicyName: 'p', PolicyDocument: { Statement: [{ Effect: 'Allow', Action: 'sqs:*', Resource: '*' }] } }] } },
      } }, null, 2);
      assert.deepEqual(findingsOf(json, R, J).map(f => [f.text, f.severity]), [['"sqs:*"', 'warning']]);
    });
    it('stays silent on scoped statements', () => {
      const text = 'Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      TaskRoleArn: !Ref R\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      Policies:\n        - PolicyDocument:\n            Statement:\n              - Effect: Allow\n                Action: sqs:SendMessage\n                Resource: !GetAtt Q.Arn\n';
      assert.deepEqual(findingsOf(text, R, Y), []);
    });
  });

  describe('unused-suppression', () => {
    const R = 'unused-suppression';
    it('YAML: reports a comment directive that suppresses nothing and removes its line', () => {
      const text = yamlTask('          # ecs-guard-ignore privileged-container\n          Privileged: false\n          User: "1"\n          ReadonlyRootFilesystem: true\n');
      assert.deepEqual(findingsOf(text, R, Y).map(at), [[9, 10, '# ecs-guard-ignore privileged-container']]);
      assert.equal(applyFix(text, R, 0, Y), yamlTask('          Privileged: false\n          User: "1"\n          ReadonlyRootFilesystem: true\n'));
    });
    it('YAML: keeps the rule ids still in use', () => {
      const text = yamlTask('          Privileged: true # ecs-guard-ignore privileged-container, user-is-root\n          User: "1"\n          ReadonlyRootFilesystem: true\n');
      assert.match(run(text, Y).findings.find(f => f.ruleId === R)!.message, /does not exist: user-is-root/);
      assert.equal(applyFix(text, R, 0, Y), text.replace(', user-is-root', ''));
    });
  });
});

describe('CloudFormation templates: fixes in the file\'s own style', () => {
  const R = 'writable-root-filesystem';

  it('keeps CRLF line endings in inserted lines', () => {
    const text = yamlTask('          User: "1000"\n').replace(/\n/g, '\r\n');
    assert.equal(applyFix(text, R, 0, Y), yamlTask('          User: "1000"\n          ReadonlyRootFilesystem: true\n').replace(/\n/g, '\r\n'));
  });

  it('follows four-space indentation and indentless sequences', () => {
    const text = 'Resources:\n    Task:\n        Type: AWS::ECS::TaskDefinition\n        Properties:\n            ContainerDefinitions:\n            -   Name: app\n                Image: x:1\n                User: "1"\n                Environment:\n                -   Name: DB_PASSWORD\n                    Value: hunter2hunter2\n';
    assert.equal(applyFix(text, R, 0, Y), text + '                ReadonlyRootFilesystem: true\n');
    assert.equal(applyFix(text, 'plaintext-secret-in-environment', 0, Y), text.replace('                -   Name: DB_PASSWORD\n                    Value: hunter2hunter2\n', '')
      .replace('Environment:', 'Environment: []') + '                Secrets:\n                - Name: DB_PASSWORD\n                  ValueFrom: !Sub "arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:task/db-password"\n');
  });

  it('quotes new strings as the file does', () => {
    const text = "Resources:\n  Task:\n    Type: 'AWS::ECS::TaskDefinition'\n    Properties:\n      ContainerDefinitions:\n        - Name: 'app'\n          Image: 'x:1'\n          ReadonlyRootFilesystem: true\n          Environment:\n            - Name: 'DB_PASSWORD'\n              Value: 'hunter2hunter2'\n";
    assert.equal(applyFix(text, 'container-runs-as-root', 0, Y), text + "          User: '1000:1000'\n");
    const writable = text.replace('          ReadonlyRootFilesystem: true\n', '');
    assert.equal(applyFix(writable, R, 0, Y), writable + '          ReadonlyRootFilesystem: true\n', 'a boolean is not a string to quote');
    assert.equal(applyFix(text, 'plaintext-secret-in-environment', 0, Y), text.replace("            - Name: 'DB_PASSWORD'\n              Value: 'hunter2hunter2'\n", '').replace('Environment:', 'Environment: []')
      + "          Secrets:\n            - Name: 'DB_PASSWORD'\n              ValueFrom: !Sub 'arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:task/db-password'\n");
  });

  it('writes intrinsics in long form where the file does, and in short form otherwise', () => {
    const text = 'Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      TaskRoleArn:\n        Fn::GetAtt: [Role, Arn]\n      ContainerDefinitions:\n        - Name: app\n          Image: x:1\n          Environment:\n            - Name: DB_PASSWORD\n              Value: hunter2hunter2\n';
    assert.equal(applyFix(text, 'plaintext-secret-in-environment', 0, Y), text.replace('            - Name: DB_PASSWORD\n              Value: hunter2hunter2\n', '').replace('Environment:', 'Environment: []')
      + '          Secrets:\n            - Name: DB_PASSWORD\n              ValueFrom:\n                Fn::Sub: "arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:task/db-password"\n');
  });

  it('inserts after a last property that ends with a comment or a block scalar, and at the end of a file without a final newline', () => {
    const text = yamlTask('          User: "1" # non-root\n          Command:\n            - |\n              echo hi\n              exec app\n').trimEnd();
    assert.equal(applyFix(text, R, 0, Y), text + '\n          ReadonlyRootFilesystem: true');
    assert.deepEqual(fixViolations(text, Y), []);
  });

  it('does not edit a mapping whose shape the reader had to guess around a syntax error, and still edits its intact neighbours', () => {
    const text = 'Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: broken\n          Image: x:1\n          Read\n        - Name: fine\n          Image: x:1\n';
    const r = run(text, Y);
    assert.ok(r.problems.some(p => /need to be followed by map values/.test(p.message)));
    const fixes = r.findings.filter(f => f.ruleId === R).map(f => [text.slice(f.span.start, f.span.end), r.parsed!.render(f.fix!.intents) !== undefined]);
    assert.deepEqual(fixes, [['broken', false], ['fine', true]]);
    assert.deepEqual(fixViolations(text, Y), []);
  });

  it('leaves a property being typed alone: `User:` with no value yet gets no fix', () => {
    const text = yamlTask('          User:\n          ReadonlyRootFilesystem: true\n');
    const r = run(text, Y);
    const f = r.findings.find(x => x.ruleId === 'container-runs-as-root')!;
    assert.equal(text.slice(f.span.start, f.span.end), 'app');
    assert.equal(r.parsed!.render(f.fix!.intents), undefined);
    assert.deepEqual(fixViolations(text, Y), []);
  });
});
