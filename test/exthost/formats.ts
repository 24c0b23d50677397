/**
 * What the editor must show for each supported format: one entry per format, each with its fixture.
 *
 * A new format adds
 *   - its fixture under test/exthost/workspace/<folder>/ (a file with at least two safe fixes, one
 *     of them the quick fix below),
 *   - the fixture's expected text after the quick fix, test/exthost/expected/<fixture>.quickfix,
 *     after `source.fixAll.ecsGuard`, test/exthost/expected/<fixture>.fixall, and, for a format
 *     with comments, after the ignore action, test/exthost/expected/<fixture>.ignore,
 *   - an entry below.
 * The suites (suite/formats.test.ts, and smoke/installed.test.ts against the packaged extension) run
 * every check for every entry; nothing else changes.
 *
 * The fixtures differ on purpose: between them they raise 25 of the catalog's 27 rules (the unopened
 * task definitions at the end add `task-role-reused` and `shared-task-execution-role`), and each
 * entry lists every finding of its fixture, so a rule that stops firing, or fires where it should
 * not, in any format fails here.
 */
import { RUNTIME_FILES } from '../../server/src/formats/cdk/treeSitter';

export interface FormatCase {
  /** The format's name in test titles. */
  format: string;
  /** The fixture, relative to test/exthost/workspace. */
  fixture: string;
  /** The language VS Code gives the fixture: the manifest must activate on it. */
  languageId: string;
  /**
   * Every ECS Guard diagnostic on the untouched fixture, at the rules' default severities. Ranges
   * are zero-based `line:character-line:character`, as in the API (the editor shows line + 1).
   */
  diagnostics: Expected[];
  /** The rule whose preferred quick fix is applied; the result must equal expected/<fixture>.quickfix. */
  quickFix: { rule: string; title: string };
  /**
   * The rule whose "Ignore '<rule>' on this line" action is applied; the result must equal
   * expected/<fixture>.ignore. Absent for strict JSON, which has no comments (its exceptions go to
   * .ecs-guard.json).
   */
  ignoreOnLine?: string;
  /**
   * For strict JSON: the rule whose "Ignore '<rule>' in this file (in .ecs-guard.json)" action is
   * applied, creating the configuration file at the workspace folder's root.
   */
  ignoreInConfig?: string;
}

export interface Expected {
  rule: string;
  range: string;
  severity: 'error' | 'warning' | 'note';
}

export const FORMATS: FormatCase[] = [
  {
    format: 'task-definition JSON',
    fixture: 'taskdef-json/task-definition.json',
    languageId: 'json',
    diagnostics: [
      { rule: 'capabilities-not-dropped', range: '5:14-5:19', severity: 'note' },
      { rule: 'missing-health-check', range: '5:14-5:19', severity: 'note' },
      { rule: 'missing-log-configuration', range: '5:14-5:19', severity: 'warning' },
      { rule: 'missing-memory-limit', range: '5:14-5:19', severity: 'warning' },
      { rule: 'image-not-pinned-by-digest', range: '6:15-6:48', severity: 'note' },
      { rule: 'public-registry-image', range: '6:15-6:48', severity: 'note' },
      { rule: 'privileged-container', range: '8:20-8:24', severity: 'error' },
      { rule: 'writable-root-filesystem', range: '9:32-9:37', severity: 'warning' },
      { rule: 'plaintext-secret-in-environment', range: '11:42-11:72', severity: 'error' },
    ],
    quickFix: { rule: 'privileged-container', title: "Remove 'privileged' from container 'api'" },
    ignoreInConfig: 'plaintext-secret-in-environment',
  },
  {
    format: 'CloudFormation YAML',
    fixture: 'cloudformation/template.yaml',
    languageId: 'yaml',
    diagnostics: [
      { rule: 'container-insights-disabled', range: '3:2-3:9', severity: 'note' },
      { rule: 'host-pid-mode', range: '13:15-13:19', severity: 'error' },
      { rule: 'capabilities-not-dropped', range: '15:16-15:19', severity: 'note' },
      { rule: 'missing-health-check', range: '15:16-15:19', severity: 'note' },
      { rule: 'missing-log-configuration', range: '15:16-15:19', severity: 'warning' },
      { rule: 'image-not-pinned-by-digest', range: '16:17-16:48', severity: 'note' },
      { rule: 'public-registry-image', range: '16:17-16:48', severity: 'note' },
      { rule: 'privileged-container', range: '19:22-19:26', severity: 'error' },
      { rule: 'writable-root-filesystem', range: '20:34-20:39', severity: 'warning' },
      { rule: 'plaintext-secret-in-environment', range: '23:21-23:49', severity: 'error' },
      { rule: 'public-ip-assigned', range: '32:26-32:33', severity: 'warning' },
    ],
    quickFix: { rule: 'host-pid-mode', title: "Remove 'pidMode' (each container gets its own process namespace)" },
    ignoreOnLine: 'public-ip-assigned',
  },
  {
    format: 'CloudFormation JSON',
    fixture: 'cloudformation/template.json',
    languageId: 'json',
    diagnostics: [
      { rule: 'host-path-volume', range: '11:54-11:76', severity: 'error' },
      { rule: 'efs-iam-authorization-disabled', range: '12:31-12:55', severity: 'note' },
      { rule: 'efs-transit-encryption-disabled', range: '12:31-12:55', severity: 'error' },
      { rule: 'capabilities-not-dropped', range: '16:20-16:28', severity: 'note' },
      { rule: 'missing-health-check', range: '16:20-16:28', severity: 'note' },
      { rule: 'missing-log-configuration', range: '16:20-16:28', severity: 'warning' },
      { rule: 'image-not-pinned-by-digest', range: '17:21-17:80', severity: 'note' },
      { rule: 'container-runs-as-root', range: '19:20-19:26', severity: 'warning' },
      { rule: 'writable-root-filesystem', range: '20:38-20:43', severity: 'warning' },
    ],
    quickFix: { rule: 'efs-transit-encryption-disabled', title: "Enable transit encryption for EFS volume 'uploads'" },
    ignoreInConfig: 'host-path-volume',
  },
  {
    // Parsed by the TypeScript compiler, which the server loads on first need (dist/typescript.js).
    format: 'CDK TypeScript',
    fixture: 'cdk-typescript/stack.ts',
    languageId: 'typescript',
    diagnostics: [
      { rule: 'host-network-mode', range: '10:19-10:39', severity: 'error' },
      { rule: 'dangerous-capability', range: '13:36-13:60', severity: 'error' },
      { rule: 'capabilities-not-dropped', range: '14:22-14:29', severity: 'note' },
      { rule: 'missing-health-check', range: '14:22-14:29', severity: 'note' },
      { rule: 'latest-image-tag', range: '15:45-15:67', severity: 'warning' },
      { rule: 'public-registry-image', range: '15:45-15:67', severity: 'warning' },
      { rule: 'unused-suppression', range: '16:6-16:92', severity: 'note' },
      { rule: 'unconfined-security-option', range: '21:30-21:51', severity: 'error' },
    ],
    quickFix: { rule: 'dangerous-capability', title: "Remove SYS_ADMIN from the capabilities container 'agent' adds" },
    ignoreOnLine: 'latest-image-tag',
  },
  {
    // Parsed by web-tree-sitter and its Python grammar, loaded on first need (dist/*.wasm).
    format: 'CDK Python',
    fixture: 'cdk-python/app.py',
    languageId: 'python',
    diagnostics: [
      { rule: 'bridge-network-mode', range: '10:43-10:50', severity: 'warning' },
      { rule: 'host-ipc-mode', range: '10:88-10:104', severity: 'error' },
      { rule: 'capabilities-not-dropped', range: '12:12-12:19', severity: 'note' },
      { rule: 'missing-health-check', range: '12:12-12:19', severity: 'note' },
      { rule: 'missing-log-configuration', range: '12:12-12:19', severity: 'warning' },
      { rule: 'image-not-pinned-by-digest', range: '13:51-13:109', severity: 'note' },
      { rule: 'writable-root-filesystem', range: '16:37-16:42', severity: 'warning' },
      { rule: 'hardcoded-credential', range: '17:43-17:77', severity: 'error' },
      { rule: 'plaintext-secret-in-environment', range: '18:40-18:70', severity: 'error' },
      { rule: 'wildcard-task-role-policy', range: '20:66-20:69', severity: 'error' },
    ],
    quickFix: { rule: 'host-ipc-mode', title: "Remove 'ipcMode' (Docker's default: a private IPC namespace per container)" },
    ignoreOnLine: 'hardcoded-credential',
  },
];

/**
 * Task definitions that no test opens: their findings can only reach `getDiagnostics` (the Problems
 * panel) through the server's workspace scan. Both use one task role, so each shows the cross-file
 * `task-role-reused`, naming the other file.
 */
export const UNOPENED: { fixture: string; diagnostics: Expected[]; sharesRoleWith: string }[] = [
  {
    fixture: 'unopened/billing.json',
    diagnostics: [
      { rule: 'shared-task-execution-role', range: '6:17-6:61', severity: 'warning' },
      { rule: 'task-role-reused', range: '6:17-6:61', severity: 'warning' },
    ],
    sharesRoleWith: 'unopened/invoices.json',
  },
  {
    fixture: 'unopened/invoices.json',
    diagnostics: [{ rule: 'task-role-reused', range: '6:17-6:61', severity: 'warning' }],
    sharesRoleWith: 'unopened/billing.json',
  },
];

/**
 * What the server loads from beside its bundle (dist/) on first need, not from the bundle: the
 * TypeScript compiler for CDK TypeScript, web-tree-sitter and its Python grammar for CDK Python.
 */
export const ON_DEMAND_FILES = ['typescript.js', ...RUNTIME_FILES];
