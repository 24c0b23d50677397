import * as assert from 'node:assert/strict';
import { applyFix, findingsOf, fixViolations, run } from '../../helpers/analysis';

const RULE = 'host-network-mode';

describe(`rule ${RULE}`, () => {
  const text = `{
  "family": "edge",
  "networkMode": "host",
  "containerDefinitions": [
    {
      "name": "proxy",
      "image": "envoyproxy/envoy:v1.31",
      "portMappings": [
        { "containerPort": 8080, "hostPort": 80 },
        { "containerPort": 9901, "hostPort": 9901 },
        { "containerPort": 15000 }
      ]
    }
  ]
}
`;

  it('flags networkMode host on the value', () => {
    assert.deepEqual(findingsOf(text, RULE), [
      { rule: RULE, line: 2, character: 17, endLine: 2, endCharacter: 23, text: '"host"', severity: 'error' },
    ]);
  });

  it('fixes to awsvpc and drops the hostPorts that differ from their containerPort', () => {
    const fixed = applyFix(text, RULE);
    assert.equal(fixed, text
      .replace('"networkMode": "host"', '"networkMode": "awsvpc"')
      .replace('{ "containerPort": 8080, "hostPort": 80 }', '{ "containerPort": 8080 }'));
    assert.deepEqual(fixViolations(text), []);
    const [f] = run(text).findings.filter(x => x.ruleId === RULE);
    assert.equal(f.fix!.preferred, false, 'changing the network mode needs the service to follow');
  });

  it('ignores other modes, an absent mode and unknown values', () => {
    for (const mode of ['"awsvpc"', '"bridge"', '"none"', '"${MODE}"']) {
      assert.equal(findingsOf(`{"family": "f", "networkMode": ${mode}, "containerDefinitions": [{"name": "a", "image": "x:1"}]}`, RULE).length, 0, mode);
    }
    assert.equal(findingsOf('{"family": "f", "containerDefinitions": [{"name": "a", "image": "x:1"}]}', RULE).length, 0);
  });

  it('mentions Fargate when the task targets it', () => {
    const t = '{"family": "f", "networkMode": "host", "requiresCompatibilities": ["FARGATE", "EC2"], "containerDefinitions": []}';
    assert.match(run(t).findings.find(f => f.ruleId === RULE)!.message, /Fargate rejects/);
  });
});
