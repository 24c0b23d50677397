import { HOLE, MValue } from '../../model/values';

/** An image reference split into its parts; any part may contain HOLE when it came from a template. */
export interface ImageRef {
  /** Registry host (with port), or undefined for Docker Hub's implicit default. */
  registry?: string;
  repository: string;
  tag?: string;
  digest?: string;
  /** `user:password@` written in front of the reference. */
  credentials?: string;
  /** The whole text, template holes included. */
  text: string;
}

/**
 * Parses `[user:pass@][registry/]repository[:tag][@digest]`. Works on templates too; a caller
 * checks {@link hasHole} on the part it wants to decide on.
 */
export function parseImage(text: string): ImageRef {
  let rest = text.trim();
  let credentials: string | undefined;
  // Credentials before the registry: only when the '@' comes before the first '/'.
  const at = rest.indexOf('@');
  const slash = rest.indexOf('/');
  if (at > 0 && (slash < 0 || at < slash) && !rest.slice(at + 1).startsWith('sha256:') && rest.slice(0, at).includes(':')) {
    credentials = rest.slice(0, at);
    rest = rest.slice(at + 1);
  }
  let digest: string | undefined;
  const d = rest.indexOf('@');
  if (d >= 0) {
    digest = rest.slice(d + 1);
    rest = rest.slice(0, d);
  }
  let registry: string | undefined;
  const first = rest.indexOf('/');
  if (first > 0) {
    const head = rest.slice(0, first);
    if (head.includes('.') || head.includes(':') || head === 'localhost' || head.includes(HOLE)) {
      registry = head;
      rest = rest.slice(first + 1);
    }
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.indexOf(':', lastSlash + 1);
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  return { registry, repository: rest, tag, digest, credentials, text };
}

export const hasHole = (s: string | undefined): boolean => s !== undefined && s.includes(HOLE);

/** The image text of a node: a literal, or a template with literal parts. */
export function imageText(v: MValue | undefined): string | undefined {
  if (v?.kind === 'scalar' && typeof v.value === 'string') return v.value;
  if (v?.kind === 'unknown' && v.template && v.template !== HOLE) return v.template;
  return undefined;
}
