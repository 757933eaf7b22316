/**
 * The document a run leaves behind, written as `summary.json` (schema in docs/reports.md) and
 * rendered from it as JUnit and HTML. `gatecheck report merge` reads these documents back, so a
 * merged report is made the same way as a single run's.
 */
import type { AuthzMatrix } from './authz-matrix.js';
import type { CognitoError } from '../newman/cognito-exchange.js';
import { countChecks, type CheckCounts, type CheckRecord } from './check-record.js';

/** Raised when the document's shape changes; readers refuse versions they do not know. */
export const SUMMARY_SCHEMA_VERSION = 1;

export interface RunCounters {
  ran: number;
  skipped: number;
  inconclusive: number;
}

export interface Shard {
  index: number;
  count: number;
}

export interface RunReport {
  schemaVersion: typeof SUMMARY_SCHEMA_VERSION;
  collection: string;
  startedAt: string;
  durationMs: number;
  exitCode: number;
  /** Present when Ctrl-C stopped the run: the requests sent and planned; the checks are those that finished. */
  partial?: { requests: { done: number; planned: number } };
  /** Counted from `checks`: always equal to counting them again. */
  counts: CheckCounts;
  /** Checks the collection plans (its run guard's number); null when it has no guard. */
  planned: number | null;
  /** The run counters the guard reads, summed over the run's newman runs. */
  counters: RunCounters;
  /** Whether the run guard ran in this run (not in a shard, nor a smoke run). */
  guardRan: boolean;
  signIns: number;
  workers: number;
  shard?: Shard;
  /** Shards this report was merged from (`gatecheck report merge`). */
  mergedFrom?: number;
  signInFailure?: { cognito?: CognitoError; problem?: string };
  /** Top-level folder names in collection order: the order of `checks` and of the report. */
  groups: string[];
  notes: string[];
  authzMatrix?: AuthzMatrix;
  checks: CheckRecord[];
}

/** Checks in collection order: by top-level folder, then as they ran; top-level checks last. */
export function orderChecks(checks: CheckRecord[], groups: string[]): CheckRecord[] {
  const rank = (group: string) => {
    const index = groups.indexOf(group);
    return index < 0 ? groups.length : index;
  };
  return checks
    .map((check, index) => ({ check, index }))
    .sort((a, b) => rank(a.check.group) - rank(b.check.group) || a.index - b.index)
    .map(({ check }) => check);
}

export function recount(report: RunReport): RunReport {
  return { ...report, counts: countChecks(report.checks) };
}

const SIGN_IN_GROUP = /^sign[\s-]?in\b/i;

/**
 * What the number of checks is made of, in the words of the run guard's own test
 * (`... (42 planned)`): `42 planned + the run guard + the token refresh`. Empty when the
 * collection plans no number (no guard) or the report is one shard's.
 */
export function countedParts(
  report: Pick<RunReport, 'planned' | 'guardRan' | 'checks'> &
    Partial<Pick<RunReport, 'shard' | 'mergedFrom'>>,
): string {
  if (report.planned === null || report.shard) return '';
  const parts = [`${report.planned} planned`];
  if (report.guardRan || report.mergedFrom) parts.push('the run guard');
  if (report.checks.some((check) => SIGN_IN_GROUP.test(check.group)))
    parts.push('the token refresh');
  return parts.join(' + ');
}
