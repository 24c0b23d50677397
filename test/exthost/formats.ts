/**
 * What the editor must show for each supported format: one entry per format, each with its fixture.
 *
 * A new format adds
 *   - its fixture under test/exthost/workspace/<folder>/ (a file with at least two findings, one of
 *     them with a preferred fix),
 *   - the fixture's expected text after the quick fix, test/exthost/expected/<fixture>.quickfix, and
 *     after `source.fixAll.ecsGuard`, test/exthost/expected/<fixture>.fixall,
 *   - an entry below.
 * The suites (suite/formats.test.ts, and smoke/installed.test.ts against the packaged extension) run
 * every check for every entry; nothing else changes. For example, the CloudFormation branch adds
 *   { format: 'CloudFormation YAML', fixture: 'cloudformation/template.yaml', languageId: 'yaml', … },
 * and the CDK branches `cdk-typescript/stack.ts` (`typescript`) and `cdk-python/app.py` (`python`).
 */
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
  diagnostics: { rule: string; range: string; severity: 'error' | 'warning' | 'note' }[];
  /** The rule whose preferred quick fix is applied; the result must equal expected/<fixture>.quickfix. */
  quickFix: { rule: string; title: string };
}

export const FORMATS: FormatCase[] = [
  {
    format: 'task-definition JSON',
    fixture: 'taskdef-json/task-definition.json',
    languageId: 'json',
    diagnostics: [
      { rule: 'privileged-container', range: '8:20-8:24', severity: 'error' },
      { rule: 'writable-root-filesystem', range: '9:32-9:37', severity: 'warning' },
      { rule: 'plaintext-secret-in-environment', range: '11:42-11:72', severity: 'error' },
    ],
    quickFix: { rule: 'privileged-container', title: "Remove 'privileged' from container 'api'" },
  },
];
