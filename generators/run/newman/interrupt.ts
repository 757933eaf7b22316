/**
 * Ctrl-C during `run`, `smoke` or `demo`. The first SIGINT aborts the signal a run was given:
 * the run stops its newman worker processes, writes what it has as a partial report, removes its
 * temporary files, and the command exits 130 (128 + SIGINT, as shells report it). Outside a run
 * (signing in with the SDK, waiting for a deployment) there is nothing to write, and the process
 * leaves at once with 130. A second Ctrl-C leaves at once too.
 */
import { ExitCode } from '../../errors.js';

let controller: AbortController | undefined;
let runs = 0;

/** The process's interrupt signal; the first call starts listening for SIGINT. */
export function sigintSignal(): AbortSignal {
  if (!controller) {
    const own = new AbortController();
    controller = own;
    process.on('SIGINT', () => {
      if (own.signal.aborted || runs === 0) process.exit(ExitCode.interrupted);
      own.abort();
    });
  }
  return controller.signal;
}

/** Marks a run as under way (a SIGINT then waits for it to clean up); returns the release. */
export function claimInterrupt(): () => void {
  runs += 1;
  let released = false;
  return () => {
    if (!released) runs -= 1;
    released = true;
  };
}

/** Settles when `signal` aborts (never when there is none). */
export function whenAborted(signal: AbortSignal | undefined): Promise<'interrupted'> {
  return new Promise((resolve) => {
    if (!signal) return;
    if (signal.aborted) resolve('interrupted');
    else signal.addEventListener('abort', () => resolve('interrupted'), { once: true });
  });
}
