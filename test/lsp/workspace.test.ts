import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../server/src/engine/analyze';
import { prepareDocument } from '../../server/src/formats';
import { LspClient } from '../helpers/lsp';
import { EXAMPLES } from '../helpers/paths';

const uri = (p: string) => pathToFileURL(p).href;
const TD = (family: string, extra = '') => JSON.stringify({ family, ...JSON.parse(`{${extra}}`), containerDefinitions: [{ name: 'app', image: 'nginx:1.27', user: '1000', readonlyRootFilesystem: true, privileged: true }] }, null, 2) + '\n';

/** A folder tree with task definitions among irrelevant files, nested .gitignore and default excludes. */
function tree(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-guard-ws-'));
  const w = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };
  w('services/orders/task-definition.json', TD('orders'));
  w('services/reports/td.json', TD('reports'));
  w('services/reports/generated/td.json', TD('generated'));
  w('services/reports/.gitignore', 'generated/\n');
  w('node_modules/pkg/td.json', TD('dependency'));
  w('cdk.out/td.json', TD('synthesized'));
  w('package.json', '{"name": "app", "version": "1.0.0"}');
  for (let i = 0; i < 30; i++) w(`src/module${i}.json`, JSON.stringify({ key: i, items: [1, 2, 3] }));
  return root;
}

describe('language server: workspace scan, watchers, configuration, ignore actions', function () {
  this.timeout(30_000);
  let client: LspClient;

  const start = async (folders: string[], settings: Record<string, unknown> = {}) => {
    client = new LspClient();
    client.settings = settings;
    await client.initialize(
      { workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true }, didChangeConfiguration: { dynamicRegistration: true } }, window: { workDoneProgress: true } },
      { workspaceFolders: folders.map(f => ({ uri: uri(f), name: path.basename(f) })) },
    );
    return client.waitFor(() => client.notifications.find(n => n.method === 'ecsGuard/scanDone'), 'scan to finish');
  };

  afterEach(async () => {
    await client.shutdown();
  });

  it('publishes findings of files never opened, skipping excluded folders and .gitignore', async () => {
    const root = tree();
    const done = await start([root]);
    assert.deepEqual((done.params as { documents: number }).documents, 2);
    const orders = await client.diagnosticsFor(uri(path.join(root, 'services/orders/task-definition.json')));
    assert.ok(orders.some(d => d.code === 'privileged-container'));
    await client.diagnosticsFor(uri(path.join(root, 'services/reports/td.json')));
    for (const skipped of ['services/reports/generated/td.json', 'node_modules/pkg/td.json', 'cdk.out/td.json']) {
      assert.equal(client.lastDiagnostics(uri(path.join(root, skipped))), undefined, skipped);
    }
    assert.ok(client.progressCreated > 0, 'work-done progress was reported');
  });

  it('covers every folder of a multi-root workspace and honours ecsGuard.workspaceScan off', async () => {
    const a = tree();
    const b = tree();
    await start([a, b]);
    await client.diagnosticsFor(uri(path.join(a, 'services/orders/task-definition.json')));
    await client.diagnosticsFor(uri(path.join(b, 'services/orders/task-definition.json')));
    await client.shutdown();
    await start([a], { workspaceScan: 'off' });
    assert.equal(client.lastDiagnostics(uri(path.join(a, 'services/orders/task-definition.json'))), undefined);
  });

  it('follows created, changed and deleted files; the open buffer wins over the disk', async () => {
    const root = tree();
    await start([root]);
    const file = path.join(root, 'services/new/td.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, TD('new'));
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(file), type: 1 }] });
    await client.waitFor(() => client.lastDiagnostics(uri(file))?.diagnostics.some(d => d.code === 'privileged-container'), 'created file analysed');
    fs.writeFileSync(file, TD('new').replace('"privileged": true', '"privileged": false'));
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(file), type: 2 }] });
    const has = (code: string) => client.lastDiagnostics(uri(file))?.diagnostics.some(d => d.code === code);
    await client.waitFor(() => client.lastDiagnostics(uri(file)) && !has('privileged-container'), 'changed file re-analysed');
    // Opened with unsaved text: the buffer's findings, not the disk's.
    await client.open(uri(file), TD('new').replace('"user": "1000"', '"user": "root"'));
    await client.waitFor(() => client.lastDiagnostics(uri(file))?.diagnostics.some(d => d.code === 'container-runs-as-root'), 'buffer analysed');
    // Closed: back to the file on disk.
    await client.close(uri(file));
    await client.waitFor(() => client.lastDiagnostics(uri(file)) && !has('container-runs-as-root') && !has('privileged-container'), 'disk findings after close');
    fs.unlinkSync(file);
    fs.writeFileSync(path.join(root, 'services/orders/task-definition.json'), TD('orders'));
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(file), type: 3 }] });
    await client.waitFor(() => client.lastDiagnostics(uri(file))?.diagnostics.length === 0, 'deleted file cleared');
  });

  it('layers editor settings over .ecs-guard.json, and rescans when the configuration changes', async () => {
    const root = tree();
    fs.writeFileSync(path.join(root, '.ecs-guard.json'), JSON.stringify({ rules: { 'privileged-container': 'warning', 'latest-image-tag': 'off' } }));
    await start([root], { rules: { 'latest-image-tag': 'error' } });
    const orders = uri(path.join(root, 'services/orders/task-definition.json'));
    let d = await client.diagnosticsFor(orders);
    assert.equal(d.find(x => x.code === 'privileged-container')!.severity, 2, 'the config file made it a warning');
    fs.writeFileSync(path.join(root, '.ecs-guard.json'), JSON.stringify({ rules: { 'privileged-container': 'off' } }));
    await client.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uri(path.join(root, '.ecs-guard.json')), type: 2 }] });
    await client.waitFor(() => !client.lastDiagnostics(orders)?.diagnostics.some(x => x.code === 'privileged-container') && client.lastDiagnostics(orders)!.diagnostics.length >= 0, 'rule turned off by the config file');
    d = client.lastDiagnostics(orders)!.diagnostics;
    assert.equal(d.filter(x => x.code === 'privileged-container').length, 0);
  });

  it('asks the editor for settings once per workspace folder, not once per file opened', async () => {
    const root = tree();
    await start([root]);
    const files = ['services/orders/task-definition.json', 'services/reports/td.json', 'src/module1.json'].map(f => uri(path.join(root, f)));
    for (const f of files) {
      await client.open(f, TD(path.basename(f)), 'json', 7);
      await client.diagnosticsFor(f, 7);
    }
    assert.deepEqual([...new Set(client.configurationScopes)], [uri(root)]);
    // A file outside every folder is its own scope.
    await client.open('file:///elsewhere/td.json', TD('loose'), 'json', 3);
    await client.diagnosticsFor('file:///elsewhere/td.json', 3);
    assert.deepEqual([...new Set(client.configurationScopes)], [uri(root), 'file:///elsewhere/td.json']);
  });

  it('reports task-role-reused across files and updates the other file when one changes', async () => {
    const root = tree();
    const arn = '"taskRoleArn": "arn:aws:iam::111122223333:role/shared"';
    fs.writeFileSync(path.join(root, 'services/orders/task-definition.json'), TD('orders', arn));
    fs.writeFileSync(path.join(root, 'services/reports/td.json'), TD('reports', arn));
    await start([root]);
    const orders = uri(path.join(root, 'services/orders/task-definition.json'));
    const reports = uri(path.join(root, 'services/reports/td.json'));
    await client.waitFor(() => client.lastDiagnostics(orders)?.diagnostics.some(d => d.code === 'task-role-reused'), 'cross-file finding');
    const f = client.lastDiagnostics(orders)!.diagnostics.find(d => d.code === 'task-role-reused')!;
    assert.match(String(f.message), /with 'reports' \(services[/\\]reports[/\\]td\.json\)/);
    // The reports service gets its own role in the editor: both files lose the finding.
    await client.open(reports, TD('reports', '"taskRoleArn": "arn:aws:iam::111122223333:role/reports"'));
    await client.waitFor(() => client.lastDiagnostics(orders)?.diagnostics.every(d => d.code !== 'task-role-reused'), 'other file updated');
  });

  it('reads CDK files never opened on a worker thread, with the same findings; a failing worker falls back', async () => {
    const root = tree();
    const files = ['cdk-typescript/insecure-stack.ts', 'cdk-python/insecure_stack.py'];
    for (const f of files) fs.copyFileSync(path.join(EXAMPLES, f), path.join(root, 'services', path.basename(f)));
    type Stats = { typescriptLoaded: boolean; pythonLoaded: boolean; diskWorker: boolean };
    // What the engine finds in each file, as ranges: the worker must publish exactly these.
    const expected = async (f: string) => {
      const text = fs.readFileSync(path.join(EXAMPLES, f), 'utf8');
      await prepareDocument(text, 'file:///x/' + path.basename(f));
      const doc = TextDocument.create('file:///x', 'plaintext', 1, text);
      return analyze(text, 'file:///x/' + path.basename(f)).findings.map(x => `${x.ruleId} ${JSON.stringify([doc.positionAt(x.span.start), doc.positionAt(x.span.end)])}`).sort();
    };
    const published = async (f: string) => (await client.diagnosticsFor(uri(path.join(root, 'services', path.basename(f)))))
      .map(d => `${d.code} ${JSON.stringify([d.range.start, d.range.end])}`).sort();
    await start([root]);
    for (const f of files) {
      const want = await expected(f);
      assert.ok(want.some(w => w.startsWith('privileged-container')), f);
      assert.deepEqual(await published(f), want, f);
    }
    const stats = await client.conn.sendRequest<Stats>('ecsGuard/stats');
    assert.deepEqual(stats, { ...stats, typescriptLoaded: false, pythonLoaded: false, diskWorker: false }, 'no parser on the server thread; worker stopped after the scan');
    await client.shutdown();

    // A worker that dies at start: the server says so in its log and analyses the files itself.
    client = new LspClient([], { env: { ECS_GUARD_FAULT: 'diskWorker' } });
    await client.initialize({ workspace: { configuration: true, workspaceFolders: true } }, { workspaceFolders: [{ uri: uri(root), name: 'root' }] });
    await client.waitFor(() => client.notifications.find(n => n.method === 'ecsGuard/scanDone'), 'scan to finish');
    for (const f of files) assert.deepEqual(await published(f), await expected(f), f);
    assert.ok(client.logs.some(l => /disk-analysis worker: .*injected fault/.test(l)), 'the failure is logged');
    const after = await client.conn.sendRequest<Stats>('ecsGuard/stats');
    assert.equal(after.typescriptLoaded && after.pythonLoaded, true, 'analysed in the server instead');
  });

  it('offers "ignore" actions: a comment directive in JSONC, an .ecs-guard.json entry for strict JSON', async () => {
    const root = tree();
    await start([root]);
    const jsonc = path.join(root, 'services/orders/task-definition.jsonc');
    const text = TD('orders');
    await client.open(uri(jsonc), text, 'jsonc');
    const d = (await client.diagnosticsFor(uri(jsonc), 1)).filter(x => x.code === 'privileged-container');
    const actions = await client.codeActions(uri(jsonc), d);
    const onLine = actions.find(a => a.title === "Ignore 'privileged-container' on this line")!;
    assert.ok(onLine, actions.map(a => a.title).join(', '));
    assert.ok(actions.find(a => a.title === "Ignore 'privileged-container' in this file"));
    const v2 = await client.apply(uri(jsonc), onLine.edit!);
    assert.match(client.text(uri(jsonc)), /\n {6}\/\/ ecs-guard-ignore privileged-container\n {6}"privileged": true/);
    const after = await client.diagnosticsFor(uri(jsonc), v2);
    assert.equal(after.filter(x => x.code === 'privileged-container').length, 0);
    // Strict JSON: the exception goes to the configuration file.
    const strict = path.join(root, 'services/orders/task-definition.json');
    await client.open(uri(strict), fs.readFileSync(strict, 'utf8'), 'json');
    const sd = (await client.diagnosticsFor(uri(strict), 1)).filter(x => x.code === 'privileged-container');
    const sa = await client.codeActions(uri(strict), sd);
    const cfg = sa.find(a => a.title === "Ignore 'privileged-container' in this file (in .ecs-guard.json)")!;
    assert.ok(cfg, sa.map(a => a.title).join(', '));
    const changes = (cfg.edit as WorkspaceEdit).documentChanges!;
    assert.equal((changes[0] as { kind: string }).kind, 'create');
    const content = (changes[1] as { edits: { newText: string }[] }).edits[0].newText;
    assert.deepEqual(JSON.parse(content), { ignore: [{ rule: 'privileged-container', path: 'services/orders/task-definition.json', reason: '' }] });
  });
});
