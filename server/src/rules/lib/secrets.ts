// Deciding whether a name or a value is a credential. Every pattern here is linear in its input
// (no nested quantifiers, bounded repetitions), because values are user text of any length.

/** Words in a variable name that mark it as holding a secret. */
const SECRET_WORDS = new Set([
  'PASSWORD', 'PASSWD', 'PASSPHRASE', 'SECRET', 'SECRETS', 'TOKEN', 'TOKENS', 'CREDENTIAL', 'CREDENTIALS',
  'APIKEY', 'PRIVATEKEY', 'ACCESSKEY', 'SECRETKEY', 'AUTHKEY', 'SIGNINGKEY', 'ENCRYPTIONKEY', 'MASTERKEY',
  'CLIENTSECRET', 'PWD',
]);
/** Two-word secret names: API KEY, PRIVATE KEY, … (matched on adjacent words). */
const KEY_PREFIXES = new Set(['API', 'PRIVATE', 'ACCESS', 'SECRET', 'AUTH', 'SIGNING', 'ENCRYPTION', 'MASTER', 'SESSION', 'LICENSE', 'ACCOUNT', 'SERVICE', 'APP', 'CLIENT', 'WEBHOOK', 'HMAC', 'JWT']);
/** Always secrets, whatever the value looks like. */
const ALWAYS = new Set(['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'ECS_ENGINE_AUTH_DATA']);
/**
 * Words that make a secret-sounding name describe something else: a length, a lifetime, where the
 * secret is (a file, an ARN, a name), a switch. `PASSWORD_MIN_LENGTH`, `TOKEN_TTL_SECONDS`, `PASSWORD_FILE`.
 */
const NOT_A_SECRET_WORDS = new Set([
  'LENGTH', 'LEN', 'MIN', 'MAX', 'TTL', 'SECONDS', 'SECS', 'MS', 'MINUTES', 'HOURS', 'DAYS', 'TIMEOUT', 'EXPIRY', 'EXPIRES',
  'EXPIRATION', 'LIFETIME', 'DURATION', 'INTERVAL', 'AGE', 'FILE', 'PATH', 'DIR', 'ARN', 'NAME', 'ID', 'IDS', 'HEADER',
  'ENABLED', 'ENABLE', 'DISABLED', 'DISABLE', 'REQUIRED', 'POLICY', 'ROTATION', 'ALGORITHM', 'ALG', 'TYPE', 'FORMAT',
  'VERSION', 'SIZE', 'COUNT', 'LIMIT', 'URL', 'URI', 'ENDPOINT', 'HOST', 'PORT', 'REGION', 'PREFIX', 'SUFFIX', 'FIELD',
  'PARAM', 'PARAMETER', 'LOCATION', 'STORE', 'PROVIDER', 'MODE', 'STRATEGY', 'COMPLEXITY', 'HINT', 'RESET', 'KEYS',
  'ISSUER', 'AUDIENCE', 'SCOPE', 'SCOPES', 'USAGE', 'REF', 'REFERENCE', 'SOURCE', 'KIND', 'LABEL', 'PATTERN', 'REGEX',
]);

/** Splits FOO_BAR, foo-bar, fooBar, Foo.Bar into upper-case words. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map(w => w.toUpperCase());
}

const SECRET_FRAGMENT = /PASS|PWD|PW|SECRET|TOKEN|KEY|CREDENTIAL/i;

/** True when the name says the variable holds a secret (and not a fact about one). */
export function isSecretName(name: string, extraPatterns?: readonly RegExp[]): boolean {
  if (isAlwaysSecretName(name)) return true;
  if (extraPatterns) for (const p of extraPatterns) if (p.test(name)) return true;
  // Cheap screen first: a secret name contains one of these fragments (most names contain none).
  if (!SECRET_FRAGMENT.test(name)) return false;
  const words = nameWords(name);
  if (words.some(w => NOT_A_SECRET_WORDS.has(w))) return false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (SECRET_WORDS.has(w)) return true;
    if (w === 'KEY' && i > 0 && KEY_PREFIXES.has(words[i - 1])) return true;
    if ((w === 'PASS' || w === 'PW') && (i === words.length - 1)) return true;
  }
  return false;
}

// The shortest and longest ALWAYS names: a name of another length is not one, without upper-casing it.
const ALWAYS_MIN = Math.min(...[...ALWAYS].map(n => n.length));
const ALWAYS_MAX = Math.max(...[...ALWAYS].map(n => n.length));

/** `ALWAYS` names are secrets whatever their value (an empty string excepted). */
export function isAlwaysSecretName(name: string): boolean {
  // Upper-cased only when the length could match: most names cannot, and the copy is garbage.
  return name.length >= ALWAYS_MIN && name.length <= ALWAYS_MAX && ALWAYS.has(name.toUpperCase());
}

/**
 * False for values that cannot be the secret itself: empty, numbers, booleans, a file path, an ARN
 * or a secret reference, a URL without credentials, a header name, a placeholder-ish word.
 */
export function couldBeSecretValue(value: string): boolean {
  const v = value.trim();
  if (v.length === 0) return false;
  if (/^-?\d+(\.\d+)?$/.test(v)) return false;
  if (/^(true|false|yes|no|on|off|enabled|disabled|none|null|nil|undefined)$/i.test(v)) return false;
  if (/^(\/|\.\/|\.\.\/|~\/|file:)/.test(v) || /^[A-Za-z]:\\/.test(v)) return false;
  if (/^arn:[a-z-]+:/.test(v)) return false;
  if (/^(ssm|secretsmanager|vault|op|sm|aws-sm|awssm):/i.test(v)) return false;
  if (/^[a-z][a-z0-9+.-]{1,20}:\/\//i.test(v) && !urlHasPassword(v)) return false;
  if (/^X-[A-Za-z0-9-]{1,100}$/.test(v) || /^(Authorization|Proxy-Authorization|Bearer|Basic)$/i.test(v)) return false;
  return true;
}

export function urlHasPassword(v: string): boolean {
  // scheme://user:password@host — the password part must be non-empty and not a placeholder.
  const m = /^[a-z][a-z0-9+.-]{1,20}:\/\/([^\s/@:]{0,256}):([^\s/@]{1,256})@/i.exec(v);
  return !!m && !/^(\$\{[^}]*\}|\$[A-Z_][A-Z0-9_]*|\*+|x+|<[^>]*>|\{\{[^}]*\}\})$/i.test(m[2]);
}

interface ValuePattern {
  what: string;
  re: RegExp;
}

// Credential formats recognisable from the value alone.
const VALUE_PATTERNS: ValuePattern[] = [
  { what: 'an AWS access key id', re: /\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\b/ },
  { what: 'a private key', re: /-----BEGIN (?:[A-Z0-9]{1,20} ){0,3}PRIVATE KEY(?: BLOCK)?-----/ },
  { what: 'a GitHub token', re: /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\b/ },
  { what: 'a GitLab token', re: /\bglpat-[A-Za-z0-9_-]{20,64}\b/ },
  { what: 'a Slack token', re: /\bxox[abposr]-[A-Za-z0-9-]{10,250}\b/ },
  { what: 'a Slack webhook URL', re: /https:\/\/hooks\.slack\.com\/services\/T[A-Za-z0-9_]{1,20}\/B[A-Za-z0-9_]{1,20}\/[A-Za-z0-9_]{10,50}/ },
  { what: 'a Stripe key', re: /\b(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,255}\b/ },
  { what: 'a Google API key', re: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { what: 'an npm token', re: /\bnpm_[A-Za-z0-9]{36}\b/ },
  { what: 'a SendGrid key', re: /\bSG\.[A-Za-z0-9_-]{16,64}\.[A-Za-z0-9_-]{16,64}\b/ },
  { what: 'an OpenAI or Anthropic key', re: /\bsk-(?:proj-|ant-)?[A-Za-z0-9_-]{32,255}\b/ },
  { what: 'a JSON Web Token', re: /\beyJ[A-Za-z0-9_-]{8,4096}\.eyJ[A-Za-z0-9_-]{8,8192}\.[A-Za-z0-9_-]{8,4096}/ },
  { what: 'a Datadog or New Relic key', re: /\bNRAK-[A-Z0-9]{27}\b/ },
  { what: 'a Twilio key', re: /\bSK[0-9a-f]{32}\b/ },
];

// All patterns in one alternation, one capture group each: one pass over the value instead of one per pattern.
const ANY_CREDENTIAL = new RegExp(VALUE_PATTERNS.map(p => `(${p.re.source})`).join('|'));

/** What kind of credential a value is, recognised from the value alone; undefined if it is none. */
export function credentialKind(value: string): string | undefined {
  return findCredential(value)?.what;
}

/**
 * The first credential in a value and its text (for a URL: from the scheme to the host), so that
 * a caller can show that part redacted rather than the whole value; undefined if there is none.
 */
export function findCredential(value: string): { what: string; text: string } | undefined {
  if (value.length < 8) return undefined;
  // Bound the work on huge values: credentials are short, and a match near the start is enough.
  const v = value.length > 100_000 ? value.slice(0, 100_000) : value;
  const m = ANY_CREDENTIAL.exec(v);
  if (m) {
    for (let i = 1; i < m.length; i++) if (m[i] !== undefined) return { what: VALUE_PATTERNS[i - 1].what, text: m[0] };
  }
  if (v.includes('://')) {
    const url = credentialedUrl(v);
    if (url !== undefined) return { what: 'a URL with a password', text: url };
  }
  return undefined;
}

function credentialedUrl(v: string): string | undefined {
  // Anywhere in the value (connection strings inside commands, too).
  const re = /[a-z][a-z0-9+.-]{1,20}:\/\/[^\s/@:'"]{0,256}:[^\s/@'"]{1,256}@/gi;
  let m: RegExpExecArray | null;
  let n = 0;
  while ((m = re.exec(v)) && n++ < 50) {
    if (!urlHasPassword(m[0] + 'x')) continue;
    // Through the host, so that redaction can keep the host and mask the password.
    const host = /^[^\s/?#'"]{0,100}/.exec(v.slice(re.lastIndex, re.lastIndex + 100))![0];
    return m[0] + host;
  }
  return undefined;
}

/** Compiles user-supplied name patterns; invalid ones are reported through `onError` and skipped. */
export function compilePatterns(patterns: string[], onError?: (p: string, e: unknown) => void): RegExp[] {
  const out: RegExp[] = [];
  for (const p of patterns) {
    try {
      out.push(new RegExp(p, 'i'));
    } catch (e) {
      onError?.(p, e);
    }
  }
  return out;
}
