import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

/**
 * Runs every `*.test.js` in `dir` with mocha, the `run()` contract of VS Code's extension tests:
 * the promise rejects when a test fails, and VS Code's exit code follows.
 *
 * When ECS_GUARD_EXTHOST_RESULTS names a folder, `<name>.json` there receives the counts: the e2e
 * runner reads them there, a channel independent of the browser.
 */
export function runSuites(dir: string, name: string): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: 90_000 });
  for (const f of fs.readdirSync(dir).filter(f => f.endsWith('.test.js')).sort()) mocha.addFile(path.join(dir, f));
  return new Promise((resolve, reject) => {
    const runner = mocha.run(failures => {
      const passes = runner.stats?.passes ?? 0;
      const pending = runner.stats?.pending ?? 0;
      const out = process.env.ECS_GUARD_EXTHOST_RESULTS;
      if (out) fs.writeFileSync(path.join(out, `${name}.json`), JSON.stringify({ passes, failures, pending }) + '\n');
      if (failures > 0) reject(new Error(`${failures} of ${passes + failures} tests failed`));
      else if (passes === 0) reject(new Error(`no tests ran from ${dir}`));
      else resolve();
    });
  });
}
