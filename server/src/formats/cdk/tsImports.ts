import type * as TS from 'typescript';
import { CDK_MODULE_KINDS, CdkModule, ROOT_NAMESPACES } from './constructs';
import type { TypeScript } from './typescriptLoader';
import { unwrap } from './tsSyntax';

/** A name's meaning: a whole CDK module, or one export of a module, possibly with a member (`NetworkMode.HOST`). */
export type Resolved = { ns: CdkModule } | { module: CdkModule; name: string; member?: string };

/** How a file imports the CDK: every local name that stands for a module or one of its exports. */
export interface Imports {
  /** Local names bound to a whole module: `import * as ecs`, `{ aws_ecs as ecs }`, `const ecs = require(…)`. */
  namespaces: Map<string, CdkModule>;
  /** Local names bound to one export: local name → module and exported name. */
  named: Map<string, { module: CdkModule; name: string }>;
  /** The named-import lists of each module (`import { A, B } from …`), where a fix can add a name. */
  lists: Map<CdkModule, TS.NamedImports | TS.ObjectBindingPattern>;
  /** The quote the file writes its module specifiers with. */
  quote: string;
}

function moduleOf(spec: string): CdkModule | undefined {
  return Object.prototype.hasOwnProperty.call(CDK_MODULE_KINDS, spec) ? CDK_MODULE_KINDS[spec] : undefined;
}

/** `require('x')` or `require('x').member`: the module specifier and the member. */
function requireOf(ts: TypeScript, expr: TS.Expression | undefined): { spec: string; member?: string; literal: TS.StringLiteralLike } | undefined {
  if (!expr) return undefined;
  const K = ts.SyntaxKind;
  let e = unwrap(ts, expr);
  let member: string | undefined;
  if (e.kind === K.PropertyAccessExpression) {
    member = (e as TS.PropertyAccessExpression).name.text;
    e = unwrap(ts, (e as TS.PropertyAccessExpression).expression);
  }
  if (e.kind !== K.CallExpression) return undefined;
  const call = e as TS.CallExpression;
  if (call.expression.kind !== K.Identifier || (call.expression as TS.Identifier).text !== 'require') return undefined;
  const arg = call.arguments[0];
  if (!arg || (arg.kind !== K.StringLiteral && arg.kind !== K.NoSubstitutionTemplateLiteral)) return undefined;
  return { spec: (arg as TS.StringLiteralLike).text, member, literal: arg as TS.StringLiteralLike };
}

/**
 * Reads the file's top-level imports and requires of CDK modules (v2 `aws-cdk-lib[/aws-…]`,
 * v1 `@aws-cdk/aws-…`): ES imports, `import x = require(…)`, and `const … = require(…)` with a
 * name or a destructuring pattern.
 */
export function readImports(ts: TypeScript, sf: TS.SourceFile): Imports {
  const K = ts.SyntaxKind;
  const out: Imports = { namespaces: new Map(), named: new Map(), lists: new Map(), quote: "'" };
  let quoteSet = false;
  const noteQuote = (lit: TS.Node) => {
    if (quoteSet) return;
    const c = sf.text[lit.getStart(sf)];
    if (c === '"' || c === "'") out.quote = c;
    quoteSet = true;
  };
  const bindExport = (local: string, module: CdkModule, exported: string) => {
    const ns = module === 'root' ? ROOT_NAMESPACES[exported] : undefined;
    if (ns) out.namespaces.set(local, ns);
    else out.named.set(local, { module, name: exported });
  };
  for (const st of sf.statements) {
    if (st.kind === K.ImportDeclaration) {
      const imp = st as TS.ImportDeclaration;
      if (imp.moduleSpecifier.kind !== K.StringLiteral) continue;
      const module = moduleOf((imp.moduleSpecifier as TS.StringLiteral).text);
      if (!module) continue;
      noteQuote(imp.moduleSpecifier);
      const clause = imp.importClause;
      if (!clause) continue;
      if (clause.name) out.namespaces.set(clause.name.text, module);
      const nb = clause.namedBindings;
      if (nb?.kind === K.NamespaceImport) out.namespaces.set(nb.name.text, module);
      else if (nb?.kind === K.NamedImports) {
        if (!clause.isTypeOnly) out.lists.set(module, nb);
        for (const el of nb.elements) bindExport(el.name.text, module, (el.propertyName ?? el.name).text);
      }
    } else if (st.kind === K.ImportEqualsDeclaration) {
      const ie = st as TS.ImportEqualsDeclaration;
      if (ie.moduleReference.kind !== K.ExternalModuleReference) continue;
      const ref = (ie.moduleReference as TS.ExternalModuleReference).expression;
      if (ref.kind !== K.StringLiteral) continue;
      const module = moduleOf((ref as TS.StringLiteral).text);
      if (!module) continue;
      noteQuote(ref);
      out.namespaces.set(ie.name.text, module);
    } else if (st.kind === K.VariableStatement) {
      for (const d of (st as TS.VariableStatement).declarationList.declarations) {
        const req = requireOf(ts, d.initializer);
        if (!req) continue;
        let module = moduleOf(req.spec);
        if (!module) continue;
        noteQuote(req.literal);
        if (req.member) {
          // `require('aws-cdk-lib').aws_ecs` is the ecs module; `require('aws-cdk-lib/aws-ecs').X` one export.
          const ns = module === 'root' ? ROOT_NAMESPACES[req.member] : undefined;
          if (!ns) {
            if (d.name.kind === K.Identifier) bindExport(d.name.text, module, req.member);
            continue;
          }
          module = ns;
        }
        if (d.name.kind === K.Identifier) out.namespaces.set(d.name.text, module);
        else if (d.name.kind === K.ObjectBindingPattern) {
          out.lists.set(module, d.name);
          for (const el of d.name.elements) {
            if (el.dotDotDotToken || el.name.kind !== K.Identifier) continue;
            const exported = el.propertyName && el.propertyName.kind === K.Identifier ? el.propertyName.text : el.name.text;
            bindExport(el.name.text, module, exported);
          }
        }
      }
    }
  }
  return out;
}

/** True when the file imports something that can declare ECS resources. */
export function importsEcs(imports: Imports): boolean {
  for (const m of imports.namespaces.values()) if (m === 'ecs' || m === 'ecs-patterns' || m === 'root') return true;
  for (const n of imports.named.values()) if (n.module === 'ecs' || n.module === 'ecs-patterns') return true;
  return false;
}

/**
 * What a name or a dotted path means through the imports: `ecs` (a module), `ecs.TaskDefinition`
 * or `TaskDefinition` (an export), `ecs.NetworkMode.HOST` (an export's member), `cdk.aws_ecs.X`.
 */
export function resolveName(ts: TypeScript, imports: Imports, expr: TS.Expression): Resolved | undefined {
  const K = ts.SyntaxKind;
  const chain: string[] = [];
  let e = unwrap(ts, expr);
  for (let i = 0; i < 4 && e.kind === K.PropertyAccessExpression; i++) {
    chain.push((e as TS.PropertyAccessExpression).name.text);
    e = unwrap(ts, (e as TS.PropertyAccessExpression).expression);
  }
  if (e.kind !== K.Identifier) return undefined;
  const local = (e as TS.Identifier).text;
  let r: Resolved | undefined;
  const ns = imports.namespaces.get(local);
  if (ns) r = { ns };
  else {
    const n = imports.named.get(local);
    if (!n) return undefined;
    r = { module: n.module, name: n.name };
  }
  for (let i = chain.length - 1; i >= 0; i--) {
    const part = chain[i];
    if ('ns' in r) {
      const sub: CdkModule | undefined = r.ns === 'root' ? ROOT_NAMESPACES[part] : undefined;
      r = sub ? { ns: sub } : { module: r.ns, name: part };
    } else if (r.member === undefined) r = { module: r.module, name: r.name, member: part };
    else return undefined;
  }
  return r;
}
