import * as assert from 'node:assert/strict';
import { check, model, objectFrom } from '../../helpers/model';

const RULE = 'container-insights-disabled';
const cluster = (json: string) => {
  const { obj, text } = objectFrom(json);
  return { doc: model({ clusters: [{ obj, label: 'main', anchor: { start: 0, end: 1 } }] }), text };
};

describe(`rule ${RULE} (model)`, () => {
  it('flags a disabled setting on its value, and an absent one on the cluster', () => {
    const { doc, text } = cluster('{"clusterSettings": [{"name": "containerInsights", "value": "disabled"}]}');
    const [f] = check(RULE, doc);
    assert.equal(text.slice(f.span.start, f.span.end), '"disabled"');
    assert.equal(f.severity, 'note');
    const [g] = check(RULE, cluster('{"clusterName": "main"}').doc);
    assert.deepEqual(g.span, { start: 0, end: 1 });
  });

  it('accepts enabled and enhanced, and ignores unknown values', () => {
    for (const v of ['enabled', 'enhanced', 'ENABLED', '${INSIGHTS}']) {
      assert.equal(check(RULE, cluster(`{"clusterSettings": [{"name": "containerInsights", "value": "${v}"}]}`).doc).length, 0, v);
    }
    assert.equal(check(RULE, cluster('{"clusterSettings": "${SETTINGS}"}').doc).length, 0);
  });
});
