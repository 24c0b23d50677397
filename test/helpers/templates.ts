import type { Seen } from './analysis';

/** URIs the CloudFormation adapters claim: a YAML template and a JSON one. */
export const Y = 'file:///w/template.yaml';
export const J = 'file:///w/stack.template.json';

/** A finding as [line, character, covered text], for compact exact-range assertions. */
export const at = (f: Seen) => [f.line, f.character, f.text];

export interface TemplateParts {
  /** Whole lines for the task definition's Properties, before ContainerDefinitions (YAML: 6 spaces). */
  task?: string;
  /** Whole lines for the container after its Name and Image (YAML: 10 spaces). */
  container?: string;
  image?: string;
  /** Whole lines for more resources after the task definition (YAML: 2 spaces). */
  resources?: string;
}

/**
 * A YAML template with one task definition `Web` (family web) and one container `app`. Lines:
 * 0 version, 1 Resources, 2 `Web:`, 3 Type, 4 Properties, 5 Family, then `task`, then
 * ContainerDefinitions, `- Name: app`, `Image:` and `container`, then `resources`.
 */
export function yamlTemplate(p: TemplateParts = {}): string {
  return `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Web:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: web
${p.task ?? ''}      ContainerDefinitions:
        - Name: app # the main container
          Image: ${p.image ?? 'nginx:1.27'}
${p.container ?? ''}${p.resources ?? ''}`;
}

/**
 * The same template in JSON. Lines: 0 `{`, 1 Resources, 2 `"Web"`, 3 Type, 4 Properties,
 * 5 Family, then `task` (whole lines, 8 spaces, each ending with a comma), then
 * ContainerDefinitions, `{`, Name, Image; `container` follows the Image value (start it with
 * `,\n`); `resources` follows the task definition's closing brace (start it with `,\n`).
 */
export function jsonTemplate(p: TemplateParts = {}): string {
  return `{
  "Resources": {
    "Web": {
      "Type": "AWS::ECS::TaskDefinition",
      "Properties": {
        "Family": "web",
${p.task ?? ''}        "ContainerDefinitions": [
          {
            "Name": "app",
            "Image": ${p.image ?? '"nginx:1.27"'}${p.container ?? ''}
          }
        ]
      }
    }${p.resources ?? ''}
  }
}
`;
}
