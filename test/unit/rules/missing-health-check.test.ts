import * as assert from 'node:assert/strict';
import { findingsOf, run } from '../../helpers/analysis';

const RULE = 'missing-health-check';
const text = `{
  "family": "shop",
  "containerDefinitions": [
    { "name": "web", "image": "nginx:1.27", "memory": 256 },
    { "name": "api", "image": "node:22", "memory": 512, "essential": true,
      "healthCheck": { "command": ["CMD-SHELL", "curl -f http://localhost:3000/health || exit 1"] } },
    { "name": "log-router", "image": "amazon/aws-for-fluent-bit:2.32.0", "memory": 64, "essential": false },
    { "name": "worker", "image": "python:3.12", "memory": 256, "essential": "\${ESSENTIAL}" },
    { "name": "cron", "image": "alpine:3.20", "memory": 64, "essential": "true" }
  ]
}
`;

describe(`rule ${RULE}`, () => {
  it('flags essential containers (essential absent counts) without a health check, on the name, as a note', () => {
    assert.deepEqual(findingsOf(text, RULE), [
      { rule: RULE, line: 3, character: 14, endLine: 3, endCharacter: 19, text: '"web"', severity: 'note' },
      { rule: RULE, line: 8, character: 14, endLine: 8, endCharacter: 20, text: '"cron"', severity: 'note' },
    ]);
    assert.equal(run(text).findings.find(f => f.ruleId === RULE)!.message,
      "Essential container 'web' has no healthCheck: ECS only sees that its process runs, so a hung or broken container stays in service and is never replaced.");
  });

  it('offers no fix: only the application knows how to check itself', () => {
    assert.ok(run(text).findings.filter(f => f.ruleId === RULE).every(f => f.fix === undefined));
  });

  it('stays silent for non-essential containers, unknown essential values and containers with a health check', () => {
    const t = '{"family": "f", "containerDefinitions": [{"name": "a", "image": "x:1", "essential": false}, {"name": "b", "image": "x:1", "healthCheck": {"command": ["CMD", "/bin/true"]}}]}';
    assert.deepEqual(findingsOf(t, RULE), []);
  });
});
