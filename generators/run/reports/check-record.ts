/**
 * One record per check of a run: the unit every count, report line, JUnit testcase and HTML cell
 * is made of. A check is one request item that reported a test (`pm.test`, or `pm.test.skip`) or
 * moved the run counters the run guard reads (`gatecheck.ran`, `gatecheck.skipped`), so a check
 * here is exactly what the guard counts as "planned": not an assertion (a check asserts several
 * things), not a request (a sign-in on demand or a cleanup request is no check). The run guard is a
 * check too (its two assertions are one testcase).
 *
 * Outcome of a check, in this order:
 * - skipped: it moved `gatecheck.skipped`, or every test it reported was skipped;
 * - inconclusive: it moved `gatecheck.inconclusive`, or a test of it is named or fails
 *   `inconclusive: ...` (its control did not pass, so the negative proves nothing either way;
 *   docs/reference/check-catalogue.md §2.1);
 * - failed: a test failed, or its request got no answer;
 * - passed.
 */

export type CheckStatus = 'passed' | 'failed' | 'inconclusive' | 'skipped';

export interface AssertionRecord {
  name: string;
  status: 'passed' | 'failed' | 'skipped';
  message?: string;
}

export interface HttpHeader {
  key: string;
  value: string;
}

/** The request of a failed check, as sent (masked before it is written or printed). */
export interface RequestRecord {
  method: string;
  url: string;
  headers: HttpHeader[];
  /** Capped at BODY_CAP characters; `bodyTruncated` says how many were left out. */
  body?: string;
  bodyTruncated?: number;
}

export interface ResponseRecord {
  code: number;
  status: string;
  headers: HttpHeader[];
  body?: string;
  bodyTruncated?: number;
  timeMs?: number;
}

export interface CheckRecord {
  /** Item name, e.g. `GET /users/{id} · no-token`. */
  name: string;
  /** The folder it is in (the operation, `Revocation (Cognito)`...), `gatecheck` at the top level. */
  group: string;
  /** The name without the group prefix, e.g. `no-token`. */
  label: string;
  status: CheckStatus;
  /** One line: why it failed, was skipped or is inconclusive. */
  reason?: string;
  /** The request got no answer (connection refused, timeout, DNS). */
  noResponse?: boolean;
  assertions: AssertionRecord[];
  /** Only for failed and inconclusive checks. */
  request?: RequestRecord;
  response?: ResponseRecord;
}

/** Bodies kept for a failed check, in characters: enough to see the answer, small in a large run. */
export const BODY_CAP = 2000;
/** Longest reason line. */
export const REASON_CAP = 300;

const INCONCLUSIVE = /^inconclusive\b/i;
/** `<label>: skipped: <reason>` (run-state.js) and `<label>: not checked: <reason>` (unchecked-check.js). */
const SKIP_REASON = /:\s(?:skipped|not checked):\s(.*)$/;
const LABEL_INCONCLUSIVE = /:\sinconclusive:\s(.*)$/;

export interface CounterMoves {
  ran: number;
  skipped: number;
  inconclusive: number;
}

export interface ItemFacts {
  name: string;
  group: string;
  assertions: AssertionRecord[];
  requestError?: string;
  counters: CounterMoves;
}

/** Whether this item is a check at all (see the file comment). */
export function isCheck(facts: ItemFacts): boolean {
  return (
    facts.assertions.length > 0 ||
    facts.counters.ran > 0 ||
    facts.counters.skipped > 0 ||
    facts.counters.inconclusive > 0
  );
}

export function checkStatus(facts: ItemFacts): { status: CheckStatus; reason?: string } {
  const { assertions } = facts;
  const allSkipped = assertions.length > 0 && assertions.every((a) => a.status === 'skipped');
  if (facts.counters.skipped > 0 || allSkipped) {
    const skip = assertions.find((a) => a.status === 'skipped');
    return { status: 'skipped', reason: oneLine(skipReason(skip?.name) ?? 'skipped') };
  }
  const inconclusive = assertions.find(
    (a) => INCONCLUSIVE.test(a.message ?? '') || LABEL_INCONCLUSIVE.test(a.name),
  );
  if (facts.counters.inconclusive > 0 || inconclusive) {
    const why =
      inconclusive?.message ??
      (inconclusive ? LABEL_INCONCLUSIVE.exec(inconclusive.name)?.[1] : undefined) ??
      'its control did not pass';
    return { status: 'inconclusive', reason: oneLine(why) };
  }
  const failed = assertions.find((a) => a.status === 'failed');
  // No answer at all says more than the test that found no status code in it.
  if (facts.requestError !== undefined) {
    return { status: 'failed', reason: oneLine(`no response (${facts.requestError})`) };
  }
  if (failed) {
    return { status: 'failed', reason: oneLine(`${failed.name}: ${failed.message ?? 'failed'}`) };
  }
  return { status: 'passed' };
}

function skipReason(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  return SKIP_REASON.exec(name)?.[1] ?? name;
}

/** Control characters and line breaks to spaces, capped. */
export function oneLine(text: string, cap = REASON_CAP): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return flat.length > cap ? `${flat.slice(0, cap - 1)}…` : flat;
}

/** `GET /users · no-token` in group `GET /users` → `no-token`. */
export function labelIn(name: string, group: string): string {
  const prefix = `${group} · `;
  return name.startsWith(prefix) && name.length > prefix.length ? name.slice(prefix.length) : name;
}

/** A body capped to BODY_CAP characters. */
export function cappedBody(text: string | undefined): { body?: string; bodyTruncated?: number } {
  if (text === undefined || text === '') return {};
  if (text.length <= BODY_CAP) return { body: text };
  return { body: text.slice(0, BODY_CAP), bodyTruncated: text.length - BODY_CAP };
}

export interface CheckCounts {
  /** Every check: passed + failed + inconclusive + skipped. */
  checks: number;
  passed: number;
  failed: number;
  inconclusive: number;
  skipped: number;
}

export function countChecks(records: ReadonlyArray<Pick<CheckRecord, 'status'>>): CheckCounts {
  const counts: CheckCounts = { checks: 0, passed: 0, failed: 0, inconclusive: 0, skipped: 0 };
  for (const record of records) {
    counts.checks += 1;
    counts[record.status] += 1;
  }
  return counts;
}
