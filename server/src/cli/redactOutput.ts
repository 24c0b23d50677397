import type { AnalysisResult } from '../engine/analyze';
import { redact } from '../engine/redact';

/** Rules whose findings sit on a secret value. */
const SECRET_RULES = new Set(['plaintext-secret-in-environment', 'hardcoded-credential']);

/** The secret values an analysis found (without their quotes), for scrubbing text that quotes the file. */
export function foundSecrets(text: string, result: AnalysisResult): string[] {
  const out: string[] = [];
  for (const f of [...result.findings, ...(result.suppressed ?? [])]) {
    if (!SECRET_RULES.has(f.ruleId)) continue;
    const raw = text.slice(f.span.start, f.span.end).replace(/^["'`]|["'`]$/g, '');
    if (raw.length >= 4) out.push(raw);
  }
  return out;
}

/**
 * Replaces each secret in a piece of output (a diff quotes the file's lines) by its redacted form.
 * Longest first, so that a secret containing another is replaced whole.
 */
export function scrub(output: string, secrets: string[]): string {
  let s = output;
  for (const secret of [...new Set(secrets)].sort((a, b) => b.length - a.length)) {
    if (s.includes(secret)) s = s.split(secret).join(redact(secret));
  }
  return s;
}
