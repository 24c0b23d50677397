import { NO_CHILDREN, PyNode, copyTree } from './pySyntax';
import type { Node, Tree } from './treeSitter';

/** Where a statement sits: the function and class whose bodies hold it (by their start offsets). */
export interface Scope {
  fn?: number;
  cls?: number;
}

export interface Statement {
  node: PyNode;
  scope: Scope;
  /** Holds a syntax error: read as far as it goes, but never edited (its shape is tree-sitter's guess). */
  broken: boolean;
}

/** The module's own statements that the reader always needs: imports, and constants it copies on demand. */
export interface ModuleStatements {
  imports: PyNode[];
  /** Module-level `NAME = …` statements by name; `null` when the name is assigned more than once. */
  constants: Map<string, (() => PyNode | undefined) | null>;
}

/**
 * Copies of statements from earlier analyses of a document, by their text: while the user types,
 * only the statement being edited is copied out of the tree again. Only statements that parsed
 * without errors are kept, since an error's recovery can depend on the text around it.
 */
export class StatementCache {
  private previous = new Map<string, PyNode>();
  private current = new Map<string, PyNode>();

  /** The statement's copy: from the cache (as it is, or moved to `start`), or made by `copy`. */
  get(text: string, start: number, clean: () => boolean, copy: () => PyNode): PyNode {
    let hit = this.current.get(text) ?? this.previous.get(text);
    if (hit) {
      // Copies are never changed once made, so one at the same place is shared as it is.
      if (hit.start !== start) hit = shifted(hit, start - hit.start);
      this.current.set(text, hit);
      return hit;
    }
    const made = copy();
    if (clean()) this.current.set(text, made);
    return made;
  }

  /** Ends one analysis: what it did not use is dropped at the end of the next one. */
  commit(): void {
    this.previous = this.current;
    this.current = new Map();
  }
}

/** A copy of `root` with every offset moved by `delta` (iterative). */
function shifted(root: PyNode, delta: number): PyNode {
  const top: PyNode = { type: root.type, start: root.start + delta, end: root.end + delta, field: root.field, children: NO_CHILDREN };
  const srcStack: PyNode[] = [root];
  const dstStack: PyNode[] = [top];
  while (srcStack.length) {
    const src = srcStack.pop()!;
    const dst = dstStack.pop()!;
    const n = src.children.length;
    if (n === 0) continue;
    dst.children = new Array(n);
    for (let i = 0; i < n; i++) {
      const c = src.children[i];
      const d: PyNode = { type: c.type, start: c.start + delta, end: c.end + delta, field: c.field, children: NO_CHILDREN };
      dst.children[i] = d;
      srcStack.push(c);
      dstStack.push(d);
    }
  }
  return top;
}

const COMPOUND = new Set([
  'function_definition', 'class_definition', 'decorated_definition', 'if_statement', 'for_statement', 'while_statement',
  'try_statement', 'with_statement', 'match_statement', 'elif_clause', 'else_clause', 'except_clause', 'except_group_clause',
  'finally_clause', 'case_clause', 'block',
]);
const CONSTANT = /^([A-Za-z_][A-Za-z0-9_]*)[ \t]*(?::[^=\n]{0,200})?=(?!=)/;

/**
 * Finds the statements that hold `hits` (sorted offsets) by walking down from the module through
 * compound statements whose range holds a hit, and copies them. Touches only the nodes on the way:
 * statements elsewhere in the file cost nothing. Iterative.
 */
export function statementsWithHits(tree: Tree, text: string, hits: number[], typeNames: readonly string[], cache: StatementCache): Statement[] {
  const out: Statement[] = [];
  if (hits.length === 0) return out;
  // Statements inside an ERROR node are fragments of one tree-sitter could not parse: read, never edited.
  const work: { node: Node; type: string; scope: Scope; limit: number; inError: boolean }[] = [{ node: tree.rootNode, type: 'module', scope: {}, limit: text.length, inError: false }];
  while (work.length) {
    const { node, type: containerType, scope, limit, inError } = work.pop()!;
    // A module or block holds statements; a compound statement holds blocks, clauses and (decorated)
    // definitions. tree-sitter wraps what it could not fit in ERROR nodes, whose children are statements
    // and fragments of them: read them as a block, so a typing error does not hide the rest of the file.
    const holdsStatements = containerType === 'module' || containerType === 'block' || containerType === 'ERROR';
    const kids = node.namedChildren.filter((k): k is Node => !!k);
    for (let i = 0; i < kids.length; i++) {
      const k = kids[i];
      const start = k.startIndex;
      const end = i + 1 < kids.length ? kids[i + 1].startIndex : limit;
      if (!anyIn(hits, start, end)) continue;
      const type = typeNames[k.typeId] ?? 'ERROR';
      if (type === 'comment') continue;
      if (COMPOUND.has(type) || type === 'ERROR') {
        const inner: Scope = type === 'function_definition' ? { ...scope, fn: start } : type === 'class_definition' ? { cls: start } : scope;
        work.push({ node: k, type, scope: inner, limit: end, inError: inError || type === 'ERROR' });
        continue;
      }
      if (!holdsStatements) continue; // a condition, a definition's name, parameters or bases
      const stmtEnd = k.endIndex;
      // Asked only when the statement is copied: a cached copy was made from a statement without errors.
      let broken: boolean | undefined = inError || undefined;
      const isBroken = () => (broken ??= k.hasError);
      const copy = inError
        ? copyTree(k, text, typeNames, true)
        : cache.get(text.slice(start, stmtEnd), start, () => !isBroken(), () => copyTree(k, text, typeNames, isBroken()));
      out.push({ node: copy, scope, broken: broken ?? false });
    }
  }
  return out.sort((a, b) => a.node.start - b.node.start);
}

/** True when some hit lies in [start, end). */
function anyIn(hits: number[], start: number, end: number): boolean {
  let lo = 0;
  let hi = hits.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hits[mid] < start) lo = mid + 1;
    else hi = mid;
  }
  return lo < hits.length && hits[lo] < end;
}

/** Reads the module's imports (also inside top-level `try`/`if`) and indexes its constants. */
export function moduleStatements(tree: Tree, text: string, typeNames: readonly string[]): ModuleStatements {
  const imports: PyNode[] = [];
  const constants = new Map<string, (() => PyNode | undefined) | null>();
  // Node objects are made afresh by each access, so the module is told apart by position in the walk.
  const work: { node: Node; top: boolean }[] = [{ node: tree.rootNode, top: true }];
  let depth = 0;
  while (work.length && depth++ < 200) {
    const { node: container, top } = work.pop()!;
    for (const k of container.namedChildren) {
      if (!k) continue;
      const type = typeNames[k.typeId] ?? 'ERROR';
      if (type === 'import_statement' || type === 'import_from_statement') imports.push(copyTree(k, text, typeNames));
      else if (top && type === 'ERROR') work.push({ node: k, top: true }); // a syntax error wrapped the module's statements
      else if (top && type === 'expression_statement') {
        const m = CONSTANT.exec(text.slice(k.startIndex, k.startIndex + 300));
        if (!m) continue;
        const name = m[1];
        let copied: PyNode | undefined;
        let done = false;
        constants.set(name, constants.has(name) ? null : () => {
          if (!done) {
            done = true;
            copied = copyTree(k, text, typeNames);
          }
          return copied;
        });
      } else if (top && (type === 'try_statement' || type === 'if_statement')) {
        // `try: from aws_cdk import aws_ecs as ecs` and `if TYPE_CHECKING:` blocks, one level down.
        for (const c of k.namedChildren) {
          if (!c) continue;
          const t = typeNames[c.typeId];
          if (t === 'block') work.push({ node: c, top: false });
          else if (t === 'except_clause' || t === 'else_clause' || t === 'elif_clause') {
            for (const b of c.namedChildren) if (b && typeNames[b.typeId] === 'block') work.push({ node: b, top: false });
          }
        }
      }
    }
  }
  return { imports, constants };
}
