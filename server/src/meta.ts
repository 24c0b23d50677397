import pkg from '../../package.json';

/** The product's version, from package.json (bundled at build time). */
export const VERSION: string = pkg.version;

const repo = pkg.repository.url.replace(/\.git$/, '');

/** Where a rule's documentation page is published (the same page as docs/rules/<id>.md). */
export function docsUrl(ruleId: string): string {
  return `${repo}/blob/main/docs/rules/${ruleId}.md`;
}

export const TOOL_NAME = 'ecs-guard';
export const INFORMATION_URI = repo;
