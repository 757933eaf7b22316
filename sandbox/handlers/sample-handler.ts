import { documentedBody, serializeBody } from './documented-body.js';
import type { Handler } from './types.js';

/** The default integration: the documented success status, content type and example body. */
export const sampleHandler: Handler = (_event, { route, document }) => {
  const { status, contentType } = route.success;
  const body = documentedBody(route, document);
  if (!contentType || !body) return { statusCode: status };
  return {
    statusCode: status,
    headers: { 'content-type': contentType },
    body: serializeBody(body.value, contentType),
  };
};
