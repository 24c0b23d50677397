import * as assert from 'node:assert/strict';
import { applyFix, findingsOf, fixViolations, run } from '../../helpers/analysis';

const RULE = 'dangerous-capability';

describe(`rule ${RULE}`, () => {
  const text = `{
  "family": "tools",
  "containerDefinitions": [
    {
      "name": "debug",
      "image": "busybox:1.36",
      "linuxParameters": {
        "capabilities": {
          "add": ["SYS_ADMIN", "NET_BIND_SERVICE", "cap_net_raw", "CAP_SYS_PTRACE"],
          "drop": ["ALL"]
        }
      }
    }
  ]
}
`;

  it('flags each dangerous capability on its value, whatever its spelling; NET_RAW as a warning', () => {
    assert.deepEqual(findingsOf(text, RULE), [
      { rule: RULE, line: 8, character: 18, endLine: 8, endCharacter: 29, text: '"SYS_ADMIN"', severity: 'error' },
      { rule: RULE, line: 8, character: 51, endLine: 8, endCharacter: 64, text: '"cap_net_raw"', severity: 'warning' },
      { rule: RULE, line: 8, character: 66, endLine: 8, endCharacter: 82, text: '"CAP_SYS_PTRACE"', severity: 'error' },
    ]);
    const messages = run(text).findings.filter(f => f.ruleId === RULE).map(f => f.message);
    assert.match(messages[0], /^Container 'debug' adds the SYS_ADMIN capability: it can mount filesystems/);
    assert.match(messages[1], /^Container 'debug' adds the NET_RAW capability: /);
    assert.match(messages[2], /^Container 'debug' adds the SYS_PTRACE capability: /);
  });

  it('removes one capability per fix, as a safe fix', () => {
    assert.equal(applyFix(text, RULE, 0), text.replace('["SYS_ADMIN", "NET_BIND_SERVICE"', '["NET_BIND_SERVICE"'));
    assert.equal(applyFix(text, RULE, 2), text.replace(', "CAP_SYS_PTRACE"]', ']'));
    assert.ok(run(text).findings.filter(f => f.ruleId === RULE).every(f => f.fix?.preferred === true));
    assert.deepEqual(fixViolations(text), []);
  });

  it('flags ALL and the rest of the list', () => {
    for (const cap of ['ALL', 'NET_ADMIN', 'SYS_MODULE', 'SYS_RAWIO', 'DAC_READ_SEARCH', 'BPF', 'PERFMON', 'SYS_BOOT', 'SYS_TIME', 'MAC_ADMIN', 'MAC_OVERRIDE', ' sys_admin ']) {
      const t = `{"family": "f", "containerDefinitions": [{"name": "a", "image": "x:1", "linuxParameters": {"capabilities": {"add": ["${cap}"]}}}]}`;
      assert.deepEqual(findingsOf(t, RULE).map(f => f.severity), ['error'], cap);
    }
  });

  it('says Fargate rejects every added capability but SYS_PTRACE', () => {
    const t = '{"family": "f", "requiresCompatibilities": ["FARGATE"], "containerDefinitions": [{"name": "a", "image": "x:1", "linuxParameters": {"capabilities": {"add": ["SYS_PTRACE", "NET_ADMIN"]}}}]}';
    const [ptrace, netAdmin] = run(t).findings.filter(f => f.ruleId === RULE);
    assert.doesNotMatch(ptrace.message, /Fargate/);
    assert.match(netAdmin.message, /Fargate rejects this setting/);
  });

  it('accepts harmless and unknown capabilities, drops, and containers without linuxParameters', () => {
    const mk = (lp: string) => `{"family": "f", "containerDefinitions": [{"name": "a", "image": "x:1"${lp}}]}`;
    for (const lp of [
      '', ', "linuxParameters": {"initProcessEnabled": true}', ', "linuxParameters": "${LINUX}"',
      ', "linuxParameters": {"capabilities": {"add": ["NET_BIND_SERVICE", "CHOWN", "${EXTRA_CAP}"]}}',
      ', "linuxParameters": {"capabilities": {"add": "${CAPS}", "drop": ["SYS_ADMIN"]}}',
    ]) assert.equal(findingsOf(mk(lp), RULE).length, 0, lp);
  });

  it('reads a bare container-definitions array', () => {
    const t = '[{"name": "a", "image": "x:1", "essential": true, "linuxParameters": {"capabilities": {"add": ["SYS_MODULE"]}}}]';
    assert.deepEqual(findingsOf(t, RULE, 'file:///w/containers.json').map(f => f.text), ['"SYS_MODULE"']);
  });
});
