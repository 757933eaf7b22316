/**
 * The end of a run: the exit code, the report (summary.json, junit.xml, report.html, masked) and
 * what runCollection resolves to. A run Ctrl-C stopped gets a report of the parts that finished,
 * marked partial.
 *
 * Exit codes (errors.ts): 0 every check passed; 1 a check failed, a request got no answer, or no
 * check ran at all; 2 the run could not happen (sign-in failed); 130 interrupted.
 */
import { join } from 'node:path';
import { ExitCode } from '../errors.js';
import type { PartResult } from './newman/newman-part.js';
import { readAuthzMatrix } from './reports/authz-matrix.js';
import { countChecks, type CheckRecord } from './reports/check-record.js';
import { checksRun, tallyOf, type CheckTally } from './reports/check-tally.js';
import { withinBudget } from './reports/report-budget.js';
import { reportDirName, writeReports } from './reports/report-dir.js';
import {
  orderChecks,
  SUMMARY_SCHEMA_VERSION,
  type RunReport,
  type Shard,
} from './reports/run-report.js';
import type { SecretSet } from './reports/secret-mask.js';
import { runCounters } from './run-counters.js';
import type { RunPlan } from './run-plan.js';
import type { RunCollectionResult, SignInFailure } from './run-result.js';
import type { StepsOutcome } from './run-steps.js';

export interface RunRecord {
  plan: RunPlan;
  secrets: SecretSet;
  startedAt: number;
  /** Parent of the report directory; default `reports`. */
  reportsDir?: string;
  shard?: Shard;
  now?: () => Date;
  notes: string[];
}

/** The report and result of a run that went to its end. */
export async function finishRun(
  run: RunRecord,
  parts: PartResult[],
  outcome: StepsOutcome,
): Promise<RunCollectionResult> {
  const { plan, notes } = run;
  const { signInFailure, carriedAfterSignIn } = outcome;
  const checks = checksOf(plan, parts);
  const tally = tallyOf(checks);
  const signIns = parts.reduce((sum, p) => sum + p.signIns, 0);
  const guardRan = plan.guards.length > 0 && !signInFailure;
  const exitCode = decideExitCode(tally, signInFailure, notes, guardRan);
  const durationMs = Date.now() - run.startedAt;
  const authzMatrix = readAuthzMatrix(parts.map((p) => p.variables));
  const reportDir = reportDirOf(run);
  const checkParts = parts.filter((p) => p.role === 'checks' && p.label !== 'run-guard');
  const report: RunReport = {
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    collection: plan.collection.info.name,
    startedAt: new Date(run.startedAt).toISOString(),
    durationMs,
    exitCode,
    counts: countChecks(checks),
    planned: plan.planned,
    counters: runCounters(
      carriedAfterSignIn,
      checkParts.map((p) => p.variables),
    ),
    guardRan,
    signIns,
    workers: plan.buckets.length,
    ...(run.shard ? { shard: run.shard } : {}),
    ...(signInFailure ? { signInFailure } : {}),
    groups: plan.groups,
    notes,
    ...(authzMatrix ? { authzMatrix } : {}),
    checks,
  };
  await write(run, reportDir, report);
  return {
    exitCode,
    tally,
    signIns,
    durationMs,
    reportDir,
    workers: plan.buckets.length,
    report,
    ...(signInFailure ? { signInFailure } : {}),
    mask: run.secrets.mask,
  };
}

/** The parts that finished before Ctrl-C, in a report marked partial. */
export async function finishInterrupted(
  run: RunRecord,
  done: PartResult[],
  requests: { done: number; planned: number },
  tokens: Record<string, string>,
): Promise<RunCollectionResult> {
  const { plan, notes } = run;
  const checks = checksOf(plan, done);
  const tally = tallyOf(checks);
  const signIns = done.reduce((sum, p) => sum + p.signIns, 0);
  const durationMs = Date.now() - run.startedAt;
  const reportDir = reportDirOf(run);
  const report: RunReport = {
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    collection: plan.collection.info.name,
    startedAt: new Date(run.startedAt).toISOString(),
    durationMs,
    exitCode: ExitCode.interrupted,
    partial: { requests },
    counts: countChecks(checks),
    planned: plan.planned,
    counters: runCounters(
      tokens,
      done.filter((p) => p.role === 'checks').map((p) => p.variables),
    ),
    guardRan: false,
    signIns,
    workers: plan.buckets.length,
    ...(run.shard ? { shard: run.shard } : {}),
    groups: plan.groups,
    notes,
    checks,
  };
  await write(run, reportDir, report);
  return {
    exitCode: ExitCode.interrupted,
    tally,
    signIns,
    durationMs,
    reportDir,
    workers: plan.buckets.length,
    report,
    partial: true,
    mask: run.secrets.mask,
  };
}

/** Every count is made from these records (one per check, reports/check-record.ts). */
function checksOf(plan: RunPlan, done: PartResult[]): CheckRecord[] {
  return withinBudget(
    orderChecks(
      done.flatMap((p) => p.checks),
      plan.groups,
    ),
  );
}

function reportDirOf(run: RunRecord): string {
  return join(
    run.reportsDir ?? 'reports',
    reportDirName(run.plan.collection.info.name, (run.now ?? (() => new Date()))()),
  );
}

async function write(run: RunRecord, dir: string, report: RunReport): Promise<void> {
  await writeReports({
    dir,
    report,
    ...(run.plan.description ? { description: run.plan.description } : {}),
    mask: run.secrets.mask,
  });
}

function decideExitCode(
  tally: CheckTally,
  signInFailure: SignInFailure | undefined,
  notes: string[],
  guardRan: boolean,
): ExitCode {
  if (signInFailure) return ExitCode.couldNotRun;
  if (tally.failed > 0) return ExitCode.checksFailed;
  if (!guardRan && tally.inconclusive > 0) {
    // The run guard fails a run with inconclusive negatives; without it (smoke) the runner does.
    notes.push(`${tally.inconclusive} negative check(s) inconclusive: their control did not pass`);
    return ExitCode.checksFailed;
  }
  if (checksRun(tally) === 0) {
    // A run that tested nothing must not look like a pass (docs/reference/check-catalogue.md §2.1,
    // "zero tests").
    notes.push('no checks ran');
    return ExitCode.checksFailed;
  }
  return ExitCode.ok;
}
