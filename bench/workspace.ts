import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from '../test/helpers/lsp';
import { typicalCdkPython, typicalCdkStack, typicalTaskDefinition, typicalTemplate } from './inputs';
import { beginSection, figure, record } from './report';
import { stats } from './stats';

/** Irrelevant files a real repository is mostly made of, in the extensions we must still look at. */
const NOISE: [string, (i: number) => string][] = [
  ['.json', i => JSON.stringify({ name: `pkg-${i}`, version: '1.0.0', scripts: { build: 'tsc' }, dependencies: { lodash: '^4.17.21' } }, null, 2)],
  ['.yml', i => `name: ci-${i}\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm test\n`],
  ['.ts', i => Array.from({ length: 60 }, (_, j) => `export function f${i}_${j}(x: number): number { return x * ${j} + ${i}; }`).join('\n')],
  ['.js', i => Array.from({ length: 40 }, (_, j) => `exports.g${j} = (a, b) => a + b * ${i};`).join('\n')],
  ['.py', i => Array.from({ length: 50 }, (_, j) => `def h${i}_${j}(x):\n    return x * ${j}\n`).join('\n')],
  ['.md', i => `# Notes ${i}\n\nNothing to see.\n`],
];

/** ECS documents in every format, cycled. */
function ecsDocs(): [string, string][] {
  return [['.json', typicalTaskDefinition()], ['.yaml', typicalTemplate()], ['.ts', typicalCdkStack()], ['.py', typicalCdkPython()]];
}

/** Writes `total` files, `documents` of them ECS documents in mixed formats, across nested folders. */
export function generateTree(total: number, documents: number): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `ecs-guard-bench-${total}-`));
  const docs = ecsDocs();
  const every = Math.floor(total / documents);
  for (let i = 0; i < total; i++) {
    const dir = path.join(root, `svc-${i % 40}`, `mod-${Math.floor(i / 40) % 25}`);
    fs.mkdirSync(dir, { recursive: true });
    if (i % every === 0 && i / every < documents) {
      const [ext, text] = docs[(i / every) % docs.length];
      fs.writeFileSync(path.join(dir, `ecs-${i}${ext}`), text);
    } else {
      const [ext, make] = NOISE[i % NOISE.length];
      fs.writeFileSync(path.join(dir, `file-${i}${ext}`), make(i));
    }
  }
  fs.mkdirSync(path.join(root, 'node_modules', 'dep'), { recursive: true });
  fs.writeFileSync(path.join(root, 'node_modules', 'dep', 'td.json'), typicalTaskDefinition());
  return root;
}

/**
 * The workspace scan over LSP on a generated tree: wall time from `initialized` to the end of the
 * scan, throughput, the server's peak and settled memory, and how fast an open document is
 * analysed while the scan runs.
 */
export async function workspaceFigures(total: number, documents: number, checkResponsiveness: boolean): Promise<void> {
  beginSection(`Workspace scan: ${total.toLocaleString('en')} files, ${documents} ECS documents in four formats`);
  const root = generateTree(total, documents);
  const client = new LspClient([], { nodeArgs: ['--expose-gc'] });
  try {
    await client.initialize(
      { workspace: { configuration: true, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } }, window: { workDoneProgress: true } },
      { workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'bench' }] },
    );
    const t0 = performance.now();
    const responsive: number[] = [];
    const done = client.waitFor(() => client.notifications.find(n => n.method === 'ecsGuard/scanDone'), 'scan', 120_000);
    if (checkResponsiveness) {
      let finished = false;
      void done.then(() => { finished = true; });
      const text = typicalTaskDefinition();
      for (let i = 0; !finished && i < 500; i++) {
        // A file of the workspace, as a user opens one (not on disk: a new file, so the scan never reads it).
        const uri = pathToFileURL(path.join(root, `during-scan-${i}.json`)).href;
        const s = performance.now();
        await client.open(uri, text);
        await client.diagnosticsFor(uri, 1);
        responsive.push(performance.now() - s);
        await client.close(uri);
        await new Promise(r => setTimeout(r, 20));
      }
    }
    const end = (await done).params as { files: number; documents: number; ms: number };
    const wall = performance.now() - t0;
    figure('scan wall time', wall / 1000, 's', total >= 10_000 ? { atMost: 10 } : undefined, `${end.files} candidate files, ${end.documents} ECS documents found`);
    // The budget is the 10,000-file scan's; a small tree's scan is mostly the one-time load
    // of the CDK parsers on the worker, so its rate is shown without a budget, as its wall time is.
    figure('scan throughput (all files in the tree)', total / (wall / 1000), 'files/s', total >= 10_000 ? { atLeast: 1500 } : undefined);
    const st = await client.conn.sendRequest<{ memory: { rss: number; heapUsed: number }; maxRss: number }>('ecsGuard/stats');
    figure('server memory after the scan (RSS)', st.memory.rss / 1024 / 1024, 'MB', { atMost: 150 }, `heap ${(st.memory.heapUsed / 1024 / 1024).toFixed(0)} MB`);
    figure('server peak memory during the scan (max RSS)', st.maxRss / 1024 / 1024, 'MB');
    if (checkResponsiveness && responsive.length) record('open document → diagnostics while the scan runs', stats(responsive), { p99: 50 });
    else if (checkResponsiveness) figure('open document → diagnostics while the scan runs', NaN, 'ms', { atMost: 50 }, 'the scan ended before a document could be opened');
  } finally {
    await client.shutdown();
    fs.rmSync(root, { recursive: true, force: true });
  }
}
