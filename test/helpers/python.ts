import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fixEdits } from '../../server/src/engine/analyze';
import { cdkPythonAdapter } from '../../server/src/formats/cdkPython';
import { loadGrammar } from '../../server/src/formats/cdk/treeSitter';
import { DEFAULT_SETTINGS, Settings } from '../../server/src/engine/types';
import { applyFix, findingsOf, fixViolations, run } from './analysis';

/** Where the Python fixtures pretend to live. */
export const PY_URI = 'file:///project/app/stacks/web_stack.py';

/** Loads the Python grammar: analysis of Python needs it, as the front ends await it before analysing. */
export async function preparePython(): Promise<void> {
  await cdkPythonAdapter.prepare!();
}

/** Findings of `rule` (or all) in a Python text, as the tests compare them. */
export const pyFindings = (text: string, rule?: string, s: Settings = DEFAULT_SETTINGS) => findingsOf(text, rule, PY_URI, s, 'python');

/** Applies the fix of the `nth` finding of `rule` to a Python text. */
export const pyFix = (text: string, rule: string, nth = 0) => applyFix(text, rule, nth, PY_URI, DEFAULT_SETTINGS, 'python');

export const pyRun = (text: string, s: Settings = DEFAULT_SETTINGS) => run(text, PY_URI, s, 'python');

/** Every fix of every finding: parses as before, fires its rule less often, adds no finding. */
export const pyFixViolations = (text: string) => fixViolations(text, PY_URI, 'python');

/** Asserts that tree-sitter parses `text` without an ERROR or MISSING node. */
export async function assertParses(text: string): Promise<void> {
  const { parser } = await loadGrammar('python');
  const tree = parser.parseFresh(text);
  try {
    assert.equal(tree.rootNode.hasError, false, `does not parse:\n${text}`);
  } finally {
    tree.delete();
  }
}

/** Builds a stack module: the imports, then a class whose __init__ holds `body` (indented by 8). */
export function stack(body: string, imports = 'from aws_cdk import Stack\nfrom aws_cdk import aws_ecs as ecs\nfrom aws_cdk import aws_iam as iam\nfrom constructs import Construct\n', prelude = ''): string {
  const indented = body.split('\n').map(l => (l.trim() ? '        ' + l : '')).join('\n');
  return `${imports}${prelude}

class WebStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)
${indented}
`;
}

/**
 * Where `sub` is inside the `nth` occurrence of `context` in `text`, as `line:char-line:char`
 * (0-based, UTF-16, as LSP counts): found by searching the text, so a test states where a
 * finding belongs without counting columns by hand.
 */
export function rangeOf(text: string, context: string, sub = context, nth = 0): string {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(context, at + 1);
    assert.ok(at >= 0, `'${context}' #${nth} not in the text`);
  }
  const inner = context.indexOf(sub);
  assert.ok(inner >= 0, `'${sub}' not in '${context}'`);
  const doc = TextDocument.create('file:///x', 'python', 1, text);
  const a = doc.positionAt(at + inner);
  const b = doc.positionAt(at + inner + sub.length);
  return `${a.line}:${a.character}-${b.line}:${b.character}`;
}

/** Each finding of `rule` as `range covered-text`, ranges as {@link rangeOf} writes them. */
export function hits(text: string, rule: string): string[] {
  return pyFindings(text, rule).map(f => `${f.line}:${f.character}-${f.endLine}:${f.endCharacter} ${f.text}`);
}

/** What {@link hits} gives for a finding on `sub` inside the `nth` occurrence of `context`. */
export function hit(text: string, context: string, sub = context, nth = 0): string {
  return `${rangeOf(text, context, sub, nth)} ${sub}`;
}

/** The fix of the `nth` finding of `rule` renders no edit: offered by the rule, not writable here. */
export function noEdits(text: string, rule: string, nth = 0): boolean {
  const r = pyRun(text);
  const f = r.findings.filter(x => x.ruleId === rule)[nth];
  assert.ok(f, `no finding #${nth} of ${rule}`);
  return fixEdits(r, f) === undefined;
}
