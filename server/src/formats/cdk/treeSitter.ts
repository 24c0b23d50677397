import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type { Language, Node, Parser, Tree } from '@vscode/tree-sitter-wasm';

// web-tree-sitter's runtime and the grammars are WebAssembly shipped inside @vscode/tree-sitter-wasm.
// esbuild.mjs copies these three files next to the bundles in dist/, so the packaged extension and
// the CLI load them from disk beside themselves; the tsc-compiled tests (out/) find them in the package.
const RUNTIME = 'tree-sitter.js';
const CORE_WASM = 'tree-sitter.wasm';
/** The grammar files this project ships (esbuild.mjs copies exactly these). */
export const GRAMMAR_FILES = { python: 'tree-sitter-python.wasm' } as const;
/** Every file of the runtime that must sit next to the bundles. */
export const RUNTIME_FILES = [RUNTIME, CORE_WASM, ...Object.values(GRAMMAR_FILES)];

type Runtime = typeof import('@vscode/tree-sitter-wasm');

/** The folder holding the runtime and grammars: beside this code when bundled, else the installed package. */
export function wasmDirectory(): string {
  if (fs.existsSync(path.join(__dirname, CORE_WASM))) return __dirname;
  return path.join(path.dirname(require.resolve('@vscode/tree-sitter-wasm/package.json')), 'wasm');
}

let runtime: Promise<Runtime> | undefined;

/** Loads and initialises the WebAssembly runtime once per process. */
function loadRuntime(): Promise<Runtime> {
  return (runtime ??= (async () => {
    const dir = wasmDirectory();
    // A computed path, so that esbuild leaves the runtime out of the bundle and it loads from disk.
    const ts = createRequire(__filename)(path.join(dir, RUNTIME)) as Runtime;
    await ts.Parser.init({ locateFile: (file: string) => path.join(dir, file) });
    return ts;
  })());
}

/** A loaded grammar: parses text into trees, reusing the previous tree of the same document. */
export class GrammarParser {
  private parser: Parser;
  /** Last text and tree per document key, most recently used last; trees live in WebAssembly memory. */
  private cache = new Map<string, { text: string; tree: Tree }>();
  /** Node type names by type id: reading a node's id and looking it up here costs one call into WebAssembly. */
  readonly typeNames: readonly string[];

  constructor(runtimeModule: Runtime, language: Language, private capacity = 8) {
    this.parser = new runtimeModule.Parser();
    this.parser.setLanguage(language);
    this.typeNames = language.types.map(t => t ?? 'ERROR');
  }

  /**
   * Parses `text`; when `key` names a document parsed before, its old tree is edited with the
   * change (common prefix and suffix) and reparsed incrementally, which is what makes typing in a
   * large file cheap. The tree stays owned by the cache: callers must not delete it.
   */
  parse(text: string, key: string): Tree {
    const previous = this.cache.get(key);
    let tree: Tree | null = null;
    if (previous && previous.text === text) tree = previous.tree;
    else if (previous) {
      previous.tree.edit(changeBetween(previous.text, text));
      tree = this.parser.parse(text, previous.tree);
      previous.tree.delete();
    } else tree = this.parser.parse(text);
    if (!tree) throw new Error('the parser returned no tree');
    this.cache.delete(key);
    this.cache.set(key, { text, tree });
    if (this.cache.size > this.capacity) {
      const [oldest, entry] = this.cache.entries().next().value as [string, { tree: Tree }];
      entry.tree.delete();
      this.cache.delete(oldest);
    }
    return tree;
  }

  /** Parses without touching the cache; the caller deletes the tree. */
  parseFresh(text: string): Tree {
    const tree = this.parser.parse(text);
    if (!tree) throw new Error('the parser returned no tree');
    return tree;
  }
}

/** The point (row, column in UTF-16 code units, as web-tree-sitter counts them) of `offset`. */
function pointAt(text: string, offset: number): { row: number; column: number } {
  let row = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: offset - lineStart };
}

/** The single edit that turns `before` into `after`: everything between their common prefix and suffix. */
export function changeBetween(before: string, after: string) {
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < max - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  const oldEnd = before.length - tail;
  const newEnd = after.length - tail;
  return {
    startIndex: start, oldEndIndex: oldEnd, newEndIndex: newEnd,
    startPosition: pointAt(before, start), oldEndPosition: pointAt(before, oldEnd), newEndPosition: pointAt(after, newEnd),
  };
}

export interface LoadedGrammar {
  parser: GrammarParser;
  /** Milliseconds the first load took (runtime and grammar), for the benchmark. */
  loadMs: number;
}

const grammars = new Map<keyof typeof GRAMMAR_FILES, Promise<LoadedGrammar>>();

/**
 * Loads a grammar once (with the runtime on first need) and checks that offsets come back as
 * JavaScript string indices: web-tree-sitter feeds the text as UTF-16 and reports UTF-16 code
 * units for indices and columns, which is what the model's spans are. A runtime that reported
 * UTF-8 bytes would misplace every finding after a non-ASCII character, so it is refused.
 */
export function loadGrammar(name: keyof typeof GRAMMAR_FILES): Promise<LoadedGrammar> {
  let p = grammars.get(name);
  if (!p) {
    p = (async () => {
      const t0 = performance.now();
      const ts = await loadRuntime();
      const bytes = fs.readFileSync(path.join(wasmDirectory(), GRAMMAR_FILES[name]));
      const language = await ts.Language.load(bytes);
      const parser = new GrammarParser(ts, language);
      checkOffsets(parser);
      return { parser, loadMs: performance.now() - t0 };
    })();
    grammars.set(name, p);
  }
  return p;
}

function checkOffsets(parser: GrammarParser): void {
  // "é😀";x — in UTF-16 the x is at 6; in UTF-8 bytes it would be at 9.
  const probe = '"\u00e9\ud83d\ude00";x';
  const tree = parser.parseFresh(probe);
  try {
    const x = tree.rootNode.descendantForIndex(6);
    if (!x || x.type !== 'identifier' || x.startIndex !== 6 || x.startPosition.column !== 6) {
      throw new Error('the tree-sitter runtime does not report offsets in UTF-16 code units');
    }
  } finally {
    tree.delete();
  }
}

export type { Node, Tree };
