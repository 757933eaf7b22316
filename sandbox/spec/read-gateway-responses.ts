import type { SpecDocument } from './read-spec-file.js';
import type { GatewayResponseSpec } from './types.js';
import { isObject, objectAt } from './json.js';

const headerPrefix = 'gatewayresponse.header.';

/** `x-amazon-apigateway-gateway-responses`: custom answers by response type (`UNAUTHORIZED`, `DEFAULT_4XX`...). */
export function readGatewayResponses(document: SpecDocument): Record<string, GatewayResponseSpec> {
  const declared = objectAt(document, 'x-amazon-apigateway-gateway-responses') ?? {};
  const responses: Record<string, GatewayResponseSpec> = {};
  for (const [type, value] of Object.entries(declared)) {
    if (!isObject(value)) continue;
    const headers: Record<string, string> = {};
    for (const [key, expression] of Object.entries(objectAt(value, 'responseParameters') ?? {})) {
      if (key.startsWith(headerPrefix) && typeof expression === 'string') {
        headers[key.slice(headerPrefix.length)] = expression;
      }
    }
    const templates: Record<string, string> = {};
    for (const [type, template] of Object.entries(objectAt(value, 'responseTemplates') ?? {})) {
      if (typeof template === 'string') templates[type] = template;
    }
    const status = Number(value.statusCode);
    responses[type.toUpperCase()] = {
      ...(Number.isInteger(status) && status > 0 ? { statusCode: status } : {}),
      headers,
      templates,
    };
  }
  return responses;
}
