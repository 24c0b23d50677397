import * as assert from 'node:assert/strict';
import { check, model, objectFrom } from '../../helpers/model';

const RULE = 'public-ip-assigned';
const service = (json: string) => {
  const { obj, text } = objectFrom(json);
  return { doc: model({ services: [{ obj, label: 'web', anchor: { start: 0, end: 1 } }] }), text };
};

describe(`rule ${RULE} (model)`, () => {
  it('flags assignPublicIp ENABLED on the value, with a fix that is not preferred', () => {
    const { doc, text } = service('{"networkConfiguration": {"awsvpcConfiguration": {"subnets": ["s"], "assignPublicIp": "ENABLED"}}}');
    const [f] = check(RULE, doc);
    assert.equal(text.slice(f.span.start, f.span.end), '"ENABLED"');
    assert.equal(f.severity, 'warning');
    assert.deepEqual(f.fix!.intents.map(i => i.op === 'replace' && i.value), ['DISABLED']);
    assert.equal(f.fix!.preferred, false);
  });

  it('ignores DISABLED, absent and unknown', () => {
    for (const v of ['"DISABLED"', '"${PUBLIC}"']) assert.equal(check(RULE, service(`{"networkConfiguration": {"awsvpcConfiguration": {"assignPublicIp": ${v}}}}`).doc).length, 0, v);
    assert.equal(check(RULE, service('{"networkConfiguration": {"awsvpcConfiguration": {"subnets": []}}}').doc).length, 0);
    assert.equal(check(RULE, service('{}').doc).length, 0);
  });
});
