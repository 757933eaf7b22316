/**
 * A failed check's request as one `curl` command line, to paste into a shell and see the answer
 * again. Built from the recorded request, which is masked before anything prints or writes it:
 * a token or key in it reads `[redacted]` (put your own back in to replay it).
 */
import type { RequestRecord } from './check-record.js';
import { significantHeaders } from './report-budget.js';

export function curlLine(request: RequestRecord): string {
  const parts = ['curl', '-i', '-X', request.method, shellQuote(request.url)];
  for (const header of significantHeaders(request.headers)) {
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
