// Bundles the extension, the language server and the CLI into dist/. `--watch` rebuilds on change;
// `--production` minifies (what the VSIX ships).
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  // jsonc-parser's UMD build hides its requires from bundlers; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  // The TypeScript compiler is large and only needed for CDK files: it is its own bundle
  // (dist/typescript.js), loaded on first need by formats/cdk/typescriptLoader.ts. The tree-sitter
  // runtime loads from disk beside the bundle (copied below), not from the bundle.
  external: ['vscode', 'typescript', '@vscode/tree-sitter-wasm'],
};

// web-tree-sitter's runtime and the Python grammar: the bundled server and CLI load them from dist/.
const TREE_SITTER_FILES = ['tree-sitter.js', 'tree-sitter.wasm', 'tree-sitter-python.wasm'];
function copyTreeSitter() {
  const from = path.join(path.dirname(createRequire(import.meta.url).resolve('@vscode/tree-sitter-wasm/package.json')), 'wasm');
  fs.mkdirSync('dist', { recursive: true });
  for (const f of TREE_SITTER_FILES) fs.copyFileSync(path.join(from, f), path.join('dist', f));
}

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js' },
  { ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js' },
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  // Always minified and without a source map: it is most of the VSIX's size, and nobody debugs it.
  { ...common, entryPoints: ['node_modules/typescript/lib/typescript.js'], outfile: 'dist/typescript.js', external: [], sourcemap: false, minify: true },
];

copyTreeSitter();
if (watch) {
  const contexts = await Promise.all(builds.map(b => esbuild.context(b)));
  await Promise.all(contexts.map(c => c.watch()));
  console.log('esbuild: watching');
} else {
  await Promise.all(builds.map(b => esbuild.build(b)));
}
