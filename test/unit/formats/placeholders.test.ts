import * as assert from 'node:assert/strict';
import { placeholderTemplate } from '../../../server/src/formats/placeholders';
import { HOLE } from '../../../server/src/model/values';

describe('placeholderTemplate', () => {
  const shown = (s: string) => placeholderTemplate(s)?.split(HOLE).join('□');

  it('replaces each kind of deployment placeholder with a hole, keeping the literal parts', () => {
    assert.equal(shown('${REPO}:latest'), '□:latest');
    assert.equal(shown('{{ .Env.IMAGE }}'), '□');
    assert.equal(shown('<IMAGE_URI>'), '□');
    assert.equal(shown('$$$TOKEN$$$'), '□');
    assert.equal(shown('#{Octopus.Var}'), '□');
    assert.equal(shown('repo/__IMAGE_TAG__'), 'repo/□');
    assert.equal(shown('$HOME/app'), '□/app');
    assert.equal(shown('a-${X}-b-{{ y }}'), 'a-□-b-□');
  });

  it('reads a value of dots alone, with or without spaces around it, as a documentation skeleton', () => {
    for (const s of ['...', '....', '…', '  ...  ', '\t…', '\u00a0...']) assert.equal(placeholderTemplate(s), HOLE, JSON.stringify(s));
  });

  it('leaves strings without placeholders alone, including ones with the characters placeholders start with', () => {
    for (const s of ['nginx:1.25', 'a...b', '... and more', 'us-east-1', '', ' ', '$', '$lower', 'cost: $5', 'a < b', '{"json": 1}', '{ x }', '#tag', '#{', '_single_', '__lower__', 'x{{y']) {
      assert.equal(placeholderTemplate(s), undefined, JSON.stringify(s));
    }
  });
});
