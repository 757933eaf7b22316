import { asRecord, type Located, type ModelContext } from './context.js';
import { pointerTokens, refPointer, valueAt } from '../load/json-pointer.js';

/**
 * The response schemas the collection validates against, converted for ajv 6 (the validator in
 * Postman's sandbox, draft-07): stored once each under a key, every `$ref` rewritten to
 * `#/definitions/<key>`, so the collection can embed `{ definitions: model.schemas }` once and
 * validate with `{ $ref: '#/definitions/<key>' }`. Circular schemas (Stripe) are fine: a cycle is just
 * a `$ref` back to a key already stored.
 */
export interface SchemaStore {
  readonly schemas: Record<string, unknown>;
  /** Document pointer → key, for schemas reached by `$ref`. */
  readonly keys: Map<string, string>;
  /** Every key given out so far (named and inline). */
  readonly taken: Set<string>;
}

export function createSchemaStore(): SchemaStore {
  return { schemas: {}, keys: new Map(), taken: new Set() };
}

/**
 * Stores the schema at `located` and everything it refers to; returns its key. A `$ref` to a named
 * schema keeps the component name as key; an inline schema gets `fallbackKey` (from the operation).
 */
export function addSchema(
  context: ModelContext,
  store: SchemaStore,
  located: Located,
  fallbackKey: string,
): string {
  const queue: string[] = [];
  const converter = schemaConverter(context, store, queue);
  const ref = asRecord(located.value)?.$ref;
  const target = typeof ref === 'string' ? refPointer(ref) : undefined;
  let key: string;
  if (target !== undefined && Object.keys(asRecord(located.value) ?? {}).length === 1) {
    key = converter.keyFor(target);
  } else {
    key = uniqueKey(store, sanitise(fallbackKey));
    store.schemas[key] = converter.convert(located.value);
  }
  for (let pointer = queue.shift(); pointer !== undefined; pointer = queue.shift()) {
    const pending = store.keys.get(pointer);
    if (pending !== undefined && store.schemas[pending] === undefined) {
      store.schemas[pending] = converter.convert(valueAt(context.document, pointer));
    }
  }
  return key;
}

/** Formats ajv 6 knows; any other `format` (int32, byte, binary...) makes ajv 6 refuse the schema. */
const ajv6Formats = new Set([
  'date',
  'time',
  'date-time',
  'uri',
  'uri-reference',
  'uri-template',
  'url',
  'email',
  'hostname',
  'ipv4',
  'ipv6',
  'regex',
  'uuid',
  'json-pointer',
  'json-pointer-uri-fragment',
  'relative-json-pointer',
]);

/** OpenAPI-only or identity keywords draft-07 does not need (or that would confuse ajv 6). */
const dropped = new Set([
  'nullable',
  'x-nullable',
  'example',
  'xml',
  'externalDocs',
  'discriminator',
  'deprecated',
  '$schema',
  '$id',
  'id',
  '$anchor',
  '$dynamicAnchor',
  '$dynamicRef',
  '$vocabulary',
  '$comment',
  'prefixItems',
  'dependentRequired',
]);
const schemaMaps = new Set([
  'properties',
  'patternProperties',
  'definitions',
  '$defs',
  'dependentSchemas',
]);
const schemaLists = new Set(['allOf', 'anyOf', 'oneOf']);
const singleSchemas = new Set([
  'additionalProperties',
  'additionalItems',
  'not',
  'contains',
  'propertyNames',
  'if',
  'then',
  'else',
  'unevaluatedProperties',
  'unevaluatedItems',
]);

function schemaConverter(context: ModelContext, store: SchemaStore, queue: string[]) {
  const keyFor = (pointer: string): string => {
    let key = store.keys.get(pointer);
    if (key === undefined) {
      key = uniqueKey(store, keyFromPointer(pointer));
      store.keys.set(pointer, key);
      queue.push(pointer);
    }
    return key;
  };

  const convert = (node: unknown): unknown => {
    if (typeof node === 'boolean') return node;
    const schema = asRecord(node);
    if (schema === undefined) return {};
    if (typeof schema.$ref === 'string') {
      const target = refPointer(schema.$ref);
      const reference = target === undefined ? {} : { $ref: `#/definitions/${keyFor(target)}` };
      // OpenAPI 3.0 and Swagger ignore a $ref's siblings; JSON Schema 2020-12 (OpenAPI 3.1) applies them.
      const siblings = Object.fromEntries(
        Object.entries(schema).filter(([keyword]) => keyword !== '$ref'),
      );
      if (context.specVersion !== '3.1' || Object.keys(siblings).length === 0) return reference;
      return { allOf: [reference], ...(asRecord(convert(siblings)) ?? {}) };
    }
    const out: Record<string, unknown> = {};
    for (const [keyword, value] of Object.entries(schema)) {
      if (dropped.has(keyword) || keyword.startsWith('x-')) continue;
      if (schemaMaps.has(keyword)) {
        out[keyword] = Object.fromEntries(
          Object.entries(asRecord(value) ?? {})
            .filter(([name]) => keyword !== 'patternProperties' || validRegExp(name))
            .map(([name, sub]) => [name, convert(sub)]),
        );
      } else if (schemaLists.has(keyword)) {
        if (Array.isArray(value)) out[keyword] = value.map(convert);
      } else if (singleSchemas.has(keyword)) {
        out[keyword] = convert(value);
      } else if (keyword === 'items') {
        out.items = Array.isArray(value) ? value.map(convert) : convert(value);
      } else if (keyword === 'format') {
        if (typeof value === 'string' && ajv6Formats.has(value)) out.format = value;
      } else if (keyword === 'pattern') {
        if (typeof value === 'string' && validRegExp(value)) out.pattern = value;
      } else if (keyword === 'examples') {
        if (Array.isArray(value)) out.examples = value;
      } else if (keyword === 'exclusiveMinimum' || keyword === 'exclusiveMaximum') {
        if (typeof value === 'number') out[keyword] = value;
      } else if (keyword === 'type') {
        // Swagger 2.0 `type: file` has no JSON Schema counterpart.
        if (value !== 'file') out.type = value;
      } else if (keyword === 'required') {
        if (Array.isArray(value)) out.required = value;
      } else {
        out[keyword] = value;
      }
    }
    convertExclusiveBounds(schema, out);
    convertTupleItems(schema, out, convert);
    if (schema.dependentRequired !== undefined) out.dependencies = schema.dependentRequired;
    // `oneOf` with a discriminator picks its branch by the property; branches that overlap would make
    // plain `oneOf` reject valid bodies, so `anyOf` is the faithful draft-07 reading.
    if (schema.discriminator !== undefined && out.oneOf !== undefined) {
      out.anyOf = out.oneOf;
      delete out.oneOf;
    }
    return schema.nullable === true || schema['x-nullable'] === true ? allowNull(out) : out;
  };

  return { convert, keyFor };
}

/** OpenAPI 3.0 (draft-04 style) `exclusiveMinimum: true` + `minimum: 1` → draft-07 `exclusiveMinimum: 1`. */
function convertExclusiveBounds(
  schema: Record<string, unknown>,
  out: Record<string, unknown>,
): void {
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (schema[flag] === true && typeof schema[bound] === 'number') {
      out[flag] = schema[bound];
      delete out[bound];
    }
  }
}

/** JSON Schema 2020-12 `prefixItems` (+ `items`) → draft-07 tuple `items` (+ `additionalItems`). */
function convertTupleItems(
  schema: Record<string, unknown>,
  out: Record<string, unknown>,
  convert: (node: unknown) => unknown,
): void {
  if (!Array.isArray(schema.prefixItems)) return;
  out.items = schema.prefixItems.map(convert);
  if (schema.items !== undefined) out.additionalItems = convert(schema.items);
}

/** OpenAPI `nullable: true`: the value may also be null. */
function allowNull(out: Record<string, unknown>): Record<string, unknown> {
  if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  if (typeof out.type === 'string') return { ...out, type: [out.type, 'null'] };
  if (Array.isArray(out.type))
    return out.type.includes('null') ? out : { ...out, type: [...out.type, 'null'] };
  const constrained = Object.keys(out).some((keyword) => keyword !== 'enum');
  return constrained && out.enum === undefined ? { anyOf: [out, { type: 'null' }] } : out;
}

function validRegExp(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

/** `/components/schemas/Pet` and `/definitions/Pet` → `Pet`; any other place → its tokens joined. */
function keyFromPointer(pointer: string): string {
  const tokens = pointerTokens(pointer);
  const named =
    (tokens.length === 3 && tokens[0] === 'components' && tokens[1] === 'schemas') ||
    (tokens.length === 2 && tokens[0] === 'definitions');
  return sanitise(named ? (tokens.at(-1) ?? 'schema') : tokens.join('.'));
}

/** Keys go into `#/definitions/<key>`: keep them free of pointer syntax and URI-unsafe characters. */
function sanitise(text: string): string {
  const cleaned = text.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '');
  return cleaned === '' ? 'schema' : cleaned;
}

function uniqueKey(store: SchemaStore, wanted: string): string {
  let key = wanted;
  for (let n = 2; store.taken.has(key); n += 1) key = `${wanted}-${n}`;
  store.taken.add(key);
  return key;
}
