import { applyEveryEntry, isApiGatewayDocument } from './apply-every-entry.js';
import { readGatewayResponses } from './read-gateway-responses.js';
import { readSecuritySchemes } from './read-security-schemes.js';
import { readStage } from './read-stage.js';
import { readSpecFile, type SpecDocument } from './read-spec-file.js';
import { pointerOf, SpecError } from './spec-error.js';
import { isObject, objectAt, type JsonObject } from './json.js';
import type { GatewaySpec, Requirement, Route, SchemeRule, SuccessResponse } from './types.js';

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];
const anyMethod = 'x-amazon-apigateway-any-method';

/** Reads an API Gateway export into what the gateway stand-in serves. */
export async function readGatewaySpec(file: string): Promise<GatewaySpec> {
  return gatewaySpecOf(await readSpecFile(file), file);
}

export function gatewaySpecOf(document: SpecDocument, file: string): GatewaySpec {
  const schemes = readSecuritySchemes(document);
  const topSecurity = document.security;
  // API Gateway applies every entry of its own documents' security lists
  // (docs/reference/aws-wire-behaviour.md §4).
  const everyEntry = isApiGatewayDocument(document);
  const routes: Route[] = [];
  for (const [path, item] of Object.entries(objectAt(document, 'paths') ?? {})) {
    if (!isObject(item)) continue;
    const sharedParameters = Array.isArray(item.parameters) ? item.parameters : [];
    for (const key of [...methods, anyMethod]) {
      const operation = item[key];
      if (!isObject(operation)) continue;
      const pointer = pointerOf('paths', path, key);
      const listed = readSecurity(
        operation.security ?? topSecurity ?? [],
        schemes,
        file,
        `${pointer}/security`,
      );
      const security = everyEntry ? applyEveryEntry(listed) : listed;
      const ownParameters = Array.isArray(operation.parameters) ? operation.parameters : [];
      const parameters = [...sharedParameters, ...ownParameters];
      routes.push({
        method: key === anyMethod ? 'ANY' : key.toUpperCase(),
        path,
        security,
        success: readSuccess(operation),
        ...requestSchemaOf(operation, pointer),
        pathExamples: pathExamplesOf(parameters, document),
        pointer,
      });
    }
  }
  const kind =
    Object.values(schemes).some((rule) => rule.kind === 'jwt') ||
    document['x-amazon-apigateway-importexport-version'] !== undefined
      ? 'http'
      : 'rest';
  return {
    file,
    title:
      typeof objectAt(document, 'info')?.title === 'string'
        ? String(objectAt(document, 'info')?.title)
        : file,
    kind,
    stage: readStage(document),
    routes,
    gatewayResponses: readGatewayResponses(document),
    // The pools of the schemes some method uses, in declaration order.
    userPools: [
      ...new Set(
        Object.entries(schemes)
          .filter(([name]) => routes.some((r) => r.security.flat().some((q) => q.scheme === name)))
          .flatMap(([, rule]) =>
            rule.kind === 'cognito' || rule.kind === 'lambda' ? rule.pools : [],
          ),
      ),
    ],
    // A Lambda authorizer's scopes (`x-gatecheck-cognito.scopes`) are required of access tokens too.
    requiredScopes: [
      ...new Set(
        routes.flatMap((r) =>
          r.security
            .flat()
            .flatMap((q) => [...q.scopes, ...(q.rule.kind === 'lambda' ? q.rule.scopes : [])]),
        ),
      ),
    ].sort(),
    ...appClientAuthFlowsOf(document),
    document,
  };
}

/** `x-gatecheck-sandbox.appClientAuthFlows`: a list of ExplicitAuthFlows names, or nothing. */
function appClientAuthFlowsOf(document: SpecDocument): { appClientAuthFlows?: string[] } {
  const flows = objectAt(document, 'x-gatecheck-sandbox')?.['appClientAuthFlows'];
  if (!Array.isArray(flows) || !flows.every((flow) => typeof flow === 'string')) return {};
  return { appClientAuthFlows: flows };
}

function readSecurity(
  value: unknown,
  schemes: Record<string, SchemeRule>,
  file: string,
  pointer: string,
): Requirement[][] {
  if (!Array.isArray(value)) {
    throw new SpecError('`security` must be a list of requirement objects', { file, pointer });
  }
  return value.map((alternative, index) => {
    if (!isObject(alternative)) {
      throw new SpecError('a security requirement must be an object', {
        file,
        pointer: `${pointer}/${index}`,
      });
    }
    // AWS SAM's `NONE` pseudo-scheme (an undeclared `{"NONE": []}`) configures no authorizer.
    const entries = Object.entries(alternative).filter(
      ([scheme]) => scheme !== 'NONE' || schemes.NONE !== undefined,
    );
    return entries.map(([scheme, scopes]) => ({
      scheme,
      rule: schemes[scheme] ?? { kind: 'unsupported', description: `undeclared scheme ${scheme}` },
      scopes: Array.isArray(scopes) ? scopes.filter((s): s is string => typeof s === 'string') : [],
    }));
  });
}

function readSuccess(operation: JsonObject): SuccessResponse {
  const responses = objectAt(operation, 'responses') ?? {};
  const code =
    Object.keys(responses)
      .filter((c) => /^2\d\d$/.test(c))
      .sort()[0] ?? (responses.default ? 'default' : undefined);
  const status = code && code !== 'default' ? Number(code) : 200;
  const response = code ? objectAt(responses, code) : undefined;
  const content = objectAt(response, 'content');
  if (content) {
    const types = Object.keys(content);
    const contentType = types.find((t) => /json/i.test(t)) ?? types[0];
    if (contentType) {
      return { status, contentType, media: objectAt(content, contentType) ?? {} };
    }
  }
  // Swagger 2.0: the schema and examples sit on the response; `produces` names the type.
  if (response && (response.schema !== undefined || response.examples !== undefined)) {
    const produces = Array.isArray(operation.produces) ? operation.produces : [];
    const contentType = typeof produces[0] === 'string' ? produces[0] : 'application/json';
    return { status, contentType, media: response };
  }
  return { status };
}

function requestSchemaOf(
  operation: JsonObject,
  pointer: string,
): Pick<Route, 'requestSchemaPointer'> {
  const content = objectAt(objectAt(operation, 'requestBody'), 'content');
  if (content) {
    const type = Object.keys(content).find((t) => /json/i.test(t));
    return type && objectAt(content, type)?.schema !== undefined
      ? { requestSchemaPointer: `${pointer}${pointerOf('requestBody', 'content', type, 'schema')}` }
      : {};
  }
  // Swagger 2.0 `in: body` parameter; only the operation's own list is addressable by pointer.
  const own = Array.isArray(operation.parameters) ? operation.parameters : [];
  const index = own.findIndex((p) => isObject(p) && p.in === 'body' && p.schema !== undefined);
  return index >= 0 ? { requestSchemaPointer: `${pointer}/parameters/${index}/schema` } : {};
}

function pathExamplesOf(parameters: unknown[], document: SpecDocument): Record<string, string> {
  const examples: Record<string, string> = {};
  for (const raw of parameters) {
    const parameter = resolveLocalRef(raw, document);
    if (!isObject(parameter) || parameter.in !== 'path' || typeof parameter.name !== 'string')
      continue;
    const example =
      parameter.example ?? objectAt(parameter, 'schema')?.example ?? parameter['x-example'];
    if (typeof example === 'string' || typeof example === 'number') {
      examples[parameter.name] = String(example);
    }
  }
  return examples;
}

function resolveLocalRef(value: unknown, document: SpecDocument): unknown {
  if (!isObject(value) || typeof value.$ref !== 'string' || !value.$ref.startsWith('#/'))
    return value;
  let node: unknown = document;
  for (const segment of value.$ref.slice(2).split('/')) {
    node = isObject(node) ? node[segment.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  }
  return node;
}
