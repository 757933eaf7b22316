/**
 * The run's one sign-in: the collection's Sign-in folder, re-run with backoff while Cognito
 * throttles (docs/reference/aws-wire-behaviour.md §1.2). The tokens it captures are carried to
 * every worker.
 */
import type { PostmanItem } from './inputs/collection-file.js';
import type { PartResult } from './newman/newman-part.js';
import type { PartRunner } from './newman/part-runner.js';
import type { SignInFailure } from './run-result.js';

export interface SignInRetry {
  /** Attempts in all (1 = no retry). */
  attempts: number;
  /** Wait before the second attempt; doubles each time (Cognito: "retry after a back-off waiting period"). */
  firstDelayMs: number;
}

export const DEFAULT_RETRY: SignInRetry = { attempts: 4, firstDelayMs: 1000 };
const THROTTLED = 'TooManyRequestsException';

/** Runs the Sign-in folder (with backoff) in this process. */
export function signIn(
  runner: PartRunner,
  folder: PostmanItem,
  carried: Record<string, string>,
  retry: SignInRetry,
  sleep: (ms: number) => Promise<void>,
  say: (line: string) => void,
): Promise<PartResult> {
  return signInWithBackoff(
    () => runner.part('sign-in', 'sign-in', [folder], carried),
    retry,
    sleep,
    say,
  );
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

/** Why a part's sign-in failed, or undefined when it did not. */
export function signInFailureOf(part: PartResult): SignInFailure | undefined {
  if (part.cognitoError) return { cognito: part.cognitoError };
  if (part.role === 'sign-in' && part.signInProblem) return { problem: part.signInProblem };
  return undefined;
}
