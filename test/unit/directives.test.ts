import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readConfig } from '../../server/src/engine/config';
import { applyEdits } from '../../server/src/engine/edits';
import { fileDirectiveEdit, lineDirectiveEdit } from '../../server/src/engine/directiveEdits';
import { ROOT } from '../helpers/paths';

const apply = (text: string, e: ReturnType<typeof lineDirectiveEdit>) => applyEdits(text, [e!]);

describe('ignore directives: inserting and extending', () => {
  it('inserts a directive above the finding, with its indentation and line ending', () => {
    const text = '{\r\n  "family": "f",\r\n    "privileged": true\r\n}\r\n';
    const at = text.indexOf('true');
    assert.equal(apply(text, lineDirectiveEdit(text, at, 'privileged-container', '//')), '{\r\n  "family": "f",\r\n    // ecs-guard-ignore privileged-container\r\n    "privileged": true\r\n}\r\n');
  });

  it('extends a directive on the line above instead of stacking a second one, and never duplicates', () => {
    const text = 'a:\n  # ecs-guard-ignore container-runs-as-root: legacy image\n  Privileged: true\n';
    const at = text.indexOf('true');
    const once = apply(text, lineDirectiveEdit(text, at, 'privileged-container', '#'));
    assert.equal(once, 'a:\n  # ecs-guard-ignore container-runs-as-root, privileged-container: legacy image\n  Privileged: true\n');
    assert.equal(lineDirectiveEdit(once, once.indexOf('true'), 'privileged-container', '#'), undefined);
  });

  it('adds a file directive at the top (after a shebang), or extends the existing one', () => {
    assert.equal(apply('x = 1\n', fileDirectiveEdit('x = 1\n', 'host-network-mode', '#')), '# ecs-guard-ignore-file host-network-mode\nx = 1\n');
    assert.equal(apply('#!/usr/bin/env python\nx = 1\n', fileDirectiveEdit('#!/usr/bin/env python\nx = 1\n', 'r1', '#')), '#!/usr/bin/env python\n# ecs-guard-ignore-file r1\nx = 1\n');
    const has = '// ecs-guard-ignore-file r1: generated\nconst x = 1;\n';
    assert.equal(apply(has, fileDirectiveEdit(has, 'r2', '//')), '// ecs-guard-ignore-file r1, r2: generated\nconst x = 1;\n');
    assert.equal(fileDirectiveEdit(has, 'r1', '//'), undefined);
    assert.equal(fileDirectiveEdit('// ecs-guard-ignore-file\nx', 'r9', '//'), undefined, 'a bare file directive covers every rule');
  });
});

describe('.ecs-guard.json', () => {
  it('reads rules, exclude, lists and ignore entries, tolerating comments and reporting mistakes', () => {
    const c = readConfig('/repo/.ecs-guard.json', `{
      // team policy
      "rules": { "latest-image-tag": "error", "writable-root-filesystem": "off", "bogus": "loud" },
      "exclude": ["legacy/**"],
      "trustedRegistries": ["registry.example.com/"],
      "secretNamePatterns": ["_PIN$"],
      "ignore": [{ "rule": "privileged-container", "path": "agents/*.json", "reason": "needs host devices" }, { "rule": 3 }],
      "colour": "blue",
    }`);
    assert.deepEqual(c.settings.rules, { 'latest-image-tag': 'error', 'writable-root-filesystem': 'off' });
    assert.deepEqual(c.exclude, ['legacy/**']);
    assert.deepEqual(c.settings.trustedRegistries, ['registry.example.com/']);
    assert.deepEqual(c.ignore, [{ rule: 'privileged-container', path: 'agents/*.json', reason: 'needs host devices' }]);
    assert.equal(c.errors.length, 3, c.errors.join('; '));
  });

  it('has a JSON schema the extension contributes', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const v = pkg.contributes.jsonValidation.find((x: { fileMatch: string }) => x.fileMatch === '.ecs-guard.json');
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, v.url), 'utf8'));
    assert.ok(schema.properties.rules.properties['privileged-container']);
  });
});

describe('TextMate grammar for directives', () => {
  const grammar = JSON.parse(fs.readFileSync(path.join(ROOT, 'syntaxes', 'ecs-guard-directives.tmLanguage.json'), 'utf8'));
  // Oniguruma and JavaScript agree on this pattern's syntax (lookbehind, classes, lazy quantifier).
  const re = new RegExp(grammar.repository.directive.match);

  it('is injected into comments of every format we read', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const g = pkg.contributes.grammars.find((x: { scopeName: string }) => x.scopeName === grammar.scopeName);
    assert.equal(grammar.injectionSelector, 'L:comment');
    for (const scope of ['source.json.comments', 'source.yaml', 'source.ts', 'source.js', 'source.python']) assert.ok(g.injectTo.includes(scope), scope);
  });

  it('captures the keyword, the rule ids and the reason', () => {
    const m = re.exec(' ecs-guard-ignore privileged-container, host-network-mode : the agent needs it')!;
    assert.equal(m[1], 'ecs-guard-ignore');
    assert.equal(m[2].trim(), 'privileged-container, host-network-mode');
    assert.match(m[3], /: the agent needs it/);
    assert.equal(re.exec(' ecs-guard-ignore-file')![1], 'ecs-guard-ignore-file');
    assert.equal(re.exec(' my-ecs-guard-ignore x'), null);
  });
});
