/**
 * What the runner and its worker processes say to each other over the IPC channel of
 * `child_process.fork`. A worker process runs newman parts (newman-part.ts) as the runner asks and
 * reports back as they go: each secret as soon as it knows it (so the runner masks it everywhere,
 * and prints `::add-mask::` for it on GitHub Actions, before anything could show it), each
 * finished item (progress), and each part's result. The channel is a pipe between two processes
 * of one user; nothing on it is printed or written.
 */
import type { ItemOutcome, PartOptions, PartResult } from './newman-part.js';

/** A part as it crosses to a worker process: plain data; secrets as a list of values. */
export type PartSpec = Omit<PartOptions, 'secrets' | 'onItem'> & { secrets: string[] };

export type ToWorker = { type: 'run'; id: number; part: PartSpec };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'secret'; value: string }
  | { type: 'item'; id: number; name: string; failed: boolean; outcome?: ItemOutcome }
  | { type: 'done'; id: number; result: PartResult }
  | { type: 'failed'; id: number; message: string };
