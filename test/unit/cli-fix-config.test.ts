import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeFixed } from '../../server/src/cli/fixWriter';
import { cli } from '../helpers/cli';
import { EXAMPLES } from '../helpers/paths';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-guard-cli-'));
const json = (s: string) => JSON.parse(s);

describe('CLI: --fix, configuration, filters', function () {
  this.timeout(30_000);

  it('--fix on a copy of examples/ applies every safe fix and leaves other files byte-identical', () => {
    const dir = tmp();
    fs.cpSync(EXAMPLES, dir, { recursive: true });
    const before = new Map<string, string>();
    for (const f of fs.readdirSync(dir, { recursive: true }) as string[]) {
      const p = path.join(dir, f);
      if (fs.statSync(p).isFile()) before.set(f, fs.readFileSync(p, 'utf8'));
    }
    const scan = json(cli(['--format', 'json', '.'], dir).stdout);
    const withSafeFix = new Set<string>(scan.files.filter((f: { findings: { fix: { safe: boolean } | null }[] }) => f.findings.some(x => x.fix?.safe)).map((f: { path: string }) => f.path));
    assert.ok(withSafeFix.size > 0);
    const r = cli(['--fix', '.'], dir);
    assert.match(r.stdout, /: fixed \d+ problems? \(/);
    const after = json(cli(['--format', 'json', '.'], dir).stdout);
    for (const f of after.files) {
      assert.deepEqual(f.findings.filter((x: { fix: { safe: boolean } | null }) => x.fix?.safe).map((x: { ruleId: string }) => x.ruleId), [], `${f.path} still has safe fixes`);
    }
    for (const [f, text] of before) {
      const now = fs.readFileSync(path.join(dir, f), 'utf8');
      if (!withSafeFix.has(f.split(path.sep).join('/'))) assert.equal(now, text, `${f} changed although it had nothing to fix safely`);
    }
    assert.equal(cli(['--fix', '.'], dir).stdout.includes('fixed'), false, 'a second --fix has nothing left to do');
  });

  it('--fix-dry-run prints a unified diff and writes nothing', () => {
    const dir = tmp();
    const file = path.join(dir, 'td.json');
    const text = '{\n  "family": "f",\n  "containerDefinitions": [\n    {\n      "name": "a",\n      "image": "x:1",\n      "privileged": true\n    }\n  ]\n}\n';
    fs.writeFileSync(file, text);
    const r = cli(['--fix-dry-run', 'td.json'], dir);
    assert.match(r.stdout, /^--- a\/td\.json\n\+\+\+ b\/td\.json\n/m);
    assert.match(r.stdout, /^-      "privileged": true$/m);
    assert.equal(fs.readFileSync(file, 'utf8'), text);
  });

  it('--fix keeps a BOM and CRLF line endings and refuses symbolic links', () => {
    const dir = tmp();
    const text = '{\r\n  "family": "f",\r\n  "containerDefinitions": [{"name": "a", "image": "x:1", "user": "1", "privileged": true}]\r\n}\r\n';
    fs.writeFileSync(path.join(dir, 'td.json'), '\uFEFF' + text);
    const outside = tmp();
    fs.writeFileSync(path.join(outside, 'real.json'), text);
    fs.symlinkSync(path.join(outside, 'real.json'), path.join(dir, 'link.json'));
    const r = cli(['--fix', 'td.json', 'link.json'], dir);
    const fixed = fs.readFileSync(path.join(dir, 'td.json'), 'utf8');
    assert.ok(fixed.startsWith('\uFEFF{\r\n'));
    assert.doesNotMatch(fixed, /privileged/);
    assert.match(fixed, /"readonlyRootFilesystem": true/);
    assert.match(r.stdout, /link\.json: not fixed: it is a symbolic link/);
    assert.equal(fs.readFileSync(path.join(outside, 'real.json'), 'utf8'), text, 'nothing written through the link');
  });

  it('refuses to overwrite a file that changed since it was read', () => {
    const dir = tmp();
    const file = path.join(dir, 'td.json');
    fs.writeFileSync(file, 'old');
    const original = fs.readFileSync(file);
    fs.writeFileSync(file, 'changed by someone else');
    assert.match(writeFixed(file, original, 'new', false)!, /changed while/);
    assert.equal(fs.readFileSync(file, 'utf8'), 'changed by someone else');
    assert.deepEqual(fs.readdirSync(dir), ['td.json'], 'no temporary file left behind');
  });

  it('reads .ecs-guard.json from the file\'s folder or above: rules, exclude, ignore', () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, 'svc', 'legacy'), { recursive: true });
    const td = '{"family": "f", "containerDefinitions": [{"name": "a", "image": "nginx:latest", "privileged": true}]}';
    fs.writeFileSync(path.join(dir, 'svc', 'td.json'), td);
    fs.writeFileSync(path.join(dir, 'svc', 'legacy', 'old.json'), td);
    fs.writeFileSync(path.join(dir, 'svc', 'agent.json'), td.replace('"f"', '"agent"'));
    fs.writeFileSync(path.join(dir, '.ecs-guard.json'), JSON.stringify({
      rules: { 'latest-image-tag': 'error', 'writable-root-filesystem': 'off' },
      exclude: ['svc/legacy/'],
      ignore: [{ rule: 'privileged-container', path: 'svc/agent.json', reason: 'the agent needs host devices' }],
    }));
    const out = json(cli(['--format', 'json', '.'], dir).stdout);
    const byPath = new Map<string, { ruleId: string; severity: string }[]>(out.files.map((f: { path: string; findings: [] }) => [f.path, f.findings]));
    assert.deepEqual([...byPath.keys()].sort(), ['svc/agent.json', 'svc/td.json']);
    const td1 = byPath.get('svc/td.json')!;
    assert.equal(td1.find(f => f.ruleId === 'latest-image-tag')!.severity, 'error');
    assert.equal(td1.filter(f => f.ruleId === 'writable-root-filesystem').length, 0);
    assert.equal(byPath.get('svc/agent.json')!.filter(f => f.ruleId === 'privileged-container').length, 0);
    const sarif = json(cli(['--format', 'sarif', '.'], dir).stdout);
    const suppressed = sarif.runs[0].results.filter((x: { suppressions?: unknown[] }) => x.suppressions);
    assert.deepEqual(suppressed.map((x: { ruleId: string; suppressions: { kind: string; justification: string }[] }) => [x.ruleId, x.suppressions[0].kind, x.suppressions[0].justification]), [['privileged-container', 'external', 'the agent needs host devices']]);
  });

  it('--config replaces discovery; a broken config is reported, not fatal', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'td.json'), '{"family": "f", "containerDefinitions": [{"name": "a", "image": "x:1", "privileged": true}]}');
    fs.writeFileSync(path.join(dir, 'strict.json'), '{"rules": {"privileged-container": "off"}}');
    assert.equal(json(cli(['--format', 'json', '--config', 'strict.json', 'td.json'], dir).stdout).files[0].findings.filter((f: { ruleId: string }) => f.ruleId === 'privileged-container').length, 0);
    assert.equal(cli(['--config', 'missing.json', 'td.json'], dir).code, 2);
    fs.writeFileSync(path.join(dir, '.ecs-guard.json'), '{"rules": {"privileged-container": "fatal"}, "colour": 1');
    const r = cli(['td.json'], dir);
    assert.match(r.stdout, /\.ecs-guard\.json: .*(unknown property "colour"|ignored severity "fatal")/);
    assert.equal(r.code, 1, 'the finding still counts');
  });

  it('--rule, --ignore-pattern, --quiet and --max-warnings', () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, 'gen'));
    const td = '{"family": "f", "containerDefinitions": [{"name": "a", "image": "nginx:latest", "user": "1", "readonlyRootFilesystem": true, "privileged": true}]}';
    fs.writeFileSync(path.join(dir, 'td.json'), td);
    fs.writeFileSync(path.join(dir, 'gen', 'td.json'), td);
    const only = json(cli(['--format', 'json', '--rule', 'latest-image-tag', '.'], dir).stdout);
    assert.deepEqual([...new Set(only.files.flatMap((f: { findings: { ruleId: string }[] }) => f.findings.map(x => x.ruleId)))], ['latest-image-tag']);
    assert.equal(cli(['--rule', 'no-such-rule', '.'], dir).code, 2);
    const ignored = json(cli(['--format', 'json', '--ignore-pattern', 'gen/**', '.'], dir).stdout);
    assert.deepEqual(ignored.files.map((f: { path: string }) => f.path), ['td.json']);
    const quiet = cli(['--quiet', 'td.json'], dir).stdout;
    assert.doesNotMatch(quiet, /^ +\d+:\d+ +warning/m);
    assert.match(quiet, /error/);
    assert.equal(cli(['--rule', 'latest-image-tag', '--max-warnings', '1', '.'], dir).code, 1);
    assert.equal(cli(['--rule', 'latest-image-tag', '--max-warnings', '2', '.'], dir).code, 0);
    assert.equal(cli(['--max-warnings', 'many', '.'], dir).code, 2);
  });

  it('skips what .gitignore ignores and the default folders when walking', () => {
    const dir = tmp();
    const td = '{"family": "f", "containerDefinitions": [{"name": "a", "image": "x:1", "privileged": true}]}';
    for (const sub of ['generated', 'node_modules/pkg', 'cdk.out', 'keep']) {
      fs.mkdirSync(path.join(dir, sub), { recursive: true });
      fs.writeFileSync(path.join(dir, sub, 'td.json'), td);
    }
    fs.writeFileSync(path.join(dir, '.gitignore'), 'generated/\n');
    const out = json(cli(['--format', 'json', '.'], dir).stdout);
    assert.deepEqual(out.files.map((f: { path: string }) => f.path), ['keep/td.json']);
  });

  it('reads standard input with --stdin and --stdin-filename', () => {
    const td = '{"family": "f", "containerDefinitions": [{"name": "a", "image": "x:1", "privileged": true}]}';
    const r = cli(['--stdin', '--stdin-filename', 'svc/td.json', '--format', 'json'], undefined, td);
    const out = json(r.stdout);
    assert.equal(out.files[0].path, 'svc/td.json');
    assert.ok(out.files[0].findings.some((f: { ruleId: string }) => f.ruleId === 'privileged-container'));
    assert.equal(r.code, 1);
    const dry = cli(['--stdin', '--fix-dry-run'], undefined, td);
    assert.match(dry.stdout, /^-.*"privileged": true/m);
    assert.equal(cli(['--stdin', '--fix'], undefined, td).code, 2);
  });

  it('reports task-role-reused across the files it scans', () => {
    const dir = tmp();
    const mk = (family: string) => `{"family": "${family}", "taskRoleArn": "arn:aws:iam::111122223333:role/app", "containerDefinitions": []}`;
    fs.writeFileSync(path.join(dir, 'orders.json'), mk('orders'));
    fs.writeFileSync(path.join(dir, 'reports.json'), mk('reports'));
    const out = json(cli(['--format', 'json', '.'], dir).stdout);
    for (const f of out.files) assert.equal(f.findings.filter((x: { ruleId: string }) => x.ruleId === 'task-role-reused').length, 1, f.path);
    assert.match(out.files[0].findings.find((x: { ruleId: string }) => x.ruleId === 'task-role-reused').message, /with 'reports' \(reports\.json\)/);
  });
});
