import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import { LspClient } from '../helpers/lsp';

const URI = 'file:///project/orders/stacks/orders_stack.py';
const TEXT = `from aws_cdk import Stack
from aws_cdk import aws_ecs as ecs
from constructs import Construct


class OrdersStack(Stack):
    def __init__(self, scope: Construct, construct_id: str) -> None:
        super().__init__(scope, construct_id)
        task = ecs.FargateTaskDefinition(self, "Orders")
        task.add_container(
            "web",  # the front end ✓
            image=ecs.ContainerImage.from_registry("nginx:1.27"),
            user="101",
            privileged=True,
            environment={"DB_PASSWORD": "correct-horse-battery"},
        )
`;

describe('language server over stdio: CDK Python', function () {
  this.timeout(20_000);
  let client: LspClient;

  beforeEach(async () => {
    client = new LspClient();
    await client.initialize();
  });

  afterEach(async () => {
    const code = await client.shutdown();
    assert.equal(code, 0, `server exit code; stderr: ${client.stderr}`);
  });

  it('loads the grammar on first need and publishes diagnostics with exact ranges', async () => {
    await client.open(URI, TEXT, 'python');
    const diags = await client.diagnosticsFor(URI, 1);
    const priv = diags.find(d => d.code === 'privileged-container')!;
    assert.deepEqual(priv.range, { start: { line: 13, character: 23 }, end: { line: 13, character: 27 } });
    assert.equal(priv.severity, DiagnosticSeverity.Error);
    const ro = diags.find(d => d.code === 'writable-root-filesystem')!;
    assert.deepEqual(ro.range, { start: { line: 10, character: 12 }, end: { line: 10, character: 17 } });
    const secret = diags.find(d => d.code === 'plaintext-secret-in-environment')!;
    assert.doesNotMatch(String(secret.message), /correct-horse-battery/);
    const status = await client.waitFor(() => client.notifications.find(n => n.method === 'ecsGuard/status' && (n.params as { uri: string }).uri === URI), 'status');
    assert.equal((status.params as { format: string }).format, 'AWS CDK (Python)');
  });

  it('answers a code action or hover that arrives while the grammar loads without losing the diagnostics', async () => {
    // The editor asks for code actions and hovers as soon as a file opens; the grammar is not loaded yet.
    await client.open(URI, TEXT, 'python');
    const [actions, hover] = await Promise.all([client.codeActions(URI, []), client.hover(URI, 13, 24)]);
    assert.ok(Array.isArray(actions));
    assert.match(JSON.stringify(hover), /privileged-container/, 'the hover waited for the grammar');
    const diags = await client.diagnosticsFor(URI, 1);
    assert.ok(diags.some(d => d.code === 'privileged-container'), `diagnostics for version 1: ${diags.map(d => d.code).join(', ') || 'none'}`);
  });

  it('applies quick fixes and "fix all" as Python edits', async () => {
    await client.open(URI, TEXT, 'python');
    const diags = await client.diagnosticsFor(URI, 1);
    const actions = await client.codeActions(URI, diags.filter(d => d.code === 'privileged-container'));
    const fix = actions.find(a => a.kind === 'quickfix' && a.diagnostics?.[0]?.code === 'privileged-container')!;
    assert.equal(fix.isPreferred, true);
    const v2 = await client.apply(URI, fix.edit!);
    assert.equal(client.text(URI), TEXT.replace('            privileged=True,\n', ''));
    const after = await client.diagnosticsFor(URI, v2);
    assert.equal(after.filter(d => d.code === 'privileged-container').length, 0);
    const onSave = await client.codeActions(URI, [], ['source.fixAll.ecsGuard']);
    await client.apply(URI, onSave[0].edit!);
    assert.equal(client.text(URI), TEXT.replace('            privileged=True,\n', '').replace(
      '            environment={"DB_PASSWORD": "correct-horse-battery"},\n',
      '            environment={"DB_PASSWORD": "correct-horse-battery"},\n            readonly_root_filesystem=True,\n',
    ));
  });

  it('follows edits as the user types, and publishes nothing for Python that is not CDK', async () => {
    await client.open(URI, TEXT, 'python');
    await client.diagnosticsFor(URI, 1);
    const v2 = await client.edit(URI, [{ range: { start: { line: 13, character: 23 }, end: { line: 13, character: 27 } }, newText: 'False' }]);
    const d2 = await client.diagnosticsFor(URI, v2);
    assert.equal(d2.filter(d => d.code === 'privileged-container').length, 0);
    const v3 = await client.edit(URI, [{ range: { start: { line: 13, character: 23 }, end: { line: 13, character: 28 } }, newText: 'True' }]);
    const d3 = await client.diagnosticsFor(URI, v3);
    assert.equal(d3.filter(d => d.code === 'privileged-container').length, 1);
    const plain = 'file:///project/orders/tools/report.py';
    await client.open(plain, 'import json\nprint(json.dumps({"privileged": True}))\n', 'python');
    assert.deepEqual(await client.diagnosticsFor(plain, 1), []);
  });
});
