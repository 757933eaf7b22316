import { asRecord } from './context.js';

const prefix = 'x-amazon-apigateway-';
const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', `${prefix}any-method`];

/**
 * Whether a document is an API Gateway export or import definition: any `x-amazon-apigateway-*`
 * extension at the top level, on a path item or operation, or on a security scheme (which covers
 * `x-amazon-apigateway-authtype`). API Gateway reads such a document's `security` lists its own way
 * (every entry applies, docs/reference/aws-wire-behaviour.md §4), so the model must know which
 * reading to use.
 */
export function isApiGatewayDocument(document: Record<string, unknown>): boolean {
  const hasExtension = (value: unknown): boolean =>
    Object.keys(asRecord(value) ?? {}).some((key) => key.startsWith(prefix));
  if (hasExtension(document)) return true;
  const schemes = {
    ...asRecord(document.securityDefinitions),
    ...asRecord(asRecord(document.components)?.securitySchemes),
  };
  if (Object.values(schemes).some(hasExtension)) return true;
  for (const item of Object.values(asRecord(document.paths) ?? {})) {
    const pathItem = asRecord(item) ?? {};
    if (hasExtension(pathItem)) return true;
    if (methods.some((method) => hasExtension(pathItem[method]))) return true;
  }
  return false;
}
