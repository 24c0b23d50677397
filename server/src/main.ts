import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startServer } from './startServer';

// The transport (--stdio, --node-ipc, --socket=N) comes from the command line.
const connection = createConnection(ProposedFeatures.all);

// A bug in one handler must not take the editor's linting down with it: log and keep serving.
process.on('uncaughtException', e => connection.console.error(`uncaught: ${e instanceof Error ? e.stack ?? e.message : String(e)}`));
process.on('unhandledRejection', e => connection.console.error(`unhandled rejection: ${e instanceof Error ? e.stack ?? e.message : String(e)}`));

startServer(connection);
