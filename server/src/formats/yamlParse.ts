import { MAX_YAML_DEPTH, plainValue, type YamlParseResult } from './yamlCommon';
import { parseYamlCst } from './yamlCst';

export { MAX_YAML_DEPTH, plainValue, type YamlParseResult };

/** Reads YAML into the shared syntax tree, with exact spans, comments and syntax errors. */
export function parseYaml(text: string): YamlParseResult {
  return parseYamlCst(text);
}
