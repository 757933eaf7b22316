import SwaggerParser from '@apidevtools/swagger-parser';
import type { SpecDocument } from './read-spec-file.js';
import { isObject } from './json.js';

const dereferenced = new WeakMap<SpecDocument, Promise<SpecDocument>>();

/**
 * The value at a JSON pointer of the document with every `$ref` replaced by its target (circular
 * references are left as `$ref`). The document is dereferenced once, on first use, so that starting
 * the sandbox on a large export stays fast.
 */
export async function resolvedAt(document: SpecDocument, pointer: string): Promise<unknown> {
  let pending = dereferenced.get(document);
  if (!pending) {
    pending = new SwaggerParser()
      .dereference(structuredClone(document) as never, { dereference: { circular: 'ignore' } })
      .then((api) => api as unknown as SpecDocument);
    dereferenced.set(document, pending);
  }
  return valueAt(await pending, pointer);
}

export function valueAt(document: unknown, pointer: string): unknown {
  let node = document;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = isObject(node) ? node[segment] : Array.isArray(node) ? node[Number(segment)] : undefined;
  }
  return node;
}
