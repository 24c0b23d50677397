import type { Severity } from '../engine/types';
import { FileReport, lineCol } from './report';

const LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', note: 'note' };

/** ESLint "stylish"-like output: a block per file, a summary line. */
export function formatText(reports: FileReport[], color: boolean, notes: string[] = []): string {
  const c = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const sev = (s: Severity) => (s === 'error' ? c('31', LABEL[s]) : s === 'warning' ? c('33', LABEL[s]) : c('36', LABEL[s]));
  const out: string[] = [];
  const count: Record<Severity, number> = { error: 0, warning: 0, note: 0 };
  for (const r of reports) {
    if (r.findings.length === 0 && r.result.problems.length === 0) continue;
    out.push('', c('4', r.path));
    const rows = r.findings.map(f => {
      count[f.severity]++;
      const { line, column } = lineCol(r.doc, f.span.start);
      return { pos: `${line}:${column}`, sev: f.severity, msg: f.message, rule: f.ruleId };
    });
    const w = Math.max(0, ...rows.map(x => x.pos.length));
    const sw = Math.max(0, ...rows.map(x => LABEL[x.sev].length));
    for (const x of rows) {
      out.push(`  ${c('2', x.pos.padEnd(w))}  ${sev(x.sev)}${' '.repeat(sw - LABEL[x.sev].length)}  ${x.msg}  ${c('2', x.rule)}`);
    }
    if (r.result.problems.length) {
      const p = r.result.problems[0];
      const { line, column } = lineCol(r.doc, p.span.start);
      out.push(`  ${c('2', `${line}:${column}`)}  ${c('2', `syntax: ${p.message}${r.result.problems.length > 1 ? ` (+${r.result.problems.length - 1} more)` : ''} (the rest of the file was still analysed)`)}`);
    }
  }
  for (const n of notes) out.push('', n);
  const total = count.error + count.warning + count.note;
  out.push('');
  if (total === 0) out.push(c('32', `✔ no problems in ${reports.length} file${reports.length === 1 ? '' : 's'} scanned`));
  else {
    const mark = count.error ? c('31', '✖') : c('33', '✖');
    out.push(`${mark} ${total} problem${total === 1 ? '' : 's'} (${count.error} error${count.error === 1 ? '' : 's'}, ${count.warning} warning${count.warning === 1 ? '' : 's'}, ${count.note} note${count.note === 1 ? '' : 's'}) in ${reports.length} file${reports.length === 1 ? '' : 's'} scanned`);
  }
  return out.join('\n') + '\n';
}
