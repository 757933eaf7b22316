import { sample } from 'openapi-sampler';
import type { JSONSchema7 } from 'json-schema';
import { asRecord, deref, type Located, type ModelContext } from './context.js';
import { pointerJoin } from '../load/json-pointer.js';

/** Deep enough for a useful request body; shallow enough that circular schemas stay cheap. */
const maxSampleDepth = 6;

/**
 * An example for a parameter, body or schema: the spec's own (`example`, the first of `examples`,
 * `default`, `enum[0]`, Swagger's `x-example`), else a schema-valid sample from openapi-sampler.
 * Sampling only happens when the spec gives nothing, so big specs pay only for what they lack.
 */
export function exampleFor(
  context: ModelContext,
  holder: Located,
  schema: Located | undefined,
): unknown {
  const own = asRecord(holder.value) ?? {};
  if (own.example !== undefined) return own.example;
  const fromExamples = firstExample(context, own.examples, holder.pointer);
  if (fromExamples !== undefined) return fromExamples;
  if (own['x-example'] !== undefined) return own['x-example'];
  if (schema === undefined) return undefined;
  return schemaExample(context, schema);
}

export function schemaExample(context: ModelContext, schema: Located): unknown {
  const resolved = asRecord(deref(context, schema.value, schema.pointer).value) ?? {};
  if (resolved.example !== undefined) return resolved.example;
  if (Array.isArray(resolved.examples) && resolved.examples.length > 0) return resolved.examples[0];
  if (resolved.default !== undefined) return resolved.default;
  if (Array.isArray(resolved.enum) && resolved.enum.length > 0) return resolved.enum[0];
  try {
    return sample(
      schema.value as JSONSchema7,
      { skipReadOnly: true, quiet: true, maxSampleDepth },
      context.document,
    );
  } catch {
    // A schema the sampler cannot follow (e.g. an unusual combination) just has no example.
    return undefined;
  }
}

/** OpenAPI 3 `examples`: a map of Example objects (possibly `$ref`s); the first one's `value`. */
function firstExample(context: ModelContext, examples: unknown, pointer: string): unknown {
  const entries = asRecord(examples);
  if (entries === undefined) return undefined;
  for (const [name, entry] of Object.entries(entries)) {
    const example = asRecord(deref(context, entry, pointerJoin(pointer, 'examples', name)).value);
    if (example?.value !== undefined) return example.value;
  }
  return undefined;
}

/** Parameters travel as text: arrays comma-separated (OpenAPI `style: simple`/`form`), objects as JSON. */
export function toWireString(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(toWireString).join(',');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
