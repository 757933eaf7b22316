/**
 * `gatecheck run` as a library call: sign in once (the collection's Sign-in folder, retried with
 * backoff while Cognito throttles), run the operation folders in one or N newman workers with the
 * captured tokens in memory, run the guard with the workers' counters added up, then write one
 * masked report and a short summary.
 *
 * Exit codes (errors.ts): 0 every check passed; 1 a check failed, a request got no answer, or no
 * check ran at all; 2 the run could not happen (bad files → InputError, sign-in failed).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleepMs } from 'node:timers/promises';
import { ExitCode } from '../errors.js';
import { runVariables } from '../render/run-variables.js';
import type { Io } from '../cli/run-command.js';
import { checksRun, sumTallies, type CheckTally } from './check-tally.js';
import type { CognitoError } from './cognito-exchange.js';
import {
  readCollectionFile,
  readEnvironmentFile,
  type PostmanCollection,
  type PostmanEnvironment,
  type PostmanItem,
} from './collection-file.js';
import {
  countRequests,
  describeLayout,
  partCollection,
  withTopLevelIds,
} from './collection-layout.js';
import { secretVariableKeys } from './credentials.js';
import { formatAuthzMatrix, readAuthzMatrix } from './authz-matrix.js';
import { withLibraryOnce } from './library-once.js';
import { checkPersonaCredentials } from './persona-credentials.js';
import { addMaskCommands } from './github-actions.js';
import { runPart, type PartOptions, type PartResult, type PartRole } from './newman-part.js';
import { defaultProcessCount, startPartPool, type PartPool } from './part-pool.js';
import { createProgress } from './progress.js';
import { reportDirName, writeReports } from './report-dir.js';
import { SecretSet } from './secret-mask.js';
import { formatRunSummary } from './text-summary.js';
import { planWorkers } from './worker-plan.js';

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
  signInRetry?: SignInRetry;
  timeoutRequestMs?: number;
  /** Print `::add-mask::` for every secret as soon as it is known. */
  githubActions?: boolean;
  io: Io;
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
  const runGuard = options.runGuard ?? true;
  const guards = runGuard ? layout.guards : [];
  const buckets = planWorkers(layout.operations, options.workers ?? 1);
  // With one worker the guard runs in the same newman run, right after the folders, as in Postman.
  const guardInline = buckets.length <= 1;
  const signInFolder = options.tokens ? undefined : layout.signIn;

  const total =
    (signInFolder ? countRequests(signInFolder) : 0) +
    layout.operations.reduce((sum, folder) => sum + countRequests(folder), 0) +
    layout.preludes.length * Math.max(1, buckets.length) +
    guards.length;
  const progress = createProgress(total, (line) => io.err(secrets.mask(line)));
  const staging = await mkdtemp(join(tmpdir(), 'gatecheck-run-'));
  const sleep = options.sleep ?? ((ms: number) => sleepMs(ms).then(() => undefined));
  const parts: PartResult[] = [];
  const notes: string[] = [];

  const onItem = (name: string, failed: boolean) => progress.itemDone(name, failed);
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
    stagingDir: staging,
  });
  const part = (
    label: string,
    role: PartRole,
    items: PostmanItem[],
    carried: Record<string, string>,
  ) => runPart({ ...partOptions(label, role, items, carried), secrets, onItem });

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
      ? pool.run(
          { ...partOptions(label, 'checks', items, carried), secrets: secrets.values() },
          onItem,
        )
      : part(label, 'checks', items, carried);

  try {
    let carried: Record<string, string> = { ...(options.tokens ?? {}) };
    let signInFailure: RunCollectionResult['signInFailure'];

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

    // The sign-in part's tally holds only its refresh check's failures (newman-part.ts).
    const tally = sumTallies(parts.map((p) => p.tally));
    const signIns = parts.reduce((sum, p) => sum + p.signIns, 0);
    const exitCode = decideExitCode(tally, signInFailure, notes, runGuard);
    const durationMs = Date.now() - startedAt;
    const authzMatrix = readAuthzMatrix(parts.map((p) => p.variables));
    const reportDir = join(
      options.reportsDir ?? 'reports',
      reportDirName(collection.info.name, (options.now ?? (() => new Date()))()),
    );
    await writeReports({
      dir: reportDir,
      collectionName: collection.info.name,
      itemOrder: collection.item.map((item) => item.id as string),
      parts,
      gatecheck: {
        exitCode,
        checks: { ...tally, failures: tally.failures.length },
        signIns,
        workers: buckets.length,
        durationMs,
        ...(signInFailure?.cognito ? { signInError: signInFailure.cognito } : {}),
        ...(authzMatrix ? { authzMatrix } : {}),
      },
      mask: secrets.mask,
    });
    const lines = formatRunSummary({
      collectionName: collection.info.name,
      tally,
      signIns,
      durationMs,
      workers: buckets.length,
      reportDir,
      ...(signInFailure ? { signInFailure } : {}),
      notes,
    });
    // The matrix goes before the last line (where the reports are).
    if (authzMatrix)
      lines.splice(Math.max(0, lines.length - 1), 0, ...formatAuthzMatrix(authzMatrix));
    for (const line of lines) io.out(secrets.mask(line));
    return {
      exitCode,
      tally,
      signIns,
      durationMs,
      reportDir,
      workers: buckets.length,
      ...(signInFailure ? { signInFailure } : {}),
    };
  } finally {
    await pool?.close();
    await rm(staging, { recursive: true, force: true });
  }
}

/** Re-runs the sign-in folder while Cognito answers TooManyRequestsException (aws-behaviour.md §1.2). */
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
  if (tally.failed > 0 || tally.requestErrors > 0) return ExitCode.checksFailed;
  if (!guardRan && tally.inconclusive > 0) {
    // The run guard fails a run with inconclusive negatives; without it (smoke) the runner does.
    notes.push(`${tally.inconclusive} negative check(s) inconclusive: their control did not pass`);
    return ExitCode.checksFailed;
  }
  if (checksRun(tally) === 0) {
    // A run that tested nothing must not look like a pass (security-checks.md §2.1, "zero tests").
    notes.push('no checks ran');
    return ExitCode.checksFailed;
  }
  return ExitCode.ok;
}

/** The run counters every executed, skipped or inconclusive check increments (render/run-variables.ts). */
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

function environmentSecrets(environment: PostmanEnvironment | undefined): string[] {
  if (!environment) return [];
  return environment.values
    .filter((variable) => variable.type === 'secret' || secretVariableKeys.has(variable.key))
    .map((variable) => variable.value)
    .filter((value): value is string => typeof value === 'string' && value !== '');
}
