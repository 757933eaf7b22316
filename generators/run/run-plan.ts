/**
 * What a run will do, decided before anything is sent: the collection (narrowed by `select`), its
 * environment, the folders each newman worker runs, whether the run guard runs and where, and the
 * counts progress and a Ctrl-C line use. Reading the files adds the environment's secrets to the
 * run's mask.
 */
import {
  readCollectionFile,
  readEnvironmentFile,
  type PostmanCollection,
  type PostmanEnvironment,
  type PostmanItem,
} from './inputs/collection-file.js';
import { secretVariableKeys } from './inputs/credentials.js';
import { checkPersonaCredentials } from './inputs/persona-credentials.js';
import {
  countRequests,
  describeLayout,
  isFolder,
  withTopLevelIds,
} from './newman/collection-layout.js';
import { planWorkers } from './newman/worker-plan.js';
import { collectionDescription } from './reports/description.js';
import { plannedCheckCount } from './reports/planned-count.js';
import type { Shard } from './reports/run-report.js';
import type { SecretSet } from './reports/secret-mask.js';
import { countCheckItems, shardFolders } from './reports/shard.js';

export interface RunPlanOptions {
  collectionPath: string;
  environmentPath?: string;
  values: Record<string, string>;
  tokens?: Record<string, string>;
  select?: (collection: PostmanCollection) => PostmanCollection;
  runGuard?: boolean;
  shard?: Shard;
  workers?: number;
}

export interface RunPlan {
  collection: PostmanCollection;
  environment?: PostmanEnvironment;
  /** The Sign-in folder, unless tokens come from outside the collection. */
  signInFolder?: PostmanItem;
  /** Items every worker runs first (the counter reset). */
  preludes: PostmanItem[];
  /** The operation folders of each newman worker. */
  buckets: PostmanItem[][];
  /** The run guard's items; empty when no guard runs (smoke, a shard). */
  guards: PostmanItem[];
  /** With one worker the guard runs in the same newman run, right after the folders, as in Postman. */
  guardInline: boolean;
  /** Checks the collection carries (what the guard compares with). */
  planned: number | null;
  /** Checks the run will count (progress numbers them): every request with a test script. */
  total: number;
  /** Requests the run will send, for the line a Ctrl-C prints. */
  requestsPlanned: number;
  /** The collection's top-level folder names, in order. */
  groups: string[];
  description?: string;
}

export async function planRun(options: RunPlanOptions, secrets: SecretSet): Promise<RunPlan> {
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
  const operations = options.shard
    ? shardFolders(layout.operations, options.shard)
    : layout.operations;
  const buckets = planWorkers(operations, options.workers ?? 1);
  const signInFolder = options.tokens ? undefined : layout.signIn;
  const requestsPlanned =
    (signInFolder ? countRequests(signInFolder) : 0) +
    operations.reduce((sum, folder) => sum + countRequests(folder), 0) +
    layout.preludes.length * Math.max(1, buckets.length) +
    guards.length;
  const description = collectionDescription(collection);
  return {
    collection,
    ...(environment ? { environment } : {}),
    ...(signInFolder ? { signInFolder } : {}),
    preludes: layout.preludes,
    buckets,
    guards,
    guardInline: buckets.length <= 1,
    planned: plannedCheckCount(layout.guards),
    total: countCheckItems(signInFolder, operations, guards),
    requestsPlanned,
    groups: collection.item.filter(isFolder).map((item) => item.name ?? ''),
    ...(description ? { description } : {}),
  };
}

function environmentSecrets(environment: PostmanEnvironment | undefined): string[] {
  if (!environment) return [];
  return environment.values
    .filter((variable) => variable.type === 'secret' || secretVariableKeys.has(variable.key))
    .map((variable) => variable.value)
    .filter((value): value is string => typeof value === 'string' && value !== '');
}
