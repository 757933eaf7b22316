import { asRecord, asString, child, deref, type Located, type ModelContext } from './context.js';
import { preferredMediaType } from './media-type.js';
import { exampleFor } from './read-examples.js';
import { schemaOf } from './read-parameters.js';
import type { RequestBody } from './types.js';

/** OpenAPI 3 `requestBody`: the preferred media type and its example (or a schema-valid sample). */
export function readRequestBody(
  context: ModelContext,
  operation: Located,
): RequestBody | undefined {
  const body = deref(
    context,
    asRecord(operation.value)?.requestBody,
    `${operation.pointer}/requestBody`,
  );
  const content = child(body, 'content');
  const contentType = preferredMediaType(Object.keys(asRecord(content.value) ?? {}));
  if (contentType === undefined) return undefined;
  const media = child(content, contentType);
  const schema = asRecord(media.value)?.schema === undefined ? undefined : child(media, 'schema');
  return { contentType, example: exampleFor(context, media, schema) ?? {} };
}

/**
 * Swagger 2 bodies: an `in: body` parameter (its schema) or `in: formData` parameters, sent as the
 * preferred type of `consumes` (operation, else top level).
 */
export function readSwaggerBody(
  context: ModelContext,
  operation: Located,
  parameters: Located[],
): RequestBody | undefined {
  const consumes = stringList(asRecord(operation.value)?.consumes ?? context.document.consumes);
  const body = parameters.find((parameter) => asRecord(parameter.value)?.in === 'body');
  if (body !== undefined) {
    const example = exampleFor(context, body, child(body, 'schema'));
    return {
      contentType: preferredMediaType(consumes) ?? 'application/json',
      example: example ?? {},
    };
  }
  const form = parameters.filter((parameter) => asRecord(parameter.value)?.in === 'formData');
  if (form.length === 0) return undefined;
  const hasFile = form.some((parameter) => asRecord(parameter.value)?.type === 'file');
  const example = Object.fromEntries(
    form.map((parameter) => [
      asString(asRecord(parameter.value)?.name) ?? '',
      exampleFor(context, parameter, schemaOf(parameter)) ?? '',
    ]),
  );
  const contentType = hasFile
    ? 'multipart/form-data'
    : (consumes.find((type) => /form/i.test(type)) ?? 'application/x-www-form-urlencoded');
  return { contentType, example };
}

export function stringList(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : [];
}
