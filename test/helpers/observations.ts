/**
 * What the rule tests have shown: for each rule and format, whether some test saw it fire
 * (positive) and some test saw it stay silent (negative). The meta-test reads this after all tests.
 */
export const observed = new Map<string, { positive: Set<string>; negative: Set<string> }>();

export function observe(rule: string, format: string | undefined, fired: boolean): void {
  if (!format) return;
  let o = observed.get(rule);
  if (!o) observed.set(rule, (o = { positive: new Set(), negative: new Set() }));
  (fired ? o.positive : o.negative).add(format);
}
