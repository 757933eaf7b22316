/**
 * The shape of a gatecheck collection as the runner sees it: a "Sign-in" folder first, one folder
 * per operation, and top-level requests: before the folders (preludes, e.g. resetting the run
 * counters) and after them (the run guard, which compares the `gatecheck.*` counters with the
 * number of checks the collection carries).
 *
 * The runner splits a run along these lines: sign in once, run the operation folders (in one or
 * several newman runs), then the guard with the counters of all of them added up.
 */
import { createHash } from 'node:crypto';
import type { PostmanCollection, PostmanItem, PostmanRequest } from '../inputs/collection-file.js';

export interface CollectionLayout {
  /** The sign-in folder, when the collection has one. */
  signIn?: PostmanItem;
  /** Top-level folders other than sign-in, in collection order. */
  operations: PostmanItem[];
  /** Top-level requests before the first operation folder (run in every worker). */
  preludes: PostmanItem[];
  /** Top-level requests after the first operation folder (the run guard). */
  guards: PostmanItem[];
}

const SIGN_IN_FOLDER = /^sign[\s-]?in\b/i;

export function isFolder(item: PostmanItem): boolean {
  return Array.isArray(item.item);
}

export function describeLayout(collection: PostmanCollection): CollectionLayout {
  const layout: CollectionLayout = { operations: [], preludes: [], guards: [] };
  for (const item of collection.item) {
    if (!isFolder(item))
      (layout.operations.length > 0 ? layout.guards : layout.preludes).push(item);
    else if (!layout.signIn && SIGN_IN_FOLDER.test(item.name ?? '')) layout.signIn = item;
    else layout.operations.push(item);
  }
  return layout;
}

/**
 * A copy of the collection in which every top-level item has an id. newman's `folder` option
 * looks items up by id or name anywhere in the tree, so names could be ambiguous; ids are not.
 * Ids that are missing are derived from position and name, so they are stable between runs.
 */
export function withTopLevelIds(collection: PostmanCollection): PostmanCollection {
  const copy = structuredClone(collection);
  copy.item.forEach((item, index) => {
    if (typeof item.id === 'string' && item.id !== '') return;
    item.id = createHash('sha256')
      .update(`${index}\u0000${item.name ?? ''}`)
      .digest('hex')
      .slice(0, 32);
  });
  return copy;
}

/** A copy with these collection variables set (added when missing). Values stay in memory. */
export function withCollectionVariables(
  collection: PostmanCollection,
  values: Record<string, string>,
): PostmanCollection {
  const copy = structuredClone(collection);
  const variables = copy.variable ?? [];
  for (const [key, value] of Object.entries(values)) {
    const existing = variables.find((variable) => variable.key === key);
    if (existing) existing.value = value;
    else variables.push({ key, value, type: 'string' });
  }
  copy.variable = variables;
  return copy;
}

/**
 * The collection one newman run gets: only these top-level items, in this order (collection-level
 * scripts, auth and variables kept), with these collection variables set. newman turns all it is
 * given into objects and the JSON reporter writes all of it, so a part that carries only its own
 * items costs a fraction of one that carries the whole collection and picks folders from it.
 */
export function partCollection(
  collection: PostmanCollection,
  items: PostmanItem[],
  values: Record<string, string>,
): PostmanCollection {
  return withCollectionVariables({ ...collection, item: items }, values);
}

/** Number of requests under an item (1 for a request). */
export function countRequests(item: PostmanItem): number {
  if (!isFolder(item)) return 1;
  return (item.item ?? []).reduce((sum, child) => sum + countRequests(child), 0);
}

export function requestOf(item: PostmanItem): PostmanRequest | undefined {
  if (typeof item.request === 'string') return { method: 'GET', url: item.request };
  return item.request;
}

/** HTTP method of a request item, upper-case (`GET` when unspecified, as in Postman). */
export function methodOf(item: PostmanItem): string {
  return (requestOf(item)?.method ?? 'GET').toUpperCase();
}

/** Value of an enabled header, by case-insensitive name. */
export function headerOf(item: PostmanItem, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return requestOf(item)?.header?.find(
    (header) => !header.disabled && header.key.toLowerCase() === wanted,
  )?.value;
}

/** Raw URL of a request item, with `{{variables}}` still in it. */
export function rawUrlOf(item: PostmanItem): string | undefined {
  const url = requestOf(item)?.url;
  return typeof url === 'string' ? url : url?.raw;
}
