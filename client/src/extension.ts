import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { SERVER_EXEC_ARGV } from '../../server/src/serverFlags';

/** The languages whose documents ECS Guard reads; content decides whether a document is ours. */
export const LANGUAGES = ['json', 'jsonc', 'yaml', 'typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'python'];

interface StatusParams {
  uri: string;
  version: number;
  format: string | null;
  findings: number;
  problems: number;
  skipped?: string;
  ms: number;
}

let client: LanguageClient | undefined;
let starting: Promise<void> | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const activationStart = performance.now();
  const activationCpu = process.cpuUsage();
  const output = vscode.window.createOutputChannel('ECS Guard', { log: true });
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: SERVER_EXEC_ARGV } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6019'] } },
  };
  const selector = LANGUAGES.map(language => ({ language }));
  const clientOptions: LanguageClientOptions = {
    documentSelector: selector,
    outputChannel: output,
    diagnosticCollectionName: 'ecs-guard',
  };
  client = new LanguageClient('ecsGuard', 'ECS Guard', serverOptions, clientOptions);

  const status = vscode.languages.createLanguageStatusItem('ecsGuard.status', selector);
  status.name = 'ECS Guard';
  status.command = { title: 'Show output', command: 'ecsGuard.showOutput' };
  const byUri = new Map<string, StatusParams>();
  const render = () => {
    const editor = vscode.window.activeTextEditor;
    const s = editor && byUri.get(editor.document.uri.toString());
    if (!s || s.version !== editor?.document.version && s.version < (editor?.document.version ?? 0) - 1) {
      status.text = 'ECS Guard';
      status.detail = s ? 'analysing…' : 'waiting for analysis';
      status.severity = vscode.LanguageStatusSeverity.Information;
      return;
    }
    if (s.skipped) {
      status.text = 'ECS Guard: not analysed';
      status.detail = s.skipped;
      status.severity = vscode.LanguageStatusSeverity.Warning;
    } else if (!s.format) {
      status.text = 'ECS Guard: not a task definition';
      status.detail = 'No ECS task definition recognised in this file';
      status.severity = vscode.LanguageStatusSeverity.Information;
    } else {
      status.text = `ECS Guard: ${s.format}`;
      status.detail = `${s.findings} finding${s.findings === 1 ? '' : 's'} · analysed in ${s.ms} ms${s.problems ? ` · ${s.problems} syntax error${s.problems === 1 ? '' : 's'} (the rest was analysed)` : ''}`;
      status.severity = s.problems ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    }
  };
  context.subscriptions.push(
    output,
    status,
    vscode.window.onDidChangeActiveTextEditor(render),
    vscode.workspace.onDidCloseTextDocument(d => byUri.delete(d.uri.toString())),
    vscode.commands.registerCommand('ecsGuard.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('ecsGuard.restartServer', async () => {
      await client?.restart();
    }),
    vscode.commands.registerCommand('ecsGuard.scanWorkspace', async () => {
      await client?.sendRequest('workspace/executeCommand', { command: 'ecsGuard.server.scanWorkspace', arguments: [] });
    }),
    vscode.commands.registerCommand('ecsGuard.fixAll', async () => {
      // The server's source.fixAll.ecsGuard action: every safe fix in the active file.
      await vscode.commands.executeCommand('editor.action.sourceAction', { kind: 'source.fixAll.ecsGuard', apply: 'first' });
    }),
    vscode.commands.registerCommand('ecsGuard.showRuleDocumentation', async (ruleId?: string) => {
      const id = typeof ruleId === 'string' ? ruleId : await pickRule(context);
      if (!id) return;
      const page = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${id}.md`);
      await vscode.commands.executeCommand('markdown.showPreview', page);
    }),
  );
  client.onNotification('ecsGuard/status', (s: StatusParams) => {
    byUri.set(s.uri, s);
    render();
  });
  render();
  // Not awaited: starting the server (a Node process and the initialize handshake) takes longer than
  // activation should (VS Code flags slow activations); the client queues requests until it is up,
  // and reports a failed start in the output channel and a notification.
  starting = client.start().catch(e => output.error(`The language server did not start: ${e instanceof Error ? e.message : String(e)}`));
  // The e2e run reads this line (test/e2e/run.ts) to hold activation to its budget. CPU time is the
  // work done; elapsed time also counts waiting for a busy machine's processor.
  const cpu = process.cpuUsage(activationCpu);
  output.info(`activated in ${(performance.now() - activationStart).toFixed(1)} ms (CPU ${((cpu.user + cpu.system) / 1000).toFixed(1)} ms)`);
}

/** Asks which rule to document, starting with the ECS Guard finding under the cursor. */
async function pickRule(context: vscode.ExtensionContext): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  const here = editor && vscode.languages.getDiagnostics(editor.document.uri)
    .find(d => d.source === 'ecs-guard' && d.range.contains(editor.selection.active));
  const code = here && (typeof here.code === 'object' ? here.code.value : here.code);
  if (code !== undefined) return String(code);
  const dir = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules');
  const entries = await vscode.workspace.fs.readDirectory(dir);
  const ids = entries.map(([name]) => name).filter(n => n.endsWith('.md')).map(n => n.slice(0, -3)).sort();
  return vscode.window.showQuickPick(ids, { placeHolder: 'Which ECS Guard rule?' });
}

export async function deactivate(): Promise<void> {
  // A client still starting cannot be stopped: let the start settle first.
  await starting;
  await client?.stop();
  client = undefined;
}
