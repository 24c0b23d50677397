import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyFix, findingsOf, fixViolations, run } from '../../helpers/analysis';
import { EXAMPLES } from '../../helpers/paths';
import { J, Y, at, jsonTemplate, yamlTemplate } from '../../helpers/templates';

// The volume catalog rules on CloudFormation templates, YAML and JSON: `Host.SourcePath`,
// `EFSVolumeConfiguration` (with its irregular `FilesystemId` and `AuthorizationConfig.IAM`).
// The task's `Volumes:` list starts on line 6; its first volume's name is on line 7.

const volumes = (lines: string) => ({ task: `      Volumes:\n${lines}` });
const jsonVolumes = (items: string) => ({ task: `        "Volumes": [\n${items}\n        ],\n` });
const efs = (lines: string) => volumes(`        - Name: data\n          EFSVolumeConfiguration:\n            FilesystemId: fs-0123456789abcdef0 # shared uploads\n${lines}`);

describe('CloudFormation templates: volume catalog rules', () => {
  describe('host-path-volume', () => {
    const R = 'host-path-volume';

    it('YAML block and flow: flags the host path, an error for the Docker socket, a warning for others', () => {
      const text = yamlTemplate(volumes('        - Name: sock\n          Host:\n            SourcePath: /var/run/docker.sock\n        - Name: data\n          Host: { SourcePath: "/srv/data" }\n'));
      assert.deepEqual(findingsOf(text, R, Y).map(f => [...at(f), f.severity]), [[9, 24, '/var/run/docker.sock', 'error'], [11, 30, '"/srv/data"', 'warning']]);
      const [sock] = run(text, Y).findings.filter(f => f.ruleId === R);
      assert.match(sock.message, /^Volume 'sock' of task definition 'Web' mounts the host path '\/var\/run\/docker\.sock'/);
      assert.equal(sock.fix, undefined);
    });

    it('JSON: flags the host path', () => {
      const text = jsonTemplate(jsonVolumes('          { "Name": "root", "Host": { "SourcePath": "/" } }'));
      assert.deepEqual(findingsOf(text, R, J).map(f => [...at(f), f.severity]), [[7, 52, '"/"', 'error']]);
    });

    it('stays silent on Docker-managed volumes and on paths the template does not state', () => {
      for (const v of ['          Host: {}\n', '          Host:\n            SourcePath: !Ref HostDir\n', '          Host:\n            SourcePath: !Sub "/var/lib/${Dir}"\n', '          Host: !If [OnEc2, { SourcePath: /data }, !Ref AWS::NoValue]\n', '          DockerVolumeConfiguration: { Scope: task }\n']) {
        assert.deepEqual(findingsOf(yamlTemplate(volumes(`        - Name: v\n${v}`)), R, Y), [], v);
      }
      assert.deepEqual(findingsOf(jsonTemplate(jsonVolumes('          { "Name": "v", "Host": { "SourcePath": { "Ref": "HostDir" } } }')), R, J), []);
    });
  });

  describe('efs-transit-encryption-disabled', () => {
    const R = 'efs-transit-encryption-disabled';

    it('YAML block: flags EFSVolumeConfiguration without TransitEncryption and adds it after the last key, comment kept', () => {
      const text = yamlTemplate(efs(''));
      assert.deepEqual(findingsOf(text, R, Y).map(at), [[8, 10, 'EFSVolumeConfiguration']]);
      assert.equal(applyFix(text, R, 0, Y), yamlTemplate(efs('            TransitEncryption: ENABLED\n')));
      assert.equal(run(text, Y).findings.find(f => f.ruleId === R)!.fix!.preferred, true);
    });

    it('YAML block: turns DISABLED into ENABLED, keeping the quotes', () => {
      const text = yamlTemplate(efs("            TransitEncryption: 'DISABLED'\n"));
      assert.deepEqual(findingsOf(text, R, Y).map(at), [[10, 31, "'DISABLED'"]]);
      assert.equal(applyFix(text, R, 0, Y), yamlTemplate(efs("            TransitEncryption: 'ENABLED'\n")));
    });

    it('YAML flow: adds the key inside the flow mapping', () => {
      const text = yamlTemplate(volumes('        - { Name: data, EFSVolumeConfiguration: { FilesystemId: fs-1 } }\n'));
      assert.deepEqual(findingsOf(text, R, Y).map(at), [[7, 24, 'EFSVolumeConfiguration']]);
      assert.equal(applyFix(text, R, 0, Y), yamlTemplate(volumes('        - { Name: data, EFSVolumeConfiguration: { FilesystemId: fs-1, TransitEncryption: ENABLED } }\n')));
    });

    it('JSON: adds the key, or replaces DISABLED', () => {
      const text = jsonTemplate(jsonVolumes('          { "Name": "data", "EFSVolumeConfiguration": { "FilesystemId": "fs-1" } }'));
      assert.deepEqual(findingsOf(text, R, J).map(at), [[7, 28, '"EFSVolumeConfiguration"']]);
      assert.equal(applyFix(text, R, 0, J), jsonTemplate(jsonVolumes('          { "Name": "data", "EFSVolumeConfiguration": { "FilesystemId": "fs-1", "TransitEncryption": "ENABLED" } }')));
      const off = jsonTemplate(jsonVolumes('          { "Name": "data", "EFSVolumeConfiguration": { "FilesystemId": "fs-1", "TransitEncryption": "DISABLED" } }'));
      assert.deepEqual(findingsOf(off, R, J).map(at), [[7, 101, '"DISABLED"']]);
      assert.equal(applyFix(off, R, 0, J), text.replace('"fs-1" }', '"fs-1", "TransitEncryption": "ENABLED" }'));
    });

    it('stays silent on ENABLED and on values or configurations the template does not state', () => {
      for (const te of ['ENABLED', 'enabled', '!Ref TransitEncryption', '!If [Prod, ENABLED, DISABLED]']) {
        assert.deepEqual(findingsOf(yamlTemplate(efs(`            TransitEncryption: ${te}\n`)), R, Y), [], te);
      }
      assert.deepEqual(findingsOf(yamlTemplate(volumes('        - Name: data\n          EFSVolumeConfiguration: !If [Prod, { FilesystemId: fs-1 }, { FilesystemId: fs-2 }]\n')), R, Y), []);
      assert.deepEqual(findingsOf(jsonTemplate(jsonVolumes('          { "Name": "data", "EFSVolumeConfiguration": { "FilesystemId": "fs-1", "TransitEncryption": { "Ref": "TE" } } }')), R, J), []);
    });
  });

  describe('efs-iam-authorization-disabled', () => {
    const R = 'efs-iam-authorization-disabled';

    it('YAML block: flags the configuration and sets transit encryption and AuthorizationConfig.IAM together', () => {
      const text = yamlTemplate(efs(''));
      assert.deepEqual(findingsOf(text, R, Y).map(at), [[8, 10, 'EFSVolumeConfiguration']]);
      assert.equal(applyFix(text, R, 0, Y), yamlTemplate(efs('            TransitEncryption: ENABLED\n            AuthorizationConfig:\n              IAM: ENABLED\n')));
      const [f] = run(text, Y).findings.filter(x => x.ruleId === R);
      assert.equal(f.fix!.preferred, false);
    });

    it('YAML block: IAM goes into an existing AuthorizationConfig that ends on the same line as the volume', () => {
      const text = yamlTemplate(efs('            AuthorizationConfig:\n              AccessPointId: fsap-1 # uploads\n'));
      assert.equal(applyFix(text, R, 0, Y), yamlTemplate(efs('            AuthorizationConfig:\n              AccessPointId: fsap-1 # uploads\n              IAM: ENABLED\n            TransitEncryption: ENABLED\n')));
      assert.equal(applyFix(text.replace(/\n/g, '\r\n'), R, 0, Y), yamlTemplate(efs('            AuthorizationConfig:\n              AccessPointId: fsap-1 # uploads\n              IAM: ENABLED\n            TransitEncryption: ENABLED\n')).replace(/\n/g, '\r\n'));
      const empty = yamlTemplate(efs('            TransitEncryption: ENABLED\n            AuthorizationConfig: {}\n'));
      assert.equal(applyFix(empty, R, 0, Y), yamlTemplate(efs('            TransitEncryption: ENABLED\n            AuthorizationConfig: {IAM: ENABLED}\n')));
    });

    it('YAML block: replaces IAM and TransitEncryption DISABLED in place', () => {
      const text = yamlTemplate(efs('            TransitEncryption: DISABLED\n            AuthorizationConfig:\n              IAM: DISABLED\n'));
      assert.deepEqual(findingsOf(text, R, Y).map(at), [[12, 19, 'DISABLED']]);
      assert.equal(applyFix(text, R, 0, Y), yamlTemplate(efs('            TransitEncryption: ENABLED\n            AuthorizationConfig:\n              IAM: ENABLED\n')));
    });

    it('YAML flow: both keys join the flow mapping, empty or not', () => {
      const text = yamlTemplate(volumes('        - Name: data\n          EFSVolumeConfiguration: { FilesystemId: fs-1 }\n'));
      assert.equal(applyFix(text, R, 0, Y), yamlTemplate(volumes('        - Name: data\n          EFSVolumeConfiguration: { FilesystemId: fs-1, TransitEncryption: ENABLED, AuthorizationConfig: { IAM: ENABLED } }\n')));
      const empty = yamlTemplate(volumes('        - Name: data\n          EFSVolumeConfiguration: {}\n'));
      assert.equal(applyFix(empty, R, 0, Y), yamlTemplate(volumes('        - Name: data\n          EFSVolumeConfiguration: {TransitEncryption: ENABLED, AuthorizationConfig: {IAM: ENABLED}}\n')));
    });

    it('JSON: both keys, on one line or on their own lines as the file writes them', () => {
      const text = jsonTemplate(jsonVolumes('          { "Name": "data", "EFSVolumeConfiguration": { "FilesystemId": "fs-1" } }'));
      assert.equal(applyFix(text, R, 0, J), jsonTemplate(jsonVolumes('          { "Name": "data", "EFSVolumeConfiguration": { "FilesystemId": "fs-1", "TransitEncryption": "ENABLED", "AuthorizationConfig": {"IAM": "ENABLED"} } }')));
      const lines = jsonTemplate(jsonVolumes('          {\n            "Name": "data",\n            "EFSVolumeConfiguration": {\n              "FilesystemId": "fs-1",\n              "AuthorizationConfig": {\n                "AccessPointId": "fsap-1"\n              }\n            }\n          }'));
      assert.deepEqual(findingsOf(lines, R, J).map(at), [[9, 12, '"EFSVolumeConfiguration"']]);
      assert.equal(applyFix(lines, R, 0, J), lines.replace('"fsap-1"\n              }\n', '"fsap-1",\n                "IAM": "ENABLED"\n              },\n              "TransitEncryption": "ENABLED"\n'));
    });

    it('stays silent on IAM ENABLED and on values the template does not state', () => {
      for (const a of ['AuthorizationConfig: { IAM: ENABLED }', 'AuthorizationConfig: { IAM: !Ref Iam }', 'AuthorizationConfig: !If [Prod, { IAM: ENABLED }, !Ref AWS::NoValue]']) {
        assert.deepEqual(findingsOf(yamlTemplate(efs(`            TransitEncryption: ENABLED\n            ${a}\n`)), R, Y), [], a);
      }
      assert.deepEqual(findingsOf(jsonTemplate(jsonVolumes('          { "Name": "data", "EFSVolumeConfiguration": { "FilesystemId": "fs-1", "AuthorizationConfig": { "IAM": { "Fn::If": ["Prod", "ENABLED", "DISABLED"] } } } }')), R, J), []);
    });
  });

  it('every fix stays sound on templates where all the volume rules fire, YAML (LF and CRLF) and JSON', () => {
    const lines = '        - Name: data\n          EFSVolumeConfiguration:\n            FilesystemId: fs-1\n            AuthorizationConfig:\n              AccessPointId: fsap-1\n'
      + '        - Name: cache\n          EFSVolumeConfiguration: { FilesystemId: fs-2, TransitEncryption: DISABLED }\n'
      + '        - Name: sock\n          Host:\n            SourcePath: /var/run/docker.sock\n';
    const text = yamlTemplate(volumes(lines));
    const rules = run(text, Y).findings.map(f => f.ruleId).filter(r => /efs|host-path/.test(r)).sort();
    assert.deepEqual(rules, ['efs-iam-authorization-disabled', 'efs-iam-authorization-disabled', 'efs-transit-encryption-disabled', 'efs-transit-encryption-disabled', 'host-path-volume']);
    assert.deepEqual(fixViolations(text, Y), []);
    assert.deepEqual(fixViolations(text.replace(/\n/g, '\r\n'), Y), []);
    const json = jsonTemplate(jsonVolumes('          { "Name": "data", "EFSVolumeConfiguration": { "FilesystemId": "fs-1", "AuthorizationConfig": { "AccessPointId": "fsap-1" } } },\n          { "Name": "sock", "Host": { "SourcePath": "/var/run/docker.sock" } }'));
    assert.deepEqual(fixViolations(json, J), []);
  });
});

describe('CloudFormation examples', () => {
  it('keeps every fix sound in the example templates, where most catalog rules fire', () => {
    const dir = path.join(EXAMPLES, 'cloudformation');
    for (const name of fs.readdirSync(dir).sort()) {
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      assert.deepEqual(fixViolations(text, `file:///w/${name}`), [], name);
    }
  });
});
