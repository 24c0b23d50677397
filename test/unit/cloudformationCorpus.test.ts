import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixViolations, run } from '../helpers/analysis';
import { corpusDir, filesUnder } from '../helpers/paths';

describe('real-world corpus: CloudFormation and SAM templates', () => {
  it('recognises every template, analyses it without a crash, and every fix is sound', function () {
    this.timeout(120_000);
    const dir = corpusDir('cfn');
    if (!dir) return this.skip();
    const files = filesUnder(dir, f => /\.(ya?ml|json|template)$/.test(f));
    assert.ok(files.length >= 40, `only ${files.length} templates`);
    const failures: string[] = [];
    let tasks = 0;
    let containers = 0;
    for (const f of files) {
      const text = fs.readFileSync(f, 'utf8').replace(/^\uFEFF/, '');
      const uri = pathToFileURL(f).href;
      const r = run(text, uri);
      const name = path.basename(f);
      assert.equal(r.skipped, undefined, `${name}: ${r.skipped}`);
      assert.ok(r.format?.startsWith('cloudformation-'), `${name}: not recognised`);
      assert.deepEqual(r.problems, [], `${name}: syntax errors in a template CloudFormation accepts`);
      // Every file of this corpus declares at least one task definition with containers.
      assert.ok(r.parsed!.model.tasks.length > 0, `${name}: no task definition`);
      tasks += r.parsed!.model.tasks.length;
      containers += r.parsed!.model.tasks.reduce((n, t) => n + t.containers.length, 0);
      for (const v of fixViolations(text, uri)) failures.push(`${name}: ${v}`);
    }
    assert.deepEqual(failures, []);
    assert.ok(containers >= tasks, `${containers} containers in ${tasks} task definitions`);
  });
});
