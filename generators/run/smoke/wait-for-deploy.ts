/**
 * Right after a deploy, API Gateway can still answer from the old deployment or not at all for a
 * short while: a stage being created answers `403 {"message":"Missing Authentication Token"}` for
 * routes it does not know yet (docs/reference/aws-wire-behaviour.md §2.2), and a backend still
 * starting answers 5xx. The smoke run waits (bounded) until the first safe request gets any other
 * answer, unauthenticated: a 401 from the authorizer means the route is deployed.
 */
export interface WaitOptions {
  url: string;
  /** Give up after this long. */
  timeoutMs: number;
  /** Between two probes. */
  intervalMs: number;
  /** A progress line at most this often. */
  reportEveryMs: number;
  say: (line: string) => void;
  fetchImpl?: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  now?: () => number;
}

export type WaitResult = { ready: true; status: number } | { ready: false; lastAnswer: string };

/** Whether an answer means "not deployed yet". */
export function isStillDeploying(status: number, body: string): boolean {
  if (status >= 500) return true;
  return status === 403 && body.includes('Missing Authentication Token');
}

export async function waitForDeployment(options: WaitOptions): Promise<WaitResult> {
  const now = options.now ?? Date.now;
  const fetchImpl = options.fetchImpl ?? fetch;
  const started = now();
  let lastReport = started;
  let lastAnswer = 'no answer';
  for (;;) {
    try {
      const response = await fetchImpl(options.url, {
        method: 'GET',
        signal: AbortSignal.timeout(10_000),
      });
      const body = await response.text();
      if (!isStillDeploying(response.status, body)) return { ready: true, status: response.status };
      lastAnswer = `${response.status} ${body.slice(0, 80)}`;
    } catch (error) {
      lastAnswer = (error as Error).message;
    }
    const elapsed = now() - started;
    if (elapsed >= options.timeoutMs) return { ready: false, lastAnswer };
    if (now() - lastReport >= options.reportEveryMs) {
      lastReport = now();
      options.say(
        `gatecheck: waiting for the deployment (${Math.round(elapsed / 1000)} s of ` +
          `${Math.round(options.timeoutMs / 1000)} s): ${options.url} answered ${lastAnswer}`,
      );
    }
    await options.sleep(Math.min(options.intervalMs, Math.max(0, options.timeoutMs - elapsed)));
  }
}
