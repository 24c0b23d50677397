import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits } from '../../server/src/engine/edits';
import { minimalEdits } from '../../server/src/engine/minimalEdits';

describe('minimal edits between two texts', () => {
  it('rewrites only the changed lines, not a neighbour that merely lost its place at the end', () => {
    const a = 'a: 1\n  secret: "s3cr3t-value"\n';
    const b = 'a: 1\n  secret: "s3cr3t-value"\n  readonly: true\n';
    const edits = minimalEdits(a, b);
    assert.equal(applyEdits(a, edits), b);
    assert.ok(edits.every(e => !e.newText.includes('s3cr3t') && e.end - e.start < 20), JSON.stringify(edits));
  });

  it('turns any text into any other (CRLF, CR, no final newline)', () => {
    const line = fc.constantFrom('a', 'b: 1', '', '  c', 'x\r', 'y');
    const text = fc.array(line, { maxLength: 12 }).chain(lines => fc.constantFrom('\n', '\r\n', '\r').map(eol => lines.join(eol)));
    fc.assert(fc.property(text, text, (a, b) => applyEdits(a, minimalEdits(a, b)) === b), { seed: 7, numRuns: 500 });
  });
});
