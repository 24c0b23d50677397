import { LspClient } from '../test/helpers/lsp';
import { typicalCdkPython, typicalCdkStack, typicalTaskDefinition, typicalTemplate } from './inputs';
import { beginSection, record } from './report';
import { stats } from './stats';

interface Doc {
  label: string;
  uri: string;
  languageId: string;
  text: string;
  /** Typing happens right after this text. */
  anchor: string;
}

/** Latency as the editor sees it: didOpen/didChange to publishDiagnostics, over stdio, per format. */
export async function lspFigures(): Promise<void> {
  beginSection('Language server over stdio: open and keystroke to diagnostics');
  const docs: Doc[] = [
    { label: 'task-definition JSON', uri: 'file:///bench/td.json', languageId: 'json', text: typicalTaskDefinition(), anchor: '"DB_HOST"' },
    { label: 'CloudFormation YAML', uri: 'file:///bench/template.yaml', languageId: 'yaml', text: typicalTemplate(), anchor: 'Image:' },
    { label: 'CDK TypeScript', uri: 'file:///bench/stack.ts', languageId: 'typescript', text: typicalCdkStack(), anchor: 'image: ' },
    { label: 'CDK Python', uri: 'file:///bench/app.py', languageId: 'python', text: typicalCdkPython(), anchor: '"info"' },
  ];
  const client = new LspClient();
  await client.initialize();
  try {
    for (const d of docs) {
      // Warm up: the first document of a format loads its parser.
      await client.open(d.uri.replace('bench/', 'bench/warm-'), d.text, d.languageId);
      await client.diagnosticsFor(d.uri.replace('bench/', 'bench/warm-'), 1);
      const open: number[] = [];
      for (let i = 0; i < 40; i++) {
        const uri = d.uri.replace('bench/', `bench/open-${i}-`);
        const t0 = performance.now();
        await client.open(uri, d.text, d.languageId);
        await client.diagnosticsFor(uri, 1);
        open.push(performance.now() - t0);
        await client.close(uri);
      }
      record(`${d.label}: open → diagnostics`, stats(open.slice(5)), { p99: 20 });
      await client.open(d.uri, d.text, d.languageId);
      await client.diagnosticsFor(d.uri, 1);
      const before = d.text.slice(0, d.text.indexOf(d.anchor) + d.anchor.length).split(/\r\n|\r|\n/);
      const at = { line: before.length - 1, character: before[before.length - 1].length };
      const keys: number[] = [];
      for (let i = 0; i < 200; i++) {
        const edit = i % 2 === 0
          ? { range: { start: at, end: at }, newText: ' ' }
          : { range: { start: at, end: { line: at.line, character: at.character + 1 } }, newText: '' };
        const t0 = performance.now();
        const v = await client.edit(d.uri, [edit]);
        await client.diagnosticsFor(d.uri, v);
        keys.push(performance.now() - t0);
      }
      record(`${d.label}: keystroke → diagnostics`, stats(keys.slice(10)), { p99: 20 });
    }
  } finally {
    await client.shutdown();
  }
}
