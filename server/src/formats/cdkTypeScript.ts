import type * as TS from 'typescript';
import type { FormatAdapter, ParsedDocument } from './adapter';
import { CdkReader } from './cdk/tsModel';
import { importsEcs, readImports } from './cdk/tsImports';
import { renderTs } from './cdk/tsEdit';
import { MAX_NESTING, needsScan, scanText } from './cdk/tsSyntax';
import { TypeScript, loadTypeScript, typescriptIfLoaded, typescriptLoadFailure } from './cdk/typescriptLoader';

/** The editor languages whose documents may be CDK code. */
export const CDK_TS_LANGUAGES: ReadonlySet<string> = new Set(['typescript', 'typescriptreact', 'javascript', 'javascriptreact']);

/** File names of TypeScript and JavaScript sources (declaration files excluded: they declare no constructs). */
const SOURCE_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/i;
const DECLARATION_FILE = /\.d\.[cm]?ts$/i;

/** Module specifiers whose import makes a file CDK ECS code (v2 root and ECS modules, v1 ECS modules). */
const SPECIFIERS: { needle: string; tails: string[] }[] = [
  { needle: 'aws-cdk-lib', tails: ['', '/aws-ecs', '/aws-ecs-patterns'] },
  { needle: '@aws-cdk/aws-ecs', tails: ['', '-patterns'] },
];

/**
 * The cheap test: does the text contain one of the CDK module specifiers, as a quoted string?
 * (`import … from 'aws-cdk-lib/aws-ecs'`, `require("@aws-cdk/aws-ecs")`). A few indexOf calls.
 */
export function mentionsCdkEcs(text: string): boolean {
  for (const { needle, tails } of SPECIFIERS) {
    for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      const q = text[i - 1];
      if (q !== "'" && q !== '"' && q !== '`') continue;
      const after = i + needle.length;
      for (const tail of tails) {
        if (text.startsWith(tail, after) && text[after + tail.length] === q) return true;
      }
    }
  }
  return false;
}

function pathOf(uri: string): string {
  const q = uri.search(/[?#]/);
  return q < 0 ? uri : uri.slice(0, q);
}

function scriptKind(ts: TypeScript, path: string): TS.ScriptKind {
  const m = /\.([cm]?[jt]sx?)$/i.exec(path);
  const ext = m ? m[1].toLowerCase() : 'ts';
  if (ext === 'tsx') return ts.ScriptKind.TSX;
  if (ext === 'jsx') return ts.ScriptKind.JSX;
  if (ext.endsWith('js')) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

/** Thrown for input the parser cannot take; the engine reports it as "could not be read (…)". */
class InputLimitError extends Error {
  override name = 'input limit';
}

/**
 * AWS CDK code in TypeScript or JavaScript, read with the TypeScript compiler's parser (syntax
 * only). The compiler is loaded by `prepare()`, never for a file that fails the cheap sniff.
 */
export const cdkTypeScriptAdapter: FormatAdapter = {
  sniff(text, uri, languageId) {
    const path = pathOf(uri);
    if (languageId !== undefined) {
      if (!CDK_TS_LANGUAGES.has(languageId)) return false;
    } else if (!SOURCE_FILE.test(path)) return false;
    if (DECLARATION_FILE.test(path)) return false;
    return mentionsCdkEcs(text);
  },

  async prepare() {
    loadTypeScript();
  },

  parse(text, uri) {
    const ts = typescriptIfLoaded();
    if (!ts) {
      const failure = typescriptLoadFailure();
      if (failure) throw new Error(failure);
      return undefined; // not prepared yet: the front end awaits prepareDocument first
    }
    const path = pathOf(uri);
    const kind = scriptKind(ts, path);
    const scan = needsScan(text) ? scanText(ts, text, kind === ts.ScriptKind.TSX || kind === ts.ScriptKind.JSX) : { comments: [] };
    if (scan.tooDeepAt !== undefined) {
      const line = text.slice(0, scan.tooDeepAt).split('\n').length;
      throw new InputLimitError(`brackets nested more than ${MAX_NESTING} deep at line ${line}; not parsed, as the TypeScript parser would run out of stack`);
    }
    let sf: TS.SourceFile;
    try {
      sf = ts.createSourceFile(path.slice(path.lastIndexOf('/') + 1) || 'cdk.ts', text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false, kind);
    } catch (e) {
      if (e instanceof RangeError) throw new InputLimitError('expressions nested too deeply for the TypeScript parser (it ran out of stack)');
      throw e;
    }
    const imports = readImports(ts, sf);
    if (!importsEcs(imports)) return undefined;
    const read = new CdkReader(ts, sf, imports).read();
    if (!read) return undefined;
    const diagnostics = (sf as unknown as { parseDiagnostics?: TS.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
    const problems: ParsedDocument['problems'] = diagnostics.map(d => ({
      span: { start: d.start, end: d.start + d.length },
      message: ts.flattenDiagnosticMessageText(d.messageText, ' '),
    }));
    return {
      format: 'cdk-typescript',
      text,
      model: read.model,
      problems,
      comments: scan.comments,
      render: intents => renderTs({ ts, sf, text, imports }, intents),
    };
  },
};
