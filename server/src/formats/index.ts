import type { FormatAdapter, ParsedDocument } from './adapter';
import { cdkPythonAdapter } from './cdkPython';
import { cdkTypeScriptAdapter } from './cdkTypeScript';
import { cloudFormationJsonClaimant, cloudFormationYamlAdapter } from './cloudformation';
import { jsonAdapter, registerJsonClaimant } from './json';

// JSON templates are JSON first: the JSON reader parses them, and the template reader claims the
// parsed document before the task-definition reader looks at it.
registerJsonClaimant(cloudFormationJsonClaimant);

/** Every adapter, in the order they are asked. Later formats register here. */
export const ADAPTERS: FormatAdapter[] = [jsonAdapter, cloudFormationYamlAdapter, cdkTypeScriptAdapter, cdkPythonAdapter];

/**
 * File names the CLI and the workspace scan consider at all (content decides after that).
 * TypeScript declaration files (`*.d.ts`) declare no constructs and are left out.
 */
export const CANDIDATE_FILE = /\.(json|jsonc|template|yaml|yml|tsx|jsx|[cm]?js|py)$|(?<!\.d)\.[cm]?ts$/i;

/**
 * Recognises and parses a document: the first adapter whose cheap sniff passes and whose parse
 * recognises the content wins. Undefined: not an ECS document.
 */
export function parseDocument(text: string, uri: string, languageId?: string): ParsedDocument | undefined {
  for (const a of ADAPTERS) {
    if (!a.sniff(text, uri, languageId)) continue;
    const doc = a.parse(text, uri);
    if (doc) return doc;
  }
  return undefined;
}

/**
 * Makes every adapter that may read this document ready (loads parsers on first need). Cheap once
 * loaded; never rejects (a parser that cannot load leaves its documents unanalysed, and says so).
 */
export async function prepareDocument(text: string, uri: string, languageId?: string): Promise<void> {
  for (const a of ADAPTERS) {
    if (a.prepare && a.sniff(text, uri, languageId)) {
      try {
        await a.prepare();
      } catch {
        // The adapter reports the failure itself through parse(); nothing to add here.
      }
    }
  }
}

/** Whether reading this text needs a parser that is loaded on demand (the TypeScript compiler, the Python grammar). */
export function needsParserLoad(text: string, uri: string, languageId?: string): boolean {
  return ADAPTERS.some(a => a.prepare !== undefined && a.sniff(text, uri, languageId));
}

/** The cheap test alone: could any format read this text? (The workspace scan skips the rest unread.) */
export function mayBeOurs(text: string, uri: string, languageId?: string): boolean {
  return ADAPTERS.some(a => a.sniff(text, uri, languageId));
}
