/**
 * The parts of a run in order: the one sign-in, the operation folders in the newman workers (with
 * the sign-in's tokens), then the run guard with the workers' counters added up. With one worker
 * the guard is the end of that worker's run (run-plan.ts). A failed sign-in stops the run.
 */
import type { Io } from '../io.js';
import type { PartResult } from './newman/newman-part.js';
import type { PartRunner } from './newman/part-runner.js';
import { addCounters } from './run-counters.js';
import type { RunPlan } from './run-plan.js';
import type { SignInFailure } from './run-result.js';
import { signIn, signInFailureOf, type SignInRetry } from './sign-in.js';

export interface RunSteps {
  /** Tokens obtained outside the collection: carried from the start, no sign-in. */
  tokens?: Record<string, string>;
  signInRetry: SignInRetry;
  sleep: (ms: number) => Promise<void>;
  io: Io;
}

export interface StepsOutcome {
  signInFailure: SignInFailure | undefined;
  /** The variables every worker started from. */
  carriedAfterSignIn: Record<string, string>;
}

/** Runs sign-in → workers → guard; every finished part is pushed onto `parts`, notes onto `notes`. */
export async function runSteps(
  plan: RunPlan,
  runner: PartRunner,
  steps: RunSteps,
  parts: PartResult[],
  notes: string[],
): Promise<StepsOutcome> {
  let carried: Record<string, string> = { ...(steps.tokens ?? {}) };
  let signInFailure: SignInFailure | undefined;

  if (plan.signInFolder) {
    const signedIn = await signIn(
      runner,
      plan.signInFolder,
      carried,
      steps.signInRetry,
      steps.sleep,
      (line) => steps.io.err(line),
    );
    parts.push(signedIn);
    signInFailure = signInFailureOf(signedIn);
    carried = { ...carried, ...signedIn.variables };
  } else if (!steps.tokens && plan.buckets.length > 1) {
    notes.push('no Sign-in folder: each worker signs in on its own');
  }
  const carriedAfterSignIn = carried;
  if (signInFailure) return { signInFailure, carriedAfterSignIn };

  if (plan.buckets.length > 0) {
    const workerParts = await runWorkers(plan, runner, carried);
    parts.push(...workerParts);
    signInFailure = workerParts.map(signInFailureOf).find(Boolean);
    if (!signInFailure && !plan.guardInline && plan.guards.length > 0) {
      const counters = addCounters(
        carried,
        workerParts.map((worker) => worker.variables),
      );
      parts.push(await runGuard(plan, runner, { ...carried, ...counters }));
    }
  } else if (plan.guards.length > 0) {
    parts.push(await runGuard(plan, runner, carried));
  }
  return { signInFailure, carriedAfterSignIn };
}

/** The operation folders, one newman run per worker, each with the preludes first. */
function runWorkers(
  plan: RunPlan,
  runner: PartRunner,
  carried: Record<string, string>,
): Promise<PartResult[]> {
  return Promise.all(
    plan.buckets.map((bucket, index) =>
      runner.workerPart(
        index,
        plan.buckets.length === 1 ? 'checks' : `checks-${index + 1}`,
        plan.guardInline
          ? [...plan.preludes, ...bucket, ...plan.guards]
          : [...plan.preludes, ...bucket],
        carried,
      ),
    ),
  );
}

/** The run guard on its own, with the run counters of the whole run. */
function runGuard(
  plan: RunPlan,
  runner: PartRunner,
  carried: Record<string, string>,
): Promise<PartResult> {
  return runner.part('run-guard', 'checks', plan.guards, carried);
}
