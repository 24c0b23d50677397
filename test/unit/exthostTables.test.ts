import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Expected, FORMATS, UNOPENED } from '../exthost/formats';
import { cli } from '../helpers/cli';
import { ROOT } from '../helpers/paths';

// The editor tests' tables (test/exthost/formats.ts) checked against the engine, through the CLI:
// they only run in a real VS Code (`npm run test:e2e`, minutes), so without this a rule change
// that moves a finding leaves them stale until someone runs that. The editor's own behaviour
// (ranges as VS Code reports them, the code actions, the edits applied) is the e2e run's to check.

const WORKSPACE = path.join(ROOT, 'test', 'exthost', 'workspace');
const EXPECTED = path.join(ROOT, 'test', 'exthost', 'expected');

interface Position { line: number; column: number }
interface CliFinding {
  ruleId: string;
  severity: Expected['severity'];
  start: Position;
  end: Position;
  fix: { title: string; safe: boolean; edits: { start: Position; end: Position; text: string }[] } | null;
}
interface CliFile { path: string; findings: CliFinding[] }

/** The CLI's findings for every file of a folder, by path relative to it. */
function scan(dir: string): Map<string, CliFinding[]> {
  const r = cli(['--format', 'json', '.'], dir);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  return new Map((JSON.parse(r.stdout).files as CliFile[]).map(f => [f.path, f.findings]));
}

/** A finding in the tables' notation: zero-based, where the CLI counts from one. */
const asExpected = (f: CliFinding) =>
  `${f.ruleId} ${f.start.line - 1}:${f.start.column - 1}-${f.end.line - 1}:${f.end.column - 1} ${f.severity}`;
const notation = (ds: Expected[]) => ds.map(d => `${d.rule} ${d.range} ${d.severity}`).sort();

function offset(text: string, p: Position): number {
  const lines = text.split('\n');
  return lines.slice(0, p.line - 1).reduce((n, l) => n + l.length + 1, 0) + p.column - 1;
}

const expected = (fixture: string, after: string) => fs.readFileSync(path.join(EXPECTED, ...fixture.split('/')) + '.' + after, 'utf8');

describe('editor test tables (test/exthost/formats.ts) agree with the engine', function () {
  this.timeout(60_000);
  let findings: Map<string, CliFinding[]>;
  before(() => {
    findings = scan(WORKSPACE);
  });

  it('every file of the test workspace with findings has an entry, and every entry a file', () => {
    const tabled = [...FORMATS.map(f => f.fixture), ...UNOPENED.map(u => u.fixture)].sort();
    assert.deepEqual([...findings.keys()].sort(), tabled);
  });

  for (const c of FORMATS) {
    describe(`${c.format} (${c.fixture})`, () => {
      it('lists exactly the fixture\'s findings', () => {
        assert.deepEqual(findings.get(c.fixture)!.map(asExpected).sort(), notation(c.diagnostics));
      });

      it('names a safe fix whose edit gives expected/<fixture>.quickfix', () => {
        const f = findings.get(c.fixture)!.find(x => x.ruleId === c.quickFix.rule);
        assert.ok(f?.fix, `no fix for ${c.quickFix.rule}`);
        assert.deepEqual({ title: f.fix.title, safe: f.fix.safe }, { title: c.quickFix.title, safe: true });
        const text = fs.readFileSync(path.join(WORKSPACE, c.fixture), 'utf8');
        const fixed = [...f.fix.edits].sort((a, b) => offset(text, b.start) - offset(text, a.start))
          .reduce((t, e) => t.slice(0, offset(t, e.start)) + e.text + t.slice(offset(t, e.end)), text);
        assert.equal(fixed, expected(c.fixture, 'quickfix'));
      });

      it('every safe fix (--fix) gives expected/<fixture>.fixall, which differs from the quick fix alone', () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-guard-exthost-'));
        try {
          const copy = path.join(dir, path.basename(c.fixture));
          fs.copyFileSync(path.join(WORKSPACE, c.fixture), copy);
          cli(['--fix', path.basename(c.fixture)], dir);
          assert.equal(fs.readFileSync(copy, 'utf8'), expected(c.fixture, 'fixall'));
          assert.notEqual(expected(c.fixture, 'fixall'), expected(c.fixture, 'quickfix'), 'fix all must do more than the quick fix to be tested');
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      });

      if (c.ignoreOnLine) {
        it(`expected/<fixture>.ignore suppresses ${c.ignoreOnLine} and nothing else`, () => {
          const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-guard-exthost-'));
          try {
            fs.writeFileSync(path.join(dir, path.basename(c.fixture)), expected(c.fixture, 'ignore'));
            const rules = scan(dir).get(path.basename(c.fixture))!.map(f => f.ruleId).sort();
            assert.deepEqual(rules, c.diagnostics.filter(d => d.rule !== c.ignoreOnLine).map(d => d.rule).sort());
          } finally {
            fs.rmSync(dir, { recursive: true, force: true });
          }
        });
      }

      if (c.ignoreInConfig) {
        it(`an .ecs-guard.json ignore entry for the fixture suppresses ${c.ignoreInConfig} and nothing else`, () => {
          const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-guard-exthost-'));
          try {
            fs.cpSync(WORKSPACE, dir, { recursive: true });
            fs.writeFileSync(path.join(dir, '.ecs-guard.json'), JSON.stringify({ ignore: [{ rule: c.ignoreInConfig, path: c.fixture, reason: '' }] }));
            const rules = scan(dir).get(c.fixture)!.map(f => f.ruleId).sort();
            assert.deepEqual(rules, c.diagnostics.filter(d => d.rule !== c.ignoreInConfig).map(d => d.rule).sort());
          } finally {
            fs.rmSync(dir, { recursive: true, force: true });
          }
        });
      }
    });
  }

  for (const u of UNOPENED) {
    it(`lists exactly the findings of ${u.fixture}, which no editor test opens`, () => {
      assert.deepEqual(findings.get(u.fixture)!.map(asExpected).sort(), notation(u.diagnostics));
    });
  }
});
