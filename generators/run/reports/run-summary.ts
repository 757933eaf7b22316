/**
 * The run's console summary, printed by the command (run, demo, smoke) from what runCollection
 * resolved to: the text summary with the authorization matrix before its last line, or the line
 * of a run Ctrl-C stopped. Masked with the run's secrets; names from the spec or the collection
 * reach the terminal without control sequences.
 */
import type { Io } from '../../io.js';
import { printable } from '../../terminal-text.js';
import type { RunCollectionResult } from '../run-result.js';
import { formatAuthzMatrix } from './authz-matrix.js';
import { formatRunSummary } from './text-summary.js';

export function runSummaryLines(result: RunCollectionResult): string[] {
  const { report } = result;
  if (result.partial) {
    const requests = report.partial?.requests ?? { done: 0, planned: 0 };
    return [
      `gatecheck: interrupted (Ctrl-C) after ${requests.done} of ${requests.planned} requests; partial reports: ${result.reportDir}`,
    ];
  }
  const lines = formatRunSummary({
    collectionName: report.collection,
    tally: result.tally,
    checks: report.checks,
    planned: report.planned,
    guardRan: report.guardRan,
    signIns: result.signIns,
    durationMs: result.durationMs,
    workers: result.workers,
    reportDir: result.reportDir,
    ...(report.shard ? { shard: report.shard } : {}),
    ...(result.signInFailure ? { signInFailure: result.signInFailure } : {}),
    notes: report.notes,
  });
  // The matrix goes before the last line (where the reports are).
  if (report.authzMatrix)
    lines.splice(Math.max(0, lines.length - 1), 0, ...formatAuthzMatrix(report.authzMatrix));
  return lines;
}

/** Prints the summary on stdout, masked and without control sequences. */
export function printRunSummary(result: RunCollectionResult, io: Pick<Io, 'out'>): void {
  for (const line of runSummaryLines(result)) io.out(printable(result.mask(line)));
}
