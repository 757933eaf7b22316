import yaml from 'js-yaml';
import type { SpecDocument } from '../spec/read-spec-file.js';
import { isObject } from '../spec/json.js';
import type { GatewayAnswer } from './answer.js';

const exportPath = /^\/restapis\/([^/]+)\/stages\/([^/]+)\/exports\/([^/]+)$/;

/**
 * The part of the API Gateway management API that `GetExport` uses:
 * `GET /restapis/{id}/stages/{stage}/exports/{oas30|swagger}` (docs/reference/aws-wire-behaviour.md
 * §4). Any restapi id and any SigV4 credentials are accepted; the loaded spec is served for the
 * sandbox's stage. Returns undefined when the path is not an export path.
 */
export function answerExport(
  path: string,
  query: URLSearchParams,
  accept: string | undefined,
  spec: { document: SpecDocument; stage: string },
): GatewayAnswer | undefined {
  const match = path.match(exportPath);
  if (!match) return undefined;
  const [, , stage = '', exportType = ''] = match.map(decodeURIComponent);
  if (stage !== spec.stage)
    return managementError(404, 'NotFoundException', 'Invalid stage identifier specified');
  if (exportType !== 'oas30' && exportType !== 'swagger') {
    return managementError(400, 'BadRequestException', `Invalid export type: ${exportType}`);
  }
  const exported = withExtensions(spec.document, (query.get('extensions') ?? '').split(','));
  const asYaml = /yaml/i.test(accept ?? '');
  return {
    status: 200,
    headers: {
      'content-type': asYaml ? 'application/yaml' : 'application/json',
      'content-disposition': `attachment; filename="${exportType}_${Date.now()}.${asYaml ? 'yaml' : 'json'}"`,
    },
    body: asYaml ? yaml.dump(exported) : JSON.stringify(exported, null, 2),
  };
}

/**
 * Without `extensions=authorizers|apigateway` an export has no `x-amazon-apigateway-authorizer`, and
 * without `integrations|apigateway` no `x-amazon-apigateway-integration` (GetExportRequest docs).
 */
function withExtensions(document: SpecDocument, extensions: string[]): unknown {
  const all = extensions.includes('apigateway');
  const drop = new Set<string>();
  if (!all && !extensions.includes('authorizers')) drop.add('x-amazon-apigateway-authorizer');
  if (!all && !extensions.includes('integrations')) drop.add('x-amazon-apigateway-integration');
  return drop.size === 0 ? document : without(document, drop);
}

function without(value: unknown, keys: Set<string>): unknown {
  if (Array.isArray(value)) return value.map((item) => without(item, keys));
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !keys.has(key))
      .map(([key, child]) => [key, without(child, keys)]),
  );
}

function managementError(status: number, type: string, message: string): GatewayAnswer {
  return {
    status,
    headers: { 'content-type': 'application/json', 'x-amzn-errortype': type },
    body: JSON.stringify({ message }),
  };
}
