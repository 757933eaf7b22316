import { Ajv, type ValidateFunction } from 'ajv';
import { resolvedAt } from '../spec/resolve-pointer.js';
import type { SpecDocument } from '../spec/read-spec-file.js';
import type { Route } from '../spec/types.js';

// OpenAPI schemas carry keywords JSON Schema does not know (`nullable`, `example`): not strict.
const ajv = new Ajv({ strict: false, allErrors: false, validateFormats: false });
const compiled = new WeakMap<SpecDocument, Map<string, Promise<ValidateFunction | undefined>>>();

export type BodyCheck =
  { ok: true; value: Record<string, unknown> } | { ok: false; message: string };

/**
 * Parses a JSON request body and checks it against the route's documented schema (the `required`
 * list is what makes `{}` fail). Without a documented schema any JSON object passes.
 */
export async function checkJsonBody(
  body: string | undefined,
  route: Route,
  document: SpecDocument,
): Promise<BodyCheck> {
  let value: unknown;
  try {
    value = JSON.parse(body ?? '');
  } catch {
    return { ok: false, message: 'Invalid request body: not JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: 'Invalid request body: expected a JSON object' };
  }
  const validate = await validatorFor(route, document);
  if (validate && !validate(value)) {
    const first = validate.errors?.[0];
    return {
      ok: false,
      message: `Invalid request body: ${first?.instancePath || '/'} ${first?.message ?? 'is invalid'}`,
    };
  }
  return { ok: true, value: value as Record<string, unknown> };
}

function validatorFor(route: Route, document: SpecDocument): Promise<ValidateFunction | undefined> {
  const pointer = route.requestSchemaPointer;
  if (!pointer) return Promise.resolve(undefined);
  let forDocument = compiled.get(document);
  if (!forDocument) {
    forDocument = new Map();
    compiled.set(document, forDocument);
  }
  let pending = forDocument.get(pointer);
  if (!pending) {
    pending = resolvedAt(document, pointer).then((schema) => {
      try {
        return typeof schema === 'object' && schema !== null ? ajv.compile(schema) : undefined;
      } catch {
        // A schema ajv cannot compile (e.g. draft-04 boolean `exclusiveMaximum`): fall back to no check.
        return undefined;
      }
    });
    forDocument.set(pointer, pending);
  }
  return pending;
}
