// Preloaded (`node --require`) into the server and the CLI by the security tests: records every
// module they load, every child process they try to start and every network connection they try
// to open, and writes the record to $ECS_GUARD_AUDIT_FILE when the process exits. Attempts to start
// a process or open a connection also fail, so a test sees them even if the record were lost.
import * as fs from 'node:fs';
import Module from 'node:module';

const record: { modules: string[]; processes: string[]; network: string[] } = { modules: [], processes: [], network: [] };
const out = process.env.ECS_GUARD_AUDIT_FILE;

const loader = Module as unknown as { _load: (request: string, parent: unknown, isMain: boolean) => unknown; _resolveFilename: (request: string, parent: unknown, isMain: boolean) => string };
const originalLoad = loader._load;
loader._load = function (request: string, parent: unknown, isMain: boolean) {
  try {
    record.modules.push(loader._resolveFilename(request, parent, isMain));
  } catch {
    record.modules.push(request);
  }
  return originalLoad.call(this, request, parent, isMain);
};

function trap(mod: Record<string, unknown>, names: string[], list: string[], what: string) {
  for (const name of names) {
    if (typeof mod[name] !== 'function') continue;
    mod[name] = (...args: unknown[]) => {
      list.push(`${what}.${name}(${String(args[0]).slice(0, 80)})`);
      throw new Error(`blocked by the security test: ${what}.${name}`);
    };
  }
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
trap(require('node:child_process'), ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'], record.processes, 'child_process');
trap(require('node:net'), ['connect', 'createConnection'], record.network, 'net');
trap(require('node:tls'), ['connect'], record.network, 'tls');
trap(require('node:http'), ['request', 'get'], record.network, 'http');
trap(require('node:https'), ['request', 'get'], record.network, 'https');
trap(require('node:dns'), ['lookup', 'resolve', 'resolve4', 'resolve6'], record.network, 'dns');
const net = require('node:net');
const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args: unknown[]) {
  const first = args[0] as { path?: string } | string | number;
  // The LSP transport itself may use a pipe given on the command line; anything else is a network use.
  if (typeof first === 'object' && first && typeof first.path === 'string') return originalConnect.apply(this, args);
  record.network.push(`net.Socket.connect(${JSON.stringify(first).slice(0, 80)})`);
  throw new Error('blocked by the security test: net.Socket.connect');
};

process.on('exit', () => {
  if (out) fs.writeFileSync(out, JSON.stringify(record));
});
