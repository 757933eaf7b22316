import {
  asRecord,
  asString,
  child,
  deref,
  originOf,
  warn,
  type Located,
  type ModelContext,
} from './context.js';
import { pointerJoin } from '../load/json-pointer.js';
import { collectParameters, readParameters } from './read-parameters.js';
import { readRequestBody, readSwaggerBody } from './read-request-body.js';
import { readSuccess } from './read-responses.js';
import type { SchemaStore } from './read-schemas.js';
import { readApiKeyRequired, readOperationSecurity } from './read-security-requirements.js';
import { resolveProtection } from './resolve-protection.js';
import type {
  ApiModel,
  ExpectedRejections,
  HttpMethod,
  Operation,
  SecurityScheme,
} from './types.js';

const methods = new Set<string>(['get', 'put', 'post', 'delete', 'options', 'head', 'patch']);
const writeMethods = new Set<HttpMethod>(['post', 'put', 'patch', 'delete']);
const anyMethod = 'x-amazon-apigateway-any-method';
/** The methods a user would test behind an ANY method (OPTIONS and HEAD are left to CORS/GET). */
const anyMethodExpansion: HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete'];

export interface OperationInputs {
  schemes: Record<string, SecurityScheme>;
  apiKeySource: ApiModel['apiKeySource'];
  rejections: ExpectedRejections;
  /** The answers for methods behind a Lambda authorizer (computed on first use). */
  lambdaRejections: () => ExpectedRejections;
  store: SchemaStore;
}

/** Every operation of `paths`, in document order, `x-amazon-apigateway-any-method` expanded. */
export function readOperations(context: ModelContext, inputs: OperationInputs): Operation[] {
  const paths = asRecord(context.document.paths) ?? {};
  const operations: Operation[] = [];
  const ids = new Set<string>();
  for (const path of Object.keys(paths)) {
    const pathItem = deref(context, paths[path], pointerJoin('/paths', path));
    const item = asRecord(pathItem.value) ?? {};
    if (item.security !== undefined) {
      warn(
        context,
        'security-ignored-location',
        `\`security\` on the path item ${path} is not OpenAPI and API Gateway ignores it: put it on each operation`,
        pointerJoin(pathItem.pointer, 'security'),
      );
    }
    for (const key of Object.keys(item)) {
      if (!methods.has(key) && key !== anyMethod) continue;
      const located = child(pathItem, key);
      const expanded = key === anyMethod ? anyMethodExpansion : [key as HttpMethod];
      if (key === anyMethod) {
        warn(
          context,
          'any-method-expanded',
          `ANY method on ${path} is checked as ${expanded.map((m) => m.toUpperCase()).join(', ')}`,
          located.pointer,
        );
      }
      warnMisplacedSecurity(context, located);
      for (const method of expanded) {
        const operation = readOperation(context, inputs, {
          path,
          method,
          pathItem,
          located,
          fromAnyMethod: key === anyMethod,
        });
        operation.id = uniqueId(ids, operation.id);
        operations.push(operation);
      }
    }
  }
  return operations;
}

interface Where {
  path: string;
  method: HttpMethod;
  pathItem: Located;
  located: Located;
  fromAnyMethod: boolean;
}

function readOperation(context: ModelContext, inputs: OperationInputs, where: Where): Operation {
  const { path, method, pathItem, located, fromAnyMethod } = where;
  const raw = asRecord(located.value) ?? {};
  const operationId = asString(raw.operationId);
  const id = operationId
    ? fromAnyMethod
      ? `${operationId}-${method}`
      : operationId
    : `${method.toUpperCase()} ${path}`;
  const { security, securitySource } = readOperationSecurity(context, located);
  const resolved = resolveProtection(
    security,
    inputs.schemes,
    readApiKeyRequired(located),
    inputs.apiKeySource,
    context.securityReading,
  );
  for (const note of resolved.notes) {
    warn(
      context,
      note.code,
      `${method.toUpperCase()} ${path}: ${note.message}`,
      securityPointer(located, securitySource),
    );
  }
  if (writeMethods.has(method) && resolved.protection.kind === 'public') {
    warn(
      context,
      'public-write-operation',
      `${method.toUpperCase()} ${path} changes data and ${resolved.apiKey ? 'needs only an API key, no signed-in user' : 'is public: anyone can call it'}`,
      located.pointer,
    );
  }
  const ownHeaders = [
    ...(resolved.protection.kind === 'cognito' ||
    resolved.protection.kind === 'jwt' ||
    resolved.protection.kind === 'lambda'
      ? [resolved.protection.tokenHeader]
      : []),
    ...(resolved.apiKey ? [resolved.apiKey.header] : []),
  ];
  const parameters = collectParameters(context, pathItem, located);
  const requestBody =
    context.specVersion === '2.0' || raw.requestBody === undefined
      ? readSwaggerBody(context, located, parameters)
      : readRequestBody(context, located);
  const summary = asString(raw.summary);
  return {
    id,
    method,
    path,
    ...(summary === undefined ? {} : { summary }),
    tags: Array.isArray(raw.tags)
      ? raw.tags.filter((tag): tag is string => typeof tag === 'string')
      : [],
    security,
    securitySource,
    protection: resolved.protection,
    ...(resolved.apiKey ? { apiKey: resolved.apiKey } : {}),
    ...(resolved.apiKeyFromAuthorizer ? { apiKeyFromAuthorizer: true as const } : {}),
    rejections: copyRejections(
      resolved.protection.kind === 'lambda' ? inputs.lambdaRejections() : inputs.rejections,
    ),
    parameters: readParameters(context, path, parameters, ownHeaders),
    ...(requestBody === undefined || !writeMethods.has(method) ? {} : { requestBody }),
    success: readSuccess(context, inputs.store, located, `${id}.response`),
    ...tokenSourceHintOf(raw, context.document),
    fromAnyMethod,
    greedyPath: /\{[^}]+\+\}/.test(path),
    origin: originOf(context, located.pointer),
  };
}

/**
 * API Gateway reads a method's authorizer from the operation's `security` only; the same key inside
 * `x-amazon-apigateway-integration` is silently ignored, leaving the method open.
 */
function warnMisplacedSecurity(context: ModelContext, operation: Located): void {
  const integration = child(operation, 'x-amazon-apigateway-integration');
  if (asRecord(integration.value)?.security !== undefined) {
    warn(
      context,
      'security-ignored-location',
      '`security` inside x-amazon-apigateway-integration is ignored by API Gateway: move it to the operation',
      pointerJoin(integration.pointer, 'security'),
    );
  }
}

function securityPointer(operation: Located, source: Operation['securitySource']): string {
  return source === 'global' ? '/security' : pointerJoin(operation.pointer, 'security');
}

function copyRejections(rejections: ExpectedRejections): ExpectedRejections {
  return {
    unauthorized: { ...rejections.unauthorized },
    expired: { ...rejections.expired },
    insufficientScope: { ...rejections.insufficientScope },
    invalidApiKey: { ...rejections.invalidApiKey },
  };
}

/** `x-gatecheck-token-source: user | machine`, the operation's own before the document's. */
function tokenSourceHintOf(
  operation: Record<string, unknown>,
  document: Record<string, unknown>,
): { tokenSourceHint?: 'user' | 'machine' } {
  const key = 'x-gatecheck-token-source';
  const value = operation[key] ?? document[key];
  return value === 'user' || value === 'machine' ? { tokenSourceHint: value } : {};
}

/** Operation ids key plan items: a repeated `operationId` (invalid, but seen) gets `-2`, `-3`... */
function uniqueId(ids: Set<string>, wanted: string): string {
  let id = wanted;
  for (let n = 2; ids.has(id); n += 1) id = `${wanted}-${n}`;
  ids.add(id);
  return id;
}
