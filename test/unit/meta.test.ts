import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { configSchema, generatedDocsPage, generatedPackageJson, generatedReadme } from '../../scripts/generate';
import { RULES } from '../../server/src/rules';
import { observed } from '../helpers/observations';
import { ROOT } from '../helpers/paths';

const RULES_DIR = path.join(ROOT, 'server', 'src', 'rules');

describe('rule catalog (meta)', () => {
  it('registers every rule file, once, with a kebab-case id matching its file name', () => {
    const files = fs.readdirSync(RULES_DIR).filter(f => f.endsWith('.ts') && f !== 'index.ts').map(f => f.replace(/\.ts$/, '')).sort();
    assert.deepEqual(RULES.map(r => r.meta.id).sort(), files);
    assert.equal(new Set(RULES.map(r => r.meta.id)).size, RULES.length);
    for (const r of RULES) assert.match(r.meta.id, /^[a-z]+(-[a-z0-9]+)+$/);
  });

  it('has a documentation page per rule, with what, why and how to fix, and current equivalents', () => {
    for (const r of RULES) {
      const p = path.join(ROOT, 'docs', 'rules', `${r.meta.id}.md`);
      assert.ok(fs.existsSync(p), `missing docs/rules/${r.meta.id}.md`);
      const page = fs.readFileSync(p, 'utf8');
      assert.match(page, new RegExp(`^# ${r.meta.id}\\n`), `${r.meta.id}: title`);
      assert.match(page, /^## Why it matters$/m, `${r.meta.id}: why`);
      assert.match(page, /^## How to fix$/m, `${r.meta.id}: how to fix`);
      assert.equal(page, generatedDocsPage(r.meta.id, page), `docs/rules/${r.meta.id}.md is stale: run npm run generate`);
    }
    const pages = fs.readdirSync(path.join(ROOT, 'docs', 'rules')).map(f => f.replace(/\.md$/, '')).sort();
    assert.deepEqual(pages, RULES.map(r => r.meta.id).sort(), 'a docs page without a rule');
  });

  it('keeps the README rule table and the settings schema generated from the metadata', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    assert.equal(readme, generatedReadme(readme), 'README.md rule table is stale: run npm run generate');
    const pkg = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
    assert.equal(pkg, generatedPackageJson(pkg), 'package.json settings schema is stale: run npm run generate');
    assert.equal(fs.readFileSync(path.join(ROOT, 'schemas', 'ecs-guard.schema.json'), 'utf8'), configSchema(), 'schemas/ecs-guard.schema.json is stale: run npm run generate');
  });

  it('has a test file per rule', () => {
    for (const r of RULES) {
      assert.ok(fs.existsSync(path.join(ROOT, 'test', 'unit', 'rules', `${r.meta.id}.test.ts`)), `missing test/unit/rules/${r.meta.id}.test.ts`);
    }
  });
});

// A root hook: runs after every test file, when the rule tests have recorded what they saw.
after(function () {
  if (process.env.ECS_GUARD_PRINT_COVERAGE) {
    for (const r of RULES) {
      const o = observed.get(r.meta.id);
      console.log(`${r.meta.id.padEnd(34)} +${[...(o?.positive ?? [])].sort().join(',')}  -${[...(o?.negative ?? [])].sort().join(',')}`);
    }
  }
  const missing: string[] = [];
  for (const r of RULES) {
    const o = observed.get(r.meta.id);
    if (!o?.positive.size) missing.push(`${r.meta.id}: no test saw it fire`);
    if (!o?.negative.size) missing.push(`${r.meta.id}: no test saw it stay silent`);
  }
  // Every rule is tested firing and silent in every format that can express what it checks.
  const ALL = ['taskdef-json', 'cloudformation-yaml', 'cloudformation-json', 'cdk-typescript', 'cdk-python'];
  const formatsOf = (id: string): string[] => {
    if (id === 'task-role-reused') return ['workspace'];
    if (['public-ip-assigned', 'wildcard-task-role-policy', 'container-insights-disabled'].includes(id)) return ALL.filter(f => f !== 'taskdef-json');
    return ALL;
  };
  for (const r of RULES) {
    const o = observed.get(r.meta.id);
    for (const f of formatsOf(r.meta.id)) {
      if (!o?.positive.has(f)) missing.push(`${r.meta.id}: no test saw it fire in ${f}`);
      if (!o?.negative.has(f)) missing.push(`${r.meta.id}: no test saw it stay silent in ${f}`);
    }
  }
  // Only meaningful when the whole suite ran (not a filtered run).
  if (observed.size > 0 && !process.argv.some(a => a === '--grep' || a === '-g' || a.startsWith('--grep='))) {
    assert.deepEqual([...new Set(missing)], [], 'every rule needs a positive and a negative test in every format');
  }
});
