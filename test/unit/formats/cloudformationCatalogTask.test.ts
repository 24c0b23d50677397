import * as assert from 'node:assert/strict';
import { applyFix, findingsOf, fixViolations, run } from '../../helpers/analysis';
import { J, Y, at, jsonTemplate, yamlTemplate } from '../../helpers/templates';

// The task-level catalog rules on CloudFormation templates, YAML and JSON: exact ranges, exact fixed text.

describe('CloudFormation templates: task-level catalog rules', () => {
  describe('bridge-network-mode', () => {
    const R = 'bridge-network-mode';
    const ports = '          PortMappings:\n            - ContainerPort: 80\n              HostPort: 8080 # public port\n            - { ContainerPort: 9000, HostPort: 9000 }\n';

    it('YAML block: flags a stated bridge, replaces it with awsvpc and drops host ports that differ', () => {
      const text = yamlTemplate({ task: '      NetworkMode: bridge\n', container: ports });
      assert.deepEqual(findingsOf(text, R, Y).map(at), [[6, 19, 'bridge']]);
      assert.equal(applyFix(text, R, 0, Y), yamlTemplate({ task: '      NetworkMode: awsvpc\n', container: '          PortMappings:\n            - ContainerPort: 80\n            - { ContainerPort: 9000, HostPort: 9000 }\n' }));
    });

    it('YAML block: an EC2 task without a mode is flagged on its logical id and gets NetworkMode after its last property', () => {
      const text = yamlTemplate({ task: '      RequiresCompatibilities: [EC2]\n', container: '          Memory: 256\n' });
      assert.deepEqual(findingsOf(text, R, Y).map(at), [[2, 2, 'Web']]);
      assert.equal(applyFix(text, R, 0, Y), yamlTemplate({ task: '      RequiresCompatibilities: [EC2]\n', container: '          Memory: 256\n      NetworkMode: awsvpc\n' }));
    });

    it('YAML flow: adds the mode inside the flow mapping', () => {
      const text = 'Resources:\n  Web:\n    Type: AWS::ECS::TaskDefinition\n    Properties: { Family: web, ContainerDefinitions: [{ Name: app, Image: "x:1" }] }\n';
      assert.deepEqual(findingsOf(text, R, Y).map(at), [[1, 2, 'Web']]);
      assert.equal(applyFix(text, R, 0, Y), text.replace('}] }', '}], NetworkMode: awsvpc }'));
    });

    it('JSON: replaces a stated bridge, and adds the mode where none is stated', () => {
      const text = jsonTemplate({ task: '        "NetworkMode": "bridge",\n' });
      assert.deepEqual(findingsOf(text, R, J).map(at), [[6, 23, '"bridge"']]);
      assert.equal(applyFix(text, R, 0, J), jsonTemplate({ task: '        "NetworkMode": "awsvpc",\n' }));
      const absent = jsonTemplate();
      assert.deepEqual(findingsOf(absent, R, J).map(at), [[2, 4, '"Web"']]);
      assert.equal(applyFix(absent, R, 0, J), absent.replace('          }\n        ]\n', '          }\n        ],\n        "NetworkMode": "awsvpc"\n'));
    });

    it('stays silent on awsvpc, on Fargate, and on values the template does not state (an !If, a !Ref without Default, unknown launch types)', () => {
      for (const task of ['      NetworkMode: awsvpc\n', '      RequiresCompatibilities: [FARGATE]\n', '      NetworkMode: !If [OnEc2, bridge, awsvpc]\n', '      NetworkMode: !Ref Mode\n', '      RequiresCompatibilities: !Ref LaunchTypes\n']) {
        assert.deepEqual(findingsOf(yamlTemplate({ task }), R, Y), [], task);
      }
      assert.deepEqual(findingsOf(jsonTemplate({ task: '        "NetworkMode": { "Fn::If": ["OnEc2", "bridge", "awsvpc"] },\n' }), R, J), []);
    });

    it('decides a !Ref on the parameter\'s Default, and then offers no edit of the reference', () => {
      const text = 'Parameters:\n  Mode: { Type: String, Default: bridge }\n' + yamlTemplate({ task: '      NetworkMode: !Ref Mode\n' });
      assert.deepEqual(findingsOf(text, R, Y).map(at), [[8, 19, '!Ref Mode']]);
      const [f] = run(text, Y).findings.filter(x => x.ruleId === R);
      assert.match(f.message, /Default of parameter Mode/);
      assert.equal(f.fix, undefined);
    });
  });

  for (const [R, key] of [['host-pid-mode', 'PidMode'], ['host-ipc-mode', 'IpcMode']] as const) {
    describe(R, () => {
      it(`YAML block: flags ${key} host and removes the line, the comment before it kept`, () => {
        const text = yamlTemplate({ task: `      # shares the host\n      ${key}: host # for the agent\n      NetworkMode: awsvpc\n` });
        assert.deepEqual(findingsOf(text, R, Y).map(at), [[7, 8 + key.length, 'host']]);
        assert.equal(applyFix(text, R, 0, Y), yamlTemplate({ task: '      # shares the host\n      NetworkMode: awsvpc\n' }));
      });

      it('YAML flow: removes the member with its comma', () => {
        const text = `Resources:\n  Web:\n    Type: AWS::ECS::TaskDefinition\n    Properties: { Family: web, ${key}: "host", NetworkMode: awsvpc, ContainerDefinitions: [] }\n`;
        assert.deepEqual(findingsOf(text, R, Y).map(at), [[3, 33 + key.length, '"host"']]);
        assert.equal(applyFix(text, R, 0, Y), text.replace(` ${key}: "host",`, ''));
      });

      it('JSON: removes the property', () => {
        const text = jsonTemplate({ task: `        "${key}": "host",\n        "NetworkMode": "awsvpc",\n` });
        assert.deepEqual(findingsOf(text, R, J).map(at), [[6, 12 + key.length, '"host"']]);
        assert.equal(applyFix(text, R, 0, J), jsonTemplate({ task: '        "NetworkMode": "awsvpc",\n' }));
        const [f] = run(text, J).findings.filter(x => x.ruleId === R);
        assert.equal(f.fix!.preferred, true);
      });

      it('stays silent on task, on absence, and on intrinsics', () => {
        for (const v of ['task', '!Ref Mode', '!If [Debug, host, task]', '{ "Fn::If": [Debug, host, task] }']) {
          assert.deepEqual(findingsOf(yamlTemplate({ task: `      ${key}: ${v}\n` }), R, Y), [], v);
        }
        assert.deepEqual(findingsOf(jsonTemplate({ task: `        "${key}": { "Ref": "Mode" },\n` }), R, J), []);
        assert.deepEqual(findingsOf(jsonTemplate(), R, J), []);
      });
    });
  }

  describe('shared-task-execution-role', () => {
    const R = 'shared-task-execution-role';
    const roles = '  Role:\n    Type: AWS::IAM::Role\n  ExecRole:\n    Type: AWS::IAM::Role\n';
    const jsonRoles = ',\n    "Role": { "Type": "AWS::IAM::Role" },\n    "ExecRole": { "Type": "AWS::IAM::Role" }';

    it('YAML: flags the task role when both name one role, however each names it', () => {
      const same = [
        ['!GetAtt Role.Arn', '!GetAtt Role.Arn'],
        ['!Ref Role', '!GetAtt Role.Arn'],
        ['!GetAtt [Role, Arn]', '!Ref Role'],
        ['!Sub "${Role.Arn}"', '!GetAtt Role.Arn'],
        ['arn:aws:iam::111122223333:role/app', 'arn:aws:iam::111122223333:role/app'],
        ['!ImportValue shared-role-arn', '!ImportValue shared-role-arn'],
      ];
      for (const [a, b] of same) {
        const text = yamlTemplate({ task: `      TaskRoleArn: ${a}\n      ExecutionRoleArn: ${b}\n`, resources: roles });
        assert.deepEqual(findingsOf(text, R, Y).map(at), [[6, 19, a]], `${a} / ${b}`);
      }
    });

    it('YAML: the long form in block style', () => {
      const text = yamlTemplate({ task: '      TaskRoleArn:\n        Fn::GetAtt: [Role, Arn]\n      ExecutionRoleArn: !Ref Role\n', resources: roles });
      assert.deepEqual(findingsOf(text, R, Y).map(at), [[7, 8, 'Fn::GetAtt: [Role, Arn]']]);
    });

    it('JSON: Fn::GetAtt against Ref of the same role', () => {
      const text = jsonTemplate({ task: '        "TaskRoleArn": { "Fn::GetAtt": ["Role", "Arn"] },\n        "ExecutionRoleArn": { "Ref": "Role" },\n', resources: jsonRoles });
      assert.deepEqual(findingsOf(text, R, J).map(at), [[6, 23, '{ "Fn::GetAtt": ["Role", "Arn"] }']]);
      const [f] = run(text, J).findings.filter(x => x.ruleId === R);
      assert.equal(f.fix, undefined);
    });

    it('stays silent on two roles, a missing one, and values that may differ (an !If, another attribute, a resource that is not a role)', () => {
      const differ = [
        ['!GetAtt Role.Arn', '!GetAtt ExecRole.Arn'],
        ['!Ref Role', '!Ref ExecRole'],
        ['!If [Shared, !GetAtt Role.Arn, !GetAtt ExecRole.Arn]', '!GetAtt Role.Arn'],
        ['!GetAtt Role.RoleId', '!GetAtt Role.Arn'],
        ['!Sub "arn:aws:iam::${AWS::AccountId}:role/${Name}"', '!GetAtt Role.Arn'],
      ];
      for (const [a, b] of differ) {
        const text = yamlTemplate({ task: `      TaskRoleArn: ${a}\n      ExecutionRoleArn: ${b}\n`, resources: roles });
        assert.deepEqual(findingsOf(text, R, Y), [], `${a} / ${b}`);
      }
      assert.deepEqual(findingsOf(yamlTemplate({ task: '      TaskRoleArn: !GetAtt Role.Arn\n', resources: roles }), R, Y), []);
      const json = jsonTemplate({ task: '        "TaskRoleArn": { "Fn::GetAtt": ["Role", "Arn"] },\n        "ExecutionRoleArn": { "Fn::GetAtt": ["ExecRole", "Arn"] },\n', resources: jsonRoles });
      assert.deepEqual(findingsOf(json, R, J), []);
    });
  });

  it('every fix stays sound on templates where all the task-level rules fire', () => {
    const task = '      NetworkMode: bridge\n      PidMode: host\n      IpcMode: "host"\n      TaskRoleArn: !GetAtt Role.Arn\n      ExecutionRoleArn: !Ref Role\n';
    const text = yamlTemplate({ task, container: '          PortMappings:\n            - { ContainerPort: 80, HostPort: 8080 }\n', resources: '  Role:\n    Type: AWS::IAM::Role\n' });
    const rules = new Set(run(text, Y).findings.map(f => f.ruleId));
    for (const r of ['bridge-network-mode', 'host-pid-mode', 'host-ipc-mode', 'shared-task-execution-role']) assert.ok(rules.has(r), r);
    assert.deepEqual(fixViolations(text, Y), []);
    const json = jsonTemplate({ task: '        "NetworkMode": "bridge",\n        "PidMode": "host",\n        "IpcMode": "host",\n', container: ',\n            "PortMappings": [{ "ContainerPort": 80, "HostPort": 8080 }]' });
    assert.deepEqual(fixViolations(json, J), []);
    assert.deepEqual(fixViolations(text.replace(/\n/g, '\r\n'), Y), []);
  });
});
