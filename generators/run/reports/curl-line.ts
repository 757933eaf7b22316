/**
 * A failed check's request as one `curl` command line, to paste into a shell and see the answer
 * again. Built from the recorded request, which is masked before anything prints or writes it:
 * a token or key in it reads `[redacted]` (put your own back in to replay it).
 */
import type { RequestRecord } from './check-record.js';

/**
 * Headers curl or the connection sets itself, and the ones the Postman runtime adds to every
 * request (`Postman-Token`, its `User-Agent`, an accept-anything `Accept`, `Cache-Control: no-cache`): none
 * decides what the gateway answers, and they would only make the line long.
 */
const LEFT_OUT = new Set([
  'content-length',
  'host',
  'connection',
  'accept-encoding',
  'postman-token',
  'user-agent',
  'cache-control',
]);

export function curlLine(request: RequestRecord): string {
  const parts = ['curl', '-i', '-X', request.method, shellQuote(request.url)];
  for (const header of request.headers) {
    const key = header.key.toLowerCase();
    if (LEFT_OUT.has(key) || (key === 'accept' && header.value === '*/*')) continue;
    parts.push('-H', shellQuote(`${header.key}: ${header.value}`));
  }
  if (request.body !== undefined) {
    parts.push('--data-raw', shellQuote(request.body + (request.bodyTruncated ? '…' : '')));
  }
  return parts.join(' ');
}

/** POSIX shell single quotes; line breaks become spaces so the command stays on one line. */
export function shellQuote(text: string): string {
  const flat = text.replace(/[\r\n]+/g, ' ');
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(flat) ? flat : `'${flat.replace(/'/g, `'\\''`)}'`;
}
