import { HOLE } from '../model/values';

// Template placeholders that deployment tools substitute before the task definition is registered:
// ${VAR} (envsubst, Terraform templatefile), {{ .Env.X }} / {{ var }} (ecspresso, Jinja),
// <IMAGE_URI> (AWS docs, the ECS deploy action), $$$TOKEN$$$ (CodeDeploy/Octopus style),
// #{Var} (Octopus), __VAR__ (sed-style CI replacements), $VAR (shell). Each pattern is linear.
const PLACEHOLDER = /\$\{[^{}\n]{0,200}\}|\{\{[^{}\n]{0,200}\}\}|<[A-Za-z_][A-Za-z0-9_. :/-]{0,100}>|\$\$\$[A-Za-z0-9_]{1,100}\$\$\$|#\{[^{}\n]{0,200}\}|__[A-Z][A-Z0-9_]{0,100}__|\$[A-Z_][A-Z0-9_]{0,100}/g;

// A documentation skeleton: nothing but dots ("...", "…") and spaces.
const DOTS = /^\s*(\.{3,}|…)\s*$/;
// Every placeholder starts with one of these: most strings have none, and one pass over them says so.
const MAY_HOLD = /[$<]|\{\{|#\{|__/;

/**
 * The string with each placeholder replaced by HOLE, or undefined when it has none.
 * A value made only of dots ("...", "…") is a documentation skeleton: all HOLE.
 * Runs on every string value of a document, so the common answer (none) costs one regex pass.
 */
export function placeholderTemplate(s: string): string | undefined {
  const c = s.charCodeAt(0);
  if ((c === 46 || c === 0x2026 || /\s/.test(s.charAt(0))) && DOTS.test(s)) return HOLE;
  if (!MAY_HOLD.test(s)) return undefined;
  PLACEHOLDER.lastIndex = 0;
  if (!PLACEHOLDER.test(s)) return undefined;
  PLACEHOLDER.lastIndex = 0;
  return s.replace(PLACEHOLDER, HOLE);
}
