import { asRecord, child, deref, type Located, type ModelContext } from './context.js';
import { preferredMediaType } from './media-type.js';
import { stringList } from './read-request-body.js';
import { addSchema, type SchemaStore } from './read-schemas.js';
import type { ResponseExpectation } from './types.js';

/**
 * What a successful call returns: the lowest documented 2xx status (200 when the spec documents
 * none, or only a `2XX` range), its content type (JSON preferred) and body schema.
 */
export function readSuccess(
  context: ModelContext,
  store: SchemaStore,
  operation: Located,
  schemaKey: string,
): ResponseExpectation {
  const responses = child(operation, 'responses');
  const codes = Object.keys(asRecord(responses.value) ?? {});
  const statuses = codes.filter((code) => /^2\d\d$/.test(code)).sort();
  const code = statuses[0] ?? codes.find((c) => c.toUpperCase() === '2XX');
  const status = statuses[0] === undefined ? 200 : Number(statuses[0]);
  if (code === undefined) return { status };
  const response = deref(
    context,
    asRecord(responses.value)?.[code],
    `${responses.pointer}/${code}`,
  );

  if (context.specVersion === '2.0' || asRecord(response.value)?.content === undefined) {
    // Swagger 2 (and exports that mix its style into OpenAPI 3): `schema` + `produces`.
    if (asRecord(response.value)?.schema === undefined) return { status };
    const produces = stringList(asRecord(operation.value)?.produces ?? context.document.produces);
    return {
      status,
      contentType: preferredMediaType(produces) ?? 'application/json',
      schemaRef: addSchema(context, store, child(response, 'schema'), schemaKey),
    };
  }
  const content = child(response, 'content');
  const contentType = preferredMediaType(Object.keys(asRecord(content.value) ?? {}));
  if (contentType === undefined) return { status };
  const media = child(content, contentType);
  if (asRecord(media.value)?.schema === undefined) return { status, contentType };
  return {
    status,
    contentType,
    schemaRef: addSchema(context, store, child(media, 'schema'), schemaKey),
  };
}
