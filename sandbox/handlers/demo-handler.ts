import { documentedBody, serializeBody } from './documented-body.js';
import type { Handler } from './types.js';

const greeting = 'Hello from Lambda!';

/**
 * `GET /demo` of the example APIs: `{"message":"Hello from Lambda!"}`, unless the spec documents a
 * plain string there, which is then answered as documented.
 */
export const demoHandler: Handler = (_event, { route, document }) => {
  const { status, contentType = 'application/json' } = route.success;
  const documented = documentedBody(route, document)?.value;
  const plain = /^text\//i.test(contentType) || typeof documented === 'string';
  const value = plain
    ? typeof documented === 'string'
      ? documented
      : greeting
    : { message: greeting };
  return {
    statusCode: status,
    headers: { 'content-type': contentType },
    body: serializeBody(value, contentType),
  };
};
