import { isMainThread, workerData } from 'node:worker_threads';
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { DISK_WORKER_ROLE, runDiskWorker } from './lsp/diskWorker';
import { startServer } from './startServer';

if (!isMainThread && (workerData as { role?: string } | undefined)?.role === DISK_WORKER_ROLE) {
  // This bundle, started again as the server's disk-analysis worker (see lsp/diskWorker.ts).
  runDiskWorker();
} else {
  // The transport (--stdio, --node-ipc, --socket=N) comes from the command line.
  const connection = createConnection(ProposedFeatures.all);

  // A bug in one handler must not take the editor's linting down with it: log and keep serving.
  process.on('uncaughtException', e => connection.console.error(`uncaught: ${e instanceof Error ? e.stack ?? e.message : String(e)}`));
  process.on('unhandledRejection', e => connection.console.error(`unhandled rejection: ${e instanceof Error ? e.stack ?? e.message : String(e)}`));

  startServer(connection, { workerScript: __filename });
}
