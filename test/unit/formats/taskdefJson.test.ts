import * as assert from 'node:assert/strict';
import { applyEdits, normalizeEdits } from '../../../server/src/engine/edits';
import { set } from '../../../server/src/model/document';
import { findingsOf, run } from '../../helpers/analysis';

const register = `{
  "family": "web",
  "containerDefinitions": [
    { "name": "app", "image": "nginx:1.27", "privileged": true }
  ]
}`;

describe('task-definition JSON: recognition', () => {
  it('recognises the register input form', () => {
    const r = run(register);
    assert.equal(r.format, 'taskdef-json');
    assert.equal(r.parsed!.model.tasks.length, 1);
    assert.equal(r.parsed!.model.tasks[0].label, 'web');
    assert.deepEqual(findingsOf(register, 'privileged-container').map(f => [f.line, f.character, f.text]), [[3, 58, 'true']]);
  });

  it('recognises the describe output, bare and wrapped', () => {
    const bare = `{"taskDefinitionArn": "arn:aws:ecs:us-east-1:111122223333:task-definition/web:3", "family": "web", "revision": 3,
 "containerDefinitions": [{"name": "app", "image": "nginx:1.27", "privileged": true}], "status": "ACTIVE"}`;
    assert.equal(findingsOf(bare, 'privileged-container').length, 1);
    const wrapped = `{"taskDefinition": ${bare}, "tags": []}`;
    const r = run(wrapped);
    assert.equal(r.format, 'taskdef-json');
    assert.deepEqual(findingsOf(wrapped, 'privileged-container').map(f => f.text), ['true']);
  });

  it('recognises a bare array of container definitions by its ECS keys', () => {
    const text = '[{"name": "app", "image": "nginx", "essential": true, "privileged": true}]';
    const r = run(text, 'file:///w/containers.json');
    assert.equal(r.format, 'taskdef-json');
    assert.deepEqual(findingsOf(text, 'privileged-container', 'file:///w/containers.json').map(f => f.text), ['true']);
    // Task-level rules have nothing to say about a file that has no task level.
    assert.equal(findingsOf(text, 'host-network-mode', 'file:///w/containers.json').length, 0);
  });

  it('ignores JSON that is not a task definition', () => {
    const notOurs = [
      ['file:///w/package.json', '{"name": "x", "version": "1.0.0", "dependencies": {"image": "1.0.0"}}'],
      ['file:///w/tsconfig.json', '{"compilerOptions": {"strict": true}, "include": ["src"]}'],
      ['file:///w/pod.json', '{"apiVersion": "v1", "kind": "Pod", "spec": {"containers": [{"name": "a", "image": "nginx:latest", "securityContext": {"privileged": true}}]}}'],
      ['file:///w/list.json', '[{"name": "a", "image": "nginx:latest"}]'],
      ['file:///w/deployment.json', '[{"name": "a", "image": "nginx", "ports": [{"containerPort": 80}], "env": []}]'],
      ['file:///w/empty.json', ''],
      ['file:///w/scalar.json', '42'],
    ];
    for (const [uri, text] of notOurs) {
      const r = run(text, uri);
      assert.equal(r.parsed, undefined, uri);
      assert.deepEqual(r.findings, [], uri);
    }
  });

  it('reads comments and trailing commas (JSONC)', () => {
    const text = '{\n  // the web tier\n  "family": "web",\n  "containerDefinitions": [\n    {"name": "app", "image": "nginx:1.27", /* TEMP */ "privileged": true,},\n  ],\n}\n';
    assert.deepEqual(findingsOf(text, 'privileged-container').map(f => [f.line, f.text]), [[4, 'true']]);
    assert.deepEqual(run(text).problems, []);
  });

  it('analyses what parsed in broken JSON, and reports the syntax error', () => {
    const text = '{\n  "family": "web",\n  "containerDefinitions": [\n    {"name": "app", "image": "nginx:latest", "privileged": true,\n    {"name": "b", "image": "x:1", "user": "root"';
    const r = run(text);
    assert.equal(r.format, 'taskdef-json');
    assert.ok(r.problems.length > 0);
    const rules = new Set(r.findings.map(f => f.ruleId));
    assert.ok(rules.has('privileged-container'));
    assert.ok(rules.has('latest-image-tag'));
  });

  it('treats template placeholders as unknown values, never findings', () => {
    const text = `{"family": "\${FAMILY}", "networkMode": "\${NETWORK_MODE}", "containerDefinitions": [{
      "name": "app", "image": "<IMAGE_URI>", "user": "{{ .Env.USER }}", "privileged": "$$$PRIV$$$",
      "readonlyRootFilesystem": \${RO}, "linuxParameters": \${LINUX_PARAMETERS}, "logConfiguration": "{{ logging }}", "memory": "\${MEMORY}", "healthCheck": "\${HEALTH_CHECK}",
      "environment": [{"name": "DB_PASSWORD", "value": "\${DB_PASSWORD}"}, {"name": "API_TOKEN", "value": "#{Token}"}]}]}`;
    const r = run(text);
    assert.equal(r.format, 'taskdef-json');
    const rules = r.findings.map(f => f.ruleId).sort();
    assert.deepEqual(rules, []);
  });

  it('uses the literal part of a template image: ${REPO}:latest is latest, ${IMAGE} is unknown', () => {
    const mk = (img: string) => `{"family": "f", "containerDefinitions": [{"name": "a", "image": "${img}", "user": "1000", "readonlyRootFilesystem": true}]}`;
    assert.equal(findingsOf(mk('${REPO}:latest'), 'latest-image-tag').length, 1);
    assert.equal(findingsOf(mk('${IMAGE}'), 'latest-image-tag').length, 0);
    assert.equal(findingsOf(mk('nginx:${TAG}'), 'latest-image-tag').length, 0);
    assert.equal(findingsOf(mk('repo/${NAME}'), 'latest-image-tag').length, 0);
  });

  it('reports UTF-16 positions after characters outside the BMP and combining marks, with CRLF', () => {
    const text = '{\r\n  "family": "w\u{1F600}b",\r\n  "containerDefinitions": [{"name": "\u{1F680}e\u0301", "image": "nginx:1", "privileged": true}]\r\n}\r\n';
    const [f] = findingsOf(text, 'privileged-container');
    // The emoji is two UTF-16 code units and the accent a code unit of its own: LSP counts them so.
    const line2 = text.split('\r\n')[2];
    assert.equal(f.line, 2);
    assert.equal(f.character, line2.indexOf('true'));
    assert.equal(f.text, 'true');
    assert.equal(f.character, 78);
  });

  it('handles lone CR line endings', () => {
    const text = '{\r  "family": "w",\r  "containerDefinitions": [{"name": "a", "image": "nginx:1", "privileged": true}]\r}';
    const [f] = findingsOf(text, 'privileged-container');
    assert.equal(f.line, 2);
    assert.equal(f.text, 'true');
  });
});

describe('task-definition JSON: writing several new keys into one object', () => {
  const setTwo = (text: string) => {
    const r = run(text);
    const c = r.parsed!.model.tasks[0].containers[0];
    const edits = r.parsed!.render([set(c.obj, 'memory', 512), set(c.obj, 'user', '1000')]);
    return applyEdits(text, normalizeEdits(edits!)!);
  };

  it('joins them with one comma each, on their own lines, after a trailing comment', () => {
    const t = '{\n  "family": "f",\n  "containerDefinitions": [\n    {\n      "name": "a",\n      "image": "x:1" // pinned\n    }\n  ]\n}\n';
    assert.equal(setTwo(t), '{\n  "family": "f",\n  "containerDefinitions": [\n    {\n      "name": "a",\n      "image": "x:1", // pinned\n      "memory": 512,\n      "user": "1000"\n    }\n  ]\n}\n');
  });

  it('joins them inline, with and without a trailing comma', () => {
    assert.equal(setTwo('{"containerDefinitions": [{"name": "a", "image": "x:1"}]}'), '{"containerDefinitions": [{"name": "a", "image": "x:1", "memory": 512, "user": "1000"}]}');
    assert.equal(setTwo('{"containerDefinitions": [{"name": "a", "image": "x:1",}]}'), '{"containerDefinitions": [{"name": "a", "image": "x:1", "memory": 512, "user": "1000",}]}');
  });

  it('joins them on new lines when the object spans lines and keeps a trailing comma habit', () => {
    const t = '{\n  "containerDefinitions": [\n    {\n      "name": "a",\n      "image": "x:1",\n    },\n  ],\n}\n';
    assert.equal(setTwo(t), '{\n  "containerDefinitions": [\n    {\n      "name": "a",\n      "image": "x:1",\n      "memory": 512,\n      "user": "1000",\n    },\n  ],\n}\n');
  });
});
