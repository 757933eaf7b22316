/**
 * The schema of the authorization rules (docs/authorization-matrix.md), checked with ajv before
 * anything else reads them: a wrong field is reported with its JSON pointer, in the user's file.
 */
import { createRequire } from 'node:module';
import type { Ajv as AjvClass, ErrorObject, ValidateFunction } from 'ajv';
import { InputError } from '../errors.js';
import { pointerJoin } from './json-pointer.js';
import type { Locate } from './source-position.js';

const personaName = { type: 'string', pattern: '^[a-z][a-z0-9]*$' } as const;

export const authzSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['personas', 'operations'],
  properties: {
    version: { const: 1 },
    personas: {
      type: 'object',
      minProperties: 2,
      propertyNames: personaName,
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          groups: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
          description: { type: 'string' },
        },
      },
    },
    objects: {
      type: 'object',
      propertyNames: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_-]*$' },
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['parameter', 'owner'],
        properties: {
          parameter: { type: 'string', minLength: 1 },
          owner: personaName,
          create: {
            type: 'object',
            additionalProperties: false,
            required: ['operation'],
            properties: {
              operation: { type: 'string', minLength: 1 },
              id: { type: 'string', pattern: '^(/.*)?$' },
            },
          },
          delete: { type: 'string', minLength: 1 },
          fixed: {
            type: 'object',
            propertyNames: personaName,
            additionalProperties: { type: 'string', minLength: 1 },
          },
        },
        oneOf: [{ required: ['create'] }, { required: ['fixed'] }],
      },
    },
    operations: {
      type: 'object',
      minProperties: 1,
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['allow'],
        properties: {
          allow: { type: 'array', items: personaName, uniqueItems: true },
          object: { type: 'string', minLength: 1 },
          refusal: {
            oneOf: [
              { enum: [403, 404] },
              { type: 'array', items: { enum: [403, 404] }, minItems: 1, uniqueItems: true },
            ],
          },
        },
      },
    },
  },
} as const;

let compiled: ValidateFunction | undefined;

/** ajv is loaded and the schema compiled the first time a rules file is checked, not at start-up. */
function validator(): ValidateFunction {
  if (compiled) return compiled;
  const { Ajv } = createRequire(import.meta.url)('ajv') as { Ajv: typeof AjvClass };
  compiled = new Ajv({ allErrors: false, strict: true, strictRequired: false }).compile(
    authzSchema,
  );
  return compiled;
}

/**
 * Throws an InputError naming the first problem's pointer (under `base` inside `file`) and, with
 * `locate`, its line and column: an unknown field's or a bad key's own, not its object's.
 */
export function checkAuthzDocument(
  document: unknown,
  file: string,
  base: string,
  locate?: Locate,
): void {
  const validate = validator();
  if (validate(document)) return;
  const error = validate.errors?.[0];
  const pointer = `${base}${error?.instancePath ?? ''}`;
  // An unknown field, or a key that breaks `propertyNames` (ajv names it on the error).
  const field =
    (error?.params as { additionalProperty?: unknown } | undefined)?.additionalProperty ??
    error?.propertyName;
  const position =
    (typeof field === 'string' ? locate?.(pointerJoin(pointer, field)) : undefined) ??
    locate?.(pointer);
  throw new InputError(`authorization rules: ${describe(error)}`, {
    file,
    pointer,
    hint: 'See docs/authorization-matrix.md for the rules file format',
    ...(position ? { position } : {}),
  });
}

function describe(error: ErrorObject | undefined): string {
  if (!error) return 'not valid';
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown field "${String(params.additionalProperty)}"`;
    case 'required':
      return `missing field "${String(params.missingProperty)}"`;
    case 'oneOf':
      return 'give exactly one of "create" (made for the run) or "fixed" (an id per persona)';
    case 'pattern':
      return `${error.message ?? 'bad value'} (persona names are lower-case letters and digits)`;
    default:
      return error.message ?? 'not valid';
  }
}
