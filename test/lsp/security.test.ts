import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { builtinModules } from 'node:module';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../helpers/lsp';
import { DIST, ROOT } from '../helpers/paths';

// Secrets planted in a workspace: no output of any front end may contain one of them.
const SECRETS = {
  password: 'Pl4nted-Db-Password-9931',
  awsKey: 'AKIAPLANTEDSECRET123',
  github: 'ghp_PlantedGithubToken0123456789abcdefABCD',
  urlPassword: 'Planted-Url-Pass-7731',
  splunk: 'Planted-Splunk-Token-55120',
};

function workspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-guard-security-'));
  fs.writeFileSync(path.join(dir, 'task-definition.json'), JSON.stringify({
    family: 'orders',
    containerDefinitions: [{
      name: 'web', image: 'nginx:latest', privileged: true,
      environment: [
        { name: 'DB_PASSWORD', value: SECRETS.password },
        { name: 'CONFIG', value: SECRETS.awsKey },
        { name: 'DATABASE_URL', value: `postgres://app:${SECRETS.urlPassword}@db:5432/orders` },
      ],
      command: ['deploy', '--token', SECRETS.github],
      logConfiguration: { logDriver: 'splunk', options: { 'splunk-url': 'https://splunk.example.com', 'splunk-token': SECRETS.splunk } },
    }],
  }, null, 2));
  fs.writeFileSync(path.join(dir, 'template.yaml'), [
    'Resources:',
    '  Task:',
    '    Type: AWS::ECS::TaskDefinition',
    '    Properties:',
    '      ContainerDefinitions:',
    '        - Name: api',
    '          Image: nginx:1.27',
    '          Privileged: true',
    '          Environment:',
    '            - Name: API_TOKEN',
    `              Value: ${SECRETS.github}`,
    '            - Name: DB_PASSWORD',
    `              Value: "${SECRETS.password}"`,
    '',
  ].join('\n'));
  fs.writeFileSync(path.join(dir, 'stack.ts'), [
    "import * as ecs from 'aws-cdk-lib/aws-ecs';",
    "const task = new ecs.FargateTaskDefinition(this, 'Task');",
    "task.addContainer('web', {",
    "  image: ecs.ContainerImage.fromRegistry('nginx:1.27'),",
    `  environment: { DB_PASSWORD: '${SECRETS.password}', CONFIG: '${SECRETS.awsKey}' },`,
    `  command: ['deploy', '--token', '${SECRETS.github}'],`,
    '});',
    '',
  ].join('\n'));
  fs.writeFileSync(path.join(dir, 'app.py'), [
    'from aws_cdk import aws_ecs as ecs',
    'task = ecs.FargateTaskDefinition(self, "Task")',
    'task.add_container("web",',
    '    image=ecs.ContainerImage.from_registry("nginx:1.27"),',
    `    environment={"DB_PASSWORD": "${SECRETS.password}", "DATABASE_URL": "postgres://app:${SECRETS.urlPassword}@db:5432/x"},`,
    ')',
    '',
  ].join('\n'));
  return dir;
}

function assertClean(output: string, where: string): void {
  for (const [name, secret] of Object.entries(SECRETS)) {
    assert.ok(!output.includes(secret), `${where} contains the planted ${name}`);
  }
}

const HOOKS = path.join(ROOT, 'out', 'test', 'helpers', 'securityHooks.js');

/** What a process loaded, started and connected to (see test/helpers/securityHooks.ts). */
function audit(file: string): { modules: string[]; processes: string[]; network: string[] } {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function assertContained(record: ReturnType<typeof audit>, where: string): void {
  assert.deepEqual(record.processes, [], `${where} started a process`);
  assert.deepEqual(record.network, [], `${where} opened a network connection`);
  const builtins = new Set(builtinModules);
  const foreign = record.modules.filter(m => {
    const name = m.replace(/^node:/, '');
    if (builtins.has(name) || builtins.has(name.split('/')[0])) return false;
    return !(m.startsWith(DIST + path.sep) || m === HOOKS);
  });
  assert.deepEqual(foreign, [], `${where} loaded code from outside its own bundle`);
}

describe('security posture', function () {
  this.timeout(60_000);

  it('the CLI never prints a planted secret, in any format, nor in a --fix-dry-run diff', () => {
    const dir = workspace();
    for (const args of [[], ['--format', 'json'], ['--format', 'sarif'], ['--fix-dry-run'], ['--quiet']]) {
      const r = spawnSync(process.execPath, [path.join(DIST, 'cli.js'), ...args, '.'], { cwd: dir, encoding: 'utf8' });
      assert.ok(r.stdout.length > 0, `no output for ${args.join(' ')}`);
      assertClean(r.stdout + r.stderr, `ecs-guard ${args.join(' ')}`);
    }
  });

  it('the CLI runs no process, opens no connection and loads nothing from the workspace', () => {
    const dir = workspace();
    // A file that would run if anything required it.
    fs.writeFileSync(path.join(dir, 'evil.js'), 'require("fs").writeFileSync("pwned", "1");');
    const auditFile = path.join(dir, 'audit.json');
    const r = spawnSync(process.execPath, ['--require', HOOKS, path.join(DIST, 'cli.js'), '--format', 'sarif', '.', path.join(ROOT, 'examples')], { cwd: dir, encoding: 'utf8', env: { ...process.env, ECS_GUARD_AUDIT_FILE: auditFile } });
    assert.equal(r.status, 1, r.stderr);
    assertContained(audit(auditFile), 'the CLI');
    assert.equal(fs.existsSync(path.join(dir, 'pwned')), false);
  });

  it('the language server never sends a planted secret, runs no process and opens no connection', async () => {
    const dir = workspace();
    const auditFile = path.join(dir, 'audit.json');
    const client = new LspClient([], { nodeArgs: ['--require', HOOKS], env: { ECS_GUARD_AUDIT_FILE: auditFile } });
    const seen: string[] = [];
    try {
      await client.initialize(
        { workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } }, window: { workDoneProgress: true } },
        { workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }] },
      );
      await client.waitFor(() => client.notifications.find(n => n.method === 'ecsGuard/scanDone'), 'scan');
      for (const [file, lang] of [['task-definition.json', 'json'], ['template.yaml', 'yaml'], ['stack.ts', 'typescript'], ['app.py', 'python']]) {
        const uri = pathToFileURL(path.join(dir, file)).href;
        await client.open(uri, fs.readFileSync(path.join(dir, file), 'utf8'), lang);
        const diags = await client.diagnosticsFor(uri, 1);
        assert.ok(diags.some(d => d.code === 'plaintext-secret-in-environment'), file);
        seen.push(JSON.stringify(diags));
        for (const d of diags) {
          seen.push(JSON.stringify(await client.hover(uri, d.range.start.line, d.range.start.character)));
          seen.push(JSON.stringify(await client.codeActions(uri, [d])));
        }
        seen.push(JSON.stringify(await client.codeActions(uri, [], ['source.fixAll.ecsGuard'])));
      }
    } finally {
      await client.shutdown();
    }
    seen.push(JSON.stringify(client.notifications), client.logs.join('\n'), client.stderr);
    seen.forEach((s, i) => assertClean(s, `the language server (output ${i}: ${s.slice(0, 300)})`));
    assertContained(audit(auditFile), 'the language server');
  });

  it('declares untrusted-workspace support and serves only the languages it reads', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, true);
    assert.ok(pkg.activationEvents.every((e: string) => e.startsWith('onLanguage:')), pkg.activationEvents.join(', '));
    assert.ok(fs.existsSync(path.join(ROOT, 'SECURITY.md')));
  });
});
