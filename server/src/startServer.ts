import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeAction, CodeActionKind, Connection, Diagnostic, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification,
  FileChangeType, LSPErrorCodes, ResponseError, TextDocumentSyncKind, TextDocuments, WorkDoneProgressServerReporter,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TASK_ROLE_REUSED } from './engine/roleIndex';
import type { Settings } from './engine/types';
import { FORMAT_LABELS } from './formats/adapter';
import { prepareDocument } from './formats';
import { typescriptIfLoaded } from './formats/cdk/typescriptLoader';
import { pythonGrammarLoadMs } from './formats/cdkPython';
import { FIX_ALL_KIND, codeActions } from './lsp/codeActions';
import { sameRange, toDiagnostic, toRange } from './lsp/convert';
import { DiskAnalyzer } from './lsp/diskWorker';
import { AnalysisCache } from './lsp/documentState';
import { hover } from './lsp/hover';
import { ignoreActions } from './lsp/ignoreActions';
import { SettingsStore } from './lsp/settings';
import { WorkspaceState, isCandidate, uriToPath } from './lsp/workspace';
import { CONFIG_FILE_NAME, globMatch, relativePath } from './engine/config';
import { VERSION } from './meta';

/** Sent to the client after each analysis of an open document, for the language status item. */
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
/** Sent when a workspace scan ends (also when cancelled). */
export const SCAN_DONE_NOTIFICATION = 'ecsGuard/scanDone';
/** The server's command that (re)starts the workspace scan. */
export const SCAN_COMMAND = 'ecsGuard.server.scanWorkspace';

/**
 * Answers { memory, maxRss (bytes, the peak), openDocuments, cachedAnalyses, diskFiles, typescriptLoaded,
 * pythonLoaded, diskWorker, pendingAnalyses } (run with --expose-gc to collect first).
 */
export const STATS_REQUEST = 'ecsGuard/stats';

/**
 * Fault injection for the resilience tests: ECS_GUARD_FAULT=hover (or codeAction, analysis) makes that
 * handler throw, to prove that a failing handler is caught, logged and the server keeps serving.
 */
const FAULT = process.env.ECS_GUARD_FAULT;
function fault(where: string): void {
  if (FAULT === where) throw new Error(`injected fault in ${where}`);
}

/** Wires the LSP handlers to the engine. No analysis logic lives here. */
export function startServer(connection: Connection, options: { workerScript?: string } = {}): void {
  const documents = new TextDocuments(TextDocument);
  const log = (msg: string) => connection.console.log(msg);
  const settingsStore = new SettingsStore(connection, log);
  const cache = new AnalysisCache();
  const workspace = new WorkspaceState(new DiskAnalyzer(options.workerScript, log));
  const scheduled = new Map<string, NodeJS.Timeout>();
  let progressSupported = false;
  let watchSupported = false;
  let scanGeneration = 0;

  /** Runs a handler; an internal error is logged and answered with `fallback`, never thrown at the client. */
  const safely = <T>(what: string, fallback: T, fn: () => T): T => {
    try {
      return fn();
    } catch (e) {
      connection.console.error(`${what} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      return fallback;
    }
  };

  /**
   * The scope to ask the editor for a file's settings in: its workspace folder. Every ECS Guard
   * setting is resource-scoped (not language-overridable), so VS Code resolves it per folder, the
   * same for every file in it; asking per folder rather than per file saves a round trip to the
   * editor for each file opened (during a workspace scan, that round trip was most of the time
   * from opening a file to its diagnostics). A file outside every folder is its own scope.
   */
  const folderScope = (uri: string) => {
    const file = uriToPath(uri);
    return (file && workspace.folderOf(file)?.uri) || uri;
  };

  /** Editor settings layered over the file's .ecs-guard.json. */
  const effective = async (uri: string): Promise<{ enable: boolean; settings: Settings }> => {
    const editor = await settingsStore.get(folderScope(uri));
    return { enable: editor.enable, settings: workspace.settingsFor(uri, editor.settings) };
  };

  connection.onInitialize(params => {
    settingsStore.supported = !!params.capabilities.workspace?.configuration;
    progressSupported = !!params.capabilities.window?.workDoneProgress;
    watchSupported = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []);
    workspace.folders = folders.flatMap(f => {
      const p = uriToPath(f.uri);
      return p ? [{ uri: f.uri, path: p }] : [];
    });
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
        hoverProvider: true,
        executeCommandProvider: { commands: [SCAN_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'ecs-guard', version: VERSION },
    };
  });

  connection.onInitialized(() => {
    if (settingsStore.supported) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'ecsGuard' }).catch(() => undefined);
    }
    if (watchSupported) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [
          { globPattern: '**/*.{json,jsonc,template,yaml,yml,ts,tsx,js,mjs,cjs,py}' },
          { globPattern: `**/${CONFIG_FILE_NAME}` },
          { globPattern: '**/.gitignore' },
        ],
      }).catch(() => undefined);
    }
    if (workspace.folders.length) {
      connection.workspace.onDidChangeWorkspaceFolders(e => {
        const removed = new Set(e.removed.map(f => f.uri));
        workspace.folders = workspace.folders.filter(f => !removed.has(f.uri));
        for (const f of e.added) {
          const p = uriToPath(f.uri);
          if (p) workspace.folders.push({ uri: f.uri, path: p });
        }
        void rescan();
      });
    }
    log(`ECS Guard ${VERSION} language server ready (${workspace.folders.length} workspace folder${workspace.folders.length === 1 ? '' : 's'})`);
    void scan();
  });

  /**
   * The cross-file findings last published per document, as text: a document republished because
   * another one changed is sent only if its own cross-file findings read differently now (a file
   * of the same family joining its role, for one, changes nothing in what it says).
   */
  const crossSent = new Map<string, string>();

  /**
   * Publishes a document's diagnostics: the open buffer's or the disk's, plus cross-file findings.
   * With `onlyIfCrossFileChanged`, nothing is sent when its cross-file findings are what they were.
   */
  const publish = async (uri: string, onlyIfCrossFileChanged = false) => {
    const doc = documents.get(uri);
    const { enable, settings } = await effective(uri);
    const current = documents.get(uri);
    if (current !== doc || (doc && current && current.version !== doc.version)) return; // superseded
    const name = (d: string) => {
      const p = uriToPath(d);
      const folder = p && workspace.folderOf(p);
      return p ? (folder ? path.relative(folder.path, p) : path.basename(p)) : d;
    };
    const crossSeverity = settings.rules[TASK_ROLE_REUSED];
    const cross = enable && crossSeverity !== 'off' ? workspace.roles.findingsFor(uri, crossSeverity ?? 'warning', name) : [];
    const crossText = cross.length ? JSON.stringify(cross.map(f => [f.severity, f.span.start, f.span.end, f.message])) : '';
    if (onlyIfCrossFileChanged && (crossSent.get(uri) ?? '') === crossText) return;
    if (crossText) crossSent.set(uri, crossText);
    else crossSent.delete(uri);
    let diagnostics: Diagnostic[] = [];
    let version: number | undefined;
    if (!enable) {
      diagnostics = [];
    } else if (doc) {
      version = doc.version;
      const { result } = cache.get(doc, settings);
      diagnostics = result.findings.map(f => toDiagnostic(doc, f));
      for (const f of cross) diagnostics.push(toDiagnostic(doc, f));
    } else {
      diagnostics = [...(workspace.diskDiagnostics(uri) ?? [])];
      const uses = cross.length ? workspace.roles.uses(uri) : [];
      for (const f of cross) {
        const use = uses.find(u => u.span === f.span);
        const range = use && workspace.diskUseRange(uri, use);
        if (range) diagnostics.push({ ...toDiagnostic(TextDocument.create(uri, 'plaintext', 0, ''), f), range });
      }
    }
    await connection.sendDiagnostics({ uri, version, diagnostics }).catch(() => undefined);
  };

  /**
   * Open documents whose analysis is scheduled or under way. Background work (the workspace scan,
   * republishing) stands aside while there are any: an analysis takes several event-loop turns (a
   * settings request to the editor, its answer, the diagnostics written back) and each turn taken
   * by background work would add its slice.
   */
  const editorWork = new Set<string>();

  /** Waits while the editor's analyses run, but never longer than a quarter of a second (an editor that never answers a settings request must not stop background work). */
  const editorFirst = async (stop: () => boolean = () => false) => {
    for (const until = performance.now() + 250; editorWork.size > 0 && performance.now() < until && !stop();) await new Promise(r => setTimeout(r, 1));
  };

  // Diagnostics sent in the background (the scan's, republished files'). vscode-jsonrpc writes one
  // message per event-loop turn: unchecked, background messages queue up faster than they drain,
  // and the editor's own (a configuration request for a file just opened, its diagnostics) wait
  // behind hundreds of them. So background senders wait while more than a few are unwritten.
  const BACKGROUND_UNWRITTEN = 4;
  let unwritten = 0;
  const onWritten: (() => void)[] = [];
  const sendInBackground = (uri: string, onlyIfCrossFileChanged = false) => {
    unwritten++;
    void publish(uri, onlyIfCrossFileChanged).finally(() => {
      unwritten--;
      for (const wake of onWritten.splice(0)) wake();
    });
  };
  /** Resolves once at most `limit` background messages are unwritten, `stop()` holds, or `maxMs` has passed. */
  const backgroundWritten = async (limit = BACKGROUND_UNWRITTEN, stop: () => boolean = () => false, maxMs = Infinity) => {
    const until = performance.now() + maxMs;
    while (unwritten > limit && !stop() && performance.now() < until) {
      await new Promise<void>(r => {
        onWritten.push(r);
        setTimeout(r, 50); // to look at stop() and the clock again even if nothing is written
      });
    }
  };

  /**
   * Documents whose cross-file findings changed because another document changed (a task role
   * that one more or one fewer file shares). There can be hundreds for one change, so they are
   * republished in the background: each once however often it is named meanwhile, after the
   * editor's own analyses (the document being edited is what the user looks at).
   */
  const republish = new Set<string>();
  let republishing = false;
  const publishAffected = (uris: string[] | undefined) => {
    for (const u of uris ?? []) republish.add(u);
    if (republish.size === 0 || republishing) return;
    republishing = true;
    void (async () => {
      try {
        while (republish.size > 0) {
          await editorFirst();
          const [next] = republish;
          republish.delete(next);
          sendInBackground(next, true);
          await backgroundWritten();
        }
      } finally {
        republishing = false;
      }
    })();
  };

  /** Analyses an open document's current version and publishes; a newer version reschedules itself. */
  const validate = async (uri: string) => {
    const doc = documents.get(uri);
    if (!doc) return;
    const version = doc.version;
    const { enable, settings } = await effective(uri);
    await prepareDocument(doc.getText(), uri, doc.languageId);
    const current = documents.get(uri);
    if (!current || current.version !== version) return; // a newer change has its own run queued
    if (!enable) {
      void connection.sendDiagnostics({ uri, version, diagnostics: [] });
      return;
    }
    const affected = safely(`analysis of ${uri}`, undefined, () => {
      fault('analysis');
      const { result, ms } = cache.get(current, settings);
      const status: StatusParams = {
        uri, version, format: result.format ? FORMAT_LABELS[result.format] : null, findings: result.findings.length,
        problems: result.problems.length, skipped: result.skipped, ms: Math.round(ms * 100) / 100,
      };
      void connection.sendNotification(STATUS_NOTIFICATION, status);
      if (result.skipped) log(`${uri}: ${result.skipped}`);
      return workspace.roles.set(uri, result.roleUses ?? []);
    });
    await publish(uri);
    publishAffected(affected);
  };

  /**
   * Analyses a changed document at once, unless changes are arriving in a burst (a paste, a
   * replace-all, a tool rewriting the file): then it waits for a 2 ms lull (at most 30 ms), so a
   * burst costs a few analyses, not one per change. Typing is never delayed: keystrokes are
   * tens of milliseconds apart.
   */
  const schedule = (uri: string) => {
    editorWork.add(uri);
    const now = performance.now();
    const last = lastChange.get(uri);
    lastChange.set(uri, now);
    const pending = scheduled.get(uri);
    const run = () => {
      scheduled.delete(uri);
      burstStart.delete(uri);
      validate(uri)
        .catch(e => connection.console.error(`validation of ${uri} failed: ${e instanceof Error ? e.message : String(e)}`))
        .finally(() => editorWork.delete(uri));
    };
    if (last === undefined || now - last > 2) {
      if (!pending) scheduled.set(uri, setTimeout(run, 0));
      return;
    }
    if (pending) clearTimeout(pending);
    const first = burstStart.get(uri) ?? now;
    burstStart.set(uri, first);
    scheduled.set(uri, setTimeout(run, now - first > 30 ? 0 : 2));
  };
  const lastChange = new Map<string, number>();
  const burstStart = new Map<string, number>();

  /** Whether a file on disk belongs to the workspace scan (a folder's file, not excluded). */
  const inScan = async (file: string): Promise<boolean> => {
    const folder = workspace.folderOf(file);
    if (!folder || !isCandidate(file)) return false;
    const s = await settingsStore.get(folder.uri);
    if (!s.workspaceScan || !s.enable) return false;
    if (workspace.skipRules.skips(folder.path, file)) return false;
    if (s.exclude.some(g => globMatch(g, relativePath(folder.path, file)))) return false;
    return !workspace.excludedByConfig(file);
  };

  const editorSettingsFor = async (uri: string) => (await effective(uri)).settings;

  /** Re-reads one file from disk (unless it is open: the editor's buffer always wins). */
  const refreshFromDisk = async (file: string) => {
    const uri = pathToUri(file);
    if (documents.get(uri)) return;
    const affected = (await inScan(file)) ? await workspace.analyzeFromDisk(file, editorSettingsFor, log, () => !documents.get(uri)) : workspace.forget(uri);
    await publish(uri);
    publishAffected(affected);
  };

  /** Scans every workspace folder in the background, yielding to editor requests between files. */
  const scan = async () => {
    const generation = ++scanGeneration;
    const cancelled = () => generation !== scanGeneration;
    if (workspace.folders.length === 0) return;
    let reporter: WorkDoneProgressServerReporter | undefined;
    if (progressSupported) {
      try {
        reporter = await connection.window.createWorkDoneProgress();
        reporter.begin('ECS Guard', 0, 'Scanning the workspace for task definitions…', true);
        reporter.token.onCancellationRequested(() => { if (generation === scanGeneration) scanGeneration++; });
      } catch {
        reporter = undefined;
      }
    }
    const t0 = performance.now();
    let files = 0;
    let documentsFound = 0;
    try {
      const all: string[] = [];
      for (const folder of workspace.folders) {
        const s = await settingsStore.get(folder.uri);
        if (!s.workspaceScan || !s.enable) continue;
        all.push(...await workspace.candidates(folder, s.exclude, cancelled));
        if (cancelled()) return;
      }
      let lastReport = performance.now();
      let slice = performance.now();
      // Files whose cross-file findings a later file may change: published once, when the scan ends,
      // not once per file that shares their task role (that would be quadratic in a big repository).
      const pending = new Set<string>();
      // Files analysed on the worker thread (CDK code): the scan goes on while they are.
      const offThread = new Set<Promise<void>>();
      const stored = (uri: string, affected: string[] | undefined) => {
        if (affected === undefined || cancelled()) return;
        if (workspace.hasDisk(uri)) documentsFound++;
        sendInBackground(uri);
        for (const a of affected) pending.add(a);
      };
      for (const file of all) {
        if (cancelled()) break;
        files++;
        const uri = pathToUri(file);
        if (!documents.get(uri)) {
          // (An off-thread result is dropped if the scan was cancelled or the file opened meanwhile: the buffer wins.)
          const job = workspace.startFromDisk(file, editorSettingsFor, log, () => !cancelled() && !documents.get(uri));
          if (job.offThread) {
            const p: Promise<void> = job.done.then(affected => stored(uri, affected)).finally(() => offThread.delete(p));
            offThread.add(p);
            if (offThread.size >= 4) await Promise.race(offThread);
          } else {
            stored(uri, await job.done);
          }
        }
        // Let editor requests in: never hold the event loop for more than a few milliseconds.
        if (editorWork.size > 0 || unwritten > BACKGROUND_UNWRITTEN) {
          await editorFirst(cancelled);
          await backgroundWritten(BACKGROUND_UNWRITTEN, cancelled);
          slice = performance.now();
        } else if (performance.now() - slice > 8) {
          await new Promise(r => setImmediate(r));
          slice = performance.now();
        }
        if (reporter && performance.now() - lastReport > 200) {
          reporter.report(Math.floor((files / all.length) * 100), `${files}/${all.length} files`);
          lastReport = performance.now();
        }
      }
      await Promise.all(offThread);
      for (const uri of pending) {
        sendInBackground(uri, true); // published when the scan read it: again only if what it shares changed since
        await backgroundWritten(BACKGROUND_UNWRITTEN, cancelled);
      }
      // Everything the scan published is written before the editor hears that the scan is done.
      // (Bounded: a client that stops reading must not keep the scan open for ever.)
      await backgroundWritten(0, cancelled, 2000);
    } finally {
      // Its memory goes back before the editor hears that the scan is done.
      await workspace.analyzer.release();
      reporter?.done();
      const ms = Math.round(performance.now() - t0);
      if (generation === scanGeneration) log(`workspace scan: ${files} candidate files, ${documentsFound} ECS documents, ${ms} ms`);
      void connection.sendNotification(SCAN_DONE_NOTIFICATION, { files, documents: documentsFound, ms, cancelled: generation !== scanGeneration });
    }
  };

  /** Forgets everything read from disk and scans again (settings, configuration or folders changed). */
  const rescan = async () => {
    workspace.config.invalidate();
    workspace.skipRules.invalidate();
    for (const uri of workspace.diskUris()) {
      const affected = workspace.forget(uri);
      void connection.sendDiagnostics({ uri, diagnostics: [] });
      publishAffected(affected);
    }
    await scan();
  };

  documents.onDidOpen(e => schedule(e.document.uri));
  documents.onDidChangeContent(e => schedule(e.document.uri));
  documents.onDidClose(e => {
    const uri = e.document.uri;
    const t = scheduled.get(uri);
    if (t) clearTimeout(t);
    scheduled.delete(uri);
    editorWork.delete(uri); // its analysis, if cancelled above, will never end to say so
    lastChange.delete(uri);
    burstStart.delete(uri);
    cache.delete(uri);
    settingsStore.forget(uri);
    const file = uriToPath(uri);
    void (async () => {
      // A closed file of the workspace keeps its findings from disk; any other leaves the Problems panel.
      if (file && (await inScan(file))) await refreshFromDisk(file);
      else {
        const affected = workspace.forget(uri);
        void connection.sendDiagnostics({ uri, diagnostics: [] });
        publishAffected(affected);
      }
    })();
  });

  connection.onDidChangeConfiguration(() => {
    settingsStore.clear();
    cache.clear();
    for (const d of documents.all()) schedule(d.uri);
    void rescan();
  });

  connection.onDidChangeWatchedFiles(params => {
    let structural = false;
    for (const change of params.changes) {
      const file = uriToPath(change.uri);
      if (!file) continue;
      const base = path.basename(file);
      if (base === CONFIG_FILE_NAME || base === '.gitignore') {
        structural = true;
        continue;
      }
      if (change.type === FileChangeType.Deleted) {
        if (documents.get(change.uri)) continue;
        const affected = workspace.forget(change.uri);
        void connection.sendDiagnostics({ uri: change.uri, diagnostics: [] });
        publishAffected(affected);
      } else {
        void refreshFromDisk(file);
      }
    }
    if (structural) {
      cache.clear();
      for (const d of documents.all()) schedule(d.uri);
      void rescan();
    }
  });

  connection.onExecuteCommand(async params => {
    if (params.command === SCAN_COMMAND) await rescan();
  });

  connection.onCodeAction(async (params, token) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const version = doc.version;
    const { enable, settings } = await effective(doc.uri);
    await prepareDocument(doc.getText(), doc.uri, doc.languageId); // a parser loaded on demand: wait for it
    if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    const current = documents.get(doc.uri);
    if (!enable || !current || current.version !== version) return []; // stale request
    return safely('code actions', [] as CodeAction[], () => {
      fault('codeAction');
      const { result } = cache.get(current, settings);
      const actions = codeActions(current, result, settings, params);
      const only = params.context.only;
      if (result.format && (!only || only.some(o => CodeActionKind.QuickFix.startsWith(o)))) {
        const file = uriToPath(current.uri);
        const folder = file ? workspace.folderOf(file) : undefined;
        for (const d of params.context.diagnostics) {
          if (d.source !== 'ecs-guard') continue;
          const f = result.findings.find(x => x.ruleId === d.code && sameRange(toRange(current, x.span), d.range))
            ?? (d.code === TASK_ROLE_REUSED ? { ruleId: TASK_ROLE_REUSED, severity: 'warning' as const, message: '', span: { start: current.offsetAt(d.range.start), end: current.offsetAt(d.range.end) } } : undefined);
          if (f) actions.push(...ignoreActions(current, result.format, f, d, workspace.config, folder, uri => documents.get(uri)));
        }
      }
      return actions;
    });
  });

  connection.onHover(async (params, token) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const { enable, settings } = await effective(doc.uri);
    await prepareDocument(doc.getText(), doc.uri, doc.languageId);
    if (token.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    if (!enable) return null;
    return safely('hover', null, () => {
      fault('hover');
      return hover(doc, cache.get(doc, settings).result, params.position);
    });
  });

  // Figures for the benchmark and the resilience tests: memory, and how much the server holds.
  connection.onRequest(STATS_REQUEST, () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    return {
      memory: process.memoryUsage(), maxRss: process.resourceUsage().maxRSS * 1024, openDocuments: documents.all().length, cachedAnalyses: cache.size,
      diskFiles: workspace.diskUris().length,
      // Which parsers this thread has loaded, and whether the disk-analysis worker is running.
      typescriptLoaded: typescriptIfLoaded() !== undefined, pythonLoaded: pythonGrammarLoadMs() !== undefined, diskWorker: workspace.analyzer.running,
      // Open documents whose analysis is scheduled or running (the workspace scan stands aside for them).
      pendingAnalyses: editorWork.size,
    };
  });

  connection.onShutdown(() => workspace.analyzer.dispose());

  documents.listen(connection);
  connection.listen();
}

const pathToUri = (p: string) => pathToFileURL(p).href;
