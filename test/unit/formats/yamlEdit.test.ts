import * as assert from 'node:assert/strict';
import { applyEdits, normalizeEdits } from '../../../server/src/engine/edits';
import type { SNode, SObject, SyntaxOp } from '../../../server/src/formats/syntax';
import { sget } from '../../../server/src/formats/syntax';
import { detectYamlStyle, renderYamlOps } from '../../../server/src/formats/yamlEdit';
import { parseYaml } from '../../../server/src/formats/yamlParse';

/** Follows keys, and numbers as sequence indexes, from the root. */
function nodeAt(root: SNode | undefined, ...steps: (string | number)[]): SNode {
  let n = root;
  for (const s of steps) n = typeof s === 'number' ? (n?.kind === 'array' ? n.items[s] : undefined) : sget(n, s);
  assert.ok(n, `no node at ${steps.join('.')}`);
  return n;
}

/** Parses `text`, builds ops on its tree, renders them as the CloudFormation adapter does, and applies them. */
function edit(text: string, ops: (root: SNode) => SyntaxOp[]): string {
  const { root, errors } = parseYaml(text);
  assert.deepEqual(errors, []);
  const edits = renderYamlOps(text, detectYamlStyle(text, root), ops(root!));
  assert.ok(edits, 'the writer refused the ops');
  const normal = normalizeEdits(edits);
  assert.ok(normal, 'the edits overlap');
  const out = applyEdits(text, normal);
  assert.deepEqual(parseYaml(out).errors, [], `the result does not parse:\n${out}`);
  return out;
}

const obj = (n: SNode) => n as SObject;

describe('YAML writer', () => {
  describe('several insertions at one place', () => {
    const efs = 'Volumes:\n  - Name: d\n    EFS:\n      FilesystemId: fs-1 # the data\n      AuthorizationConfig:\n        AccessPointId: ap-1 # app\nNext: 1\n';
    const want = 'Volumes:\n  - Name: d\n    EFS:\n      FilesystemId: fs-1 # the data\n      AuthorizationConfig:\n        AccessPointId: ap-1 # app\n        IAM: ENABLED\n      TransitEncryption: ENABLED\nNext: 1\n';

    it('puts a key for an inner mapping before a key for the outer one when both end on the same line, whatever the order of the ops', () => {
      const efsOf = (r: SNode) => obj(nodeAt(r, 'Volumes', 0, 'EFS'));
      assert.equal(edit(efs, r => [
        { op: 'set', target: efsOf(r), path: ['TransitEncryption'], value: 'ENABLED' },
        { op: 'set', target: efsOf(r), path: ['AuthorizationConfig', 'IAM'], value: 'ENABLED' },
      ]), want);
      assert.equal(edit(efs, r => [
        { op: 'set', target: efsOf(r), path: ['AuthorizationConfig', 'IAM'], value: 'ENABLED' },
        { op: 'set', target: efsOf(r), path: ['TransitEncryption'], value: 'ENABLED' },
      ]), want);
    });

    it('keeps the order of the ops for keys of one mapping, and with CRLF', () => {
      const text = efs.replace(/\n/g, '\r\n');
      const out = edit(text, r => [
        { op: 'set', target: obj(nodeAt(r, 'Volumes', 0, 'EFS')), path: ['B'], value: 1 },
        { op: 'set', target: obj(nodeAt(r, 'Volumes', 0, 'EFS')), path: ['AuthorizationConfig', 'IAM'], value: 'ENABLED' },
        { op: 'set', target: obj(nodeAt(r, 'Volumes', 0, 'EFS')), path: ['A'], value: 2 },
      ]);
      assert.equal(out, efs.replace('ap-1 # app\n', 'ap-1 # app\n        IAM: ENABLED\n      B: 1\n      A: 2\n').replace(/\n/g, '\r\n'));
    });

    it('appends to an indentless sequence before adding a key to the mapping that holds it', () => {
      const text = 'C:\n  Name: app\n  Secrets:\n  - Name: A\n    ValueFrom: a\n';
      const want = 'C:\n  Name: app\n  Secrets:\n  - Name: A\n    ValueFrom: a\n  - Name: B\n    ValueFrom: b\n  User: "1000"\n';
      assert.equal(edit(text, r => [
        { op: 'set', target: obj(nodeAt(r, 'C')), path: ['User'], value: '1000' },
        { op: 'append', target: obj(nodeAt(r, 'C')), path: ['Secrets'], item: { Name: 'B', ValueFrom: 'b' } },
      ]), want);
    });

    it('joins two members added to one flow mapping, empty or not', () => {
      const ops = (r: SNode): SyntaxOp[] => [
        { op: 'set', target: obj(nodeAt(r, 'E')), path: ['TransitEncryption'], value: 'ENABLED' },
        { op: 'set', target: obj(nodeAt(r, 'E')), path: ['AuthorizationConfig', 'IAM'], value: 'ENABLED' },
      ];
      assert.equal(edit('E: {}\n', ops), 'E: {TransitEncryption: ENABLED, AuthorizationConfig: {IAM: ENABLED}}\n');
      assert.equal(edit('E: { }\n', ops), 'E: {TransitEncryption: ENABLED, AuthorizationConfig: {IAM: ENABLED}}\n');
      assert.equal(edit('E: { FilesystemId: fs-1, }\n', ops), 'E: { FilesystemId: fs-1, TransitEncryption: ENABLED, AuthorizationConfig: { IAM: ENABLED }, }\n');
      assert.equal(edit('E: {FilesystemId: fs-1}\n', ops), 'E: {FilesystemId: fs-1, TransitEncryption: ENABLED, AuthorizationConfig: {IAM: ENABLED}}\n');
    });

    it('joins two items appended to one flow sequence', () => {
      const ops = (r: SNode): SyntaxOp[] => [
        { op: 'append', target: obj(nodeAt(r, 'C')), path: ['Drop'], item: 'ALL' },
        { op: 'append', target: obj(nodeAt(r, 'C')), path: ['Drop'], item: 'NET_RAW' },
      ];
      assert.equal(edit('C:\n  Drop: []\n', ops), 'C:\n  Drop: [ALL, NET_RAW]\n');
      assert.equal(edit('C:\n  Drop: [ CHOWN ]\n', ops), 'C:\n  Drop: [ CHOWN, ALL, NET_RAW ]\n');
    });
  });

  describe('removing the last member', () => {
    it('turns a block mapping under a key into `Key: {}` on the key\'s line, comments and CRLF kept', () => {
      const text = 'Log:\n  Driver: splunk\n  Options: # driver options\n    token: abc # secret\n  # end of options\nNext: 1\n';
      const removeToken = (r: SNode): SyntaxOp[] => [{ op: 'remove', node: nodeAt(r, 'Log', 'Options', 'token') }];
      assert.equal(edit(text, removeToken), 'Log:\n  Driver: splunk\n  Options: {} # driver options\n  # end of options\nNext: 1\n');
      const crlf = text.replace(/\n/g, '\r\n');
      assert.equal(edit(crlf, removeToken), 'Log:\n  Driver: splunk\n  Options: {} # driver options\n  # end of options\nNext: 1\n'.replace(/\n/g, '\r\n'));
    });

    it('leaves `{}` after a dash, where there is no key to hold it', () => {
      assert.equal(edit('L:\n  - token: abc\n', r => [{ op: 'remove', node: nodeAt(r, 'L', 0, 'token') }]), 'L:\n  - {}\n');
    });

    it('then adds a key after the emptied mapping in the same render', () => {
      const text = 'Log:\n  Options:\n    token: abc\n';
      assert.equal(edit(text, r => [
        { op: 'remove', node: nodeAt(r, 'Log', 'Options', 'token') },
        { op: 'append', target: obj(nodeAt(r, 'Log')), path: ['SecretOptions'], item: { Name: 'token', ValueFrom: 'arn' } },
      ]), 'Log:\n  Options: {}\n  SecretOptions:\n    - Name: token\n      ValueFrom: arn\n');
    });

    it('empties a flow collection to `{}` / `[]`, without the blanks that stood around the member', () => {
      assert.equal(edit('O: { token: abc }\n', r => [{ op: 'remove', node: nodeAt(r, 'O', 'token') }]), 'O: {}\n');
      assert.equal(edit('L: [ a ]\n', r => [{ op: 'remove', node: nodeAt(r, 'L', 0) }]), 'L: []\n');
      assert.equal(edit('L: [ a, ]\n', r => [{ op: 'remove', node: nodeAt(r, 'L', 0) }]), 'L: []\n');
      assert.equal(edit('L: [\n  a # why\n]\n', r => [{ op: 'remove', node: nodeAt(r, 'L', 0) }]), 'L: [\n   # why\n]\n', 'a comment inside stays');
    });
  });
});
