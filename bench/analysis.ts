import { analyze } from '../server/src/engine/analyze';
import { prepareDocument } from '../server/src/formats';
import { pythonGrammarLoadMs } from '../server/src/formats/cdkPython';
import { largeCdkPython, largeCdkStack, largeTaskDefinition, largeTemplate, plainPython, plainTypeScript, typicalCdkPython, typicalCdkStack, typicalTaskDefinition, typicalTemplate } from './inputs';
import { beginSection, figure, record } from './report';
import { measure, ms } from './stats';

/** Replays typing on a text: a space inserted after `anchor`, then deleted, alternately (every version is real). */
function keystrokes(text: string, anchor: string, uri: string, languageId?: string, n = 400) {
  const at = text.indexOf(anchor) + anchor.length;
  if (at < anchor.length) throw new Error(`no ${anchor} in the input`);
  let i = 0;
  return measure(() => analyze(i++ % 2 ? text.slice(0, at) + ' ' + text.slice(at) : text, uri, undefined, languageId), n);
}

/** In-process analysis per format: typical and large documents, and typing. */
export async function analysisFigures(): Promise<void> {
  beginSection('In-process analysis, per format');
  const td = typicalTaskDefinition();
  record('task-definition JSON: typical file', measure(() => analyze(td, 'file:///b/td.json'), 2000), { median: 1, p99: 5 });
  record('task-definition JSON: per keystroke', keystrokes(td, '"DB_HOST"', 'file:///b/typing.json'), { median: 1, p99: 5 });
  const large = largeTaskDefinition();
  record(`task-definition JSON: ${(large.length / 1024 / 1024).toFixed(1)} MB file`, measure(() => analyze(large, 'file:///b/large.json'), 30, 3), { median: 50, p99: 100 });

  const template = typicalTemplate();
  record('CloudFormation YAML: typical template', measure(() => analyze(template, 'file:///b/template.yaml'), 500), { median: 5, p99: 15 });
  record('CloudFormation YAML: per keystroke', keystrokes(template, 'Image:', 'file:///b/typing.yaml'), { median: 5, p99: 15 });
  const stack = largeTemplate(100);
  record(`CloudFormation YAML: 100-resource template (${(stack.length / 1024).toFixed(0)} KB)`, measure(() => analyze(stack, 'file:///b/stack.yaml'), 40, 5), { median: 120 });

  const ts = typicalCdkStack();
  let t0 = performance.now();
  await prepareDocument(ts, 'file:///b/stack.ts');
  figure('CDK TypeScript: compiler load (once, on the first CDK file)', performance.now() - t0, 'ms');
  record('CDK TypeScript: typical stack', measure(() => analyze(ts, 'file:///b/stack.ts'), 500), { median: 2, p99: 10 });
  record('CDK TypeScript: per keystroke', keystrokes(ts, "image: ", 'file:///b/typing.ts'), { median: 2, p99: 10 });
  const bigTs = largeCdkStack();
  record(`CDK TypeScript: ${bigTs.split('\n').length}-line stack`, measure(() => analyze(bigTs, 'file:///b/large.ts'), 100), { median: 10 });
  const plainTs = plainTypeScript();
  record('TypeScript that is not CDK code (2,000 lines)', measure(() => analyze(plainTs, 'file:///b/util.ts', undefined, 'typescript'), 2000), { median: 0.1 });

  const py = typicalCdkPython();
  t0 = performance.now();
  await prepareDocument(py, 'file:///b/app.py', 'python');
  const load = pythonGrammarLoadMs() ?? performance.now() - t0;
  figure('CDK Python: grammar load (once, on the first CDK file)', load, 'ms');
  record('CDK Python: typical app', measure(() => analyze(py.replace('"info"', `"info${Math.random()}"`), 'file:///b/typical.py', undefined, 'python'), 300), { median: 2, p99: 10 });
  record('CDK Python: per keystroke', keystrokes(py, '"info"', 'file:///b/typing.py', 'python'), { median: 2, p99: 10 });
  const bigPy = largeCdkPython(2000);
  let n = 0;
  // A new document each time: nothing reused from an earlier read.
  record('CDK Python: 2,000-line app, first read', measure(() => analyze(bigPy, `file:///b/first-${n++}.py`, undefined, 'python'), 30, 5), { median: 15 });
  const plainPy = plainPython(2000);
  record('Python that is not CDK code (2,000 lines)', measure(() => analyze(plainPy, 'file:///b/tool.py', undefined, 'python'), 2000), { median: 0.1 });
  console.log(`  (compiler and grammar loads are one-time costs: ${ms(load)} ms for Python)`);
}
