import type { FormatAdapter } from '../adapter';
import type { JsonClaimant } from '../json';
import { renderJsonOps } from '../jsonEdit';
import { detectStyle } from '../textStyle';
import { detectYamlStyle, renderYamlOps } from '../yamlEdit';
import { parseYaml } from '../yamlParse';
import { readTemplate, templateRoot } from './template';

// Names of the other formats' files: a YAML reader has no business with them even when their text
// mentions a `Resources` map (a CDK stack does).
const OTHER_FORMAT = /\.(json|jsonc|ts|tsx|js|jsx|mjs|cjs|py)$/i;

/** CloudFormation and SAM templates written in YAML. */
export const cloudFormationYamlAdapter: FormatAdapter = {
  sniff(text, uri, languageId) {
    if (languageId !== undefined ? !/yaml$/i.test(languageId) : OTHER_FORMAT.test(uri)) return false;
    // Every template names a resource type `AWS::…` under `Resources`; other YAML rarely does both.
    return text.includes('AWS::') && text.includes('Resources');
  },
  parse(text) {
    const { root, errors, comments } = parseYaml(text);
    const template = templateRoot(root);
    if (!template) return undefined;
    let style: ReturnType<typeof detectYamlStyle> | undefined;
    return readTemplate(template, text, 'cloudformation-yaml', errors.map(e => ({ span: e.span, message: e.message })), comments,
      ops => renderYamlOps(text, (style ??= detectYamlStyle(text, root)), ops, errors.map(e => e.span)));
  },
};

/** CloudFormation templates written in JSON: claimed from the JSON reader before task-definition JSON. */
export const cloudFormationJsonClaimant: JsonClaimant = (root, text, _uri, problems, comments) => {
  const template = templateRoot(root);
  if (!template) return undefined;
  let style: ReturnType<typeof detectStyle> | undefined;
  return readTemplate(template, text, 'cloudformation-json', problems, comments, ops => renderJsonOps(text, (style ??= detectStyle(text)), ops));
};
