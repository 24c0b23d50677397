import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixEdits } from '../engine/analyze';
import type { Severity } from '../engine/types';
import { INFORMATION_URI, VERSION, docsUrl } from '../meta';
import { RULES } from '../rules';
import { FileReport, lineCol } from './report';

const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', note: 'note' };
// GitHub code scanning ranks security results by this property (0-10).
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.0', note: '2.0' };

/** SARIF 2.1.0: one run, every rule in tool.driver.rules (from the rules' own metadata), fixes included. */
export function formatSarif(reports: FileReport[], baseDir: string): string {
  const ruleIndex = new Map(RULES.map((r, i) => [r.meta.id, i]));
  const base = pathToFileURL(path.resolve(baseDir) + path.sep).href;
  const artifactUri = (r: FileReport) => {
    const rel = path.relative(baseDir, r.absolute);
    return rel.startsWith('..') || path.isAbsolute(rel)
      ? { uri: pathToFileURL(r.absolute).href }
      : { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' };
  };
  const region = (r: FileReport, start: number, end: number) => {
    const s = lineCol(r.doc, start);
    const e = lineCol(r.doc, end);
    return { startLine: s.line, startColumn: s.column, endLine: e.line, endColumn: e.column, charOffset: start, charLength: end - start };
  };
  // Suppressed findings are listed too, marked as such with their justification, as SARIF viewers expect.
  const suppressedResults = reports.flatMap(r => (r.result.suppressed ?? []).map(f => ({
    ruleId: f.ruleId,
    ruleIndex: ruleIndex.get(f.ruleId),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [{ physicalLocation: { artifactLocation: artifactUri(r), region: region(r, f.span.start, f.span.end) } }],
    suppressions: [{ kind: f.suppression.kind === 'config' ? 'external' : 'inSource', ...(f.suppression.reason ? { justification: f.suppression.reason } : {}) }],
  })));
  const results = reports.flatMap(r => r.findings.map(f => {
    const edits = f.fix ? fixEdits(r.result, f) : undefined;
    return {
      ruleId: f.ruleId,
      ruleIndex: ruleIndex.get(f.ruleId),
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [{ physicalLocation: { artifactLocation: artifactUri(r), region: region(r, f.span.start, f.span.end) } }],
      ...(f.fix && edits?.length ? {
        fixes: [{
          description: { text: f.fix.title },
          artifactChanges: [{
            artifactLocation: artifactUri(r),
            replacements: edits.map(e => ({ deletedRegion: region(r, e.start, e.end), ...(e.newText ? { insertedContent: { text: e.newText } } : {}) })),
          }],
        }],
      } : {}),
    };
  }));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'ECS Guard',
          semanticVersion: VERSION,
          version: VERSION,
          informationUri: INFORMATION_URI,
          rules: RULES.map(r => ({
            id: r.meta.id,
            name: r.meta.id.replace(/(^|-)([a-z])/g, (_m, _d, ch: string) => ch.toUpperCase()),
            shortDescription: { text: r.meta.title },
            fullDescription: { text: r.meta.description },
            helpUri: docsUrl(r.meta.id),
            help: { text: `${r.meta.description} See ${docsUrl(r.meta.id)}` },
            defaultConfiguration: { level: LEVEL[r.meta.severity] },
            properties: { tags: ['security', 'ecs'], 'security-severity': SECURITY_SEVERITY[r.meta.severity], precision: 'high' },
          })),
        },
      },
      originalUriBaseIds: { SRCROOT: { uri: base } },
      columnKind: 'utf16CodeUnits',
      results: [...results, ...suppressedResults],
    }],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
