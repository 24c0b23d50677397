import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RULES } from '../../server/src/rules';
import { cli } from '../helpers/cli';
import { ROOT } from '../helpers/paths';

describe('CLI', function () {
  this.timeout(20_000);

  it('scans examples/ in ESLint stylish style and exits 1 on errors', () => {
    const r = cli(['examples']);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /examples[/\\]taskdef-json[/\\]insecure-web\.json\n/);
    assert.match(r.stdout, /^ {2}11:21 {2}error {4}Container 'web' runs privileged.* {2}privileged-container$/m);
    assert.match(r.stdout, /✖ \d+ problems \(\d+ errors?, \d+ warnings?, \d+ notes?\) in \d+ files scanned/);
    assert.doesNotMatch(r.stdout, /hardened\.json/, 'the hardened example is clean');
  });

  it('never prints a secret value', () => {
    for (const format of ['text', 'json', 'sarif']) {
      const r = cli(['--format', format, 'examples']);
      for (const secret of ['correct-horse-battery-staple', 'AKIAIOSFODNN7EXAMPLE', 's3cr3t-pa55', 'ghp_0123456789abcdefghijABCDEFGHIJ012345', 'a7f3c9e1d5b24f68', '6d0b5c1e-93a4-4f7e-b2c8-0e1f2a3b4c5d', 'hunter2-but-longer']) {
        assert.ok(!r.stdout.includes(secret) && !r.stderr.includes(secret), `${format} output contains ${secret}`);
      }
    }
  });

  it('exits 0 when nothing is at or above --fail-on, 1 when something is', () => {
    assert.equal(cli(['examples/taskdef-json/hardened.json']).code, 0);
    const web = 'examples/taskdef-json/container-definitions.json';
    assert.equal(cli(['--fail-on', 'error', web]).code, 1);
    const warnOnly = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ecsg-')), 'td.json');
    fs.writeFileSync(warnOnly, '{"family": "f", "containerDefinitions": [{"name": "a", "image": "nginx:latest", "user": "1000", "readonlyRootFilesystem": true}]}');
    assert.equal(cli([warnOnly]).code, 0);
    assert.equal(cli(['--fail-on', 'warning', warnOnly]).code, 1);
    assert.equal(cli(['--fail-on', 'note', warnOnly]).code, 1);
  });

  it('exits 2 with a clear message for usage errors and unreadable paths', () => {
    let r = cli(['--format', 'xml', 'examples']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--format must be text, json or sarif/);
    r = cli(['--fail-on', 'critical', 'examples']);
    assert.equal(r.code, 2);
    r = cli([]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /no paths given/);
    r = cli(['--bogus', 'examples']);
    assert.equal(r.code, 2);
    r = cli(['examples', 'does/not/exist.json']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /does[/\\]not[/\\]exist\.json: no such file or directory/);
    assert.match(r.stdout, /insecure-web\.json/, 'readable paths are still reported');
  });

  it('writes SARIF 2.1.0 with rules from the metadata, UTF-16 columns and fixes', () => {
    const r = cli(['--format', 'sarif', 'examples']);
    const sarif = JSON.parse(r.stdout);
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0];
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.deepEqual(run.tool.driver.rules.map((x: { id: string }) => x.id), RULES.map(x => x.meta.id));
    for (const rule of run.tool.driver.rules) {
      assert.ok(rule.shortDescription.text && rule.fullDescription.text && rule.helpUri, rule.id);
      assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
    }
    type Result = { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] };
    const priv = run.results.find((x: Result) => x.ruleId === 'privileged-container' && x.locations[0].physicalLocation.artifactLocation.uri.endsWith('insecure-web.json'));
    assert.equal(priv.level, 'error');
    const loc = priv.locations[0].physicalLocation;
    assert.equal(loc.artifactLocation.uri, 'examples/taskdef-json/insecure-web.json');
    assert.deepEqual([loc.region.startLine, loc.region.startColumn, loc.region.endLine, loc.region.endColumn], [11, 21, 11, 25]);
    assert.equal(priv.fixes[0].artifactChanges[0].replacements.length, 1);
    assert.equal(run.results.find((x: { ruleId: string }) => x.ruleId === 'latest-image-tag').fixes, undefined);
  });

  it('writes the documented JSON shape', () => {
    const r = cli(['--format', 'json', 'examples']);
    const out = JSON.parse(r.stdout);
    assert.equal(out.schemaVersion, 1);
    const web = out.files.find((f: { path: string }) => f.path.endsWith('insecure-web.json'));
    assert.equal(web.format, 'taskdef-json');
    const priv = web.findings.find((f: { ruleId: string }) => f.ruleId === 'privileged-container');
    assert.deepEqual([priv.start, priv.end], [{ line: 11, column: 21 }, { line: 11, column: 25 }]);
    assert.equal(priv.fix.safe, true);
    assert.equal(out.summary.files, out.files.length);
  });

  it('lists the rules with `ecs-guard rules`', () => {
    const r = cli(['rules']);
    assert.equal(r.code, 0);
    for (const rule of RULES) assert.match(r.stdout, new RegExp(`^${rule.meta.id} +${rule.meta.severity}`, 'm'));
    const json = JSON.parse(cli(['rules', '--format', 'json']).stdout);
    assert.equal(json.length, RULES.length);
  });

  it('reports a binary file and keeps going', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecsg-'));
    fs.writeFileSync(path.join(dir, 'blob.json'), Buffer.from([0x7b, 0, 1, 2, 3, 0xff, 0xfe]));
    fs.copyFileSync(path.join(ROOT, 'examples/taskdef-json/insecure-web.json'), path.join(dir, 'td.json'));
    const r = cli([dir]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /blob\.json: binary content: not analysed/);
    assert.match(r.stdout, /td\.json/);
  });

  it('scans CloudFormation templates in YAML and JSON, and skips cdk.out unless a file there is named', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecsg-'));
    const template = 'Resources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: app\n          Image: app:1\n          Privileged: true\n';
    fs.mkdirSync(path.join(dir, 'infra'));
    fs.writeFileSync(path.join(dir, 'infra', 'stack.yml'), template);
    fs.writeFileSync(path.join(dir, 'ci.yml'), 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n');
    fs.mkdirSync(path.join(dir, 'cdk.out'));
    const synthesized = JSON.stringify({ Resources: { Task: { Type: 'AWS::ECS::TaskDefinition', Properties: { ContainerDefinitions: [{ Name: 'app', Image: 'app:1', Privileged: true }] } } } }, null, 1);
    fs.writeFileSync(path.join(dir, 'cdk.out', 'Stack.template.json'), synthesized);
    const r = cli(['--format', 'json', dir]);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(out.files.map((f: { path: string; format: string }) => [path.basename(f.path), f.format]), [['stack.yml', 'cloudformation-yaml']]);
    const priv = out.files[0].findings.find((f: { ruleId: string }) => f.ruleId === 'privileged-container');
    assert.deepEqual([priv.start, priv.end], [{ line: 8, column: 23 }, { line: 8, column: 27 }]);
    // A file given by name is analysed wherever it is.
    const named = JSON.parse(cli(['--format', 'json', path.join(dir, 'cdk.out', 'Stack.template.json')]).stdout);
    assert.equal(named.files[0].format, 'cloudformation-json');
  });

  it('scans the CloudFormation examples: the insecure ones have findings, the hardened one none', () => {
    const out = JSON.parse(cli(['--format', 'json', 'examples/cloudformation']).stdout);
    const byFile = new Map<string, string[]>(out.files.map((f: { path: string; findings: { ruleId: string }[] }) => [path.basename(f.path), f.findings.map(x => x.ruleId)]));
    assert.deepEqual(byFile.get('hardened-billing.yaml') ?? [], []);
    const insecure = new Set(byFile.get('insecure-orders.yaml'));
    for (const id of ['container-insights-disabled', 'wildcard-task-role-policy', 'public-ip-assigned', 'privileged-container', 'host-network-mode', 'plaintext-secret-in-environment', 'latest-image-tag', 'container-runs-as-root', 'writable-root-filesystem',
      'host-pid-mode', 'public-registry-image', 'image-not-pinned-by-digest', 'dangerous-capability', 'capabilities-not-dropped', 'missing-log-configuration', 'host-path-volume',
      'efs-transit-encryption-disabled', 'efs-iam-authorization-disabled', 'shared-task-execution-role', 'unconfined-security-option', 'hardcoded-credential', 'missing-health-check']) {
      assert.ok(insecure.has(id), `insecure-orders.yaml: no ${id}`);
    }
    assert.ok(byFile.get('insecure-worker.template.json')!.includes('privileged-container'));
  });

  it('scans CDK TypeScript and JavaScript, skipping declaration files, node_modules and cdk.out', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecsg-cdk-'));
    const stack = "import * as ecs from 'aws-cdk-lib/aws-ecs';\nnew ecs.Ec2TaskDefinition(s, 'T', { networkMode: ecs.NetworkMode.HOST });\n";
    const files: Record<string, string> = {
      'lib/stack.ts': stack,
      'lib/legacy.cjs': stack.replace("import * as ecs from 'aws-cdk-lib/aws-ecs';", "const ecs = require('aws-cdk-lib/aws-ecs');"),
      'lib/types.d.ts': "import * as ecs from 'aws-cdk-lib/aws-ecs';\nexport declare const td: ecs.TaskDefinition;\n",
      'node_modules/some-construct/index.js': stack,
      'cdk.out/asset.1234/stack.ts': stack,
      'bin/app.ts': "import * as cdk from 'aws-cdk-lib';\nnew cdk.App();\n",
    };
    for (const [f, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.writeFileSync(path.join(dir, f), text);
    }
    const r = cli(['--format', 'json', dir]);
    assert.equal(r.code, 1, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(out.files.map((f: { path: string }) => path.basename(f.path)).sort(), ['legacy.cjs', 'stack.ts']);
    for (const f of out.files) {
      assert.equal(f.format, 'cdk-typescript');
      assert.deepEqual(f.findings.map((x: { ruleId: string; start: unknown }) => [x.ruleId, x.start]), [['host-network-mode', { line: 2, column: 50 }]]);
    }
    const text = cli(['examples/cdk-typescript']);
    assert.match(text.stdout, /examples[/\\]cdk-typescript[/\\]insecure-stack\.ts\n/);
    assert.match(text.stdout, /^ {2}33:19 {2}error {4}Container 'web' runs privileged.* {2}privileged-container$/m);
    assert.doesNotMatch(text.stdout, /hardened-stack\.ts/, 'the hardened example is clean');
  });

  it('prints help and version', () => {
    assert.match(cli(['--help']).stdout, /Usage: ecs-guard/);
    assert.match(cli(['--version']).stdout, /^\d+\.\d+\.\d+\n$/);
  });
});
