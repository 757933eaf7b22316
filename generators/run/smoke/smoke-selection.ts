/**
 * What a post-deploy smoke run may send (docs/reference/check-catalogue.md §4): safe methods (GET,
 * HEAD, OPTIONS) and, for unsafe methods, only the checks aimed at the sentinel object that cannot
 * exist (plan/sentinel-targets.ts), which a broken authorizer would let through to a backend with
 * nothing to change. Positive checks of unsafe methods would change real data and are left out, as
 * is anything we cannot tell is harmless: the revocation folder (it signs a user out everywhere,
 * N17) and the run guard (the smoke run is a subset on purpose).
 */
import { sentinelId } from '../../plan/sentinel-targets.js';
import type { PostmanCollection, PostmanItem } from '../inputs/collection-file.js';
import { describeLayout, isFolder, methodOf, rawUrlOf } from '../newman/collection-layout.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
// Revocation signs a user out; the persona checks create and delete objects.
const NOT_FOR_SMOKE_FOLDER = /^(revocation\b|authorization \(personas\))/i;

/** True when sending this request cannot change data, as far as the collection tells. */
export function isHarmless(item: PostmanItem): boolean {
  if (SAFE_METHODS.has(methodOf(item))) return true;
  return (rawUrlOf(item) ?? '').includes(sentinelId);
}

/** The collection narrowed to harmless requests; the Sign-in folder is kept whole. */
export function selectForSmoke(collection: PostmanCollection): PostmanCollection {
  const layout = describeLayout(collection);
  const keep = (item: PostmanItem): PostmanItem | undefined => {
    if (item === layout.signIn) return item;
    if (layout.guards.includes(item)) return undefined;
    if (!isFolder(item)) return isHarmless(item) ? item : undefined;
    if (NOT_FOR_SMOKE_FOLDER.test(item.name ?? '')) return undefined;
    const children = (item.item ?? []).map(keep).filter((child) => child !== undefined);
    return children.length > 0 ? { ...item, item: children } : undefined;
  };
  return {
    ...collection,
    item: collection.item.map(keep).filter((item) => item !== undefined),
  };
}

/** The first safe request outside the Sign-in folder: the one a fresh deployment is probed with. */
export function firstSafeRequest(collection: PostmanCollection): PostmanItem | undefined {
  const layout = describeLayout(collection);
  const search = (items: PostmanItem[]): PostmanItem | undefined => {
    for (const item of items) {
      const found = isFolder(item)
        ? search(item.item ?? [])
        : SAFE_METHODS.has(methodOf(item)) && (rawUrlOf(item) ?? '').includes('{{baseUrl}}')
          ? item
          : undefined;
      if (found) return found;
    }
    return undefined;
  };
  return search(layout.operations);
}
