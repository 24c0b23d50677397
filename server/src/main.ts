import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { startServer } from './startServer';

// The transport (--stdio, --node-ipc, --socket=N) comes from the command line.
startServer(createConnection(ProposedFeatures.all));
