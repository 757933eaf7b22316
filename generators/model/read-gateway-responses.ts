import { asRecord, asString, deref, originOf, type ModelContext } from './context.js';
import { pointerJoin } from '../load/json-pointer.js';
import type { GatewayResponse } from './types.js';

const headerPrefix = 'gatewayresponse.header.';

/**
 * `x-amazon-apigateway-gateway-responses` (REST APIs): per response type, the status, the headers
 * and the body templates that replace API Gateway's defaults (docs/reference/aws-wire-behaviour.md
 * §2.2).
 */
export function readGatewayResponses(context: ModelContext): Record<string, GatewayResponse> {
  const pointer = '/x-amazon-apigateway-gateway-responses';
  const all = asRecord(context.document['x-amazon-apigateway-gateway-responses']) ?? {};
  const responses: Record<string, GatewayResponse> = {};
  for (const [type, value] of Object.entries(all)) {
    const located = deref(context, value, pointerJoin(pointer, type));
    const raw = asRecord(located.value) ?? {};
    const statusCode = Number(raw.statusCode);
    responses[type.toUpperCase()] = {
      ...(raw.statusCode !== undefined && Number.isInteger(statusCode) ? { statusCode } : {}),
      templates: stringEntries(raw.responseTemplates),
      headers: literalHeaders(raw.responseParameters),
      origin: originOf(context, located.pointer),
    };
  }
  return responses;
}

function stringEntries(value: unknown): Record<string, string> {
  return Object.fromEntries(
    Object.entries(asRecord(value) ?? {}).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}

/**
 * `gatewayresponse.header.Access-Control-Allow-Origin: "'*'"` → `access-control-allow-origin: *`.
 * Only quoted literals are kept: a mapped value (`method.request.header.Origin`) depends on the request.
 */
function literalHeaders(parameters: unknown): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(asRecord(parameters) ?? {})) {
    const literal = /^'(.*)'$/s.exec(asString(value) ?? '');
    if (key.toLowerCase().startsWith(headerPrefix) && literal?.[1] !== undefined) {
      headers[key.slice(headerPrefix.length).toLowerCase()] = literal[1];
    }
  }
  return headers;
}
