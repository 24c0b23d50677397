import type { Span } from '../model/values';
import type { SComment, SNode } from './syntax';

/** Collections nested deeper than this are not read (their place holds an unknown value). */
export const MAX_YAML_DEPTH = 1000;

/** The syntax tree of a YAML text (its first document), with its comments and syntax errors. */
export interface YamlParseResult {
  root?: SNode;
  errors: { span: Span; message: string }[];
  comments: SComment[];
}

const INT = /^[-+]?(0|[1-9][0-9]*)$/;
const FLOAT = /^[-+]?(0|[1-9][0-9]*)?\.[0-9]+([eE][-+]?[0-9]+)?$/;

/**
 * The value of a plain scalar under YAML's core schema, restricted to what round-trips: a number
 * only when its text is the number's canonical form (an account id `012345678901` stays text).
 */
export function plainValue(s: string): string | number | boolean | null {
  switch (s) {
    case 'true': case 'True': case 'TRUE': return true;
    case 'false': case 'False': case 'FALSE': return false;
    case '': case '~': case 'null': case 'Null': case 'NULL': return null;
  }
  // Numbers start with a digit, a sign or a point: other text skips both expressions.
  const c = s.charCodeAt(0);
  if (!((c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46)) return s;
  if (s.length <= 20 && (INT.test(s) || FLOAT.test(s))) {
    const n = Number(s);
    if (Number.isFinite(n) && String(n) === s) return n;
  }
  return s;
}
