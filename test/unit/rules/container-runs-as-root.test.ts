import * as assert from 'node:assert/strict';
import { applyFix, findingsOf, fixViolations, run } from '../../helpers/analysis';

const RULE = 'container-runs-as-root';
const mk = (container: string, task = '') => `{
  "family": "f",${task}
  "containerDefinitions": [
    {
      "name": "app",
      "image": "nginx:1.27"${container}
    }
  ]
}
`;

describe(`rule ${RULE}`, () => {
  it('flags an absent user on the container name', () => {
    const t = mk('');
    assert.deepEqual(findingsOf(t, RULE), [{ rule: RULE, line: 4, character: 14, endLine: 4, endCharacter: 19, text: '"app"', severity: 'warning' }]);
    assert.equal(applyFix(t, RULE), mk(',\n      "user": "1000:1000"'));
    assert.deepEqual(fixViolations(t), []);
  });

  it('flags root, 0, 0:gid and root:group on the value, and fixes by replacing it', () => {
    for (const u of ['root', '0', '0:0', 'root:wheel', 'ROOT']) {
      const t = mk(`,\n      "user": "${u}"`);
      const [f] = findingsOf(t, RULE);
      assert.equal(f.text, `"${u}"`, u);
      assert.equal(applyFix(t, RULE), mk(',\n      "user": "1000:1000"'));
    }
  });

  it('is never the preferred fix (the right uid depends on the image)', () => {
    assert.equal(run(mk('')).findings.find(f => f.ruleId === RULE)!.fix!.preferred, false);
  });

  it('accepts a non-root user and ignores unknown users', () => {
    for (const u of ['1000', 'nobody', '1000:1000', 'app:app', '${APP_USER}']) assert.equal(findingsOf(mk(`,\n      "user": "${u}"`), RULE).length, 0, u);
  });

  it('excepts Windows tasks, but flags ContainerAdministrator', () => {
    const win = '\n  "runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE"},';
    assert.equal(findingsOf(mk('', win), RULE).length, 0);
    assert.equal(findingsOf(mk(',\n      "user": "ContainerAdministrator"', win), RULE).length, 1);
    const iis = '{"family": "w", "containerDefinitions": [{"name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022"}]}';
    assert.equal(findingsOf(iis, RULE).length, 0);
  });
});
