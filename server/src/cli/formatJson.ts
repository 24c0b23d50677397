import { FORMAT_LABELS } from '../formats/adapter';
import { VERSION } from '../meta';
import { FileReport, lineCol } from './report';
import { fixEdits } from '../engine/analyze';

/**
 * `--format json`: a stable, documented shape (schema version 1). Positions are 1-based lines and
 * 1-based UTF-16 columns; `end` is exclusive. Fix edits use the same positions.
 */
export function formatJson(reports: FileReport[]): string {
  const summary = { files: reports.length, errors: 0, warnings: 0, notes: 0, fixable: 0 };
  const files = reports.map(r => ({
    path: r.path,
    format: r.result.format ?? null,
    formatLabel: r.result.format ? FORMAT_LABELS[r.result.format] : null,
    skipped: r.result.skipped ?? null,
    syntaxErrors: r.result.problems.map(p => ({ message: p.message, start: lineCol(r.doc, p.span.start) })),
    findings: r.findings.map(f => {
      if (f.severity === 'error') summary.errors++;
      else if (f.severity === 'warning') summary.warnings++;
      else summary.notes++;
      if (f.fix?.preferred) summary.fixable++;
      const edits = f.fix ? fixEdits(r.result, f) : undefined;
      return {
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        start: lineCol(r.doc, f.span.start),
        end: lineCol(r.doc, f.span.end),
        fix: f.fix && edits ? {
          title: f.fix.title,
          safe: f.fix.preferred,
          edits: edits.map(e => ({ start: lineCol(r.doc, e.start), end: lineCol(r.doc, e.end), text: e.newText })),
        } : null,
      };
    }),
  }));
  return JSON.stringify({ schemaVersion: 1, tool: { name: 'ecs-guard', version: VERSION }, summary, files }, null, 2) + '\n';
}
