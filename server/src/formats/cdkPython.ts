import type { FormatAdapter, ParseProblem, ParsedDocument } from './adapter';
import { HIT_NAMES, readPython } from './cdk/pythonModel';
import { renderPython } from './cdk/pythonEdit';
import { StatementCache, moduleStatements, statementsWithHits } from './cdk/pyStatements';
import type { PyNode } from './cdk/pySyntax';
import { LoadedGrammar, Node, Tree, loadGrammar } from './cdk/treeSitter';
import type { SComment } from './syntax';

let grammar: LoadedGrammar | undefined;
let loadFailure: string | undefined;
/** Per document (most recently used last): the statement copies and the last document read. */
const caches = new Map<string, { statements: StatementCache; last?: ParsedDocument }>();
const CACHE_DOCUMENTS = 8;

/** How long loading the Python grammar took (undefined until it has loaded), for the benchmark. */
export function pythonGrammarLoadMs(): number | undefined {
  return grammar?.loadMs;
}

/**
 * A cheap test: does the text import aws_cdk (in an `import` or `from … import` line) and mention
 * aws_ecs? Runs on every Python file the editor opens, so it stays a couple of string searches.
 */
export function importsCdkEcs(text: string): boolean {
  if (text.indexOf('aws_ecs') < 0) return false;
  for (let i = text.indexOf('aws_cdk'); i >= 0; i = text.indexOf('aws_cdk', i + 7)) {
    let s = i;
    while (s > 0 && text[s - 1] !== '\n' && text[s - 1] !== '\r') s--;
    const head = text.slice(s, i).trimStart();
    if (head.startsWith('import') || head.startsWith('from')) return true;
  }
  return false;
}

const HIT = new RegExp(`\\b(?:${HIT_NAMES.join('|')})\\b`, 'g');

/** Offsets of construct and method names followed by `(`: where the statements worth reading are. */
function findHits(text: string, aliases: string[]): number[] {
  const hits: number[] = [];
  const followedByParen = (end: number) => {
    let j = end;
    while (j < text.length && (text[j] === ' ' || text[j] === '\t')) j++;
    return text[j] === '(';
  };
  HIT.lastIndex = 0;
  for (let m = HIT.exec(text); m; m = HIT.exec(text)) if (followedByParen(m.index + m[0].length)) hits.push(m.index);
  for (const a of aliases) {
    for (let i = text.indexOf(a); i >= 0; i = text.indexOf(a, i + a.length)) {
      const before = i > 0 ? text.charCodeAt(i - 1) : 32;
      const after = text.charCodeAt(i + a.length);
      if (isWordChar(before) || isWordChar(after)) continue;
      if (followedByParen(i + a.length)) hits.push(i);
    }
  }
  return aliases.length ? [...new Set(hits)].sort((a, b) => a - b) : hits;
}

const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;

/** Local names of imported construct classes (`from aws_cdk.aws_ecs import FargateTaskDefinition as Ftd`). */
function aliases(imports: PyNode[], text: string): string[] {
  const out: string[] = [];
  for (const imp of imports) {
    if (imp.type !== 'import_from_statement') continue;
    for (const c of imp.children) {
      if (c.type !== 'aliased_import') continue;
      const [name, alias] = c.children;
      if (!name || !alias) continue;
      const n = text.slice(name.start, name.end);
      if (HIT_NAMES.includes(n)) out.push(text.slice(alias.start, alias.end));
    }
  }
  return out;
}

/** Every comment, found from its `#` (tree-sitter says whether a `#` starts a comment or sits in a string). */
function comments(tree: Tree, text: string): SComment[] {
  const out: SComment[] = [];
  const root = tree.rootNode;
  for (let i = text.indexOf('#'); i >= 0; i = text.indexOf('#', i + 1)) {
    const n = root.descendantForIndex(i);
    if (!n) continue;
    if (n.type === 'comment' && n.startIndex === i) {
      let end = n.endIndex;
      // tree-sitter keeps a CRLF's \r in the comment; the comment ends before the line break.
      while (end > i && (text[end - 1] === '\r' || text[end - 1] === '\n')) end--;
      out.push({ span: { start: i, end }, text: text.slice(i + 1, end) });
      i = end;
    } else if (n.endIndex > i + 1) i = n.endIndex - 1; // a string holding '#': skip past it
  }
  return out;
}

/**
 * Syntax errors: MISSING nodes, and the innermost ERROR nodes (tree-sitter may wrap half the file
 * in an ERROR around the real one). Descends only into subtrees that hold an error.
 */
function syntaxProblems(tree: Tree, text: string): ParseProblem[] {
  const out: ParseProblem[] = [];
  if (!tree.rootNode.hasError) return out;
  const work: Node[] = [tree.rootNode];
  while (work.length && out.length < 50) {
    const n = work.pop()!;
    if (n.isMissing) {
      out.push({ span: { start: n.startIndex, end: n.startIndex }, message: `Syntax error: missing '${n.type}'; the rest of the file is still analysed.` });
      continue;
    }
    const kids = n.children;
    let inner = false;
    for (let i = kids.length - 1; i >= 0; i--) {
      const k = kids[i];
      if (k && (k.hasError || k.isMissing)) {
        work.push(k);
        inner = true;
      }
    }
    if (n.isError && !inner) {
      const start = n.startIndex;
      // The first line of what could not be parsed says enough.
      let end = Math.max(start, n.endIndex);
      const nl = text.slice(start, end).search(/[\r\n]/);
      if (nl >= 0) end = start + nl;
      const what = text.slice(start, Math.min(end, start + 40)).trim();
      out.push({ span: { start, end }, message: `Syntax error: unexpected ${what ? `'${what}'` : 'text'}; the rest of the file is still analysed.` });
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

function cacheFor(uri: string): { statements: StatementCache; last?: ParsedDocument } {
  let c = caches.get(uri);
  if (c) caches.delete(uri);
  else c = { statements: new StatementCache() };
  caches.set(uri, c);
  if (caches.size > CACHE_DOCUMENTS) caches.delete(caches.keys().next().value as string);
  return c;
}

/** Each analysis gets its own list of problems (the engine adds to it); the model is read-only and shared. */
const copyOf = (doc: ParsedDocument): ParsedDocument => ({ ...doc, problems: [...doc.problems] });

/** AWS CDK apps in Python: task definitions, containers, services, clusters and task-role policies. */
export const cdkPythonAdapter: FormatAdapter = {
  sniff(text, uri, languageId) {
    if (languageId !== undefined ? languageId !== 'python' : !/\.py$/i.test(uri)) return false;
    return importsCdkEcs(text);
  },
  async prepare() {
    if (grammar || loadFailure) return;
    try {
      grammar = await loadGrammar('python');
    } catch (e) {
      loadFailure = e instanceof Error ? e.message : String(e);
    }
  },
  parse(text, uri): ParsedDocument | undefined {
    if (loadFailure) {
      return {
        format: 'cdk-python', text, model: { tasks: [], services: [], clusters: [], taskRoleStatements: [], environment: {} }, comments: [],
        problems: [{ span: { start: 0, end: 0 }, message: `The Python parser could not be loaded (${loadFailure}): this file is not analysed.` }],
        render: () => undefined,
      };
    }
    if (!grammar) return undefined;
    const cache = cacheFor(uri);
    // The same text again (settings changed, a second look): the same reading.
    if (cache.last?.text === text) return copyOf(cache.last);
    const { parser } = grammar;
    const tree = parser.parse(text, uri);
    const module = moduleStatements(tree, text, parser.typeNames);
    const hits = findHits(text, aliases(module.imports, text));
    const statements = statementsWithHits(tree, text, hits, parser.typeNames, cache.statements);
    cache.statements.commit();
    const { model, usesEcs, names } = readPython(text, module, statements);
    cache.last = undefined;
    if (!usesEcs) return undefined;
    cache.last = {
      format: 'cdk-python',
      text,
      model,
      problems: syntaxProblems(tree, text),
      comments: comments(tree, text),
      render: intents => renderPython(text, intents, names),
    };
    return copyOf(cache.last);
  },
};
