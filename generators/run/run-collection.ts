/**
 * `gatecheck run` as a library call: sign in once (the collection's Sign-in folder, retried with
 * backoff while Cognito throttles), run the operation folders in one or N newman workers with the
 * captured tokens in memory, run the guard with the workers' counters added up, then write one
 * masked report (summary.json, junit.xml, report.html: reports/). The command prints the summary
 * from the result (reports/run-summary.ts). With a shard (`--shard i/n`) only a share of the
 * operation folders runs, without the guard: `gatecheck report merge` adds the shards up and
 * applies the guard to the whole (reports/merge-reports.ts).
 *
 * The steps: run-plan.ts (what runs where), newman/part-runner.ts (newman in this process and the
 * worker processes), run-steps.ts (sign-in → workers → guard), finish-run.ts (exit code and
 * reports). Exit codes: finish-run.ts.
 */
import { setTimeout as sleepMs } from 'node:timers/promises';
import type { Io } from '../io.js';
import type { PostmanCollection } from './inputs/collection-file.js';
import { claimInterrupt, whenAborted } from './newman/interrupt.js';
import type { NewmanTransport, PartResult } from './newman/newman-part.js';
import { startPartRunner } from './newman/part-runner.js';
import { finishInterrupted, finishRun, type RunRecord } from './finish-run.js';
import { addMaskCommands } from './reports/github-actions.js';
import { createProgress } from './reports/progress.js';
import type { Shard } from './reports/run-report.js';
import { SecretSet } from './reports/secret-mask.js';
import { planRun } from './run-plan.js';
import type { RunCollectionResult } from './run-result.js';
import { runSteps } from './run-steps.js';
import { DEFAULT_RETRY, type SignInRetry } from './sign-in.js';

export type { RunCollectionResult, SignInFailure } from './run-result.js';
export { signInWithBackoff, type SignInRetry } from './sign-in.js';
export { addCounters } from './run-counters.js';
export { printRunSummary } from './reports/run-summary.js';

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

export async function runCollection(options: RunCollectionOptions): Promise<RunCollectionResult> {
  const { io } = options;
  const startedAt = Date.now();
  const secrets = new SecretSet((value) => {
    if (options.githubActions) for (const line of addMaskCommands(value)) io.out(line);
  });
  for (const secret of options.secrets) secrets.add(secret);
  for (const value of Object.values(options.tokens ?? {})) secrets.add(value);

  const plan = await planRun(options, secrets);
  let interrupted = false;
  let requestsDone = 0;
  const progress = createProgress(plan.total, (line) => {
    if (!interrupted) io.err(secrets.mask(line));
  });
  const runner = await startPartRunner({
    collection: plan.collection,
    ...(plan.environment ? { environment: plan.environment } : {}),
    values: options.values,
    workers: plan.buckets.length,
    ...(options.processes !== undefined ? { processes: options.processes } : {}),
    ...(options.bail !== undefined ? { bail: options.bail } : {}),
    ...(options.timeoutRequestMs !== undefined
      ? { timeoutRequestMs: options.timeoutRequestMs }
      : {}),
    ...(options.transport ? { transport: options.transport } : {}),
    secrets,
    onItem: (name, failed, outcome) => {
      requestsDone += 1;
      progress.itemDone(name, outcome ?? { check: true, status: failed ? 'failed' : 'passed' });
    },
  });
  const parts: PartResult[] = [];
  const run: RunRecord = {
    plan,
    secrets,
    startedAt,
    ...(options.reportsDir !== undefined ? { reportsDir: options.reportsDir } : {}),
    ...(options.shard ? { shard: options.shard } : {}),
    ...(options.now ? { now: options.now } : {}),
    notes: [],
  };
  /** After Ctrl-C: worker processes stop when let go; this process's own newman runs end with it. */
  const stopped = async () => {
    interrupted = true;
    await runner.stopPool();
    const requests = { done: requestsDone, planned: plan.requestsPlanned };
    return finishInterrupted(run, [...runner.finished], requests, options.tokens ?? {});
  };

  const release = options.signal ? claimInterrupt() : undefined;
  try {
    if (options.signal?.aborted) return await stopped();
    const running = runSteps(
      plan,
      runner,
      {
        ...(options.tokens ? { tokens: options.tokens } : {}),
        signInRetry: options.signInRetry ?? DEFAULT_RETRY,
        sleep: options.sleep ?? ((ms: number) => sleepMs(ms).then(() => undefined)),
        io,
      },
      parts,
      run.notes,
    );
    // After Ctrl-C the parts still running in this process are left behind (newman cannot stop
    // one): their late failures must not surface.
    running.catch(() => undefined);
    const outcome = await Promise.race([running, whenAborted(options.signal)]);
    if (outcome === 'interrupted') return await stopped();
    return await finishRun(run, parts, outcome);
  } finally {
    await runner.close();
    release?.();
  }
}
