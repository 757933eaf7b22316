/**
 * The few lines printed at the end of a run. Built from counts and names only, never from request
 * or response content; still passed through the mask by the caller, as everything printed is.
 */
import type { CheckTally } from './check-tally.js';
import type { CognitoError } from './cognito-exchange.js';

export interface RunSummaryFacts {
  collectionName: string;
  tally: CheckTally;
  signIns: number;
  durationMs: number;
  workers: number;
  reportDir?: string;
  signInFailure?: { cognito?: CognitoError; problem?: string };
  /** Extra lines, e.g. "no checks ran". */
  notes: string[];
}

/** How many failure lines are listed before "... and N more". */
const MAX_LISTED_FAILURES = 20;

/**
 * What to change for the sign-in failures a setting causes: the app client does not allow the flow
 * (InvalidParameterException, docs/reference/aws-wire-behaviour.md §1.2, §1.9), or `authFlow` names
 * no flow.
 */
function signInAdvice(reason: string): string {
  if (/flow not enabled for this client|Initiate Auth method not supported/.test(reason)) {
    return "set authFlow (GATECHECK_AUTH_FLOW) to a flow the app client allows, or add it to the client's ExplicitAuthFlows (USER_SRP_AUTH needs ALLOW_USER_SRP_AUTH)";
  }
  if (/at 'authFlow' failed to satisfy constraint/.test(reason)) {
    return 'set authFlow (GATECHECK_AUTH_FLOW) to USER_SRP_AUTH, USER_PASSWORD_AUTH or USER_AUTH';
  }
  return 'fix the sign-in first';
}

export function formatRunSummary(facts: RunSummaryFacts): string[] {
  const { tally } = facts;
  const lines = [`gatecheck: ${facts.collectionName}`];
  if (facts.signInFailure) {
    const { cognito, problem } = facts.signInFailure;
    lines.push(
      cognito
        ? `  sign-in failed: Cognito answered ${cognito.type}: ${cognito.message}`
        : `  sign-in failed: ${problem ?? 'unknown reason'}`,
      `  the API checks were not run (or not counted): ${signInAdvice(cognito?.message ?? problem ?? '')}`,
    );
  } else {
    lines.push(
      `  checks: ${tally.passed} passed, ${tally.failed + tally.requestErrors} failed, ` +
        `${tally.inconclusive} inconclusive, ${tally.skipped} skipped`,
    );
    if (tally.unchecked.length > 0) {
      // Operations without checks are never a plain pass: say how many and which.
      const names = tally.unchecked
        .slice(0, MAX_LISTED_FAILURES)
        .map((name) => name.replace(/ · not checked$/, ''));
      lines.push(
        `  not checked: ${tally.unchecked.length} operation(s) behind authorizers gatecheck cannot test: ${names.join(', ')}${tally.unchecked.length > names.length ? ', ...' : ''}`,
      );
    }
    const listed = tally.failures.slice(0, MAX_LISTED_FAILURES);
    for (const failure of listed) lines.push(`    ✗ ${failure}`);
    if (tally.failures.length > listed.length) {
      lines.push(`    ... and ${tally.failures.length - listed.length} more (see the reports)`);
    }
  }
  lines.push(`  sign-ins: ${facts.signIns}`);
  lines.push(
    `  time: ${(facts.durationMs / 1000).toFixed(1)} s` +
      (facts.workers > 1 ? ` (${facts.workers} workers)` : ''),
  );
  for (const note of facts.notes) lines.push(`  ${note}`);
  if (facts.reportDir) lines.push(`  reports: ${facts.reportDir}`);
  return lines;
}
