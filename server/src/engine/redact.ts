/**
 * The only form in which a secret value may leave the engine: enough to recognise it, never enough
 * to use it. A URL keeps its scheme, user and host with the password masked; other long values
 * keep 4 characters at each end (`AKIA…MPLE`); shorter ones keep nothing. Only the ends of the
 * value are looked at, so a huge value costs no more than a short one.
 */
export function redact(value: string): string {
  const url = /^([a-z][a-z0-9+.-]{1,20}:\/\/)([^\s/@:]{0,64}):[^\s/@]{1,256}@([^\s/?#]{1,100})/i.exec(value.slice(0, 512));
  if (url) return `${url[1]}${url[2]}:****@${url[3]}${value.length > url[0].length ? '/…' : ''}`;
  const tidy = (s: string) => s.replace(/\s+/g, ' ');
  const head = Array.from(tidy(value.slice(0, 16)));
  const tail = Array.from(tidy(value.slice(-16)));
  if (value.length >= 16 && head.length >= 4 && tail.length >= 4) return head.slice(0, 4).join('') + '…' + tail.slice(-4).join('');
  return '•'.repeat(Math.min(Math.max(Array.from(value.slice(0, 32)).length, 3), 8));
}
