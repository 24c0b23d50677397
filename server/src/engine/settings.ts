import type { Settings, SeveritySetting } from './types';

const SEVERITIES = new Set(['error', 'warning', 'note', 'off']);

/** Accepts "info"/"information"/"hint" as spellings of note (VS Code users write them). */
function severityOf(v: unknown): SeveritySetting | undefined {
  if (typeof v !== 'string') return undefined;
  const s = v.toLowerCase();
  if (s === 'info' || s === 'information' || s === 'hint') return 'note';
  return SEVERITIES.has(s) ? (s as SeveritySetting) : undefined;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.length > 0) : []);

/**
 * Reads untrusted settings (VS Code configuration, a config file) into engine settings, ignoring
 * what does not fit; `warn` hears about each ignored entry.
 */
export function normalizeSettings(raw: unknown, warn: (msg: string) => void = () => {}): Settings {
  const o = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const rules: Record<string, SeveritySetting> = {};
  if (o.rules && typeof o.rules === 'object') {
    for (const [id, v] of Object.entries(o.rules as Record<string, unknown>)) {
      const s = severityOf(v);
      if (s) rules[id] = s;
      else warn(`ignored severity ${JSON.stringify(v)} for rule ${id}: use error, warning, note or off`);
    }
  }
  return {
    rules,
    trustedRegistries: strings(o.trustedRegistries),
    secretNamePatterns: strings(o.secretNamePatterns),
  };
}

/** Layers settings: later ones win per rule; lists are concatenated. */
export function mergeSettings(...layers: Settings[]): Settings {
  const out: Settings = { rules: {}, trustedRegistries: [], secretNamePatterns: [] };
  for (const l of layers) {
    Object.assign(out.rules, l.rules);
    out.trustedRegistries.push(...l.trustedRegistries);
    out.secretNamePatterns.push(...l.secretNamePatterns);
    if (l.ignore?.length) (out.ignore ??= []).push(...l.ignore);
  }
  return out;
}
