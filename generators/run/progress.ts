/**
 * Progress lines on stderr, one per finished request: `[12/240] GET /users/{id} · no-token: ok`.
 * Shared by all workers of a run, so the counter covers the whole run. Item names carry no secrets
 * (they are built from the spec), and nothing else from the request is printed. A name may hold
 * terminal control sequences from the spec or a collection: they are removed before printing.
 */
import { printable } from '../terminal-text.js';

export interface Progress {
  itemDone(itemName: string, failed: boolean): void;
}

export function createProgress(total: number, print: (line: string) => void): Progress {
  let done = 0;
  const width = String(total).length;
  return {
    itemDone(itemName, failed) {
      done += 1;
      print(
        `[${String(done).padStart(width)}/${total}] ${printable(itemName)}: ${failed ? 'FAILED' : 'ok'}`,
      );
    },
  };
}
