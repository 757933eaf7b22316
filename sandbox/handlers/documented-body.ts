import { sample } from 'openapi-sampler';
import { isObject } from '../spec/json.js';
import type { SpecDocument } from '../spec/read-spec-file.js';
import type { Route } from '../spec/types.js';

const cache = new WeakMap<Route, { value: unknown } | undefined>();

/**
 * The success body the spec documents for a route: its example (OAS3 `example`/`examples`, Swagger
 * `examples[type]`), else a schema-valid sample from openapi-sampler; undefined when no body is
 * documented. Computed once per route, on first call.
 */
export function documentedBody(
  route: Route,
  document: SpecDocument,
): { value: unknown } | undefined {
  if (cache.has(route)) return cache.get(route);
  const body = computeBody(route, document);
  cache.set(route, body);
  return body;
}

function computeBody(route: Route, document: SpecDocument): { value: unknown } | undefined {
  const { media, contentType } = route.success;
  if (!media || !contentType) return undefined;
  if (media.example !== undefined) return { value: media.example };
  const examples = media.examples;
  if (isObject(examples)) {
    const swagger = examples[contentType];
    if (swagger !== undefined) return { value: swagger };
    const first = Object.values(examples)[0];
    if (isObject(first) && first.value !== undefined) return { value: first.value };
  }
  if (media.schema === undefined) return undefined;
  try {
    return { value: sample(media.schema as never, { quiet: true, skipWriteOnly: true }, document) };
  } catch {
    // A schema the sampler cannot follow (broken `$ref`): answer with an empty object rather than fail.
    return { value: {} };
  }
}

/** Serializes a body for its content type: JSON types as compact JSON, text as is. */
export function serializeBody(value: unknown, contentType: string): string {
  if (/json/i.test(contentType)) return JSON.stringify(value);
  return typeof value === 'string' ? value : JSON.stringify(value);
}
