import type { ParsedDocument } from '../formats/adapter';
import { get } from '../model/values';
import type { Span } from '../model/values';
import type { Finding, Severity } from './types';

/** The id of the cross-file rule this index serves. */
export const TASK_ROLE_REUSED = 'task-role-reused';

/** One task definition's use of a task role. */
export interface RoleUse {
  /** The task definition's family (or logical id / construct id). */
  family: string;
  /**
   * What identifies the role across the workspace: a literal ARN; or, for a role declared in the
   * same file (CloudFormation `!GetAtt Role.Arn`, a CDK variable), the file plus that identity.
   */
  key: string;
  /** The role as a person reads it: the ARN or the resource name. */
  role: string;
  span: Span;
  /** A directive in the file suppresses task-role-reused here. */
  suppressed?: boolean;
}

/** The task-role uses a document declares (`localScope` makes in-file identities unique per file). */
export function roleUses(parsed: ParsedDocument, localScope: string): RoleUse[] {
  const out: RoleUse[] = [];
  // Uses outlive the analysis (the workspace index keeps them): their spans are copies, because a
  // model value's span may be its syntax node, which would keep the document's whole tree alive.
  const span = (s: Span): Span => ({ start: s.start, end: s.end });
  for (const task of parsed.model.tasks) {
    const v = get(task.obj, 'taskRoleArn');
    if (!v) continue;
    if (v.kind === 'scalar' && typeof v.value === 'string' && v.value.trim()) {
      const arn = v.value.trim();
      out.push({ family: task.label, key: arn, role: arn.replace(/^arn:[^:]+:iam::\d*:role\//, ''), span: span(v.span) });
    } else if (v.kind === 'unknown' && v.identity) {
      out.push({ family: task.label, key: `${localScope}#${v.identity}`, role: v.hint ?? v.identity, span: span(v.span) });
    }
  }
  return out;
}

/**
 * Every task-role use in the workspace, by document, kept up to date file by file, so that
 * `task-role-reused` can be reported on any file when another one changes.
 */
export class RoleIndex {
  private byDoc = new Map<string, RoleUse[]>();
  private byKey = new Map<string, Set<string>>();

  /** Records a document's uses; returns the other documents whose findings may have changed. */
  set(doc: string, uses: RoleUse[]): string[] {
    const before = this.byDoc.get(doc) ?? [];
    // What other documents' findings say of this one is its roles and families: when those stay
    // (an edit elsewhere in the file, a role that moved down a line), nothing else changes.
    if (sameRoles(before, uses)) {
      if (uses.length) this.byDoc.set(doc, uses);
      return [];
    }
    const affected = new Set<string>();
    for (const u of before) this.byKey.get(u.key)?.delete(doc);
    for (const u of before) for (const d of this.byKey.get(u.key) ?? []) affected.add(d);
    if (uses.length) this.byDoc.set(doc, uses);
    else this.byDoc.delete(doc);
    for (const u of uses) {
      let s = this.byKey.get(u.key);
      if (!s) this.byKey.set(u.key, (s = new Set()));
      for (const d of s) affected.add(d);
      s.add(doc);
    }
    for (const u of before) if (this.byKey.get(u.key)?.size === 0) this.byKey.delete(u.key);
    affected.delete(doc);
    return [...affected];
  }

  delete(doc: string): string[] {
    return this.set(doc, []);
  }

  uses(doc: string): RoleUse[] {
    return this.byDoc.get(doc) ?? [];
  }

  /** The task-role-reused findings of one document, given how documents are named in messages. */
  findingsFor(doc: string, severity: Severity, name: (doc: string) => string): Finding[] {
    const out: Finding[] = [];
    for (const u of this.byDoc.get(doc) ?? []) {
      if (u.suppressed) continue;
      const others: string[] = [];
      for (const d of this.byKey.get(u.key) ?? []) {
        for (const o of this.byDoc.get(d) ?? []) {
          if (o.key !== u.key || o.family === u.family) continue;
          const where = d === doc ? '' : ` (${name(d)})`;
          const label = `'${o.family}'${where}`;
          if (!others.includes(label)) others.push(label);
        }
      }
      if (others.length === 0) continue;
      others.sort();
      const shown = others.length > 3 ? `${others.slice(0, 3).join(', ')} and ${others.length - 3} more` : others.join(', ');
      out.push({
        ruleId: TASK_ROLE_REUSED,
        severity,
        message: `Task definition '${u.family}' shares its task role ${u.role} with ${shown}: a compromise of either service gets the other's permissions. Give each service its own task role.`,
        span: u.span,
      });
    }
    return out;
  }
}

/** Whether two lists of uses name the same roles for the same families (spans aside). */
function sameRoles(a: RoleUse[], b: RoleUse[]): boolean {
  if (a.length !== b.length) return false;
  const key = (u: RoleUse) => `${u.key}\u0000${u.family}`;
  const left = a.map(key).sort();
  const right = b.map(key).sort();
  return left.every((k, i) => k === right[i]);
}
