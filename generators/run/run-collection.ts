/**
 * `gatecheck run` as a library call: sign in once (the collection's Sign-in folder, retried with
 * backoff while Cognito throttles), run the operation folders in one or N newman workers with the
 * captured tokens in memory, run the guard with the workers' counters added up, then write one
 * masked report (summary.json, junit.xml, report.html: reports/) and a short summary. With a shard
 * (`--shard i/n`) only a share of the operation folders runs, without the guard: `gatecheck report
 * merge` adds the shards up and applies the guard to the whole (merge-reports.ts).
 *
 * Exit codes (errors.ts): 0 every check passed; 1 a check failed, a request got no answer, or no
 * check ran at all; 2 the run could not happen (bad files → InputError, sign-in failed).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleepMs } from 'node:timers/promises';
import { ExitCode } from '../errors.js';
import { printable } from '../terminal-text.js';
import { runVariables } from '../contract/run-variables.js';
import type { Io } from '../io.js';
import { checksRun, tallyOf, type CheckTally } from './reports/check-tally.js';
import type { CognitoError } from './newman/cognito-exchange.js';
import {
  readCollectionFile,
  readEnvironmentFile,
  type PostmanCollection,
  type PostmanEnvironment,
  type PostmanItem,
} from './inputs/collection-file.js';
import {
  countRequests,
  describeLayout,
  isFolder,
  partCollection,
  withTopLevelIds,
} from './newman/collection-layout.js';
import { secretVariableKeys } from './inputs/credentials.js';
import { formatAuthzMatrix, readAuthzMatrix } from './reports/authz-matrix.js';
import { withLibraryOnce } from './newman/library-once.js';
import { checkPersonaCredentials } from './inputs/persona-credentials.js';
import { addMaskCommands } from './reports/github-actions.js';
import {
  runPart,
  type ItemOutcome,
  type NewmanTransport,
  type PartOptions,
  type PartResult,
  type PartRole,
} from './newman/newman-part.js';
import { defaultProcessCount, startPartPool, type PartPool } from './newman/part-pool.js';
import { claimInterrupt, whenAborted } from './newman/interrupt.js';
import { createProgress } from './reports/progress.js';
import { reportDirName, writeReports } from './reports/report-dir.js';
import { countCheckItems, shardFolders } from './reports/shard.js';
import { plannedCheckCount } from './reports/planned-count.js';
import {
  orderChecks,
  SUMMARY_SCHEMA_VERSION,
  type RunReport,
  type Shard,
} from './reports/run-report.js';
import { collectionDescription } from './reports/description.js';
import { withinBudget } from './reports/report-budget.js';
import { SecretSet } from './reports/secret-mask.js';
import { countChecks } from './reports/check-record.js';
import { formatRunSummary } from './reports/text-summary.js';
import { planWorkers } from './newman/worker-plan.js';

export interface SignInRetry {
  /** Attempts in all (1 = no retry). */
  attempts: number;
  /** Wait before the second attempt; doubles each time (Cognito: "retry after a back-off waiting period"). */
  firstDelayMs: number;
}

export interface RunCollectionOptions {
  collectionPath: string;
  environmentPath?: string;
  /** Run-time values by variable key (credentials, baseUrl...), passed to newman in memory. */
  values: Record<string, string>;
  /** Values to mask everywhere (the secrets among `values`, and any others the caller knows). */
  secrets: string[];
  /** Parent of the report directory; default `reports`. */
  reportsDir?: string;
  /** Newman workers for the operation folders; default 1. */
  workers?: number;
  /**
   * Processes the workers are shared among, this one included (each runs its share at once);
   * default: one per core, at most one per worker. 1: all in this process. The sign-in and the
   * guard always run in this process.
   */
  processes?: number;
  /** Stop each newman run at the first failure (smoke). */
  bail?: boolean;
  /** Tokens obtained outside the collection (SDK sign-in): set as collection variables, Sign-in folder skipped. */
  tokens?: Record<string, string>;
  /** Narrows the collection before the run (smoke keeps only harmless requests). */
  select?: (collection: PostmanCollection) => PostmanCollection;
  /** Run the top-level guard requests (default true; smoke runs a subset, which a guard would reject). */
  runGuard?: boolean;
  /** Run only this share of the operation folders (sign-in in every shard; no guard: see report merge). */
  shard?: Shard;
  signInRetry?: SignInRetry;
  timeoutRequestMs?: number;
  /** TLS verification and pacing for every newman run. */
  transport?: NewmanTransport;
  /** Print `::add-mask::` for every secret as soon as it is known. */
  githubActions?: boolean;
  io: Io;
  /** Aborted on Ctrl-C (interrupt.ts): the run writes a partial report and ends with 130. */
  signal?: AbortSignal;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

export interface RunCollectionResult {
  exitCode: ExitCode;
  tally: CheckTally;
  signIns: number;
  durationMs: number;
  reportDir: string;
  signInFailure?: { cognito?: CognitoError; problem?: string };
  /** Newman runs the operation folders were shared among. */
  workers: number;
  /** What summary.json holds (unmasked: the caller masks what it shows). */
  report: RunReport;
  /** Ctrl-C stopped the run: the report holds the parts that finished before. */
  partial?: boolean;
}

const DEFAULT_RETRY: SignInRetry = { attempts: 4, firstDelayMs: 1000 };
const THROTTLED = 'TooManyRequestsException';

export async function runCollection(options: RunCollectionOptions): Promise<RunCollectionResult> {
  const { io } = options;
  const startedAt = Date.now();
  const secrets = new SecretSet((value) => {
    if (options.githubActions) for (const line of addMaskCommands(value)) io.out(line);
  });
  for (const secret of options.secrets) secrets.add(secret);
  for (const value of Object.values(options.tokens ?? {})) secrets.add(value);

  const loaded = await readCollectionFile(options.collectionPath);
  const environment = options.environmentPath
    ? await readEnvironmentFile(options.environmentPath)
    : undefined;
  for (const secret of environmentSecrets(environment)) secrets.add(secret);

  const collection = withTopLevelIds(options.select ? options.select(loaded) : loaded);
  checkPersonaCredentials(collection, options.collectionPath, options.values);
  const layout = describeLayout(collection);
  const runGuard = (options.runGuard ?? true) && !options.shard;
  const guards = runGuard ? layout.guards : [];
  const planned = plannedCheckCount(layout.guards);
  const operations = options.shard
    ? shardFolders(layout.operations, options.shard)
    : layout.operations;
  const buckets = planWorkers(operations, options.workers ?? 1);
  // With one worker the guard runs in the same newman run, right after the folders, as in Postman.
  const guardInline = buckets.length <= 1;
  const signInFolder = options.tokens ? undefined : layout.signIn;

  // Checks the run will count (progress numbers them): every request with a test script.
  const total = countCheckItems(signInFolder, operations, guards);
  // Requests the run will send, for the line a Ctrl-C prints.
  const requestsPlanned =
    (signInFolder ? countRequests(signInFolder) : 0) +
    operations.reduce((sum, folder) => sum + countRequests(folder), 0) +
    layout.preludes.length * Math.max(1, buckets.length) +
    guards.length;
  let interrupted = false;
  const progress = createProgress(total, (line) => {
    if (!interrupted) io.err(secrets.mask(line));
  });
  let requestsDone = 0;
  const staging = await mkdtemp(join(tmpdir(), 'gatecheck-run-'));
  const sleep = options.sleep ?? ((ms: number) => sleepMs(ms).then(() => undefined));
  const parts: PartResult[] = [];
  const notes: string[] = [];

  const onItem = (name: string, failed: boolean, outcome?: ItemOutcome) => {
    requestsDone += 1;
    progress.itemDone(name, outcome ?? { check: true, status: failed ? 'failed' : 'passed' });
  };
  // Parts in the order they finish: what a partial report can hold after Ctrl-C.
  const finished: PartResult[] = [];
  const track = (result: Promise<PartResult>) => result.then((done) => (finished.push(done), done));
  const partOptions = (
    label: string,
    role: PartRole,
    items: PostmanItem[],
    carried: Record<string, string>,
  ): Omit<PartOptions, 'secrets' | 'onItem'> => ({
    label,
    role,
    // Only the part's own items: newman builds and reports the whole collection it is given.
    collection: withLibraryOnce(partCollection(collection, items, carried)),
    ...(environment ? { environment } : {}),
    values: options.values,
    bail: options.bail ?? false,
    timeoutRequestMs: options.timeoutRequestMs ?? 30_000,
    ...(options.transport ? { transport: options.transport } : {}),
    stagingDir: staging,
  });
  const part = (
    label: string,
    role: PartRole,
    items: PostmanItem[],
    carried: Record<string, string>,
  ) => track(runPart({ ...partOptions(label, role, items, carried), secrets, onItem }));

  // This process takes a share of the workers too: it has newman loaded and warmed up by the
  // sign-in, where a new process starts cold. The others are started before the sign-in, so that
  // they load newman while it runs.
  const processes = Math.max(
    1,
    Math.min(buckets.length, options.processes ?? defaultProcessCount(buckets.length)),
  );
  const pool: PartPool | undefined =
    processes > 1 ? startPartPool(processes - 1, secrets) : undefined;
  const workerPart = (
    index: number,
    label: string,
    items: PostmanItem[],
    carried: Record<string, string>,
  ): Promise<PartResult> =>
    pool && index % processes !== 0
      ? track(
          pool.run(
            { ...partOptions(label, 'checks', items, carried), secrets: secrets.values() },
            onItem,
          ),
        )
      : part(label, 'checks', items, carried);

  const reportDirOf = () =>
    join(
      options.reportsDir ?? 'reports',
      reportDirName(collection.info.name, (options.now ?? (() => new Date()))()),
    );

  const execute = async (): Promise<{
    signInFailure: RunCollectionResult['signInFailure'];
    carriedAfterSignIn: Record<string, string>;
  }> => {
    let carried: Record<string, string> = { ...(options.tokens ?? {}) };
    let signInFailure: RunCollectionResult['signInFailure'];
    let carriedAfterSignIn = carried;

    if (signInFolder) {
      const signIn = await signInWithBackoff(
        () => part('sign-in', 'sign-in', [signInFolder], carried),
        options.signInRetry ?? DEFAULT_RETRY,
        sleep,
        (line) => io.err(line),
      );
      parts.push(signIn);
      signInFailure = signInFailureOf(signIn);
      carried = { ...carried, ...signIn.variables };
      carriedAfterSignIn = carried;
    } else if (!options.tokens && buckets.length > 1) {
      notes.push('no Sign-in folder: each worker signs in on its own');
    }

    if (!signInFailure && buckets.length > 0) {
      const workerParts = await Promise.all(
        buckets.map((bucket, index) =>
          workerPart(
            index,
            buckets.length === 1 ? 'checks' : `checks-${index + 1}`,
            guardInline
              ? [...layout.preludes, ...bucket, ...guards]
              : [...layout.preludes, ...bucket],
            carried,
          ),
        ),
      );
      parts.push(...workerParts);
      signInFailure = workerParts.map(signInFailureOf).find(Boolean);
      if (!signInFailure && !guardInline && guards.length > 0) {
        const counters = addCounters(
          carried,
          workerParts.map((worker) => worker.variables),
        );
        parts.push(await part('run-guard', 'checks', guards, { ...carried, ...counters }));
      }
    } else if (!signInFailure && guards.length > 0) {
      parts.push(await part('run-guard', 'checks', guards, carried));
    }

    return { signInFailure, carriedAfterSignIn };
  };

  const groups = collection.item.filter(isFolder).map((item) => item.name ?? '');
  const description = collectionDescription(collection);
  // Every count is made from these records (one per check, reports/check-record.ts).
  const checksOf = (done: PartResult[]) =>
    withinBudget(
      orderChecks(
        done.flatMap((p) => p.checks),
        groups,
      ),
    );

  const release = options.signal ? claimInterrupt() : undefined;
  try {
    if (options.signal?.aborted) {
      interrupted = true;
      return await writePartialReport();
    }
    const running = execute();
    // After Ctrl-C the parts still running in this process are left behind (newman cannot stop
    // one): their late failures must not surface.
    running.catch(() => undefined);
    const outcome = await Promise.race([running, whenAborted(options.signal)]);
    if (outcome === 'interrupted') {
      interrupted = true;
      return await writePartialReport();
    }
    const { signInFailure, carriedAfterSignIn } = outcome;
    const checks = checksOf(parts);
    const tally = tallyOf(checks);
    const signIns = parts.reduce((sum, p) => sum + p.signIns, 0);
    const guardRan = guards.length > 0 && !signInFailure;
    const exitCode = decideExitCode(tally, signInFailure, notes, guardRan);
    const durationMs = Date.now() - startedAt;
    const authzMatrix = readAuthzMatrix(parts.map((p) => p.variables));
    const reportDir = reportDirOf();
    const checkParts = parts.filter((p) => p.role === 'checks' && p.label !== 'run-guard');
    const report: RunReport = {
      schemaVersion: SUMMARY_SCHEMA_VERSION,
      collection: collection.info.name,
      startedAt: new Date(startedAt).toISOString(),
      durationMs,
      exitCode,
      counts: countChecks(checks),
      planned,
      counters: runCounters(
        carriedAfterSignIn,
        checkParts.map((p) => p.variables),
      ),
      guardRan,
      signIns,
      workers: buckets.length,
      ...(options.shard ? { shard: options.shard } : {}),
      ...(signInFailure ? { signInFailure } : {}),
      groups,
      notes,
      ...(authzMatrix ? { authzMatrix } : {}),
      checks,
    };
    await writeReports({
      dir: reportDir,
      report,
      ...(description ? { description } : {}),
      mask: secrets.mask,
    });
    const lines = formatRunSummary({
      collectionName: collection.info.name,
      tally,
      checks,
      planned,
      guardRan,
      signIns,
      durationMs,
      workers: buckets.length,
      reportDir,
      ...(options.shard ? { shard: options.shard } : {}),
      ...(signInFailure ? { signInFailure } : {}),
      notes,
    });
    // The matrix goes before the last line (where the reports are).
    if (authzMatrix)
      lines.splice(Math.max(0, lines.length - 1), 0, ...formatAuthzMatrix(authzMatrix));
    // Summary lines quote collection and item names: no control sequence reaches the terminal.
    for (const line of lines) io.out(printable(secrets.mask(line)));
    return {
      exitCode,
      tally,
      signIns,
      durationMs,
      reportDir,
      workers: buckets.length,
      report,
      ...(signInFailure ? { signInFailure } : {}),
    };
  } finally {
    await pool?.close();
    await rm(staging, { recursive: true, force: true });
    release?.();
  }

  /** The parts that finished before Ctrl-C, in a report marked partial. */
  async function writePartialReport(): Promise<RunCollectionResult> {
    // Worker processes stop when let go; this process's own newman runs end with it.
    await pool?.close();
    const done = [...finished];
    const checks = checksOf(done);
    const tally = tallyOf(checks);
    const signIns = done.reduce((sum, p) => sum + p.signIns, 0);
    const durationMs = Date.now() - startedAt;
    const reportDir = reportDirOf();
    const report: RunReport = {
      schemaVersion: SUMMARY_SCHEMA_VERSION,
      collection: collection.info.name,
      startedAt: new Date(startedAt).toISOString(),
      durationMs,
      exitCode: ExitCode.interrupted,
      partial: { requests: { done: requestsDone, planned: requestsPlanned } },
      counts: countChecks(checks),
      planned,
      counters: runCounters(
        options.tokens ?? {},
        done.filter((p) => p.role === 'checks').map((p) => p.variables),
      ),
      guardRan: false,
      signIns,
      workers: buckets.length,
      ...(options.shard ? { shard: options.shard } : {}),
      groups,
      notes,
      checks,
    };
    await writeReports({
      dir: reportDir,
      report,
      ...(description ? { description } : {}),
      mask: secrets.mask,
    });
    io.out(
      printable(
        secrets.mask(
          `gatecheck: interrupted (Ctrl-C) after ${requestsDone} of ${requestsPlanned} requests; partial reports: ${reportDir}`,
        ),
      ),
    );
    return {
      exitCode: ExitCode.interrupted,
      tally,
      signIns,
      durationMs,
      reportDir,
      workers: buckets.length,
      report,
      partial: true,
    };
  }
}

/**
 * Re-runs the sign-in folder while Cognito answers TooManyRequestsException
 * (docs/reference/aws-wire-behaviour.md §1.2).
 */
export async function signInWithBackoff(
  attempt: () => Promise<PartResult>,
  retry: SignInRetry,
  sleep: (ms: number) => Promise<void>,
  say: (line: string) => void,
): Promise<PartResult> {
  for (let index = 1; ; index += 1) {
    const result = await attempt();
    const throttled =
      result.cognitoError?.type === THROTTLED || result.signInProblem?.includes(THROTTLED) === true;
    if (!throttled || index >= retry.attempts) return result;
    const delay = retry.firstDelayMs * 2 ** (index - 1);
    say(
      `gatecheck: Cognito is throttling sign-in (${THROTTLED}); ` +
        `retrying in ${(delay / 1000).toFixed(1)} s (attempt ${index + 1} of ${retry.attempts})`,
    );
    await sleep(delay);
  }
}

function signInFailureOf(part: PartResult): RunCollectionResult['signInFailure'] {
  if (part.cognitoError) return { cognito: part.cognitoError };
  if (part.role === 'sign-in' && part.signInProblem) return { problem: part.signInProblem };
  return undefined;
}

function decideExitCode(
  tally: CheckTally,
  signInFailure: RunCollectionResult['signInFailure'],
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

/** The run counters every executed, skipped or inconclusive check increments (contract/run-variables.ts). */
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
function runCounters(
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

function environmentSecrets(environment: PostmanEnvironment | undefined): string[] {
  if (!environment) return [];
  return environment.values
    .filter((variable) => variable.type === 'secret' || secretVariableKeys.has(variable.key))
    .map((variable) => variable.value)
    .filter((value): value is string => typeof value === 'string' && value !== '');
}
