/**
 * `gatecheck report merge`: the summary.json of each shard of a run (`gatecheck run --shard i/n`)
 * made into one report, as if one run had run every folder: the checks in collection order, the
 * run guard applied to the whole (its counters summed over the shards, scripts/library/run-guard.js
 * compares them with the planned number), the counts counted again from the checks. The token
 * refresh runs in every shard (each signs in); the merged report keeps the first shard's, as an
 * unsharded run has one.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ExitCode, InputError } from '../../errors.js';
import { countChecks, type CheckRecord } from './check-record.js';
import { withinBudget } from './report-budget.js';
import { orderChecks, SUMMARY_SCHEMA_VERSION, type RunReport } from './run-report.js';

const SIGN_IN_GROUP = /^sign[\s-]?in\b/i;

/** Reads `<dir>/summary.json`, refusing anything that is not a gatecheck summary it knows. */
export async function readRunReport(dir: string): Promise<RunReport> {
  const file = join(dir, 'summary.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InputError(
      `cannot read the summary (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      {
        file,
        hint: 'Pass the report folders the shards wrote (each holds a summary.json)',
      },
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new InputError('not JSON', { file, hint: 'Pass the summary.json gatecheck run wrote' });
  }
  const record = parsed as Partial<RunReport> | null;
  if (!record || typeof record !== 'object' || record.schemaVersion !== SUMMARY_SCHEMA_VERSION) {
    throw new InputError(`not a gatecheck summary of schema version ${SUMMARY_SCHEMA_VERSION}`, {
      file,
      pointer: '/schemaVersion',
      hint: 'Merge reports written by this version of gatecheck',
    });
  }
  if (!Array.isArray(record.checks) || !Array.isArray(record.groups)) {
    throw new InputError('summary without checks', {
      file,
      pointer: '/checks',
      hint: 'Pass the summary.json gatecheck run wrote',
    });
  }
  return record as RunReport;
}

/** The shards as one report; they must be shards of one collection, each once, all of them. */
export function mergeShardReports(reports: RunReport[], sources: string[] = []): RunReport {
  const where = (index: number) => sources[index] ?? `report ${index + 1}`;
  const first = reports[0];
  if (!first)
    throw new InputError('no report to merge', { hint: 'Pass the shards\u2019 report folders' });
  const count = first.shard?.count ?? 1;
  const seen = new Map<number, number>();
  reports.forEach((report, index) => {
    if (report.collection !== first.collection) {
      throw new InputError(
        `a report of another collection (${JSON.stringify(report.collection)}, not ${JSON.stringify(first.collection)})`,
        { file: where(index), pointer: '/collection', hint: 'Merge the shards of one run' },
      );
    }
    const shard = report.shard ?? { index: 1, count: 1 };
    if (shard.count !== count) {
      throw new InputError(`shard ${shard.index}/${shard.count} among shards of ${count}`, {
        file: where(index),
        pointer: '/shard',
        hint: 'Merge the shards of one run, all run with the same --shard n',
      });
    }
    if (seen.has(shard.index)) {
      throw new InputError(`shard ${shard.index}/${count} given twice`, {
        file: where(index),
        pointer: '/shard',
        hint: 'Pass each shard\u2019s report folder once',
      });
    }
    seen.set(shard.index, index);
  });
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !seen.has(i));
  if (missing.length > 0) {
    throw new InputError(`shard(s) ${missing.map((i) => `${i}/${count}`).join(', ')} missing`, {
      hint: 'Pass the report folder of every shard: a merge of some of them would pass checks that never ran',
    });
  }

  const byIndex = [...reports].sort((a, b) => (a.shard?.index ?? 1) - (b.shard?.index ?? 1));
  const groups = first.groups;
  const checks: CheckRecord[] = [];
  byIndex.forEach((report, position) => {
    for (const check of report.checks) {
      if (position > 0 && SIGN_IN_GROUP.test(check.group)) continue;
      checks.push(check);
    }
  });
  const counters = {
    ran: sum(reports, (r) => r.counters.ran),
    skipped: sum(reports, (r) => r.counters.skipped),
    inconclusive: sum(reports, (r) => r.counters.inconclusive),
  };
  const signInFailure = reports.find((report) => report.signInFailure)?.signInFailure;
  if (first.planned !== null && !signInFailure) checks.push(guardCheck(first.planned, counters));
  const ordered = withinBudget(orderChecks(checks, groups));
  const counts = countChecks(ordered);
  const notes = [...new Set(reports.flatMap((report) => report.notes))];
  const exitCode = signInFailure
    ? ExitCode.couldNotRun
    : counts.failed > 0 || counts.inconclusive > 0 || counts.checks === 0
      ? ExitCode.checksFailed
      : ExitCode.ok;
  const startedAt = reports.map((report) => report.startedAt).sort()[0] ?? first.startedAt;
  const authzMatrix = reports.find((report) => report.authzMatrix)?.authzMatrix;
  return {
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    collection: first.collection,
    startedAt,
    // The shards run at once on separate machines: the run took as long as the longest.
    durationMs: Math.max(...reports.map((report) => report.durationMs)),
    exitCode,
    counts,
    planned: first.planned,
    counters,
    guardRan: first.planned !== null && !signInFailure,
    signIns: sum(reports, (r) => r.signIns),
    workers: sum(reports, (r) => r.workers),
    mergedFrom: reports.length,
    ...(signInFailure ? { signInFailure } : {}),
    groups,
    notes,
    ...(authzMatrix ? { authzMatrix } : {}),
    checks: ordered,
  };
}

/** The run guard's verdict on the whole run (scripts/library/run-guard.js, the same two tests). */
export function guardCheck(planned: number, counters: RunReport['counters']): CheckRecord {
  const counted = counters.ran + counters.skipped;
  const assertions: CheckRecord['assertions'] = [
    {
      name: `run guard: every planned check ran or was skipped (${planned} planned)`,
      ...(counted === planned
        ? { status: 'passed' as const }
        : {
            status: 'failed' as const,
            message: `${counters.ran} ran and ${counters.skipped} skipped: expected ${counted} to equal ${planned}`,
          }),
    },
    {
      name: 'run guard: no negative check was inconclusive',
      ...(counters.inconclusive === 0
        ? { status: 'passed' as const }
        : {
            status: 'failed' as const,
            message: `${counters.inconclusive} inconclusive: expected ${counters.inconclusive} to equal 0`,
          }),
    },
  ];
  const failed = assertions.find((assertion) => assertion.status === 'failed');
  return {
    name: 'gatecheck · run guard',
    group: 'gatecheck',
    label: 'run guard',
    status: failed ? 'failed' : 'passed',
    ...(failed ? { reason: `${failed.name}: ${failed.message ?? 'failed'}` } : {}),
    assertions,
  };
}

function sum(reports: RunReport[], value: (report: RunReport) => number): number {
  return reports.reduce((total, report) => total + (Number(value(report)) || 0), 0);
}
