import type { References, Rule } from '../engine/types';
import { docsUrl } from '../meta';
import { RULES } from '../rules';

/** "Security Hub ECS.4; Checkov CKV_AWS_334; …": a rule's equivalents on one line. */
export function equivalents(refs: References): string {
  const parts: string[] = [];
  const add = (label: string, ids?: string[]) => { if (ids?.length) parts.push(`${label} ${ids.join(', ')}`); };
  add('Security Hub', refs.securityHub);
  add('Control Tower', refs.controlTower);
  add('Checkov', refs.checkov);
  add('KICS', refs.kics);
  add('Trivy', refs.trivy);
  add('cdk-nag', refs.cdkNag);
  return parts.join('; ');
}

/** `ecs-guard rules`: every rule with its default severity, whether it fixes, and its equivalents. */
export function formatRules(format: string, rules: Rule[] = RULES): string {
  if (format === 'json') {
    return JSON.stringify(rules.map(r => ({
      id: r.meta.id, severity: r.meta.severity, title: r.meta.title, description: r.meta.description,
      fixable: r.meta.fixable, references: r.meta.references, docs: docsUrl(r.meta.id),
    })), null, 2) + '\n';
  }
  const w = Math.max(...rules.map(r => r.meta.id.length));
  const lines = rules.map(r => {
    const eq = equivalents(r.meta.references);
    return `${r.meta.id.padEnd(w)}  ${r.meta.severity.padEnd(7)}  ${r.meta.fixable ? 'fix' : '   '}  ${r.meta.title}${eq ? `\n${' '.repeat(w + 16)}${eq}` : ''}`;
  });
  return `${'rule'.padEnd(w)}  default  fix  what it flags (and its equivalents)\n${lines.join('\n')}\n`;
}
