import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseJson } from '../../server/src/formats/jsonParse';
import { sget } from '../../server/src/formats/syntax';
import type { SNode } from '../../server/src/formats/syntax';
import { parseYaml } from '../../server/src/formats/yamlParse';
import { fixViolations, run } from '../helpers/analysis';
import { corpusDir, filesUnder } from '../helpers/paths';

/**
 * Peers' own test samples for the concepts we share: our rule must fire on their positives, at the
 * resource they expect, and stay silent on their negatives. One row per peer check.
 * Not shared: KICS ecs_task_definition_network_mode_not_recommended flags `NetworkMode: none`, which
 * gives a task no network at all (safer, not weaker); we flag host and bridge instead.
 */
interface PeerCheck {
  /** The peer's name for the check, for messages. */
  peer: string;
  /** Our rule id. */
  rule: string;
  /** KICS: a query folder with test/positive*, test/negative* and positive_expected_result.json. */
  kics?: string;
  /** Checkov: its check id (looked up in EXPECTED_INDEX.derived.json) and the resource type it checks. */
  checkov?: { id: string; resourceType: string };
}

const PEER_CHECKS: PeerCheck[] = [
  { peer: 'KICS ECS Cluster with Container Insights Disabled', rule: 'container-insights-disabled', kics: 'assets/queries/cloudFormation/aws/ecs_cluster_container_insights_disabled' },
  { peer: 'Checkov CKV_AWS_65', rule: 'container-insights-disabled', checkov: { id: 'CKV_AWS_65', resourceType: 'AWS::ECS::Cluster' } },
  { peer: 'KICS EFS Volume With Disabled Transit Encryption', rule: 'efs-transit-encryption-disabled', kics: 'assets/queries/cloudFormation/aws/efs_volume_with_disabled_transit_encryption' },
  { peer: 'Checkov CKV_AWS_97', rule: 'efs-transit-encryption-disabled', checkov: { id: 'CKV_AWS_97', resourceType: 'AWS::ECS::TaskDefinition' } },
  { peer: 'KICS ECS Task Definition HealthCheck Missing', rule: 'missing-health-check', kics: 'assets/queries/cloudFormation/aws/ecs_task_definition_healthcheck_missing' },
];

const uriOf = (file: string) => 'file://' + file.split(path.sep).join('/');

/** The template's resources with their 0-based line ranges and types. */
function resources(text: string, file: string): { id: string; type?: string; first: number; last: number }[] {
  const root: SNode | undefined = file.endsWith('.json') ? parseJson(text).root : parseYaml(text).root;
  const res = sget(root, 'Resources');
  const doc = TextDocument.create('file:///x', 'plaintext', 1, text);
  if (res?.kind !== 'object') return [];
  return res.props.map(p => {
    const t = sget(p.value, 'Type');
    return { id: p.key, type: t?.kind === 'scalar' ? String(t.value) : undefined, first: doc.positionAt(p.span.start).line, last: doc.positionAt(p.span.end).line };
  });
}

/** Lines (0-based) of our findings of `rule` in a file. */
function ourLines(text: string, file: string, rule: string): number[] {
  const r = run(text, uriOf(file));
  const doc = TextDocument.create('file:///x', 'plaintext', 1, text);
  return r.findings.filter(f => f.ruleId === rule).map(f => doc.positionAt(f.span.start).line);
}

describe('peer test samples (KICS, Checkov) for the concepts we share', () => {
  for (const check of PEER_CHECKS) {
    it(`${check.peer} → ${check.rule}`, function () {
      const base = corpusDir(check.kics ? 'peer-tests/kics' : 'peer-tests/checkov');
      if (!base) return this.skip();
      if (check.kics) {
        const dir = path.join(base, check.kics, 'test');
        const expected = JSON.parse(fs.readFileSync(path.join(dir, 'positive_expected_result.json'), 'utf8')) as { fileName: string; line: number }[];
        const samples = fs.readdirSync(dir).filter(f => /^(positive|negative)\d*\.(ya?ml|json)$/.test(f));
        assert.ok(samples.some(f => f.startsWith('negative')) && expected.length > 0, 'no samples');
        for (const f of samples) {
          const file = path.join(dir, f);
          const text = fs.readFileSync(file, 'utf8');
          const lines = ourLines(text, file, check.rule);
          if (f.startsWith('negative')) {
            assert.deepEqual(lines, [], `${f}: a finding on a negative sample`);
            continue;
          }
          const wanted = expected.filter(e => e.fileName === f);
          assert.ok(wanted.length > 0, `${f}: no expected result listed`);
          const res = resources(text, file);
          for (const e of wanted) {
            // KICS lines are 1-based; the resource holding that line is the one that must be flagged.
            const r = res.find(x => x.first <= e.line - 1 && e.line - 1 <= x.last);
            assert.ok(r, `${f}:${e.line} is in no resource`);
            assert.ok(lines.some(l => r.first <= l && l <= r.last), `${f}: no finding in resource ${r.id} (expected at line ${e.line}; ours at ${lines.map(l => l + 1).join(', ') || 'none'})`);
          }
        }
      }
      if (check.checkov) {
        const index = JSON.parse(fs.readFileSync(path.join(base, 'EXPECTED_INDEX.derived.json'), 'utf8')) as { tests: Record<string, { check_id: string; example_dir: string | null; tests: { test_summary?: { summary_asserts: { passed: number; failed: number } } } }> };
        const entry = Object.values(index.tests).find(t => t.check_id === check.checkov!.id && t.example_dir?.startsWith('tests/cloudformation/'));
        assert.ok(entry?.example_dir && entry.tests.test_summary, `no CloudFormation example for ${check.checkov.id} in the index`);
        const files = filesUnder(path.join(base, entry.example_dir), f => /\.(ya?ml|json)$/.test(f));
        let passed = 0;
        let failed = 0;
        for (const file of files) {
          const text = fs.readFileSync(file, 'utf8');
          const lines = ourLines(text, file, check.rule);
          const name = path.basename(file);
          for (const r of resources(text, file).filter(x => x.type === check.checkov!.resourceType)) {
            const flagged = lines.some(l => r.first <= l && l <= r.last);
            if (flagged) failed++;
            else passed++;
            assert.equal(flagged, /FAILED/.test(name), `${name}: resource ${r.id} ${flagged ? 'flagged' : 'not flagged'}`);
          }
        }
        assert.deepEqual({ passed, failed }, { passed: entry.tests.test_summary.summary_asserts.passed, failed: entry.tests.test_summary.summary_asserts.failed });
      }
    });
  }

  it('reads every CloudFormation sample of the peers without a crash, and every fix is sound', function () {
    this.timeout(60_000);
    const kics = corpusDir('peer-tests/kics');
    const checkov = corpusDir('peer-tests/checkov');
    if (!kics || !checkov) return this.skip();
    const files = [
      ...filesUnder(path.join(kics, 'assets/queries/cloudFormation'), f => /[/\\]test[/\\][^/\\]+\.(ya?ml|json)$/.test(f) && !f.endsWith('positive_expected_result.json')),
      ...filesUnder(path.join(checkov, 'tests/cloudformation'), f => /\.(ya?ml|json)$/.test(f)),
    ];
    assert.ok(files.length >= 20, `only ${files.length} samples`);
    const failures: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const r = run(text, uriOf(file));
      assert.equal(r.skipped, undefined, file);
      assert.ok(r.format?.startsWith('cloudformation-'), `${path.basename(file)}: not recognised as a template`);
      for (const v of fixViolations(text, uriOf(file))) failures.push(`${path.basename(file)}: ${v}`);
    }
    assert.deepEqual(failures, []);
  });
});
