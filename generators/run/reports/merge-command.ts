/** `gatecheck report merge` as a library call: read the shards, merge, write, print the summary. */
import { access } from 'node:fs/promises';
import { ExitCode, InputError } from '../../errors.js';
import type { Io } from '../../io.js';
import { mergeShardReports, readRunReport } from './merge-reports.js';
import { writeReports } from './report-dir.js';
import { compileMask } from './secret-mask.js';
import { tallyOf } from './check-tally.js';
import { formatRunSummary } from './text-summary.js';
import { formatAuthzMatrix } from './authz-matrix.js';

export async function mergeReportFolders(dirs: string[], out: string, io: Io): Promise<ExitCode> {
  if (await exists(out)) {
    throw new InputError('the --out folder exists already', {
      file: out,
      hint: 'Give --out a new folder: a merge never overwrites a report',
    });
  }
  const reports = await Promise.all(dirs.map((dir) => readRunReport(dir)));
  const merged = mergeShardReports(reports, dirs);
  // The shards' reports are masked already; JWT-shaped text is masked once more.
  const mask = compileMask([]);
  await writeReports({ dir: out, report: merged, mask });
  const lines = formatRunSummary({
    collectionName: merged.collection,
    tally: tallyOf(merged.checks),
    checks: merged.checks,
    planned: merged.planned,
    guardRan: merged.guardRan,
    mergedFrom: merged.mergedFrom ?? reports.length,
    signIns: merged.signIns,
    durationMs: merged.durationMs,
    workers: 1,
    reportDir: out,
    ...(merged.signInFailure ? { signInFailure: merged.signInFailure } : {}),
    notes: merged.notes,
  });
  if (merged.authzMatrix)
    lines.splice(Math.max(0, lines.length - 1), 0, ...formatAuthzMatrix(merged.authzMatrix));
  for (const line of lines) io.out(mask(line));
  return merged.exitCode as ExitCode;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
