import { isObject, objectAt, type JsonObject } from './json.js';
import type { Requirement } from './types.js';

const prefix = 'x-amazon-apigateway-';
const operationKeys = [
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  `${prefix}any-method`,
];

/**
 * An API Gateway export or import definition: any `x-amazon-apigateway-*` extension at the top
 * level, on a path item or operation, or on a security scheme (`x-amazon-apigateway-authtype`).
 */
export function isApiGatewayDocument(document: JsonObject): boolean {
  const hasExtension = (value: unknown): boolean =>
    isObject(value) && Object.keys(value).some((key) => key.startsWith(prefix));
  if (hasExtension(document)) return true;
  const schemes = {
    ...objectAt(document, 'securityDefinitions'),
    ...objectAt(objectAt(document, 'components'), 'securitySchemes'),
  };
  if (Object.values(schemes).some(hasExtension)) return true;
  return Object.values(objectAt(document, 'paths') ?? {}).some(
    (item) =>
      isObject(item) &&
      (hasExtension(item) || operationKeys.some((key) => hasExtension(item[key]))),
  );
}

/**
 * What API Gateway configures from an imported method's security list
 * (docs/reference/aws-wire-behaviour.md §4): every entry applies, so the method gets one authorizer
 * and `apiKeyRequired` when an API-key scheme is listed anywhere — one AND requirement, not
 * OpenAPI's OR. A method has one authorizer: with several the first listed is kept (which one AWS
 * keeps is UNCONFIRMED). `[]` stays public.
 */
export function applyEveryEntry(alternatives: Requirement[][]): Requirement[][] {
  if (alternatives.length === 0) return [];
  const entries = alternatives.flat();
  const authorizer = entries.find((entry) => entry.rule.kind !== 'api-key');
  const scopes = [
    ...new Set(
      entries.filter((entry) => entry.scheme === authorizer?.scheme).flatMap((e) => e.scopes),
    ),
  ];
  const apiKey = entries.find((entry) => entry.rule.kind === 'api-key');
  return [[...(authorizer ? [{ ...authorizer, scopes }] : []), ...(apiKey ? [apiKey] : [])]];
}
