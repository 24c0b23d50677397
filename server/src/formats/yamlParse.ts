import { MAX_YAML_DEPTH, plainValue, type YamlParseResult } from './yamlCommon';
import { parseYamlCst } from './yamlCst';
import { parseYamlFast } from './yamlFast';

export { MAX_YAML_DEPTH, plainValue, type YamlParseResult };

/**
 * Reads YAML into the shared syntax tree, with exact spans, comments and syntax errors.
 *
 * Two readers give the same answer: the token reader (yamlFast.ts) builds the tree straight from
 * the `yaml` Lexer's tokens (cut by yamlScan.ts, a port of that Lexer without generators), about
 * twenty times faster, but only for the plain block-and-flow YAML that templates are written in
 * and only when it sees no error; on anything else it declines, and the general reader
 * (yamlCst.ts, on the package's full Parser) reads the text and reports the errors.
 * test/unit/formats/yamlFast.test.ts proves them identical on the examples, the corpus and
 * thousands of mutations of them, and the scanner's tokens identical to the Lexer's.
 */
export function parseYaml(text: string): YamlParseResult {
  return parseYamlFast(text) ?? parseYamlCst(text);
}
