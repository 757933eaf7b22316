/**
 * The script library once per newman run. A gatecheck collection defines its script library in the
 * collection pre-request script, guarded so that it only defines what the sandbox does not already
 * hold: that is what lets any request sent alone from the Postman app work. newman runs that script
 * before every request, though, and each script execution costs the sandbox a round trip with the
 * script text and every variable. newman keeps one sandbox for a whole run, and a global assigned
 * by one script stays for the next, so the runner moves the script into the first request of each
 * run instead: it defines the library (and checks the sign-in) once, and each item's own
 * pre-request script signs in on demand when its tokens run out (gatecheck.whenSignedIn).
 */
import type { PostmanCollection, PostmanItem } from '../inputs/collection-file.js';

/** How the generated library script starts (scripts/collection/library.js.hbs). */
const LIBRARY_MARK = '// gatecheck: the script library.';

interface PostmanEvent {
  listen?: string;
  script?: { exec?: string | string[]; [field: string]: unknown };
  [field: string]: unknown;
}

function scriptText(event: PostmanEvent): string {
  const exec = event.script?.exec;
  return Array.isArray(exec) ? exec.join('\n') : (exec ?? '');
}

function firstRequest(items: PostmanItem[]): PostmanItem | undefined {
  for (const item of items) {
    if (Array.isArray(item.item)) {
      const inner = firstRequest(item.item);
      if (inner) return inner;
    } else if (item.request !== undefined) return item;
  }
  return undefined;
}

/**
 * A copy in which the collection's gatecheck library script runs as the start of the first
 * request's pre-request script instead of before every request. Any other collection, and one whose
 * collection script is not gatecheck's library, is returned as it is.
 */
export function withLibraryOnce(collection: PostmanCollection): PostmanCollection {
  const events = (collection.event ?? []) as PostmanEvent[];
  const library = events.find(
    (event) => event.listen === 'prerequest' && scriptText(event).startsWith(LIBRARY_MARK),
  );
  if (!library || !firstRequest(collection.item)) return collection;
  const copy = structuredClone(collection);
  copy.event = events.filter((event) => event !== library);
  const first = firstRequest(copy.item)!;
  const itemEvents = ((first.event ?? []) as PostmanEvent[]).slice();
  const own = itemEvents.findIndex((event) => event.listen === 'prerequest');
  const ownText = own === -1 ? '' : scriptText(itemEvents[own]!);
  const merged: PostmanEvent = {
    listen: 'prerequest',
    script: {
      ...(own === -1 ? {} : itemEvents[own]!.script),
      type: 'text/javascript',
      // One string, as the collection script is (render-collection.ts collectionPrerequestEvent).
      exec: [`${scriptText(library)}\n\n${ownText}`],
    },
  };
  if (own === -1) itemEvents.unshift(merged);
  else itemEvents[own] = merged;
  first.event = itemEvents;
  return copy;
}
