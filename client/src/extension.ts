import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';

/** The languages whose documents ECS Guard reads; content decides whether a document is ours. */
export const LANGUAGES = ['json', 'jsonc'];

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
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
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

export async function deactivate(): Promise<void> {
  // A client still starting cannot be stopped: let the start settle first.
  await starting;
  await client?.stop();
  client = undefined;
}
