import { Hover, MarkupKind, Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisResult } from '../engine/analyze';
import { RULES_BY_ID } from '../rules';
import { docsUrl } from '../meta';
import { toRange } from './convert';

/** Explains the findings under the cursor: rule, why it matters, the fix on offer, the docs page. */
export function hover(doc: TextDocument, result: AnalysisResult, position: Position): Hover | null {
  const offset = doc.offsetAt(position);
  const here = result.findings.filter(f => f.span.start <= offset && offset <= f.span.end);
  if (here.length === 0) return null;
  const parts = here.map(f => {
    const meta = RULES_BY_ID.get(f.ruleId)?.meta;
    const lines = [`**ECS Guard: ${meta?.title ?? f.ruleId}** (\`${f.ruleId}\`, ${f.severity})`, '', f.message];
    if (meta) lines.push('', meta.description);
    if (f.fix) lines.push('', `Quick fix: ${f.fix.title}${f.fix.preferred ? '' : ' (review before applying)'}.`);
    lines.push('', `[Rule documentation](${docsUrl(f.ruleId)})`);
    return lines.join('\n');
  });
  const span = here.reduce((a, f) => ({ start: Math.max(a.start, f.span.start), end: Math.min(a.end, f.span.end) }), { start: 0, end: Number.MAX_SAFE_INTEGER });
  return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, range: toRange(doc, span.start <= span.end ? span : here[0].span) };
}
