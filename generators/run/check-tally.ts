/**
 * Counting a run's checks from newman's assertion events. A check is one `pm.test`:
 * - named `inconclusive: ...`, or failing with a message that starts so → inconclusive (its
 *   control failed, so the negative proves nothing either way),
 * - skipped with `pm.test.skip` → skipped (e.g. no expired token was supplied),
 * - otherwise passed or failed.
 * Counting events rather than `summary.run.executions` matters: a `pm.sendRequest` inside a
 * script makes newman record the parent item twice (newman #1303), which would count its tests twice.
 */

export interface CheckTally {
  passed: number;
  failed: number;
  inconclusive: number;
  skipped: number;
  /** Requests that got no response at all (connection refused, timeout, DNS). */
  requestErrors: number;
  /** `<item> · <test>: <message>` of each failure, for the text summary. */
  failures: string[];
  /** Items of operations the collection reports as not checked (a skipped `not checked:` test). */
  unchecked: string[];
}

export interface AssertionOutcome {
  itemName: string;
  testName: string;
  skipped: boolean;
  /** Failure message; undefined when the test passed. */
  error?: string;
}

const INCONCLUSIVE = /^inconclusive\b/i;
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

export function addAssertion(tally: CheckTally, outcome: AssertionOutcome): void {
  if (INCONCLUSIVE.test(outcome.testName) || INCONCLUSIVE.test(outcome.error ?? '')) {
    tally.inconclusive += 1;
  } else if (outcome.skipped) {
    tally.skipped += 1;
    if (NOT_CHECKED.test(outcome.testName)) tally.unchecked.push(outcome.itemName);
  } else if (outcome.error !== undefined) {
    tally.failed += 1;
    tally.failures.push(`${outcome.itemName} · ${outcome.testName}: ${outcome.error}`);
  } else tally.passed += 1;
}

export function addRequestError(tally: CheckTally, itemName: string, message: string): void {
  tally.requestErrors += 1;
  tally.failures.push(`${itemName}: no response (${message})`);
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
