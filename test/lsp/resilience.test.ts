import * as assert from 'node:assert/strict';
import { LspClient } from '../helpers/lsp';

const URI = 'file:///project/resilience/task-definition.json';
const TD = (privileged: boolean) => `{
  "family": "f",
  "containerDefinitions": [{ "name": "a", "image": "nginx:1.27", "privileged": ${privileged} }]
}
`;

/** The position of the `privileged` value in {@link TD}'s text. */
const AT_VALUE = { line: 2, character: TD(true).split('\n')[2].indexOf('true') };

describe('language server resilience', function () {
  this.timeout(60_000);
  const started: LspClient[] = [];
  const start = (...args: ConstructorParameters<typeof LspClient>) => {
    const c = new LspClient(...args);
    started.push(c);
    return c;
  };
  // Every server is shut down, also after a failed assertion, so no process outlives the suite.
  afterEach(async () => {
    for (const c of started.splice(0)) if (c.proc.exitCode === null) await c.shutdown();
  });

  it('1,000 rapid changes end with diagnostics for the final version only', async () => {
    const client = start();
    await client.initialize();
    await client.open(URI, TD(true));
    await client.diagnosticsFor(URI, 1);
    const from = client.published.length;
    let v = 1;
    for (let i = 0; i < 1000; i++) v = await client.change(URI, TD(i % 2 === 0));
    const last = await client.diagnosticsFor(URI, v);
    assert.equal(v, 1001);
    assert.equal(last.filter(d => d.code === 'privileged-container').length, 0, 'version 1001 is privileged: false');
    const published = client.published.slice(from).filter(p => p.uri === URI).map(p => p.version!);
    assert.ok(published.length < 1000, `${published.length} publications for 1,000 changes`);
    assert.deepEqual([...published].sort((a, b) => a - b), published, 'never an older version after a newer one');
    assert.equal(await client.shutdown(), 0);
  });

  it('a document closed before its analysis ran leaves nothing pending', async () => {
    const client = start();
    await client.initialize();
    // Open, a burst of changes (which defers the analysis) and close, with no pause between them.
    await client.open(URI, TD(true));
    for (let i = 0; i < 20; i++) await client.change(URI, TD(i % 2 === 0));
    await client.close(URI);
    // The server handles messages in order: the stats request comes after the close.
    const stats = await client.conn.sendRequest<{ pendingAnalyses: number; openDocuments: number }>('ecsGuard/stats');
    assert.deepEqual([stats.openDocuments, stats.pendingAnalyses], [0, 0]);
    assert.equal(await client.shutdown(), 0);
  });

  it('a handler that throws is caught and logged, and the server keeps serving', async () => {
    const client = start([], { env: { ECS_GUARD_FAULT: 'hover' } });
    await client.initialize();
    await client.open(URI, TD(true));
    const diags = await client.diagnosticsFor(URI, 1);
    assert.equal(await client.hover(URI, AT_VALUE.line, AT_VALUE.character), null);
    await client.waitFor(() => client.logs.length && client.stderr + client.logs.join('\n'), 'log');
    const actions = await client.codeActions(URI, diags.filter(d => d.code === 'privileged-container'));
    assert.ok(actions.some(a => a.kind === 'quickfix'), 'code actions still answered after the fault');
    const v2 = await client.change(URI, TD(false));
    assert.equal((await client.diagnosticsFor(URI, v2)).filter(d => d.code === 'privileged-container').length, 0);
    assert.equal(await client.shutdown(), 0);
  });

  it('answers a cancelled request with RequestCancelled or its result, and goes on', async () => {
    const client = start();
    await client.initialize();
    await client.open(URI, TD(true));
    await client.diagnosticsFor(URI, 1);
    const results: unknown[] = [];
    for (let i = 0; i < 20; i++) {
      const source = new (require('vscode-languageserver-protocol/node').CancellationTokenSource)();
      const p = client.conn.sendRequest('textDocument/hover', { textDocument: { uri: URI }, position: AT_VALUE }, source.token);
      source.cancel();
      results.push(await p.then(r => (r ? 'result' : 'null'), (e: { code: number }) => e.code));
    }
    for (const r of results) assert.ok(r === 'result' || r === 'null' || r === -32800, String(r));
    assert.ok(await client.hover(URI, AT_VALUE.line, AT_VALUE.character), 'an uncancelled request still answers');
    assert.equal(await client.shutdown(), 0);
  });

  it('keeps memory flat across 10,000 open/change/close cycles', async () => {
    const client = start([], { nodeArgs: ['--expose-gc'] });
    await client.initialize();
    const heap = async () => (await client.conn.sendRequest<{ memory: { heapUsed: number }; cachedAnalyses: number; openDocuments: number }>('ecsGuard/stats'));
    const cycles = async (from: number, n: number) => {
      for (let i = from; i < from + n; i++) {
        const uri = `file:///project/resilience/cycle-${i}.json`;
        await client.open(uri, TD(i % 2 === 0));
        await client.change(uri, TD(i % 2 === 1));
        await client.close(uri);
      }
      await client.waitFor(() => client.lastDiagnostics(`file:///project/resilience/cycle-${from + n - 1}.json`)?.diagnostics.length === 0, 'last close');
    };
    await cycles(0, 1000);
    const before = await heap();
    await cycles(1000, 9000);
    const after = await heap();
    assert.equal(after.openDocuments, 0);
    assert.equal(after.cachedAnalyses, 0);
    const growth = (after.memory.heapUsed - before.memory.heapUsed) / 1024 / 1024;
    assert.ok(growth < 8, `heap grew by ${growth.toFixed(1)} MB over 9,000 cycles`);
    assert.equal(await client.shutdown(), 0);
  });
});
