import { ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import {
  CodeAction, CodeActionParams, Diagnostic, Hover, InitializeResult, ProtocolConnection, PublishDiagnosticsParams,
  StreamMessageReader, StreamMessageWriter, TextEdit, WorkspaceEdit, createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SERVER_EXEC_ARGV } from '../../server/src/serverFlags';
import { DIST } from './paths';

/**
 * A minimal LSP client that starts the real bundled server (`node dist/server.js --stdio`) as a
 * separate process and speaks the protocol to it, as an editor would.
 */
export class LspClient {
  readonly proc: ChildProcess;
  readonly conn: ProtocolConnection;
  private diagnostics = new Map<string, PublishDiagnosticsParams>();
  private waiters: (() => void)[] = [];
  readonly notifications: { method: string; params: unknown }[] = [];
  /** Every publishDiagnostics received, in order (uri and version). */
  readonly published: { uri: string; version?: number }[] = [];
  readonly logs: string[] = [];
  /** How many work-done progress tokens the server asked for. */
  progressCreated = 0;
  stderr = '';
  /** What `workspace/configuration` answers for section ecsGuard (per scope uri, or default). */
  settings: Record<string, unknown> = {};
  /** The scope of every settings request the server made, in order. */
  configurationScopes: (string | undefined)[] = [];
  docs = new Map<string, TextDocument>();

  constructor(args: string[] = [], options: { nodeArgs?: string[]; env?: Record<string, string> } = {}) {
    // Started as the extension starts it: the same Node options, then the test's own.
    this.proc = spawn(process.execPath, [...SERVER_EXEC_ARGV, ...(options.nodeArgs ?? []), path.join(DIST, 'server.js'), '--stdio', ...args], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...options.env },
    });
    this.proc.stderr!.on('data', d => { this.stderr += d; });
    this.conn = createProtocolConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.diagnostics.set(p.uri, p);
      this.published.push({ uri: p.uri, version: p.version });
      this.wake();
    });
    this.conn.onNotification('window/logMessage', (p: { message: string }) => { this.logs.push(p.message); this.wake(); });
    this.conn.onUnhandledNotification(n => { this.notifications.push({ method: n.method, params: n.params }); this.wake(); });
    this.conn.onRequest('workspace/configuration', (p: { items: { scopeUri?: string; section?: string }[] }) => {
      for (const item of p.items) this.configurationScopes.push(item.scopeUri);
      return p.items.map(() => this.settings);
    });
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', () => { this.progressCreated++; return null; });
    this.conn.listen();
  }

  private wake() {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  /** Resolves when `pred` holds, checking after every message; rejects after `ms`. */
  waitFor<T>(pred: () => T | undefined | false, what: string, ms = 10_000): Promise<T> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
      const check = () => {
        const v = pred();
        if (v) {
          clearTimeout(timer);
          resolve(v);
        } else this.waiters.push(check);
      };
      check();
    });
  }

  async initialize(capabilities: Record<string, unknown> = { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } }, extra: Record<string, unknown> = {}): Promise<InitializeResult> {
    const r = await this.conn.sendRequest<InitializeResult>('initialize', { processId: process.pid, rootUri: null, capabilities, ...extra });
    await this.conn.sendNotification('initialized', {});
    return r;
  }

  async open(uri: string, text: string, languageId = 'json', version = 1): Promise<void> {
    this.docs.set(uri, TextDocument.create(uri, languageId, version, text));
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Replaces the whole text (a full-range incremental change). */
  async change(uri: string, text: string): Promise<number> {
    const doc = this.docs.get(uri)!;
    const version = doc.version + 1;
    const range = { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) };
    this.docs.set(uri, TextDocument.update(doc, [{ range, text }], version));
    await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    return version;
  }

  /** Sends incremental edits, as an editor does while typing. */
  async edit(uri: string, edits: TextEdit[]): Promise<number> {
    const doc = this.docs.get(uri)!;
    const version = doc.version + 1;
    const changes = edits.map(e => ({ range: e.range, text: e.newText }));
    this.docs.set(uri, TextDocument.update(doc, changes, version));
    await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async close(uri: string): Promise<void> {
    this.docs.delete(uri);
    await this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Diagnostics published for `uri` at `version` (or any version when omitted). */
  diagnosticsFor(uri: string, version?: number): Promise<Diagnostic[]> {
    return this.waitFor(() => {
      const p = this.diagnostics.get(uri);
      if (!p) return undefined;
      if (version !== undefined && p.version !== version) return undefined;
      return p.diagnostics;
    }, `diagnostics for ${uri}${version !== undefined ? ` v${version}` : ''}`);
  }

  lastDiagnostics(uri: string): PublishDiagnosticsParams | undefined {
    return this.diagnostics.get(uri);
  }

  codeActions(uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const params: CodeActionParams = { textDocument: { uri }, range, context: { diagnostics, only } };
    return this.conn.sendRequest('textDocument/codeAction', params);
  }

  hover(uri: string, line: number, character: number): Promise<Hover | null> {
    return this.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } });
  }

  /** Applies a workspace edit's changes for `uri` to the client's copy (and tells the server). */
  async apply(uri: string, edit: WorkspaceEdit): Promise<number> {
    const change = edit.documentChanges?.find(c => 'textDocument' in c && c.textDocument.uri === uri) as { textDocument: { version: number }; edits: TextEdit[] } | undefined;
    const edits = change?.edits ?? edit.changes?.[uri] ?? [];
    const doc = this.docs.get(uri)!;
    if (change && change.textDocument.version !== doc.version) throw new Error(`edit for version ${change.textDocument.version}, document is at ${doc.version}`);
    const text = TextDocument.applyEdits(doc, edits);
    return this.change(uri, text);
  }

  text(uri: string): string {
    return this.docs.get(uri)!.getText();
  }

  async shutdown(): Promise<number | null> {
    try {
      await this.conn.sendRequest('shutdown');
      await this.conn.sendNotification('exit');
    } catch { /* already gone */ }
    const code = await new Promise<number | null>(resolve => {
      if (this.proc.exitCode !== null) return resolve(this.proc.exitCode);
      const t = setTimeout(() => { this.proc.kill(); resolve(null); }, 3000);
      this.proc.on('exit', c => { clearTimeout(t); resolve(c); });
    });
    this.conn.dispose();
    return code;
  }
}
