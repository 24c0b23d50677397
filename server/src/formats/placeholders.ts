import { HOLE } from '../model/values';

// Template placeholders that deployment tools substitute before the task definition is registered:
// ${VAR} (envsubst, Terraform templatefile), {{ .Env.X }} / {{ var }} (ecspresso, Jinja),
// <IMAGE_URI> (AWS docs, the ECS deploy action), $$$TOKEN$$$ (CodeDeploy/Octopus style),
// #{Var} (Octopus), __VAR__ (sed-style CI replacements), $VAR (shell). Each pattern is linear.
const PLACEHOLDER = /\$\{[^{}\n]{0,200}\}|\{\{[^{}\n]{0,200}\}\}|<[A-Za-z_][A-Za-z0-9_. :/-]{0,100}>|\$\$\$[A-Za-z0-9_]{1,100}\$\$\$|#\{[^{}\n]{0,200}\}|__[A-Z][A-Z0-9_]{0,100}__|\$[A-Z_][A-Z0-9_]{0,100}/g;

/**
 * The string with each placeholder replaced by HOLE, or undefined when it has none.
 * A value made only of dots ("...", "…") is a documentation skeleton: all HOLE.
 */
export function placeholderTemplate(s: string): string | undefined {
  if (/^\s*(\.{3,}|…)\s*$/.test(s)) return HOLE;
  if (s.indexOf('$') < 0 && s.indexOf('{') < 0 && s.indexOf('<') < 0 && s.indexOf('#') < 0 && s.indexOf('__') < 0) return undefined;
  PLACEHOLDER.lastIndex = 0;
  if (!PLACEHOLDER.test(s)) return undefined;
  PLACEHOLDER.lastIndex = 0;
  return s.replace(PLACEHOLDER, HOLE);
}
