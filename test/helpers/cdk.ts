import * as assert from 'node:assert/strict';
import { cdkTypeScriptAdapter } from '../../server/src/formats/cdkTypeScript';
import { loadTypeScript } from '../../server/src/formats/cdk/typescriptLoader';
import { applyFix, findingsOf, fixViolations, run } from './analysis';

export const TS_URI = 'file:///project/lib/stack.ts';
export const JS_URI = 'file:///project/lib/stack.js';

/** Loads the TypeScript compiler as the front ends do before analysing a CDK document. */
export async function prepareCdk(): Promise<void> {
  await cdkTypeScriptAdapter.prepare!();
}

/** The syntax errors the TypeScript parser reports for a text (what a fix must not add to). */
export function syntaxErrors(text: string, uri = TS_URI): string[] {
  const ts = loadTypeScript();
  const kind = uri.endsWith('.js') ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const sf = ts.createSourceFile('stack' + (uri.endsWith('.js') ? '.js' : '.ts'), text, ts.ScriptTarget.Latest, false, kind);
  return ((sf as unknown as { parseDiagnostics: { messageText: string }[] }).parseDiagnostics ?? []).map(d => String(d.messageText));
}

/**
 * Applies the fix of the `nth` finding of `rule` and checks what every CDK fix must give: text the
 * TypeScript parser reads without new errors, and one finding of that rule fewer.
 */
export function fixTs(text: string, rule: string, nth = 0, uri = TS_URI): string {
  const fixed = applyFix(text, rule, nth, uri);
  assert.deepEqual(syntaxErrors(fixed, uri), syntaxErrors(text, uri), `the fix of ${rule} added syntax errors:\n${fixed}`);
  const before = run(text, uri).findings.filter(f => f.ruleId === rule).length;
  const after = run(fixed, uri).findings.filter(f => f.ruleId === rule).length;
  assert.equal(after, before - 1, `the fix of ${rule} did not remove its finding:\n${fixed}`);
  return fixed;
}

/** Every fix offered for the text is sound (see {@link fixViolations}) and parses. */
export function assertSoundFixes(text: string, uri = TS_URI): void {
  assert.deepEqual(fixViolations(text, uri), []);
}

/** [line, character, covered text] of each finding of a rule in CDK TypeScript, 0-based as LSP counts. */
export const tsFindingsAt = (text: string, rule: string, uri = TS_URI) => findingsOf(text, rule, uri).map(f => [f.line, f.character, f.text]);

/** The findings of one rule in CDK TypeScript. */
export const tsFindingsOf = (text: string, rule: string, uri = TS_URI) => run(text, uri).findings.filter(f => f.ruleId === rule);

/** A catalog test's stack file imports: CDK, ECS, ECS patterns, constructs, then `shared` (one import line). */
export const cdkHeader = (shared: string) => `import * as cdk from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as ecsPatterns from 'aws-cdk-lib/aws-ecs-patterns';
import { Construct } from 'constructs';
${shared}
`;

/** One Fargate task definition in a stack class after `header`, with `body` inside its constructor (4 spaces). */
export const fargateStack = (header: string, body: string) => `${header}
export class AppStack extends cdk.Stack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const taskDef = new ecs.FargateTaskDefinition(this, 'App');
${body}  }
}
`;
