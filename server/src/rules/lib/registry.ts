import { ImageRef, hasHole } from './image';

/** Hosts that are Docker Hub under another name (docker.io is the canonical one). */
const DOCKER_HUB_HOSTS = new Set(['docker.io', 'registry-1.docker.io', 'index.docker.io', 'registry.hub.docker.com']);

/** Public registries other than Docker Hub: anyone can publish there, the organisation controls none of it. */
const PUBLIC_HOSTS = new Set(['public.ecr.aws', 'ghcr.io', 'quay.io', 'gcr.io', 'registry.k8s.io', 'mcr.microsoft.com']);

/** Where an image comes from, as far as trusting its publisher goes. */
export type RegistryKind =
  | { kind: 'docker-hub'; name: string }
  | { kind: 'public'; host: string; name: string }
  | { kind: 'private' }
  /** A template hole decides the registry: nothing can be said. */
  | { kind: 'unknown' };

/**
 * Classifies an image's registry. `name` is the canonical `host/repository` (Docker Hub's implicit
 * `library/` included), without tag, digest or credentials, so that it can be shown in a message
 * and matched against trusted prefixes.
 */
export function registryOf(img: ImageRef): RegistryKind {
  if (img.registry !== undefined) {
    if (hasHole(img.registry)) return { kind: 'unknown' };
    const host = img.registry.toLowerCase();
    if (DOCKER_HUB_HOSTS.has(host)) return { kind: 'docker-hub', name: 'docker.io/' + dockerHubPath(img.repository) };
    if (PUBLIC_HOSTS.has(host) || host.endsWith('.gcr.io')) return { kind: 'public', host, name: `${host}/${img.repository}` };
    return { kind: 'private' };
  }
  // No registry: Docker Hub, unless a template hole stands where a registry could be (`${REPO}:1`).
  const first = img.repository.split('/')[0];
  if (first === '' || hasHole(first)) return { kind: 'unknown' };
  return { kind: 'docker-hub', name: 'docker.io/' + dockerHubPath(img.repository) };
}

/**
 * Repository names are lower case in every registry: an upper-case one (`REPOSITORY_URI`) is a
 * documentation placeholder, not an image anyone pulls.
 */
export function isPlaceholderRepository(img: ImageRef): boolean {
  return img.repository !== img.repository.toLowerCase();
}

/** Official images live under `library/` (`nginx` is `library/nginx`). */
function dockerHubPath(repository: string): string {
  return repository.includes('/') ? repository : 'library/' + repository;
}

/**
 * A trusted-registry setting in canonical form: lower case, no scheme, no trailing slash, and
 * Docker Hub's aliases spelled docker.io (so `registry-1.docker.io/acme` trusts `acme/app`).
 */
export function normalizeTrustedPrefix(prefix: string): string {
  let p = prefix.trim().toLowerCase();
  if (p.startsWith('https://')) p = p.slice(8);
  else if (p.startsWith('http://')) p = p.slice(7);
  while (p.endsWith('/')) p = p.slice(0, -1);
  const slash = p.indexOf('/');
  const head = slash < 0 ? p : p.slice(0, slash);
  if (DOCKER_HUB_HOSTS.has(head)) p = 'docker.io' + (slash < 0 ? '' : p.slice(slash));
  return p;
}

/**
 * True when a trusted prefix covers the image: the canonical name or the reference as written
 * starts with it at a path boundary (`ghcr.io/acme` covers `ghcr.io/acme/app`, not `ghcr.io/acme-evil/app`).
 */
export function isTrusted(canonicalName: string, written: string, trusted: readonly string[]): boolean {
  const names = [canonicalName.toLowerCase(), written.toLowerCase()];
  for (const t of trusted) {
    const p = normalizeTrustedPrefix(t);
    if (p === '') continue;
    for (const n of names) {
      if (!n.startsWith(p)) continue;
      const next = n.charAt(p.length);
      if (next === '' || next === '/' || next === ':' || next === '@') return true;
    }
  }
  return false;
}
