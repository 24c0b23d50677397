import type { FormatAdapter, ParsedDocument } from './adapter';
import { parseJson } from './jsonParse';
import { renderJsonOps } from './jsonEdit';
import { IDENTITY, intentsToOps } from './intents';
import { taskDefinitionModel, taskDefinitionRoot } from './taskdefJson';
import { detectStyle } from './textStyle';
import type { SNode } from './syntax';

/** Another reader of parsed JSON that may claim the document first (CloudFormation templates). */
export type JsonClaimant = (root: SNode, text: string, uri: string, problems: ParsedDocument['problems'], comments: ParsedDocument['comments']) => ParsedDocument | undefined;
const claimants: JsonClaimant[] = [];

/** Lets a format that is written in JSON (CloudFormation) read documents before the task-definition reader. */
export function registerJsonClaimant(c: JsonClaimant): void {
  claimants.push(c);
}

function firstSignificantChar(text: string): string | undefined {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') continue;
    if (c === '/' && text[i + 1] === '/') { while (i < text.length && text[i] !== '\n') i++; continue; }
    if (c === '/' && text[i + 1] === '*') { const e = text.indexOf('*/', i + 2); if (e < 0) return undefined; i = e + 1; continue; }
    return c;
  }
  return undefined;
}

/** Task-definition JSON (register and describe forms, bare container definitions) and, through claimants, JSON templates. */
export const jsonAdapter: FormatAdapter = {
  sniff(text, uri, languageId) {
    if (languageId && languageId !== 'json' && languageId !== 'jsonc') return false;
    const c = firstSignificantChar(text);
    if (c !== '{' && c !== '[') return false;
    return text.includes('containerDefinitions') || text.includes('"image"') || text.includes('Resources');
  },
  parse(text, uri) {
    const { root, errors, comments, reuse } = parseJson(text);
    if (!root) return undefined;
    const problems = errors.map(e => ({ span: e.span, message: e.message }));
    for (const claim of claimants) {
      const doc = claim(root, text, uri, problems, comments);
      if (doc) return doc;
    }
    const shape = taskDefinitionRoot(root, uri);
    if (!shape) return undefined;
    let style: ReturnType<typeof detectStyle> | undefined;
    return {
      format: 'taskdef-json',
      text,
      model: taskDefinitionModel(shape, reuse),
      problems,
      comments,
      render(intents) {
        const ops = intentsToOps(intents, IDENTITY);
        return ops && renderJsonOps(text, (style ??= detectStyle(text)), ops);
      },
    };
  },
};
