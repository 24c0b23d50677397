import * as assert from 'node:assert/strict';
import { applyFix, findingsOf, fixViolations, run } from '../../helpers/analysis';
import { J, Y, at, jsonTemplate, yamlTemplate } from '../../helpers/templates';

// The container-level catalog rules on CloudFormation templates, YAML and JSON: exact ranges,
// exact fixed text, intrinsics. Container `app` is named on line 7 (YAML, column 16) or 8 (JSON,
// column 20) and its image is on the next line, unless task lines come first.

const finding = (text: string, rule: string, uri: string) => {
  const [f] = run(text, uri).findings.filter(x => x.ruleId === rule);
  assert.ok(f, `no finding of ${rule}`);
  return f;
};

describe('CloudFormation templates: container catalog rules', () => {
  describe('public-registry-image', () => {
    const R = 'public-registry-image';

    it('YAML: flags Docker Hub as a warning and other public registries as a note, literal or the literal part of an intrinsic', () => {
      assert.deepEqual(findingsOf(yamlTemplate(), R, Y).map(f => [...at(f), f.severity]), [[8, 17, 'nginx:1.27', 'warning']]);
      assert.deepEqual(findingsOf(yamlTemplate({ image: 'public.ecr.aws/nginx/nginx:1.27' }), R, Y).map(f => [...at(f), f.severity]), [[8, 17, 'public.ecr.aws/nginx/nginx:1.27', 'note']]);
      assert.deepEqual(findingsOf(yamlTemplate({ image: '!Sub "docker.io/library/redis:${Tag}"' }), R, Y).map(at), [[8, 17, '!Sub "docker.io/library/redis:${Tag}"']]);
      assert.deepEqual(findingsOf(yamlTemplate({ image: '!Join [":", [redis, !Ref Tag]]' }), R, Y).map(at), [[8, 17, '!Join [":", [redis, !Ref Tag]]']]);
      assert.match(finding(yamlTemplate(), R, Y).message, /pulls 'docker\.io\/library\/nginx' from Docker Hub/);
    });

    it('JSON: the literal and the Fn::Sub form', () => {
      assert.deepEqual(findingsOf(jsonTemplate(), R, J).map(at), [[9, 21, '"nginx:1.27"']]);
      assert.deepEqual(findingsOf(jsonTemplate({ image: '{ "Fn::Sub": "ghcr.io/acme/app:${Tag}" }' }), R, J).map(f => [...at(f), f.severity]), [[9, 21, '{ "Fn::Sub": "ghcr.io/acme/app:${Tag}" }', 'note']]);
    });

    it('stays silent on private registries and on images whose registry the template does not state', () => {
      for (const image of ['111122223333.dkr.ecr.eu-west-1.amazonaws.com/app:1.0', '!Sub "${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/app:1.0"', '!Sub "${Registry}/app:1.0"', '!Ref Image', '!If [Prod, "nginx:1.27", "redis:7"]', '!GetAtt Repo.RepositoryUri']) {
        assert.deepEqual(findingsOf(yamlTemplate({ image }), R, Y), [], image);
      }
      assert.deepEqual(findingsOf(jsonTemplate({ image: '{ "Fn::ImportValue": "app-image" }' }), R, J), []);
    });
  });

  describe('image-not-pinned-by-digest', () => {
    const R = 'image-not-pinned-by-digest';

    it('YAML: flags a tag without a digest, literal, in the literal part of a !Sub, or from a parameter\'s Default (said in the message)', () => {
      assert.deepEqual(findingsOf(yamlTemplate(), R, Y).map(f => [...at(f), f.severity]), [[8, 17, 'nginx:1.27', 'note']]);
      assert.deepEqual(findingsOf(yamlTemplate({ image: '!Sub "${Repo}:1.4"' }), R, Y).map(at), [[8, 17, '!Sub "${Repo}:1.4"']]);
      const text = 'Parameters:\n  Tag: { Type: String, Default: "2.1" }\n' + yamlTemplate({ image: '!Sub "nginx:${Tag}"' });
      assert.deepEqual(findingsOf(text, R, Y).map(at), [[10, 17, '!Sub "nginx:${Tag}"']]);
      assert.match(finding(text, R, Y).message, /the image tag '2\.1' without a digest.*Default of parameter Tag/);
    });

    it('JSON: the literal and the Fn::Join form', () => {
      assert.deepEqual(findingsOf(jsonTemplate(), R, J).map(at), [[9, 21, '"nginx:1.27"']]);
      const join = '{ "Fn::Join": [":", [{ "Ref": "Repo" }, "3.1"]] }';
      assert.deepEqual(findingsOf(jsonTemplate({ image: join }), R, J).map(at), [[9, 21, join]]);
    });

    it('stays silent on digests (literal or filled in), on tags the template does not state, and on latest (another rule\'s)', () => {
      for (const image of ['nginx@sha256:0b2c4f6a8e0c2d4f6a8b0c2e4f6a8c0e2d4f6a8b0c2e4f6a8c0e2d4f6a8b0c2e', '!Sub "nginx@${Digest}"', '!Sub "nginx:${Tag}"', '!Ref Image', '!If [Prod, "nginx:1.27", "nginx:1.28"]', 'nginx:latest', 'nginx']) {
        assert.deepEqual(findingsOf(yamlTemplate({ image }), R, Y), [], image);
      }
      assert.deepEqual(findingsOf(jsonTemplate({ image: '{ "Fn::Sub": "${Repo}@${Digest}" }' }), R, J), []);
    });
  });

  describe('dangerous-capability', () => {
    const R = 'dangerous-capability';
    const caps = (add: string) => `          LinuxParameters:\n            Capabilities:\n${add}              Drop: [ALL]\n`;

    it('YAML block: one finding per dangerous capability, each fix removing its line and keeping the others\' comments', () => {
      const text = yamlTemplate({ container: caps('              Add:\n                - SYS_PTRACE # for the profiler\n                - !Ref ExtraCapability\n                - cap_net_admin\n') });
      assert.deepEqual(findingsOf(text, R, Y).map(f => [...at(f), f.severity]), [[12, 18, 'SYS_PTRACE', 'error'], [14, 18, 'cap_net_admin', 'error']]);
      assert.equal(applyFix(text, R, 0, Y), yamlTemplate({ container: caps('              Add:\n                - !Ref ExtraCapability\n                - cap_net_admin\n') }));
      assert.equal(applyFix(text, R, 1, Y), yamlTemplate({ container: caps('              Add:\n                - SYS_PTRACE # for the profiler\n                - !Ref ExtraCapability\n') }));
      assert.equal(finding(text, R, Y).fix!.preferred, true);
    });

    it('YAML: the only item leaves an empty list; NET_RAW is a warning', () => {
      const text = yamlTemplate({ container: caps('              Add:\n                - NET_RAW\n') });
      assert.deepEqual(findingsOf(text, R, Y).map(f => [...at(f), f.severity]), [[12, 18, 'NET_RAW', 'warning']]);
      assert.equal(applyFix(text, R, 0, Y), yamlTemplate({ container: caps('              Add: []\n') }));
    });

    it('YAML flow: removes the item and its comma', () => {
      const text = yamlTemplate({ container: caps('              Add: [SYS_ADMIN, NET_BIND_SERVICE]\n') });
      assert.deepEqual(findingsOf(text, R, Y).map(at), [[11, 20, 'SYS_ADMIN']]);
      assert.equal(applyFix(text, R, 0, Y), yamlTemplate({ container: caps('              Add: [NET_BIND_SERVICE]\n') }));
    });

    it('JSON: removes the item', () => {
      const text = jsonTemplate({ container: ',\n            "LinuxParameters": { "Capabilities": { "Add": ["CHOWN", "SYS_ADMIN"], "Drop": ["ALL"] } }' });
      assert.deepEqual(findingsOf(text, R, J).map(at), [[10, 68, '"SYS_ADMIN"']]);
      assert.equal(applyFix(text, R, 0, J), jsonTemplate({ container: ',\n            "LinuxParameters": { "Capabilities": { "Add": ["CHOWN"], "Drop": ["ALL"] } }' }));
    });

    it('stays silent on harmless capabilities and on lists or items the template does not state', () => {
      for (const add of ['              Add: [NET_BIND_SERVICE, CHOWN]\n', '              Add: !Ref Capabilities\n', '              Add: [!Ref Capability, !Sub "${Cap}"]\n', '              Add: !If [Debug, [SYS_PTRACE], []]\n']) {
        assert.deepEqual(findingsOf(yamlTemplate({ container: caps(add) }), R, Y), [], add);
      }
      assert.deepEqual(findingsOf(yamlTemplate({ container: '          LinuxParameters: !If [Debug, { Capabilities: { Add: [SYS_ADMIN] } }, !Ref AWS::NoValue]\n' }), R, Y), []);
      assert.deepEqual(findingsOf(jsonTemplate({ container: ',\n            "LinuxParameters": { "Capabilities": { "Add": [{ "Ref": "Capability" }] } }' }), R, J), []);
    });
  });

  describe('capabilities-not-dropped', () => {
    const R = 'capabilities-not-dropped';

    it('YAML block: no LinuxParameters: flags the container and adds the whole block after its last property', () => {
      const text = yamlTemplate({ container: '          Essential: true\n' });
      assert.deepEqual(findingsOf(text, R, Y).map(at), [[7, 16, 'app']]);
      assert.equal(applyFix(text, R, 0, Y), yamlTemplate({ container: '          Essential: true\n          LinuxParameters:\n            Capabilities:\n              Drop:\n                - ALL\n' }));
      assert.equal(finding(text, R, Y).fix!.preferred, false);
    });

    it('YAML block: a new nested mapping under an existing LinuxParameters, or a Drop next to Add', () => {
      const text = yamlTemplate({ container: '          LinuxParameters:\n            InitProcessEnabled: true # reaps zombies\n' });
      assert.equal(applyFix(text, R, 0, Y), yamlTemplate({ container: '          LinuxParameters:\n            InitProcessEnabled: true # reaps zombies\n            Capabilities:\n              Drop:\n                - ALL\n' }));
      const add = yamlTemplate({ container: '          LinuxParameters:\n            Capabilities:\n              Add: [NET_BIND_SERVICE]\n' });
      assert.equal(applyFix(add, R, 0, Y), yamlTemplate({ container: '          LinuxParameters:\n            Capabilities:\n              Add: [NET_BIND_SERVICE]\n              Drop:\n                - ALL\n' }));
    });

    it('YAML block: a Drop list without ALL is flagged on the list and gets ALL appended', () => {
      const text = yamlTemplate({ container: '          LinuxParameters:\n            Capabilities:\n              Drop:\n                - NET_RAW # raw sockets\n                - MKNOD\n' });
      assert.deepEqual(findingsOf(text, R, Y).map(f => [f.line, f.character, f.endLine, f.endCharacter]), [[12, 16, 13, 23]]);
      assert.equal(applyFix(text, R, 0, Y), yamlTemplate({ container: '          LinuxParameters:\n            Capabilities:\n              Drop:\n                - NET_RAW # raw sockets\n                - MKNOD\n                - ALL\n' }));
    });

    it('YAML flow: appends to a flow list, and adds Capabilities to a flow LinuxParameters', () => {
      const text = yamlTemplate({ container: '          LinuxParameters:\n            Capabilities: { Drop: [ NET_RAW ] }\n' });
      assert.deepEqual(findingsOf(text, R, Y).map(at), [[10, 34, '[ NET_RAW ]']]);
      assert.equal(applyFix(text, R, 0, Y), yamlTemplate({ container: '          LinuxParameters:\n            Capabilities: { Drop: [ NET_RAW, ALL ] }\n' }));
      const lp = yamlTemplate({ container: '          LinuxParameters: { InitProcessEnabled: true }\n' });
      assert.equal(applyFix(lp, R, 0, Y), yamlTemplate({ container: '          LinuxParameters: { InitProcessEnabled: true, Capabilities: { Drop: [ALL] } }\n' }));
    });

    it('JSON: adds the block, or appends ALL', () => {
      const text = jsonTemplate();
      assert.deepEqual(findingsOf(text, R, J).map(at), [[8, 20, '"app"']]);
      assert.equal(applyFix(text, R, 0, J), jsonTemplate({ container: ',\n            "LinuxParameters": {\n              "Capabilities": {\n                "Drop": ["ALL"]\n              }\n            }' }));
      const drop = jsonTemplate({ container: ',\n            "LinuxParameters": { "Capabilities": { "Drop": ["NET_RAW"] } }' });
      assert.deepEqual(findingsOf(drop, R, J).map(at), [[10, 59, '["NET_RAW"]']]);
      assert.equal(applyFix(drop, R, 0, J), jsonTemplate({ container: ',\n            "LinuxParameters": { "Capabilities": { "Drop": ["NET_RAW", "ALL"] } }' }));
    });

    it('stays silent when ALL is dropped (in any case) and when the list or an item is not stated', () => {
      for (const lp of ['Capabilities: { Drop: [ALL] }', 'Capabilities: { Drop: [all] }', 'Capabilities: { Drop: !Ref DropList }', 'Capabilities: { Drop: [NET_RAW, !Ref More] }', 'Capabilities: !If [Strict, { Drop: [ALL] }, !Ref AWS::NoValue]']) {
        assert.deepEqual(findingsOf(yamlTemplate({ container: `          LinuxParameters: { ${lp} }\n` }), R, Y), [], lp);
      }
      assert.deepEqual(findingsOf(yamlTemplate({ container: '          LinuxParameters: !If [Strict, { Capabilities: { Drop: [ALL] } }, !Ref AWS::NoValue]\n' }), R, Y), []);
      assert.deepEqual(findingsOf(jsonTemplate({ container: ',\n            "LinuxParameters": { "Capabilities": { "Drop": ["ALL"] } }' }), R, J), []);
    });
  });

  describe('missing-log-configuration', () => {
    const R = 'missing-log-configuration';
    const awslogs = '          LogConfiguration:\n            LogDriver: awslogs\n            Options:\n              awslogs-group: /ecs/web\n              awslogs-region: !Ref AWS::Region\n              awslogs-stream-prefix: app\n';

    it('YAML block: flags the container and writes an awslogs configuration in the stack\'s own region', () => {
      const text = yamlTemplate({ container: '          Essential: true\n' });
      assert.deepEqual(findingsOf(text, R, Y).map(at), [[7, 16, 'app']]);
      assert.equal(applyFix(text, R, 0, Y), yamlTemplate({ container: '          Essential: true\n' + awslogs }));
      const f = finding(text, R, Y);
      assert.equal(f.fix!.title, "Send the logs of container 'app' to CloudWatch Logs (awslogs)", 'nothing left to fill in');
      assert.equal(f.fix!.preferred, false);
    });

    it('YAML: long-form intrinsics where the file writes them so, and flow style for an empty flow configuration', () => {
      const long = yamlTemplate({ task: '      TaskRoleArn:\n        Fn::GetAtt: [Role, Arn]\n' });
      assert.equal(applyFix(long, R, 0, Y), yamlTemplate({ task: '      TaskRoleArn:\n        Fn::GetAtt: [Role, Arn]\n', container: awslogs.replace(' !Ref AWS::Region', '\n                Ref: AWS::Region') }));
      const empty = yamlTemplate({ container: '          LogConfiguration: {}\n' });
      assert.deepEqual(findingsOf(empty, R, Y).map(at), [[9, 28, '{}']]);
      assert.equal(applyFix(empty, R, 0, Y), yamlTemplate({ container: '          LogConfiguration: {LogDriver: awslogs, Options: {awslogs-group: /ecs/web, awslogs-region: !Ref AWS::Region, awslogs-stream-prefix: app}}\n' }));
    });

    it('JSON: writes the configuration with a Ref to AWS::Region', () => {
      const text = jsonTemplate();
      assert.deepEqual(findingsOf(text, R, J).map(at), [[8, 20, '"app"']]);
      assert.equal(applyFix(text, R, 0, J), jsonTemplate({ container: `,
            "LogConfiguration": {
              "LogDriver": "awslogs",
              "Options": {
                "awslogs-group": "/ecs/web",
                "awslogs-region": {
                  "Ref": "AWS::Region"
                },
                "awslogs-stream-prefix": "app"
              }
            }` }));
      assert.deepEqual(fixViolations(text, J), []);
    });

    it('flags a configuration without a driver, with no fix', () => {
      const text = yamlTemplate({ container: '          LogConfiguration:\n            Options: { max-buffer-size: 4m }\n' });
      assert.deepEqual(findingsOf(text, R, Y).map(f => [f.line, f.character, f.endLine]), [[10, 12, 10]]);
      assert.equal(finding(text, R, Y).fix, undefined);
    });

    it('stays silent on a driver, and on configurations the template does not state', () => {
      for (const lc of ['{ LogDriver: awslogs }', '{ LogDriver: !Ref Driver }', '!If [Logging, { LogDriver: awslogs }, !Ref AWS::NoValue]', '!Ref AWS::NoValue']) {
        assert.deepEqual(findingsOf(yamlTemplate({ container: `          LogConfiguration: ${lc}\n` }), R, Y), [], lc);
      }
      assert.deepEqual(findingsOf(jsonTemplate({ container: ',\n            "LogConfiguration": { "LogDriver": "awsfirelens" }' }), R, J), []);
    });
  });

  describe('missing-memory-limit', () => {
    const R = 'missing-memory-limit';

    it('YAML block and flow: flags the container and adds a Memory limit', () => {
      const text = yamlTemplate({ container: '          Essential: true\n' });
      assert.deepEqual(findingsOf(text, R, Y).map(at), [[7, 16, 'app']]);
      assert.equal(applyFix(text, R, 0, Y), yamlTemplate({ container: '          Essential: true\n          Memory: 512\n' }));
      const flow = 'Resources:\n  Web:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - { Name: app, Image: "x:1" }\n';
      assert.deepEqual(findingsOf(flow, R, Y).map(at), [[5, 18, 'app']]);
      assert.equal(applyFix(flow, R, 0, Y), flow.replace('"x:1" }', '"x:1", Memory: 512 }'));
      assert.equal(finding(text, R, Y).fix!.preferred, false);
    });

    it('JSON: adds a Memory limit', () => {
      const text = jsonTemplate();
      assert.deepEqual(findingsOf(text, R, J).map(at), [[8, 20, '"app"']]);
      assert.equal(applyFix(text, R, 0, J), jsonTemplate({ container: ',\n            "Memory": 512' }));
    });

    it('stays silent on a task or container limit, stated or filled in', () => {
      for (const p of [{ task: '      Memory: "1024"\n' }, { task: '      Memory: !If [Big, 2048, 512]\n' }, { container: '          MemoryReservation: 128\n' }, { container: '          Memory: !Ref ContainerMemory\n' }]) {
        assert.deepEqual(findingsOf(yamlTemplate(p), R, Y), [], JSON.stringify(p));
      }
      assert.deepEqual(findingsOf(jsonTemplate({ task: '        "Memory": { "Ref": "TaskMemory" },\n' }), R, J), []);
    });
  });

  describe('unconfined-security-option', () => {
    const R = 'unconfined-security-option';

    it('YAML block: flags each option that turns confinement off and removes its line', () => {
      const text = yamlTemplate({ container: '          DockerSecurityOptions:\n            - "no-new-privileges:true"\n            - apparmor:unconfined # needed by the debugger\n            - label:disable\n' });
      assert.deepEqual(findingsOf(text, R, Y).map(at), [[11, 14, 'apparmor:unconfined'], [12, 14, 'label:disable']]);
      assert.equal(applyFix(text, R, 0, Y), yamlTemplate({ container: '          DockerSecurityOptions:\n            - "no-new-privileges:true"\n            - label:disable\n' }));
      assert.equal(finding(text, R, Y).fix!.preferred, true);
    });

    it('YAML flow and JSON: the only item leaves an empty list', () => {
      const text = yamlTemplate({ container: '          DockerSecurityOptions: [ "seccomp=unconfined" ]\n' });
      assert.deepEqual(findingsOf(text, R, Y).map(at), [[9, 35, '"seccomp=unconfined"']]);
      assert.equal(applyFix(text, R, 0, Y), yamlTemplate({ container: '          DockerSecurityOptions: []\n' }));
      const json = jsonTemplate({ container: ',\n            "DockerSecurityOptions": ["seccomp:unconfined"]' });
      assert.deepEqual(findingsOf(json, R, J).map(at), [[10, 38, '"seccomp:unconfined"']]);
      assert.equal(applyFix(json, R, 0, J), jsonTemplate({ container: ',\n            "DockerSecurityOptions": []' }));
    });

    it('stays silent on confining options and on options the template does not state', () => {
      for (const o of ['["no-new-privileges:true"]', '[!Ref SecurityOption]', '[!Sub "seccomp:${Profile}"]', '!If [Debug, [seccomp:unconfined], []]']) {
        assert.deepEqual(findingsOf(yamlTemplate({ container: `          DockerSecurityOptions: ${o}\n` }), R, Y), [], o);
      }
      assert.deepEqual(findingsOf(jsonTemplate({ container: ',\n            "DockerSecurityOptions": [{ "Ref": "Opt" }]' }), R, J), []);
    });
  });

  describe('hardcoded-credential', () => {
    const R = 'hardcoded-credential';
    const TOKEN = '1234567890abcdef1234567890abcdef';
    const ARN = '!Sub "arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:web/splunk-token"';
    const log = (rest: string) => `          LogConfiguration:\n            LogDriver: splunk\n${rest}`;

    it('YAML block: a secret log option moves to a new SecretOptions list with a ValueFrom in the stack\'s region and account', () => {
      const text = yamlTemplate({ container: log(`            Options:\n              splunk-url: https://splunk.example.com:8088\n              splunk-token: ${TOKEN} # rotate yearly\n`) });
      assert.deepEqual(findingsOf(text, R, Y).map(at), [[13, 28, TOKEN]]);
      const f = finding(text, R, Y);
      assert.equal(f.fix!.title, "Move log option 'splunk-token' to secretOptions (Secrets Manager reference to fill in)");
      assert.equal(f.fix!.preferred, false);
      assert.doesNotMatch(f.message, /1234567890abcdef1234567890abcdef/);
      const fixed = applyFix(text, R, 0, Y);
      assert.equal(fixed, yamlTemplate({ container: log(`            Options:\n              splunk-url: https://splunk.example.com:8088\n            SecretOptions:\n              - Name: splunk-token\n                ValueFrom: ${ARN}\n`) }));
      assert.doesNotMatch(fixed, /1234567890abcdef/);
    });

    it('YAML block: the only option leaves `Options: {}`, and an existing SecretOptions list gets the new entry', () => {
      const text = yamlTemplate({ container: log(`            Options:\n              splunk-token: ${TOKEN}\n            SecretOptions:\n              - Name: splunk-url\n                ValueFrom: arn:aws:ssm:eu-west-1:111122223333:parameter/splunk-url\n`) });
      assert.equal(applyFix(text, R, 0, Y), yamlTemplate({ container: log(`            Options: {}\n            SecretOptions:\n              - Name: splunk-url\n                ValueFrom: arn:aws:ssm:eu-west-1:111122223333:parameter/splunk-url\n              - Name: splunk-token\n                ValueFrom: ${ARN}\n`) }));
    });

    it('YAML flow: stays in flow style', () => {
      const text = yamlTemplate({ container: log(`            Options: { splunk-url: "https://splunk.example.com:8088", splunk-token: ${TOKEN} }\n            SecretOptions: []\n`) });
      assert.deepEqual(findingsOf(text, R, Y).map(at), [[11, 84, TOKEN]]);
      assert.equal(applyFix(text, R, 0, Y), yamlTemplate({ container: log(`            Options: { splunk-url: "https://splunk.example.com:8088" }\n            SecretOptions: [{ Name: splunk-token, ValueFrom: ${ARN} }]\n`) }));
      const only = yamlTemplate({ container: `          LogConfiguration: { LogDriver: splunk, Options: { splunk-token: ${TOKEN} } }\n` });
      assert.equal(applyFix(only, R, 0, Y), yamlTemplate({ container: `          LogConfiguration: { LogDriver: splunk, Options: {}, SecretOptions: [{ Name: splunk-token, ValueFrom: ${ARN} }] }\n` }));
    });

    it('JSON: moves the option to SecretOptions with an Fn::Sub ARN', () => {
      const text = jsonTemplate({ container: `,\n            "LogConfiguration": {\n              "LogDriver": "splunk",\n              "Options": { "splunk-token": "${TOKEN}" }\n            }` });
      assert.deepEqual(findingsOf(text, R, J).map(at), [[12, 43, `"${TOKEN}"`]]);
      assert.equal(applyFix(text, R, 0, J), jsonTemplate({ container: `,
            "LogConfiguration": {
              "LogDriver": "splunk",
              "Options": {},
              "SecretOptions": [
                {
                  "Name": "splunk-token",
                  "ValueFrom": {
                    "Fn::Sub": "arn:\${AWS::Partition}:secretsmanager:\${AWS::Region}:\${AWS::AccountId}:secret:web/splunk-token"
                  }
                }
              ]
            }` }));
      assert.deepEqual(fixViolations(text, J), []);
    });

    it('flags secrets in commands, labels and image references, with no fix', () => {
      const text = yamlTemplate({ image: 'admin:Sup3rS3cret@registry.example.com/app:1.0', container: '          Command: [app, "--token", "s3cr3t-t0k3n-v4lue"]\n          DockerLabels: { api-token: "abcdef1234567890abcdef", team: web }\n' });
      assert.deepEqual(findingsOf(text, R, Y).map(at), [[8, 17, 'admin:Sup3rS3cret@registry.example.com/app:1.0'], [9, 36, '"s3cr3t-t0k3n-v4lue"'], [10, 37, '"abcdef1234567890abcdef"']]);
      assert.ok(run(text, Y).findings.filter(f => f.ruleId === R).every(f => !f.fix));
    });

    it('stays silent on references: !Ref, !Sub of a parameter, dynamic references, SecretOptions', () => {
      for (const v of ['!Ref SplunkToken', '!Sub "${SplunkToken}"', '"{{resolve:secretsmanager:splunk-token}}"', '!If [Prod, !Ref ProdToken, !Ref DevToken]']) {
        assert.deepEqual(findingsOf(yamlTemplate({ container: log(`            Options:\n              splunk-token: ${v}\n`) }), R, Y), [], v);
      }
      assert.deepEqual(findingsOf(yamlTemplate({ container: '          Command: [app, !Sub "--password=${DbPassword}"]\n' }), R, Y), []);
      assert.deepEqual(findingsOf(jsonTemplate({ container: ',\n            "LogConfiguration": { "LogDriver": "splunk", "SecretOptions": [{ "Name": "splunk-token", "ValueFrom": { "Ref": "TokenArn" } }] }' }), R, J), []);
    });
  });

  describe('missing-health-check', () => {
    const R = 'missing-health-check';

    it('YAML and JSON: flags an essential container without a health check, absent or stated as a quoted "true"', () => {
      assert.deepEqual(findingsOf(yamlTemplate(), R, Y).map(f => [...at(f), f.severity]), [[7, 16, 'app', 'note']]);
      assert.deepEqual(findingsOf(yamlTemplate({ container: '          Essential: "true"\n' }), R, Y).map(at), [[7, 16, 'app']]);
      assert.deepEqual(findingsOf(jsonTemplate(), R, J).map(at), [[8, 20, '"app"']]);
      const flow = 'Resources:\n  Web:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions: [{ Name: app, Image: "x:1" }]\n';
      assert.deepEqual(findingsOf(flow, R, Y).map(at), [[4, 37, 'app']]);
      assert.equal(finding(flow, R, Y).fix, undefined);
    });

    it('stays silent with a health check, on a non-essential container, and on values the template does not state', () => {
      for (const c of ['          HealthCheck:\n            Command: [CMD-SHELL, "curl -f http://localhost/ || exit 1"]\n', '          Essential: false\n', '          Essential: !Ref IsEssential\n', '          HealthCheck: !If [Checked, { Command: [CMD, /bin/check] }, !Ref AWS::NoValue]\n']) {
        assert.deepEqual(findingsOf(yamlTemplate({ container: c }), R, Y), [], c);
      }
      assert.deepEqual(findingsOf(jsonTemplate({ container: ',\n            "HealthCheck": { "Command": ["CMD", "/bin/check"] }' }), R, J), []);
    });
  });

  it('every fix stays sound on templates where all the container rules fire, YAML (LF and CRLF) and JSON', () => {
    const container = '          LinuxParameters:\n            Capabilities:\n              Add: [SYS_ADMIN, NET_RAW]\n              Drop: [MKNOD]\n'
      + '          DockerSecurityOptions:\n            - seccomp:unconfined\n            - label:disable\n'
      + '          LogConfiguration:\n            LogDriver: splunk\n            Options:\n              splunk-token: 1234567890abcdef1234567890abcdef\n'
      + '        - Name: sidecar\n          Image: public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0\n';
    const text = yamlTemplate({ container });
    const rules = new Set(run(text, Y).findings.map(f => f.ruleId));
    for (const r of ['public-registry-image', 'image-not-pinned-by-digest', 'dangerous-capability', 'capabilities-not-dropped', 'missing-log-configuration', 'missing-memory-limit', 'unconfined-security-option', 'hardcoded-credential', 'missing-health-check']) assert.ok(rules.has(r), r);
    assert.deepEqual(fixViolations(text, Y), []);
    assert.deepEqual(fixViolations(text.replace(/\n/g, '\r\n'), Y), []);
    const json = jsonTemplate({ container: ',\n            "LinuxParameters": { "Capabilities": { "Add": ["SYS_ADMIN"], "Drop": [] } },\n            "DockerSecurityOptions": ["apparmor:unconfined"],\n            "LogConfiguration": { "LogDriver": "splunk", "Options": { "splunk-token": "1234567890abcdef1234567890abcdef" } }\n          },\n          {\n            "Name": "sidecar",\n            "Image": "busybox:1.36"' });
    assert.deepEqual(fixViolations(json, J), []);
  });
});
