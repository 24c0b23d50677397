import { redact } from '../engine/redact';
import { defineRule } from '../engine/types';
import { append, cget, remove } from '../model/document';
import { HOLE, MValue, get, items, path, str, textOrTemplate } from '../model/values';
import { hasHole, imageText, parseImage } from './lib/image';
import { secretArnPlaceholder } from './lib/secretRef';
import { compilePatterns, couldBeSecretValue, findCredential, isSecretName } from './lib/secrets';
import { forEachContainer, q } from './lib/walk';

/** Longest text we look into: credentials are short, and the rest of a huge value costs time only. */
const MAX_SCAN = 100_000;

// Command-line shapes, each anchored and with bounded repetitions (linear on any token).
const FLAG_WITH_VALUE = /^-{1,2}([A-Za-z][A-Za-z0-9_.-]{0,100})=([\s\S]*)$/;
const FLAG_ALONE = /^-{1,2}([A-Za-z][A-Za-z0-9_.-]{0,100})$/;
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]{0,100})=([\s\S]*)$/;

/** One layer of matching quotes around a shell word. */
function unquote(s: string): string {
  return s.length >= 2 && (s[0] === '"' || s[0] === "'") && s[s.length - 1] === s[0] ? s.slice(1, -1) : s;
}

/**
 * A literal value that could be the secret itself: not something the shell or the application
 * fills in at run time ($VAR, $(cmd), `cmd`, %VAR%, @file, <placeholder>).
 */
function literalSecret(v: string): boolean {
  if (!couldBeSecretValue(v)) return false;
  return !/^[$`@<%]/.test(v) && !v.includes('$(') && !v.includes('${');
}

/** Why a command-line item holds a secret (a sentence fragment with only a redacted value), or undefined. */
function argumentSecret(list: MValue[], i: number, extra: RegExp[]): string | undefined {
  const item = list[i];
  const text = textOrTemplate(item);
  if (text === undefined) return undefined;
  const scan = text.length > MAX_SCAN ? text.slice(0, MAX_SCAN) : text;
  // In a template only the literal parts are known: a credential format found there is real.
  const found = findCredential(scan);
  if (found) return `holds ${found.what} in plain text ('${redact(found.text)}')`;
  if (item.kind !== 'scalar' || scan.includes(HOLE)) return undefined;
  // `["--db-password", "value"]`: the value is its own item.
  const prev = i > 0 ? str(list[i - 1])?.trim() : undefined;
  const prevFlag = prev !== undefined ? FLAG_ALONE.exec(prev) : null;
  if (prevFlag && isSecretName(prevFlag[1], extra) && !scan.trim().startsWith('-') && literalSecret(scan.trim())) {
    return `is the value of the flag ${q(prev!)}, in plain text ('${redact(scan.trim())}')`;
  }
  // Words of the item itself: `--password=x`, `DB_PASSWORD=x`, `--token x` inside a shell line.
  const words = scan.match(/\S+/g) ?? [];
  for (let w = 0; w < words.length; w++) {
    const word = words[w];
    const m = FLAG_WITH_VALUE.exec(word) ?? ASSIGNMENT.exec(word);
    if (m) {
      const value = unquote(m[2]);
      if (isSecretName(m[1], extra) && literalSecret(value)) return `sets ${q(m[1])} in plain text ('${redact(value)}')`;
      continue;
    }
    const flag = FLAG_ALONE.exec(word);
    if (flag && w + 1 < words.length && isSecretName(flag[1], extra)) {
      const value = unquote(words[w + 1]);
      if (!value.startsWith('-') && literalSecret(value)) return `passes the flag ${q(word)} a value in plain text ('${redact(value)}')`;
    }
  }
  return undefined;
}

/** Why a name/value pair (a label, a log option) holds a secret, or undefined. */
function pairSecret(name: string, value: string, extra: RegExp[]): string | undefined {
  const found = findCredential(value);
  if (found) return `holds ${found.what} in plain text ('${redact(found.text)}')`;
  if (isSecretName(name, extra) && literalSecret(value.trim())) return `looks like a secret by its name and holds it in plain text ('${redact(value)}')`;
  return undefined;
}

/** A real password in `user:password` written before an image reference (not a placeholder). */
function imagePassword(credentials: string | undefined): { user: string } | undefined {
  if (credentials === undefined || hasHole(credentials)) return undefined;
  const colon = credentials.indexOf(':');
  const pass = credentials.slice(colon + 1);
  if (colon < 0 || pass === '' || /^(\*+|x+|<[^>]*>)$/i.test(pass)) return undefined;
  return { user: credentials.slice(0, colon) };
}

const COMMAND_FIELDS: [string, string[]][] = [['command', ['command']], ['entryPoint', ['entryPoint']], ['healthCheck command', ['healthCheck', 'command']]];

export default defineRule({
  meta: {
    id: 'hardcoded-credential',
    severity: 'error',
    title: 'Credential written into the task definition outside environment',
    description: 'A password, token or key in a command, an entry point, a health check, a Docker label, an image reference or a log driver option is stored in plain text in the task definition: anyone allowed to describe it, and anyone who lists the processes or inspects the container on the instance, can read and use it.',
    fixable: true,
    references: {
      kics: ['Passwords And Secrets'],
      links: [
        ['Pass sensitive data to an ECS container', 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html'],
        ['Pass sensitive log configuration (secretOptions)', 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-logconfig.html'],
        ['Private registry authentication (repositoryCredentials)', 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/private-auth.html'],
      ],
    },
  },
  check(doc, { report, settings }) {
    const extra = compilePatterns(settings.secretNamePatterns);
    forEachContainer(doc, (c, task) => {
      const who = `container ${q(c.label)}`;
      for (const [field, keys] of COMMAND_FIELDS) {
        const list = items(path(c.obj, ...keys));
        list.forEach((item, i) => {
          const why = argumentSecret(list, i, extra);
          if (why) report(item, `Argument ${i + 1} of the ${field} of ${who} ${why}: anyone who can describe the task definition, or list the processes on the instance, can read it. Pass it through 'secrets' and let the command read the variable.`);
        });
      }

      const labels = cget(c, 'dockerLabels');
      if (labels?.kind === 'object') {
        for (const p of labels.props) {
          const v = str(p.value);
          const why = v === undefined ? undefined : pairSecret(p.key, v, extra);
          if (why) report(p.value, `Docker label ${q(p.key)} of ${who} ${why}: labels are stored in the task definition and shown to anyone who inspects the container.`);
        }
      }

      const image = cget(c, 'image');
      const imageRef = imageText(image);
      const creds = imageRef === undefined ? undefined : imagePassword(parseImage(imageRef).credentials);
      if (image && creds) {
        const host = parseImage(imageRef!).registry ?? 'the registry';
        report(image, `The image reference of ${who} embeds a registry password ('${creds.user}:****@${host}'): anyone who can describe the task definition can log in to the registry. Use repositoryCredentials with a Secrets Manager secret instead.`);
      }

      const logConfig = cget(c, 'logConfiguration');
      const options = get(logConfig, 'options');
      if (logConfig?.kind !== 'object' || options?.kind !== 'object') return;
      for (const p of options.props) {
        const v = str(p.value);
        const why = v === undefined ? undefined : pairSecret(p.key, v, extra);
        if (!why) continue;
        report(p.value, `Log option ${q(p.key)} of ${who} ${why}: anyone who can describe the task definition can read it. Pass it through logConfiguration.secretOptions instead.`, {
          fix: () => ({
            title: `Move log option ${q(p.key)} to secretOptions (Secrets Manager reference to fill in)`,
            intents: [remove(p.value), append(logConfig, 'secretOptions', { name: p.key, valueFrom: secretArnPlaceholder(doc, task, p.key) })],
            // The secret must be created and its ARN filled in first.
            preferred: false,
          }),
        });
      }
    });
  },
});
