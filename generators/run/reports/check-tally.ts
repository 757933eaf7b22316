/**
 * A run's counts, made from its check records (reports/check-record.ts): one per check, never per
 * assertion or per request. The console summary, the progress lines, summary.json, JUnit and the
 * HTML report all count these same records, so they agree.
 */
import { countChecks, type CheckRecord } from './check-record.js';

export interface CheckTally {
  passed: number;
  failed: number;
  inconclusive: number;
  skipped: number;
  /** Failed checks whose request got no answer at all (connection refused, timeout, DNS); among `failed`. */
  requestErrors: number;
  /** `<check>: <reason>` of each failed check, for the text summary. */
  failures: string[];
  /** Checks of operations the collection reports as not checked (`not checked:`), by name. */
  unchecked: string[];
}

/** The skipped test of an operation gatecheck cannot check (scripts/library/unchecked-check.js). */
const NOT_CHECKED = /: not checked: /;

export function emptyTally(): CheckTally {
  return {
    passed: 0,
    failed: 0,
    inconclusive: 0,
    skipped: 0,
    requestErrors: 0,
    failures: [],
    unchecked: [],
  };
}

export function tallyOf(records: ReadonlyArray<CheckRecord>): CheckTally {
  const counts = countChecks(records);
  const tally = emptyTally();
  tally.passed = counts.passed;
  tally.failed = counts.failed;
  tally.inconclusive = counts.inconclusive;
  tally.skipped = counts.skipped;
  for (const record of records) {
    if (record.status === 'failed') {
      tally.failures.push(`${record.name}: ${record.reason ?? 'failed'}`);
      if (record.noResponse) tally.requestErrors += 1;
    }
    if (
      record.status === 'skipped' &&
      record.assertions.some((assertion) => NOT_CHECKED.test(assertion.name))
    )
      tally.unchecked.push(record.name);
  }
  return tally;
}

export function sumTallies(tallies: CheckTally[]): CheckTally {
  const total = emptyTally();
  for (const tally of tallies) {
    total.passed += tally.passed;
    total.failed += tally.failed;
    total.inconclusive += tally.inconclusive;
    total.skipped += tally.skipped;
    total.requestErrors += tally.requestErrors;
    total.failures.push(...tally.failures);
    total.unchecked.push(...tally.unchecked);
  }
  return total;
}

/** Checks that executed in any way (the "did anything run at all" guard). */
export function checksRun(tally: CheckTally): number {
  return tally.passed + tally.failed + tally.inconclusive + tally.skipped;
}
