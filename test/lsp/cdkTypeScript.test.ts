import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import { LspClient } from '../helpers/lsp';

const URI = 'file:///project/lib/web-stack.ts';
const TEXT = `import * as cdk from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';

export class WebStack extends cdk.Stack {
  constructor(scope: cdk.App, id: string) {
    super(scope, id);
    const taskDef = new ecs.FargateTaskDefinition(this, 'Web');
    taskDef.addContainer('web', {
      image: ecs.ContainerImage.fromRegistry('nginx:1.27'),
      user: '101',
      privileged: true,
      logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'web' }),
    });
  }
}
`;

describe('language server over stdio: CDK TypeScript', function () {
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

  it('loads the bundled compiler on demand and publishes diagnostics with exact ranges', async () => {
    await client.open(URI, TEXT, 'typescript');
    const diags = await client.diagnosticsFor(URI, 1);
    const priv = diags.find(d => d.code === 'privileged-container')!;
    assert.deepEqual(priv.range, { start: { line: 10, character: 18 }, end: { line: 10, character: 22 } });
    assert.equal(priv.severity, DiagnosticSeverity.Error);
    assert.match(String(priv.message), /Fargate rejects/);
    const ro = diags.find(d => d.code === 'writable-root-filesystem')!;
    assert.deepEqual(ro.range, { start: { line: 7, character: 25 }, end: { line: 7, character: 30 } });
    const status = await client.waitFor(() => client.notifications.find(n => n.method === 'ecsGuard/status' && (n.params as { uri: string }).uri === URI), 'status');
    assert.equal((status.params as { format: string }).format, 'AWS CDK (TypeScript/JavaScript)');
  });

  it('applies quick fixes and "fix all" as TypeScript edits', async () => {
    await client.open(URI, TEXT, 'typescript');
    const diags = await client.diagnosticsFor(URI, 1);
    const actions = await client.codeActions(URI, diags.filter(d => d.code === 'privileged-container'));
    const fix = actions.find(a => a.kind === 'quickfix' && a.diagnostics?.[0]?.code === 'privileged-container')!;
    assert.ok(fix, `actions: ${actions.map(a => a.title).join(', ')}`);
    const v2 = await client.apply(URI, fix.edit!);
    assert.equal(client.text(URI), TEXT.replace('      privileged: true,\n', ''));
    const after = await client.diagnosticsFor(URI, v2);
    assert.deepEqual(after.filter(d => d.code === 'privileged-container'), []);
    assert.equal(after.length, diags.length - 1, 'only the fixed finding went away');
    const onSave = await client.codeActions(URI, [], ['source.fixAll.ecsGuard']);
    await client.apply(URI, onSave[0].edit!);
    assert.equal(client.text(URI), TEXT.replace('      privileged: true,\n', '').replace("streamPrefix: 'web' }),\n", "streamPrefix: 'web' }),\n      readonlyRootFilesystem: true,\n"));
  });

  it('publishes nothing for TypeScript that is not CDK code, and keeps up while typing', async () => {
    const plain = 'export const config = { privileged: true, image: "nginx:latest" };\n';
    await client.open('file:///project/src/config.ts', plain, 'typescript');
    assert.deepEqual(await client.diagnosticsFor('file:///project/src/config.ts', 1), []);
    await client.open(URI, TEXT, 'typescript');
    await client.diagnosticsFor(URI, 1);
    let v = 1;
    // Half-typed states on the way: every version gets its diagnostics, the last one wins.
    for (const typed of ['p', 'pr', 'privileged: fa', 'privileged: false']) {
      v = await client.change(URI, TEXT.replace('privileged: true', typed));
    }
    const final = await client.diagnosticsFor(URI, v);
    assert.equal(final.filter(d => d.code === 'privileged-container').length, 0);
  });
});
