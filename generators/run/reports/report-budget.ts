/**
 * How much of each failed check a report keeps, so that even a run where every check of 200
 * operations fails writes reports of a few megabytes: the first DETAILED_FAILURES failed or
 * inconclusive checks (in collection order) keep their request and answer with headers and capped
 * bodies (check-record.ts); the others keep what a reader needs to act on them: the reason (the
 * first failing test), the request line and the headers a `curl` line needs, the answer's status.
 */
import type { CheckRecord, HttpHeader } from './check-record.js';

export const DETAILED_FAILURES = 200;
/** Longest header value kept; a longer one is cut with `…`. */
const HEADER_VALUE_CAP = 300;
/** Most headers kept of one request or answer. */
const MAX_HEADERS = 30;

/**
 * Headers the Postman runtime or the connection adds to every request (`Postman-Token`, its
 * `User-Agent`, an accept-anything `Accept`, `Cache-Control: no-cache`, `Host`...): none decides
 * what the gateway answers.
 */
const NOISE = new Set([
  'content-length',
  'host',
  'connection',
  'accept-encoding',
  'postman-token',
  'user-agent',
  'cache-control',
]);

/** The request headers worth showing and replaying. */
export function significantHeaders(headers: HttpHeader[]): HttpHeader[] {
  return headers
    .filter((header) => {
      const key = header.key.toLowerCase();
      return !NOISE.has(key) && !(key === 'accept' && header.value === '*/*');
    })
    .map(cappedHeader)
    .slice(0, MAX_HEADERS);
}

export function cappedHeaders(headers: HttpHeader[]): HttpHeader[] {
  return headers.map(cappedHeader).slice(0, MAX_HEADERS);
}

function cappedHeader(header: HttpHeader): HttpHeader {
  return header.value.length > HEADER_VALUE_CAP
    ? { key: header.key, value: `${header.value.slice(0, HEADER_VALUE_CAP - 1)}…` }
    : header;
}

/** The checks as a report keeps them (a copy where anything is left out). */
export function withinBudget(checks: CheckRecord[]): CheckRecord[] {
  let detailed = 0;
  return checks.map((check) => {
    if (check.status !== 'failed' && check.status !== 'inconclusive') return check;
    detailed += 1;
    if (detailed <= DETAILED_FAILURES) return check;
    const { request, response, ...rest } = check;
    return {
      ...rest,
      assertions: [],
      ...(request
        ? { request: { method: request.method, url: request.url, headers: request.headers } }
        : {}),
      ...(response ? { response: { code: response.code, status: response.status, headers: [] } } : {}),
    };
  });
}
