/**
 * The few lines printed at the end of a run: the counts (checks, as everywhere: check-tally.ts),
 * what was skipped and why, each failure with its one-line reason and a `curl` line to replay it.
 * Passed through the mask by the caller, as everything printed is (the curl line carries the
 * request's headers, where a token reads `[redacted]`).
 */
import type { CheckTally } from './check-tally.js';
import type { CognitoError } from '../newman/cognito-exchange.js';
import type { CheckRecord } from './check-record.js';
import { curlLine } from './curl-line.js';
import { countedParts, type Shard } from './run-report.js';

export interface RunSummaryFacts {
  collectionName: string;
  tally: CheckTally;
  /** The run's check records (failures get a curl line, skips their reason). */
  checks?: CheckRecord[];
  /** Checks the collection plans (its guard's number), when known. */
  planned?: number | null;
  guardRan?: boolean;
  shard?: Shard;
  /** Shards a merged report was made of. */
  mergedFrom?: number;
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

/** `44 check(s): 42 planned + the run guard + the token refresh`: the guard's number is in it. */
function whatWasCounted(total: number, facts: RunSummaryFacts): string {
  const parts = countedParts({
    planned: facts.planned ?? null,
    guardRan: facts.guardRan ?? false,
    ...(facts.shard ? { shard: facts.shard } : {}),
    ...(facts.mergedFrom ? { mergedFrom: facts.mergedFrom } : {}),
    checks: facts.checks ?? [],
  });
  const shard = facts.shard ? `, shard ${facts.shard.index}/${facts.shard.count}` : '';
  const merged = facts.mergedFrom ? `, ${facts.mergedFrom} shards merged` : '';
  return `${total} check(s)${parts ? `: ${parts}` : ''}${shard}${merged}`;
}

/**
 * Skipped (or inconclusive) checks grouped by reason, most frequent first: what was skipped and
 * why. Operations gatecheck cannot check have their own line (`not checked`).
 */
function groupedLines(checks: CheckRecord[], status: 'skipped' | 'inconclusive'): string[] {
  const reasons = new Map<string, string[]>();
  for (const check of checks) {
    if (check.status !== status || check.assertions.some((a) => / not checked: /.test(a.name)))
      continue;
    const reason = (check.reason ?? status).replace(/^inconclusive:\s*/i, '');
    reasons.set(reason, [...(reasons.get(reason) ?? []), check.name]);
  }
  const sorted = [...reasons].sort((a, b) => b[1].length - a[1].length);
  const lines = sorted.slice(0, MAX_SKIP_REASONS).map(([reason, names]) => {
    const shown =
      names.slice(0, 3).join(', ') + (names.length > 3 ? `, +${names.length - 3} more` : '');
    return `  ${status} ${names.length}: ${reason} (${shown})`;
  });
  if (sorted.length > MAX_SKIP_REASONS)
    lines.push(`  ... and ${sorted.length - MAX_SKIP_REASONS} more reasons (see the reports)`);
  return lines;
}

/** Reasons for skipping listed before "... and N more". */
const MAX_SKIP_REASONS = 10;

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
    const total = tally.passed + tally.failed + tally.inconclusive + tally.skipped;
    lines.push(
      `  checks: ${tally.passed} passed, ${tally.failed} failed, ` +
        `${tally.inconclusive} inconclusive, ${tally.skipped} skipped (${whatWasCounted(total, facts)})`,
    );
    for (const status of ['skipped', 'inconclusive'] as const)
      for (const line of groupedLines(facts.checks ?? [], status)) lines.push(line);
    if (tally.unchecked.length > 0) {
      // Operations without checks are never a plain pass: say how many and which.
      const names = tally.unchecked
        .slice(0, MAX_LISTED_FAILURES)
        .map((name) => name.replace(/ · not checked$/, ''));
      lines.push(
        `  not checked: ${tally.unchecked.length} operation(s) behind authorizers gatecheck cannot test: ${names.join(', ')}${tally.unchecked.length > names.length ? ', ...' : ''}`,
      );
    }
    const failed = (facts.checks ?? []).filter((check) => check.status === 'failed');
    if (failed.length > 0) {
      const listed = failed.slice(0, MAX_LISTED_FAILURES);
      for (const check of listed) {
        lines.push(`    ✗ ${check.name}: ${check.reason ?? 'failed'}`);
        if (check.request) lines.push(`      ${curlLine(check.request)}`);
      }
      if (failed.length > listed.length)
        lines.push(`    ... and ${failed.length - listed.length} more (see the reports)`);
    } else {
      const listed = tally.failures.slice(0, MAX_LISTED_FAILURES);
      for (const failure of listed) lines.push(`    ✗ ${failure}`);
      if (tally.failures.length > listed.length) {
        lines.push(`    ... and ${tally.failures.length - listed.length} more (see the reports)`);
      }
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
