import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import { LspClient } from '../helpers/lsp';

const URI = 'file:///project/orders/task-definition.json';
const TEXT = `{
  "family": "orders",
  "networkMode": "awsvpc",
  "containerDefinitions": [
    {
      "name": "web",
      "image": "nginx:1.27",
      "user": "101",
      "privileged": true
    }
  ]
}
`;

describe('language server over stdio', function () {
  this.timeout(20_000);
  let client: LspClient;

  beforeEach(async () => {
    client = new LspClient();
    const init = await client.initialize();
    assert.equal(init.serverInfo?.name, 'ecs-guard');
    const caps = init.capabilities;
    assert.ok(caps.hoverProvider);
    assert.deepEqual((caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', 'source.fixAll.ecsGuard']);
  });

  afterEach(async () => {
    const code = await client.shutdown();
    assert.equal(code, 0, `server exit code; stderr: ${client.stderr}`);
  });

  it('publishes diagnostics with rule id, source, docs link and exact ranges', async () => {
    await client.open(URI, TEXT);
    const diags = await client.diagnosticsFor(URI, 1);
    const priv = diags.find(d => d.code === 'privileged-container')!;
    assert.deepEqual(priv.range, { start: { line: 8, character: 20 }, end: { line: 8, character: 24 } });
    assert.equal(priv.source, 'ecs-guard');
    assert.equal(priv.severity, DiagnosticSeverity.Error);
    assert.match(String(priv.codeDescription!.href), /docs\/rules\/privileged-container\.md$/);
    assert.doesNotMatch(String(priv.message), /privileged-container/, 'the rule id belongs in code, not in the message');
    const ro = diags.find(d => d.code === 'writable-root-filesystem')!;
    assert.deepEqual(ro.range, { start: { line: 5, character: 14 }, end: { line: 5, character: 19 } });
    assert.equal(ro.severity, DiagnosticSeverity.Warning);
    const status = await client.waitFor(() => client.notifications.find(n => n.method === 'ecsGuard/status'), 'status');
    assert.equal((status.params as { format: string }).format, 'ECS task definition (JSON)');
  });

  it('applies a quick fix, and the diagnostic goes away on the next version', async () => {
    await client.open(URI, TEXT);
    const diags = await client.diagnosticsFor(URI, 1);
    const priv = diags.filter(d => d.code === 'privileged-container');
    const actions = await client.codeActions(URI, priv);
    const fix = actions.find(a => a.kind === 'quickfix' && a.diagnostics?.[0]?.code === 'privileged-container')!;
    assert.ok(fix, `actions: ${actions.map(a => a.title).join(', ')}`);
    assert.equal(fix.isPreferred, true);
    const v2 = await client.apply(URI, fix.edit!);
    assert.equal(client.text(URI), TEXT.replace(',\n      "privileged": true', ''));
    const after = await client.diagnosticsFor(URI, v2);
    assert.equal(after.filter(d => d.code === 'privileged-container').length, 0);
    assert.ok(after.some(d => d.code === 'writable-root-filesystem'));
  });

  it('offers "fix all" and source.fixAll.ecsGuard with every safe fix', async () => {
    const text = TEXT.replace('"user": "101",', '"user": "101", "readonlyRootFilesystem": false,');
    await client.open(URI, text);
    const diags = await client.diagnosticsFor(URI, 1);
    const actions = await client.codeActions(URI, diags);
    const all = actions.find(a => a.title === 'Fix all ECS Guard problems in this file');
    assert.ok(all);
    const onSave = await client.codeActions(URI, [], ['source.fixAll.ecsGuard']);
    assert.equal(onSave.length, 1);
    assert.equal(onSave[0].kind, 'source.fixAll.ecsGuard');
    await client.apply(URI, onSave[0].edit!);
    assert.equal(client.text(URI), text.replace('"readonlyRootFilesystem": false', '"readonlyRootFilesystem": true').replace(',\n      "privileged": true', ''));
    const fixAllAgain = await client.codeActions(URI, [], ['source.fixAll']);
    assert.deepEqual(fixAllAgain, [], 'nothing left to fix');
  });

  it('gives no quick fix for a diagnostic of an older version', async () => {
    await client.open(URI, TEXT);
    const old = await client.diagnosticsFor(URI, 1);
    const v2 = await client.change(URI, '\n\n' + TEXT);
    await client.diagnosticsFor(URI, v2);
    const actions = await client.codeActions(URI, old.filter(d => d.code === 'privileged-container'));
    assert.equal(actions.filter(a => a.kind === 'quickfix').length, 0);
  });

  it('explains a finding on hover without its secret value', async () => {
    const text = TEXT.replace('"user": "101",', '"user": "101", "environment": [{"name": "DB_PASSWORD", "value": "correct-horse-battery"}],');
    await client.open(URI, text);
    const diags = await client.diagnosticsFor(URI, 1);
    const d = diags.find(x => x.code === 'plaintext-secret-in-environment')!;
    const h = await client.hover(URI, d.range.start.line, d.range.start.character + 2);
    const value = (h!.contents as { value: string }).value;
    assert.match(value, /Secret in a plaintext environment variable/);
    assert.match(value, /plaintext-secret-in-environment\.md/);
    assert.doesNotMatch(value, /correct-horse-battery/);
    assert.equal(await client.hover(URI, 0, 0), null);
  });

  it('publishes only the final version after a burst of changes, and empties on close', async () => {
    await client.open(URI, TEXT);
    await client.diagnosticsFor(URI, 1);
    let v = 1;
    for (let i = 0; i < 50; i++) v = await client.change(URI, TEXT.replace('"privileged": true', i % 2 ? '"privileged": false' : '"privileged": true'));
    const final = await client.diagnosticsFor(URI, v);
    assert.equal(final.filter(d => d.code === 'privileged-container').length, 0, 'version 51 has privileged false');
    await client.close(URI);
    await client.waitFor(() => client.lastDiagnostics(URI)?.diagnostics.length === 0, 'empty diagnostics on close');
  });

  it('follows ecsGuard.rules and ecsGuard.enable from the client configuration', async () => {
    client.settings = { rules: { 'privileged-container': 'warning', 'writable-root-filesystem': 'off' } };
    await client.open(URI, TEXT);
    const diags = await client.diagnosticsFor(URI, 1);
    assert.equal(diags.find(d => d.code === 'privileged-container')!.severity, DiagnosticSeverity.Warning);
    assert.equal(diags.filter(d => d.code === 'writable-root-filesystem').length, 0);
    client.settings = { enable: false };
    await client.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor(() => client.lastDiagnostics(URI)?.diagnostics.length === 0, 'no diagnostics when disabled');
  });

  it('analyses a CloudFormation template in YAML: diagnostic, quick fix, diagnostic gone', async () => {
    const uri = 'file:///project/orders/template.yaml';
    const text = [
      'AWSTemplateFormatVersion: "2010-09-09"',
      'Resources:',
      '  Task:',
      '    Type: AWS::ECS::TaskDefinition',
      '    Properties:',
      '      ContainerDefinitions:',
      '        - Name: web # front end',
      '          Image: nginx:1.27',
      '          User: "101"',
      '          Privileged: true',
      '          ReadonlyRootFilesystem: true',
      '',
    ].join('\n');
    await client.open(uri, text, 'yaml');
    const all = await client.diagnosticsFor(uri, 1);
    const diags = all.filter(d => d.code === 'privileged-container');
    assert.deepEqual(diags.map(d => d.range), [{ start: { line: 9, character: 22 }, end: { line: 9, character: 26 } }]);
    const status = await client.waitFor(() => client.notifications.find(n => n.method === 'ecsGuard/status' && (n.params as { uri: string }).uri === uri), 'status');
    assert.equal((status.params as { format: string }).format, 'CloudFormation template (YAML)');
    const actions = await client.codeActions(uri, diags);
    const fix = actions.find(a => a.kind === 'quickfix' && a.diagnostics?.[0]?.code === 'privileged-container')!;
    assert.ok(fix, `actions: ${actions.map(a => a.title).join(', ')}`);
    const v2 = await client.apply(uri, fix.edit!);
    assert.equal(client.text(uri), text.replace('          Privileged: true\n', ''));
    const after = await client.diagnosticsFor(uri, v2);
    assert.deepEqual(after.filter(d => d.code === 'privileged-container'), []);
    assert.equal(after.length, all.length - 1, 'only the fixed finding went away');
  });

  it('publishes an empty list for JSON that is not a task definition, and survives garbage', async () => {
    await client.open('file:///w/package.json', '{"name": "x", "version": "1.0.0"}');
    assert.deepEqual(await client.diagnosticsFor('file:///w/package.json', 1), []);
    await client.open('file:///w/broken.json', '{"containerDefinitions": [{"name": "a", "privileged": true,,, ]]] }}} \u0000');
    await client.diagnosticsFor('file:///w/broken.json', 1);
    assert.deepEqual(await client.codeActions('file:///w/nowhere.json', []), []);
    assert.equal(await client.hover('file:///w/nowhere.json', 0, 0), null);
    await client.open('file:///w/compose.yaml', 'services:\n  web:\n    image: nginx:latest\n    privileged: true\n', 'yaml');
    assert.deepEqual(await client.diagnosticsFor('file:///w/compose.yaml', 1), []);
    await client.open('file:///w/broken.yaml', 'Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n\t  Properties: [{{{\n  *alias: !Ref\n', 'yaml');
    await client.diagnosticsFor('file:///w/broken.yaml', 1);
  });
});
