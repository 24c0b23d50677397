import type { FixIntent, ModelDocument } from '../model/document';
import type { MValue, Span } from '../model/values';

export type Severity = 'error' | 'warning' | 'note';
export type SeveritySetting = Severity | 'off';

/** Where a rule's equivalents in other tools are listed (its docs page and `ecs-guard rules`). */
export interface References {
  securityHub?: string[];
  controlTower?: string[];
  checkov?: string[];
  kics?: string[];
  trivy?: string[];
  cdkNag?: string[];
  /** Further reading: [title, url]. */
  links?: [string, string][];
}

/** A rule's public description: the single source for docs tables, SARIF and the CLI. */
export interface RuleMeta {
  id: string;
  severity: Severity;
  title: string;
  /** One or two sentences: what is flagged and why it matters. */
  description: string;
  /** Whether the rule offers a fix for (some of) its findings. */
  fixable: boolean;
  references: References;
}

export interface Fix {
  title: string;
  intents: FixIntent[];
  /** Text edits computed directly (fixes of comments, which the model does not hold); used instead of intents. */
  edits?: import('./edits').TextEdit[];
  /**
   * Safe to apply without looking: VS Code's preferred quick fix, and what "fix all",
   * `source.fixAll.ecsGuard` and `ecs-guard --fix` apply. Fixes that leave a placeholder for
   * the user to fill in are never preferred.
   */
  preferred: boolean;
}

export interface ReportOptions {
  /** A finding-specific severity (e.g. a note for a less risky registry); settings still win. */
  severity?: Severity;
  /** The fix, or a function that makes it when first asked (fixes cost more than findings). */
  fix?: Fix | (() => Fix | undefined);
}

export interface RuleContext {
  settings: Settings;
  /** Reports a finding on a node (its span) or on an explicit span. */
  report(at: MValue | Span, message: string, options?: ReportOptions): void;
}

export interface Rule {
  meta: RuleMeta;
  check(doc: ModelDocument, ctx: RuleContext): void;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  span: Span;
  fix?: Fix;
}

export interface Settings {
  /** Severity per rule id, or off. */
  rules: Record<string, SeveritySetting>;
  /** Registry prefixes the organisation controls (silences public-registry-image). */
  trustedRegistries: string[];
  /** Extra regular expressions (case-insensitive) that mark an environment variable name as secret. */
  secretNamePatterns: string[];
  /**
   * Suppressions that the configuration file's `ignore` entries make for this document (already
   * matched to its path by the front end); rule "*" is every rule.
   */
  ignore?: { rule: string; reason?: string }[];
}

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  rules: {},
  trustedRegistries: [],
  secretNamePatterns: [],
}) as Settings;

export function defineRule(rule: Rule): Rule {
  return rule;
}
