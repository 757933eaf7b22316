/**
 * Sharding a run across CI jobs: `gatecheck run --shard i/n` runs the i-th of n deterministic
 * shares of the operation folders (every shard signs in; the run guard is applied when the shards
 * are merged, to the whole run). The shares are the same for the same collection on every machine:
 * folders are dealt largest first to the lightest share, as the workers of one run are
 * (worker-plan.ts), so shards take about equally long.
 */
import { InputError } from '../../errors.js';
import type { PostmanItem } from '../inputs/collection-file.js';
import { isFolder } from '../newman/collection-layout.js';
import { planWorkers } from '../newman/worker-plan.js';
import type { Shard } from './run-report.js';

/** `2/4` → { index: 2, count: 4 }; anything else is one line and exit 2. */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d{1,4})\s*\/\s*(\d{1,4})\s*$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new InputError(`--shard must be i/n with 1 <= i <= n, not ${JSON.stringify(text)}`, {
      hint: 'Give --shard the job index and the number of jobs, e.g. --shard 1/2',
    });
  }
  return { index, count };
}

/** The folders of shard i of n, in collection order (none when there are fewer folders than shards). */
export function shardFolders(folders: PostmanItem[], shard: Shard): PostmanItem[] {
  if (shard.count === 1) return folders;
  const shares = planWorkers(folders, shard.count);
  // planWorkers gives at most one share per folder; the shards past them run no folder.
  return shares[shard.index - 1] ?? [];
}

/** Requests with a test script (the checks a run counts), the guard and the token refresh included. */
export function countCheckItems(
  signIn: PostmanItem | undefined,
  operations: PostmanItem[],
  guards: PostmanItem[],
): number {
  const refresh = (signIn?.item ?? []).filter(
    (item) => /refresh/i.test(item.name ?? '') && hasTest(item),
  ).length;
  return refresh + operations.reduce((sum, folder) => sum + testedRequests(folder), 0) + guards.length;
}

function testedRequests(item: PostmanItem): number {
  if (!isFolder(item)) return hasTest(item) ? 1 : 0;
  return (item.item ?? []).reduce((sum, child) => sum + testedRequests(child), 0);
}

function hasTest(item: PostmanItem): boolean {
  const events = Array.isArray(item.event) ? (item.event as Array<{ listen?: string }>) : [];
  return events.some((event) => event.listen === 'test');
}
