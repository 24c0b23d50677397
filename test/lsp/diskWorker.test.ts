import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_SETTINGS } from '../../server/src/engine/types';
import { DiskAnalyzer } from '../../server/src/lsp/diskWorker';
import { DIST, EXAMPLES } from '../helpers/paths';

/** The nice value of each thread of this process, by thread id (Linux). */
function threadNice(): Map<number, number> {
  const out = new Map<number, number>();
  for (const tid of fs.readdirSync('/proc/self/task')) {
    const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    // Fields after the command name; the 19th field of the line is the nice value.
    out.set(Number(tid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]));
  }
  return out;
}

describe('disk-analysis worker', function () {
  this.timeout(30_000);

  it('analyses CDK code off the main thread, at a lower priority than the thread that answers the editor', async function () {
    if (process.platform !== 'linux') return this.skip();
    const before = threadNice();
    const analyzer = new DiskAnalyzer(path.join(DIST, 'server.js'), () => undefined);
    try {
      const file = path.join(EXAMPLES, 'cdk-typescript', 'insecure-stack.ts');
      const text = fs.readFileSync(file, 'utf8');
      assert.ok(analyzer.offThread(text, 'file:///project/lib/stack.ts'));
      const result = await analyzer.analyze(text, 'file:///project/lib/stack.ts', DEFAULT_SETTINGS);
      assert.ok(result.parsed && result.diagnostics.length > 0);
      const after = threadNice();
      const lowered = [...after].filter(([tid, nice]) => !before.has(tid) && nice === 10);
      assert.equal(lowered.length, 1, 'the worker thread, and only it, runs at nice 10');
      assert.equal(after.get(process.pid), before.get(process.pid), 'the main thread keeps its priority');
    } finally {
      await analyzer.release();
    }
  });
});
