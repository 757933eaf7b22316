/**
 * Runs the parts of one run (sign-in, workers, run guard) as newman runs: in this process, or in
 * the worker processes of a part pool. Each part gets only its own items of the collection, the
 * variables carried from the parts before it, and the script library defined once.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  PostmanCollection,
  PostmanEnvironment,
  PostmanItem,
} from '../inputs/collection-file.js';
import type { SecretSet } from '../reports/secret-mask.js';
import { partCollection } from './collection-layout.js';
import { withLibraryOnce } from './library-once.js';
import {
  runPart,
  type ItemOutcome,
  type NewmanTransport,
  type PartOptions,
  type PartResult,
  type PartRole,
} from './newman-part.js';
import { defaultProcessCount, startPartPool, type PartPool } from './part-pool.js';

export interface PartRunnerOptions {
  collection: PostmanCollection;
  environment?: PostmanEnvironment;
  values: Record<string, string>;
  /** Newman runs the operation folders are shared among. */
  workers: number;
  processes?: number;
  bail?: boolean;
  timeoutRequestMs?: number;
  transport?: NewmanTransport;
  secrets: SecretSet;
  onItem: (name: string, failed: boolean, outcome?: ItemOutcome) => void;
}

export interface PartRunner {
  /** A part run in this process. */
  part(
    label: string,
    role: PartRole,
    items: PostmanItem[],
    carried: Record<string, string>,
  ): Promise<PartResult>;
  /** The `index`th worker's part: in this process or in one of the pool's. */
  workerPart(
    index: number,
    label: string,
    items: PostmanItem[],
    carried: Record<string, string>,
  ): Promise<PartResult>;
  /** Parts in the order they finish: what a partial report can hold after Ctrl-C. */
  readonly finished: PartResult[];
  /** Lets the worker processes go (they stop). */
  stopPool(): Promise<void>;
  /** Stops the pool and removes the staging folder. */
  close(): Promise<void>;
}

export async function startPartRunner(options: PartRunnerOptions): Promise<PartRunner> {
  const { secrets, onItem } = options;
  const staging = await mkdtemp(join(tmpdir(), 'gatecheck-run-'));
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
    collection: withLibraryOnce(partCollection(options.collection, items, carried)),
    ...(options.environment ? { environment: options.environment } : {}),
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
    Math.min(options.workers, options.processes ?? defaultProcessCount(options.workers)),
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

  return {
    part,
    workerPart,
    finished,
    stopPool: async () => {
      await pool?.close();
    },
    close: async () => {
      await pool?.close();
      await rm(staging, { recursive: true, force: true });
    },
  };
}
