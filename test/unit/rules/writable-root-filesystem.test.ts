import * as assert from 'node:assert/strict';
import { applyFix, findingsOf, fixViolations } from '../../helpers/analysis';

const RULE = 'writable-root-filesystem';
const mk = (container: string, task = '') => `{
  "family": "f",${task}
  "containerDefinitions": [
    {
      "name": "app",
      "image": "nginx:1.27",
      "user": "101"${container}
    }
  ]
}
`;

describe(`rule ${RULE}`, () => {
  it('flags an absent setting on the container name and inserts it in the file\'s style', () => {
    const t = mk('');
    assert.deepEqual(findingsOf(t, RULE), [{ rule: RULE, line: 4, character: 14, endLine: 4, endCharacter: 19, text: '"app"', severity: 'warning' }]);
    assert.equal(applyFix(t, RULE), mk(',\n      "readonlyRootFilesystem": true'));
    assert.deepEqual(fixViolations(t), []);
  });

  it('flags false on the value and replaces it', () => {
    const t = mk(',\n      "readonlyRootFilesystem": false');
    assert.deepEqual(findingsOf(t, RULE).map(f => f.text), ['false']);
    assert.equal(applyFix(t, RULE), mk(',\n      "readonlyRootFilesystem": true'));
  });

  it('keeps tabs, CRLF and a trailing comment when inserting', () => {
    const t = '{\r\n\t"family": "f",\r\n\t"containerDefinitions": [\r\n\t\t{\r\n\t\t\t"name": "app",\r\n\t\t\t"image": "nginx:1" // pinned later\r\n\t\t}\r\n\t]\r\n}\r\n';
    assert.equal(applyFix(t, RULE), '{\r\n\t"family": "f",\r\n\t"containerDefinitions": [\r\n\t\t{\r\n\t\t\t"name": "app",\r\n\t\t\t"image": "nginx:1", // pinned later\r\n\t\t\t"readonlyRootFilesystem": true\r\n\t\t}\r\n\t]\r\n}\r\n');
  });

  it('keeps a trailing-comma habit', () => {
    const t = '{\n  "family": "f",\n  "containerDefinitions": [\n    {\n      "name": "app",\n      "image": "nginx:1",\n    },\n  ],\n}\n';
    assert.equal(applyFix(t, RULE), '{\n  "family": "f",\n  "containerDefinitions": [\n    {\n      "name": "app",\n      "image": "nginx:1",\n      "readonlyRootFilesystem": true,\n    },\n  ],\n}\n');
  });

  it('writes inline in a one-line container', () => {
    const t = '{"family": "f", "containerDefinitions": [{"name": "a", "image": "x:1"}]}';
    assert.equal(applyFix(t, RULE), '{"family": "f", "containerDefinitions": [{"name": "a", "image": "x:1", "readonlyRootFilesystem": true}]}');
  });

  it('accepts true and unknown values; excepts Windows', () => {
    assert.equal(findingsOf(mk(',\n      "readonlyRootFilesystem": true'), RULE).length, 0);
    assert.equal(findingsOf(mk(',\n      "readonlyRootFilesystem": "${RO}"'), RULE).length, 0);
    assert.equal(findingsOf(mk('', '\n  "runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2019_FULL"},'), RULE).length, 0);
  });
});
