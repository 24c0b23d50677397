/**
 * The only form in which a secret value may leave the engine: enough to recognise it, never enough
 * to use it. A URL keeps its scheme, user and host with the password masked; other long values
 * keep 4 characters at each end (`AKIA…MPLE`); shorter ones keep nothing.
 */
export function redact(value: string): string {
  const url = /^([a-z][a-z0-9+.-]{1,20}:\/\/)([^\s/@:]{0,64}):[^\s/@]{1,256}@([^\s/?#]{1,100})/i.exec(value);
  if (url) return `${url[1]}${url[2]}:****@${url[3]}${value.length > url[0].length ? '/…' : ''}`;
  const chars = Array.from(value.replace(/\s+/g, ' '));
  if (chars.length >= 16) return chars.slice(0, 4).join('') + '…' + chars.slice(-4).join('');
  return '•'.repeat(Math.min(Math.max(chars.length, 3), 8));
}
