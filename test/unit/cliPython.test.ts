import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cli } from '../helpers/cli';
import { EXAMPLES } from '../helpers/paths';

const INSECURE = 'from aws_cdk import aws_ecs as ecs\n\ntask = ecs.FargateTaskDefinition(self, "T")\ntask.add_container("app", image=ecs.ContainerImage.from_registry("a:1"), privileged=True)\n';

describe('CLI: CDK Python', function () {
  this.timeout(20_000);

  it('scans examples/cdk-python: the insecure stack has findings, the hardened one none', () => {
    const r = cli(['examples/cdk-python']);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /examples[/\\]cdk-python[/\\]insecure_stack\.py\n/);
    assert.match(r.stdout, /^ {2}34:24 +error {4}Container 'agent' runs privileged.* {2}privileged-container$/m);
    assert.doesNotMatch(r.stdout, /hardened_stack\.py/);
    assert.equal(cli([path.join(EXAMPLES, 'cdk-python', 'hardened_stack.py'), '--fail-on', 'note']).code, 0);
  });

  it('skips virtual environments, caches, dependencies and synthesized output, and Python that is not CDK', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecsg-py-'));
    for (const skipped of ['.venv', 'venv', '__pycache__', 'node_modules', 'cdk.out']) {
      fs.mkdirSync(path.join(dir, skipped, 'lib'), { recursive: true });
      fs.writeFileSync(path.join(dir, skipped, 'lib', 'stack.py'), INSECURE);
    }
    fs.mkdirSync(path.join(dir, 'stacks'));
    fs.writeFileSync(path.join(dir, 'stacks', 'web_stack.py'), INSECURE);
    fs.writeFileSync(path.join(dir, 'tool.py'), 'import json\nprint(json.dumps({"privileged": True}))\n');
    const r = cli(['--format', 'json', dir]);
    assert.equal(r.code, 1, r.stderr);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(out.files.map((f: { path: string }) => path.relative(dir, path.resolve(f.path)).split(path.sep).join('/')), ['stacks/web_stack.py']);
    assert.equal(out.files[0].format, 'cdk-python');
  });

  it('writes SARIF regions in UTF-16 columns for Python', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecsg-py-'));
    fs.writeFileSync(path.join(dir, 'app.py'), INSECURE.replace('task.add_container(', '# 😀 déjà\ntask.add_container("😀", ').replace('("😀", "app"', '("😀"'));
    const sarif = JSON.parse(cli(['--format', 'sarif', dir]).stdout);
    const priv = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'privileged-container');
    const region = priv.locations[0].physicalLocation.region;
    // Line 5: task.add_container("😀", image=…, privileged=True) — the emoji counts as two UTF-16 code units.
    const line = fs.readFileSync(path.join(dir, 'app.py'), 'utf8').split('\n')[4];
    assert.equal(region.startLine, 5);
    assert.equal(region.startColumn, line.indexOf('True') + 1);
    assert.equal(region.endColumn, line.indexOf('True') + 5);
  });
});
