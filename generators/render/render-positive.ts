/**
 * The Postman item of a positive check: the request a legitimate caller sends, and a test script
 * asserting the documented status, content type and body schema.
 */
import { itemName } from './item-name.js';
import type { PositiveCheck } from '../plan/types.js';
import type { PostmanItem } from './postman-types.js';
import { neutraliseVariables as plain } from './neutralise-variables.js';
import { renderRequest } from './render-request.js';
import { renderScript, scriptLines } from './render-script.js';

/** `#/definitions/<key>` as a JSON pointer in a URI fragment (RFC 6901 §6), for ajv's `$ref`. */
export function schemaPointer(key: string): string {
  return `#/definitions/${encodeURIComponent(key.replace(/~/g, '~0').replace(/\//g, '~1'))}`;
}

export function renderPositiveItem(check: PositiveCheck): PostmanItem {
  const { status, contentType, schemaRef } = check.expect;
  const test = renderScript('positive/test.js.hbs', {
    check: {
      name: itemName(check.name),
      status,
      contentType: contentType ?? '',
      schemaPointer: schemaRef !== undefined ? schemaPointer(schemaRef) : '',
      ...(check.scopes
        ? {
            scopes: check.scopes.map(plain),
            tokenHeader: plain(check.tokenHeader ?? 'Authorization'),
          }
        : {}),
    },
  });
  return {
    id: check.id,
    name: itemName(check.name),
    // No pre-request script: the sign-in on demand runs before each block of negatives (the
    // control's script), seconds before the next positive, well inside a token's margin.
    event: [{ listen: 'test', script: { type: 'text/javascript', exec: scriptLines(test) } }],
    request: renderRequest(check),
    response: [],
  };
}
