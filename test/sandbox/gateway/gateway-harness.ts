import { gatewaySpecOf } from '../../../sandbox/spec/read-gateway-spec.js';
import {
  startGateway,
  type Gateway,
  type GatewayOptions,
} from '../../../sandbox/gateway/start-gateway.js';
import type { LocalIssuers } from './local-issuer.js';

export const apiKey = 'test-api-key-0123456789';

/** Starts a gateway for an inline spec, trusting the local issuers' trusted pool. */
export function gatewayFor(
  document: Record<string, unknown>,
  issuers: LocalIssuers,
  extra: Partial<GatewayOptions> = {},
): Promise<Gateway> {
  return startGateway({
    spec: gatewaySpecOf(document, 'inline.json'),
    trust: {
      issuers: [issuers.trusted.issuer],
      audience: [issuers.trusted.clientId],
      isSandboxIssuer: (issuer) => issuer.startsWith(`${issuers.url}/`),
    },
    apiKeys: [apiKey],
    ...extra,
  });
}

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

export async function call(url: string, init: RequestInit = {}): Promise<Reply> {
  const response = await fetch(url, init);
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** A REST API export: Cognito authorizer, scoped and unscoped methods, an API key, a public method. */
export const restSpec = {
  openapi: '3.0.1',
  info: { title: 'Lab demo', version: '1' },
  servers: [
    {
      url: 'https://abc.execute-api.eu-west-1.amazonaws.com/{basePath}',
      variables: { basePath: { default: 'prod' } },
    },
  ],
  paths: {
    '/demo': {
      get: {
        security: [{ cognito: [] }],
        responses: {
          '200': {
            description: 'ok',
            content: { 'application/json': { schema: { type: 'object' } } },
          },
        },
      },
    },
    '/reports': {
      get: {
        security: [{ cognito: ['reports/read', 'reports/admin'] }],
        responses: {
          '200': {
            description: 'ok',
            content: { 'application/json': { example: { reports: [] } } },
          },
        },
      },
    },
    '/keyed': {
      get: {
        security: [{ cognito: [], api_key: [] }],
        responses: { '204': { description: 'no content' } },
      },
    },
    // `get-export` writes the authorizer and the required key as two entries
    // (docs/reference/aws-wire-behaviour.md §4).
    '/keyed-two-entries': {
      get: {
        security: [{ cognito: [] }, { api_key: [] }],
        responses: { '204': { description: 'no content' } },
      },
    },
    '/health': {
      get: {
        responses: { '200': { description: 'ok', content: { 'text/plain': { example: 'ok' } } } },
      },
    },
    '/files/{proxy+}': {
      'x-amazon-apigateway-any-method': {
        security: [{ cognito: [] }],
        parameters: [{ name: 'proxy', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': { description: 'ok', content: { 'application/json': { example: { any: true } } } },
        },
      },
      get: {
        responses: {
          '200': { description: 'ok', content: { 'application/json': { example: { get: true } } } },
        },
      },
    },
  },
  components: {
    securitySchemes: {
      cognito: {
        type: 'apiKey',
        name: 'Authorization',
        in: 'header',
        'x-amazon-apigateway-authtype': 'COGNITO_USER_POOLS',
        'x-amazon-apigateway-authorizer': {
          type: 'cognito_user_pools',
          providerARNs: ['arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbCdEf123'],
        },
      },
      api_key: { type: 'apiKey', name: 'x-api-key', in: 'header' },
    },
  },
};
