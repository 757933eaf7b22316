/** The collection's description as text (Postman allows a string or `{ content }`). */
import type { PostmanCollection } from '../inputs/collection-file.js';

const MAX_DESCRIPTION = 4000;

export function collectionDescription(collection: PostmanCollection): string | undefined {
  const value = collection.info.description;
  const text =
    typeof value === 'string'
      ? value
      : value && typeof value === 'object' && typeof (value as { content?: unknown }).content === 'string'
        ? (value as { content: string }).content
        : undefined;
  if (!text || !text.trim()) return undefined;
  return text.length > MAX_DESCRIPTION ? `${text.slice(0, MAX_DESCRIPTION)}…` : text;
}
