// `npm run bench`: prints analysis and LSP latency figures against their budgets, and writes them to
// bench/results/latest.json. Figures, not pass/fail tests: the machine's load changes them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../server/src/engine/analyze';
import { prepareDocument } from '../server/src/formats';
import { pythonGrammarLoadMs } from '../server/src/formats/cdkPython';
import { LspClient } from '../test/helpers/lsp';
import { largeCdkPython, largeCdkStack, largeTaskDefinition, largeTemplate, plainPython, plainTypeScript, typicalCdkPython, typicalCdkStack, typicalTaskDefinition, typicalTemplate } from './inputs';
import { Stats, measure, ms, stats } from './stats';

interface Row {
  name: string;
  stats: Stats;
  budget?: { median?: number; p99?: number };
  unit?: string;
}

const rows: Row[] = [];

function record(name: string, s: Stats, budget?: Row['budget']) {
  rows.push({ name, stats: s, budget });
  const mark = !budget ? ' ' : (budget.median === undefined || s.median <= budget.median) && (budget.p99 === undefined || s.p99 <= budget.p99) ? '✔' : '✖';
  const b = budget ? `budget ${budget.median !== undefined ? `median ≤ ${budget.median}` : ''}${budget.p99 !== undefined ? `${budget.median !== undefined ? ', ' : ''}p99 ≤ ${budget.p99}` : ''} ms` : '';
  console.log(`${mark} ${name.padEnd(58)} median ${ms(s.median).padStart(8)} ms   p99 ${ms(s.p99).padStart(8)} ms   (n=${s.n})  ${b}`);
}

async function lspLatency(): Promise<void> {
  const client = new LspClient();
  await client.initialize();
  const text = typicalTaskDefinition();
  // Open-to-diagnostics: a fresh document each time.
  const open: number[] = [];
  for (let i = 0; i < 60; i++) {
    const uri = `file:///bench/open-${i}.json`;
    const t0 = performance.now();
    await client.open(uri, text);
    await client.diagnosticsFor(uri, 1);
    open.push(performance.now() - t0);
    await client.close(uri);
  }
  record('LSP open → diagnostics (typical task definition)', stats(open.slice(10)), { p99: 20 });
  // Keystroke-to-diagnostics: one-character edits replayed on an open document.
  const uri = 'file:///bench/typing.json';
  await client.open(uri, text);
  await client.diagnosticsFor(uri, 1);
  const keys: number[] = [];
  const line = text.split('\n').findIndex(l => l.includes('"DB_HOST"'));
  const at = { line, character: 8 };
  for (let i = 0; i < 300; i++) {
    // Type a space, then delete it: every version is a real document a user could have.
    const edit = i % 2 === 0
      ? { range: { start: at, end: at }, newText: ' ' }
      : { range: { start: at, end: { line, character: 9 } }, newText: '' };
    const t0 = performance.now();
    const v = await client.edit(uri, [edit]);
    await client.diagnosticsFor(uri, v);
    keys.push(performance.now() - t0);
  }
  record('LSP keystroke → diagnostics (typical task definition)', stats(keys.slice(20)), { p99: 20 });
  await client.shutdown();
}

/** CDK TypeScript: the compiler's one-time load, analysis of typical and large stacks, and of TypeScript that is no CDK code. */
async function cdkFigures(): Promise<void> {
  const typical = typicalCdkStack();
  const t0 = performance.now();
  await prepareDocument(typical, 'file:///b/stack.ts');
  console.log(`  (TypeScript compiler loaded in ${ms(performance.now() - t0)} ms, once)`);
  record('analyze: typical CDK stack (TypeScript)', measure(() => analyze(typical, 'file:///b/stack.ts'), 500), { median: 2 });
  const large = largeCdkStack();
  console.log(`  (large CDK input: ${large.split('\n').length} lines, ${analyze(large, 'file:///b/large.ts').findings.length} findings)`);
  record('analyze: 2,000-line CDK stack (TypeScript)', measure(() => analyze(large, 'file:///b/large.ts'), 100), { median: 10 });
  const plain = plainTypeScript();
  record('analyze: 2,000-line TypeScript that is not CDK code', measure(() => analyze(plain, 'file:///b/util.ts', undefined, 'typescript'), 2000), { median: 0.1 });
  // A keystroke: the typical stack with one more character each time (a fresh text, as the editor sends).
  let i = 0;
  record('analyze: typical CDK stack, per keystroke', measure(() => analyze(typical.replace("'prod'", `'prod${i++ % 10}'`), 'file:///b/stack.ts'), 500), { median: 2 });
}

/** CDK Python: the grammar's load, a first read, a re-read, typing, and Python that is not CDK. */
async function cdkPython(): Promise<void> {
  const big = largeCdkPython(2000);
  await prepareDocument(big, 'file:///b/stack.py', 'python');
  const load = pythonGrammarLoadMs() ?? NaN;
  rows.push({ name: 'CDK Python: grammar load (once per process)', stats: { n: 1, median: load, p99: load, min: load, max: load } });
  console.log(`  CDK Python grammar (web-tree-sitter + tree-sitter-python.wasm) loaded in ${ms(load)} ms, once per process`);
  let n = 0;
  // A new document each time: nothing reused from an earlier read.
  record('analyze: 2,000-line CDK Python stack, first read', measure(() => analyze(big, `file:///b/first-${n++}.py`, undefined, 'python'), 30, 5), { median: 15 });
  record('analyze: 2,000-line CDK Python stack, same text again', measure(() => analyze(big, 'file:///b/stack.py', undefined, 'python'), 200), { median: 15 });
  const keystrokes = (text: string, uri: string) => {
    const at = text.indexOf('"info"') + 2;
    let i = 0;
    // Type a space, then delete it: every version is a real document a user could have.
    return measure(() => analyze(i++ % 2 ? text.slice(0, at) + ' ' + text.slice(at) : text, uri, undefined, 'python'), 200);
  };
  const typical = typicalCdkPython();
  await prepareDocument(typical, 'file:///b/typical.py', 'python');
  record('analyze: keystroke in a typical CDK Python stack', keystrokes(typical, 'file:///b/typical.py'), { median: 2 });
  record('analyze: keystroke in a 2,000-line CDK Python stack', keystrokes(big, 'file:///b/typing.py'));
  const plain = plainPython(2000);
  record('analyze: 2,000-line Python file that is not CDK', measure(() => analyze(plain, 'file:///b/tool.py', undefined, 'python'), 2000), { median: 0.1 });
}

async function main() {
  console.log(`ECS Guard benchmark — node ${process.version}, ${require('node:os').cpus().length} cores\n`);
  const typical = typicalTaskDefinition();
  record('analyze: typical task definition (JSON)', measure(() => analyze(typical, 'file:///b/td.json'), 2000), { median: 1, p99: 5 });
  const large = largeTaskDefinition();
  console.log(`  (large input: ${(large.length / 1024 / 1024).toFixed(2)} MB, ${analyze(large, 'file:///b/l.json').findings.length} findings)`);
  record('analyze: 1 MB task definition (JSON)', measure(() => analyze(large, 'file:///b/large.json'), 30, 3), { median: 50, p99: 100 });
  const template = typicalTemplate();
  record('analyze: typical CloudFormation template (YAML)', measure(() => analyze(template, 'file:///b/template.yaml'), 500), { median: 5 });
  const stack = largeTemplate(100);
  console.log(`  (100-resource template: ${(stack.length / 1024).toFixed(0)} KB, ${analyze(stack, 'file:///b/stack.yaml').findings.length} findings)`);
  record('analyze: 100-resource CloudFormation template (YAML)', measure(() => analyze(stack, 'file:///b/stack.yaml'), 40, 5), { median: 120 });
  await cdkFigures();
  await cdkPython();
  await lspLatency();
  const out = path.join(__dirname, '..', '..', 'bench', 'results');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'latest.json'), JSON.stringify({ date: new Date().toISOString(), node: process.version, rows }, null, 2) + '\n');
  console.log(`\nresults written to bench/results/latest.json`);
}

main().catch(e => {
  console.error(e);
  process.exitCode = 1;
});
