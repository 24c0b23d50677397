import * as assert from 'node:assert/strict';
import { findingsOf, run } from '../../helpers/analysis';

const RULE = 'latest-image-tag';
const mk = (image: string) => `{"family": "f", "containerDefinitions": [{"name": "a", "image": ${JSON.stringify(image)}}]}`;

describe(`rule ${RULE}`, () => {
  it('flags latest and untagged images on the image value', () => {
    for (const img of ['nginx:latest', 'nginx', 'library/nginx:LATEST', '111122223333.dkr.ecr.us-east-1.amazonaws.com/app', 'localhost:5000/app', '127.0.0.1:51670/ubuntu:latest', 'ghcr.io/org/app']) {
      const f = findingsOf(mk(img), RULE);
      assert.equal(f.length, 1, img);
      assert.equal(f[0].text, JSON.stringify(img));
      assert.equal(f[0].character, mk(img).indexOf(JSON.stringify(img)));
    }
  });

  it('says which of the two it is', () => {
    assert.match(run(mk('nginx:latest')).findings.find(f => f.ruleId === RULE)!.message, /tag 'latest'/);
    assert.match(run(mk('nginx')).findings.find(f => f.ruleId === RULE)!.message, /without a tag/);
  });

  it('accepts version tags and digests (a digest wins over latest)', () => {
    for (const img of ['nginx:1.27', 'localhost:5000/app:2', 'nginx@sha256:0b2c4f6a8e0c2d4f6a8b0c2e4f6a8c0e2d4f6a8b0c2e4f6a8c0e2d4f6a8b0c2e', 'nginx:latest@sha256:0b2c4f6a8e0c2d4f6a8b0c2e4f6a8c0e2d4f6a8b0c2e4f6a8c0e2d4f6a8b0c2e']) {
      assert.equal(findingsOf(mk(img), RULE).length, 0, img);
    }
  });

  it('has no fix: it cannot know the version', () => {
    assert.equal(run(mk('nginx:latest')).findings.find(f => f.ruleId === RULE)!.fix, undefined);
  });
});
