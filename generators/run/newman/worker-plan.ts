/**
 * Sharing the operation folders among N newman workers. Folders are the unit (a negative check
 * depends on the control just before it in the same folder), and they are dealt largest first to
 * the least-loaded worker so that workers finish together; each worker keeps collection order.
 */
import { countRequests } from './collection-layout.js';
import type { PostmanItem } from '../inputs/collection-file.js';

export function planWorkers(folders: PostmanItem[], workers: number): PostmanItem[][] {
  const count = Math.max(1, Math.min(Math.floor(workers), folders.length));
  const buckets = Array.from({ length: count }, () => ({ load: 0, indices: [] as number[] }));
  const bySize = folders
    .map((folder, index) => ({ index, size: countRequests(folder) }))
    .sort((a, b) => b.size - a.size || a.index - b.index);
  for (const { index, size } of bySize) {
    const lightest = buckets.reduce((min, bucket) => (bucket.load < min.load ? bucket : min));
    lightest.load += size;
    lightest.indices.push(index);
  }
  return buckets
    .filter((bucket) => bucket.indices.length > 0)
    .map((bucket) =>
      bucket.indices.sort((a, b) => a - b).map((index) => folders[index] as PostmanItem),
    );
}
