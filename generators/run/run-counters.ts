/**
 * The run counters every executed, skipped or inconclusive check increments
 * (contract/run-variables.ts), added up over the workers for the run guard and the report.
 */
import { runVariables } from '../contract/run-variables.js';
import type { RunReport } from './reports/run-report.js';

const RUN_COUNTERS = [runVariables.ran, runVariables.skipped, runVariables.inconclusive];

/**
 * Adds up the run counters the workers kept, so the guard compares the whole run with the number
 * of checks the collection carries. Each worker starts from the value the sign-in left (or resets
 * it to 0 in a prelude): only what each worker added is summed.
 */
export function addCounters(
  initial: Record<string, string>,
  workers: Record<string, string>[],
): Record<string, string> {
  const sums: Record<string, string> = {};
  for (const key of RUN_COUNTERS) {
    if (!workers.some((values) => key in values)) continue;
    const start = Number(initial[key] ?? 0);
    const values = workers.map((values) => Number(values[key] ?? start));
    if (!Number.isFinite(start) || values.some((value) => !Number.isFinite(value))) continue;
    sums[key] = String(start + values.reduce((sum, value) => sum + (value - start), 0));
  }
  return sums;
}

/** The run counters summed over the check parts (what the guard would read at the end of the run). */
export function runCounters(
  initial: Record<string, string>,
  workers: Record<string, string>[],
): RunReport['counters'] {
  const sums = addCounters(initial, workers);
  const read = (key: string) => {
    const value = Number(sums[key] ?? 0);
    return Number.isFinite(value) ? value : 0;
  };
  return {
    ran: read(runVariables.ran),
    skipped: read(runVariables.skipped),
    inconclusive: read(runVariables.inconclusive),
  };
}
