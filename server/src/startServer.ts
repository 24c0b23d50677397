import {
  CodeActionKind, Connection, DidChangeConfigurationNotification, TextDocumentSyncKind, TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FORMAT_LABELS } from './formats/adapter';
import { prepareDocument } from './formats';
import { FIX_ALL_KIND, codeActions } from './lsp/codeActions';
import { toDiagnostic } from './lsp/convert';
import { AnalysisCache } from './lsp/documentState';
import { hover } from './lsp/hover';
import { SettingsStore } from './lsp/settings';
import { VERSION } from './meta';

/** Sent to the client after each analysis, for the language status item. */
export interface StatusParams {
  uri: string;
  version: number;
  /** A label for the recognised format, or null when the document is not an ECS document. */
  format: string | null;
  findings: number;
  /** Syntax errors: the findings cover what parsed. */
  problems: number;
  /** Why the document was not analysed, if it was not. */
  skipped?: string;
  /** Analysis time in milliseconds. */
  ms: number;
}
export const STATUS_NOTIFICATION = 'ecsGuard/status';

/** Wires the LSP handlers to the engine. No analysis logic lives here. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const log = (msg: string) => connection.console.log(msg);
  const settingsStore = new SettingsStore(connection, log);
  const cache = new AnalysisCache();
  const scheduled = new Map<string, NodeJS.Immediate>();

  /** Runs a handler; an internal error is logged and answered with `fallback`, never thrown at the client. */
  const safely = <T>(what: string, fallback: T, fn: () => T): T => {
    try {
      return fn();
    } catch (e) {
      connection.console.error(`${what} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      return fallback;
    }
  };

  connection.onInitialize(params => {
    settingsStore.supported = !!params.capabilities.workspace?.configuration;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        hoverProvider: true,
      },
      serverInfo: { name: 'ecs-guard', version: VERSION },
    };
  });

  connection.onInitialized(() => {
    if (settingsStore.supported) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'ecsGuard' }).catch(() => undefined);
    }
    log(`ECS Guard ${VERSION} language server ready`);
  });

  /** Analyses the document's current version and publishes; a newer version reschedules itself. */
  const validate = async (uri: string) => {
    const doc = documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const { enable, settings } = await settingsStore.get(uri);
    await prepareDocument(doc.getText(), uri, doc.languageId);
    const current = documents.get(uri);
    if (!current || current.version !== version) return; // a newer change has its own run queued
    if (!enable) {
      void connection.sendDiagnostics({ uri, version, diagnostics: [] });
      return;
    }
    safely(`analysis of ${uri}`, undefined, () => {
      const { result, ms } = cache.get(current, settings);
      const diagnostics = result.findings.map(f => toDiagnostic(current, f));
      void connection.sendDiagnostics({ uri, version, diagnostics });
      const status: StatusParams = {
        uri, version, format: result.format ? FORMAT_LABELS[result.format] : null, findings: result.findings.length,
        problems: result.problems.length, skipped: result.skipped, ms: Math.round(ms * 100) / 100,
      };
      void connection.sendNotification(STATUS_NOTIFICATION, status);
      if (result.skipped) log(`${uri}: ${result.skipped}`);
    });
  };

  /** Coalesces bursts of changes: one analysis per turn of the event loop, for the latest version. */
  const schedule = (uri: string) => {
    if (scheduled.has(uri)) return;
    scheduled.set(uri, setImmediate(() => {
      scheduled.delete(uri);
      validate(uri).catch(e => connection.console.error(`validation of ${uri} failed: ${e instanceof Error ? e.message : String(e)}`));
    }));
  };

  documents.onDidOpen(e => schedule(e.document.uri));
  documents.onDidChangeContent(e => schedule(e.document.uri));
  documents.onDidClose(e => {
    const t = scheduled.get(e.document.uri);
    if (t) clearImmediate(t);
    scheduled.delete(e.document.uri);
    cache.delete(e.document.uri);
    settingsStore.forget(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onDidChangeConfiguration(() => {
    settingsStore.clear();
    cache.clear();
    for (const d of documents.all()) schedule(d.uri);
  });

  connection.onCodeAction(async params => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const version = doc.version;
    const { enable, settings } = await settingsStore.get(doc.uri);
    const current = documents.get(doc.uri);
    if (!enable || !current || current.version !== version) return []; // stale request
    return safely('code actions', [], () => codeActions(current, cache.get(current, settings).result, settings, params));
  });

  connection.onHover(async params => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const { enable, settings } = await settingsStore.get(doc.uri);
    if (!enable) return null;
    return safely('hover', null, () => hover(doc, cache.get(doc, settings).result, params.position));
  });

  documents.listen(connection);
  connection.listen();
}
