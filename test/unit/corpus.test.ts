import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixViolations, run } from '../helpers/analysis';
import { corpusDir, filesUnder } from '../helpers/paths';

describe('real-world corpus: task-definition JSON', () => {
  it('analyses every file without a crash, recognising the task definitions, and every fix is sound', function () {
    this.timeout(60_000);
    const dir = corpusDir('taskdef-json');
    if (!dir) return this.skip();
    const files = filesUnder(dir, f => f.endsWith('.json'));
    assert.ok(files.length >= 100);
    let recognised = 0;
    const failures: string[] = [];
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8').replace(/^\uFEFF/, '');
      const uri = pathToFileURL(f).href;
      const r = run(text, uri);
      assert.equal(r.skipped, undefined, `${path.basename(f)}: ${r.skipped}`);
      if (r.parsed) recognised++;
      for (const v of fixViolations(text, uri)) failures.push(`${path.basename(f)}: ${v}`);
    }
    assert.deepEqual(failures, []);
    // A handful of corpus files are fragments that are not task definitions on their own.
    assert.ok(recognised >= files.length - 10, `recognised only ${recognised} of ${files.length}`);
  });
});
