import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as TS from 'typescript';

/** The TypeScript compiler's API, as the adapter uses it (parser and scanner only). */
export type TypeScript = typeof TS;

let loaded: TypeScript | undefined;
let failure: string | undefined;

/**
 * Loads the TypeScript compiler once. The bundles ship it as a sibling file (dist/typescript.js)
 * so that documents of other formats never pay the ~400 ms it takes to load; the tsc-compiled
 * tests (out/) find the installed package instead. Throws when neither can be loaded.
 */
export function loadTypeScript(): TypeScript {
  if (loaded) return loaded;
  if (failure) throw new Error(failure);
  try {
    const bundled = path.join(__dirname, 'typescript.js');
    // A computed path keeps esbuild from inlining the compiler into the server and CLI bundles.
    loaded = (fs.existsSync(bundled) ? require(bundled) : require('typescript')) as TypeScript;
    if (typeof loaded.createSourceFile !== 'function') throw new Error('not the TypeScript compiler API');
    return loaded;
  } catch (e) {
    loaded = undefined;
    failure = `the TypeScript parser could not be loaded (${e instanceof Error ? e.message.split('\n')[0].slice(0, 200) : 'unknown error'})`;
    throw new Error(failure);
  }
}

/** The compiler if it has been loaded, else undefined (never loads it). */
export function typescriptIfLoaded(): TypeScript | undefined {
  return loaded;
}

/** Why loading failed, if it did. */
export function typescriptLoadFailure(): string | undefined {
  return failure;
}
