import * as assert from 'node:assert/strict';
import { findingsOf, fixViolations, run } from '../../helpers/analysis';

const RULE = 'image-not-pinned-by-digest';
const DIGEST = 'sha256:0b2c4f6a8e0c2d4f6a8b0c2e4f6a8c0e2d4f6a8b0c2e4f6a8c0e2d4f6a8b0c2e';
const mk = (image: string) => `{"family": "f", "containerDefinitions": [{"name": "app", "image": ${JSON.stringify(image)}}]}`;

describe(`rule ${RULE}`, () => {
  const text = `{
  "family": "billing",
  "containerDefinitions": [
    { "name": "api", "image": "111122223333.dkr.ecr.us-east-1.amazonaws.com/billing-api:2.4.1" },
    { "name": "proxy", "image": "111122223333.dkr.ecr.us-east-1.amazonaws.com/envoy:v1.31@${DIGEST}" }
  ]
}
`;

  it('flags a version tag without a digest, as a note on the image value', () => {
    assert.deepEqual(findingsOf(text, RULE), [
      { rule: RULE, line: 3, character: 30, endLine: 3, endCharacter: 94, text: '"111122223333.dkr.ecr.us-east-1.amazonaws.com/billing-api:2.4.1"', severity: 'note' },
    ]);
    const [f] = run(text).findings.filter(x => x.ruleId === RULE);
    assert.equal(f.message, "Container 'api' uses the image tag '2.4.1' without a digest: anyone who can push to the repository can move that tag, and the next task started runs whatever it points to.");
    assert.equal(f.fix, undefined);
    assert.deepEqual(fixViolations(text), []);
  });

  it('flags tags whose repository comes from a template', () => {
    assert.equal(findingsOf(mk('${ECR_REPOSITORY}:1.0.3'), RULE).length, 1);
  });

  it('leaves latest and untagged images to latest-image-tag', () => {
    for (const img of ['nginx:latest', 'nginx', 'ghcr.io/acme/app:LATEST']) {
      assert.equal(findingsOf(mk(img), RULE).length, 0, img);
      assert.equal(findingsOf(mk(img), 'latest-image-tag').length, 1, img);
    }
  });

  it('accepts digests (with or without a tag, literal or templated) and unknown tags', () => {
    for (const img of [`nginx@${DIGEST}`, `nginx:1.27@${DIGEST}`, 'app@${IMAGE_DIGEST}', 'nginx:${TAG}', '${IMAGE}', '<IMAGE_URI>', 'REPOSITORY_URI:IMAGE_TAG']) {
      assert.equal(findingsOf(mk(img), RULE).length, 0, img);
    }
  });
});
