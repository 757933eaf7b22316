import { expect } from 'chai';
import type { Gateway } from '../../../sandbox/gateway/start-gateway.js';
import { call, gatewayFor } from './gateway-harness.js';
import { startLocalIssuers, unsignedToken, type LocalIssuers } from './local-issuer.js';

const pool = 'arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_AbCdEf123';
const ok = { '200': { description: 'ok' } };

/** A REST export: a pinned Cognito authorizer, Lambda TOKEN and REQUEST authorizers (x-gatecheck-cognito). */
const spec = {
  openapi: '3.0.1',
  info: { title: 'Lambda', version: '1' },
  servers: [
    {
      url: 'https://abc.execute-api.eu-west-1.amazonaws.com/{basePath}',
      variables: { basePath: { default: 'prod' } },
    },
  ],
  paths: {
    '/pinned': { get: { security: [{ pinned: [] }], responses: ok } },
    '/token': { get: { security: [{ token: [] }], responses: ok } },
    '/request': { get: { security: [{ request: [] }], responses: ok } },
  },
  components: {
    securitySchemes: {
      pinned: {
        type: 'apiKey',
        name: 'Authorization',
        in: 'header',
        'x-amazon-apigateway-authtype': 'cognito_user_pools',
        'x-amazon-apigateway-authorizer': {
          type: 'cognito_user_pools',
          providerARNs: [pool],
          identityValidationExpression: 'real-client-id',
        },
      },
      token: {
        type: 'apiKey',
        name: 'Authorization',
        in: 'header',
        'x-amazon-apigateway-authtype': 'custom',
        'x-amazon-apigateway-authorizer': {
          type: 'token',
          identityValidationExpression: '^Bearer [-0-9a-zA-Z._]+$',
        },
        'x-gatecheck-cognito': { userPool: pool, tokenKind: 'id' },
      },
      request: {
        type: 'apiKey',
        name: 'Authorization',
        in: 'header',
        'x-amazon-apigateway-authtype': 'custom',
        'x-amazon-apigateway-authorizer': {
          type: 'request',
          identitySource: 'method.request.header.Authorization, method.request.querystring.tenant',
        },
        'x-gatecheck-cognito': { userPool: pool, tokenKind: 'access', scopes: ['reports/read'] },
      },
    },
  },
};

describe('gateway stand-in: Lambda authorizers verifying Cognito tokens, identityValidationExpression', () => {
  let issuers: LocalIssuers;
  let gateway: Gateway;
  let base: string;
  const bearer = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });
  const unauthorized = { status: 401, text: '{"message":"Unauthorized"}' };

  before(async () => {
    issuers = await startLocalIssuers();
    gateway = await gatewayFor(spec, issuers);
    base = gateway.apiBaseUrl;
  });
  after(async () => {
    await gateway.stop();
    await issuers.close();
  });

  it('Cognito: an ID token whose aud the expression refuses → 401; the sandbox client passes', async () => {
    const refused = await call(
      `${base}/pinned`,
      bearer(await issuers.trusted.idToken({ aud: 'x' })),
    );
    expect(refused).to.deep.include(unauthorized);
    const passed = await call(`${base}/pinned`, bearer(await issuers.trusted.idToken()));
    expect(passed.status).to.equal(200);
    const named = await call(
      `${base}/pinned`,
      bearer(await issuers.trusted.idToken({ aud: 'real-client-id' })),
    );
    expect(named.status).to.equal(200);
  });

  it('validation-expression-ignored: the other client ID token passes', async () => {
    gateway.setFaults([{ name: 'validation-expression-ignored' }]);
    try {
      const reply = await call(
        `${base}/pinned`,
        bearer(await issuers.trusted.idToken({ aud: 'x' })),
      );
      expect(reply.status).to.equal(200);
    } finally {
      gateway.setFaults([]);
    }
  });

  it('TOKEN: the ID token with Bearer passes; without Bearer the expression refuses it (401)', async () => {
    const token = await issuers.trusted.idToken();
    expect((await call(`${base}/token`, bearer(token))).status).to.equal(200);
    const bare = await call(`${base}/token`, { headers: { Authorization: token } });
    expect(bare).to.deep.include(unauthorized);
    expect(bare.headers.get('x-amzn-errortype')).to.equal('UnauthorizedException');
  });

  it('TOKEN: what the Lambda refuses is 401 Unauthorized: access token, expired, alg none, other pool', async () => {
    for (const token of [
      await issuers.trusted.accessToken([]),
      await issuers.trusted.idToken({ exp: Math.floor(Date.now() / 1000) - 60 }),
      unsignedToken({ iss: issuers.trusted.issuer, token_use: 'id' }),
      await issuers.other.idToken(),
    ]) {
      expect(await call(`${base}/token`, bearer(token))).to.deep.include(unauthorized);
    }
  });

  it('REQUEST: every identity source must be there; a token without the scope is an explicit deny', async () => {
    const scoped = await issuers.trusted.accessToken(['reports/read']);
    expect((await call(`${base}/request?tenant=acme`, bearer(scoped))).status).to.equal(200);
    expect(await call(`${base}/request`, bearer(scoped))).to.deep.include(unauthorized);
    const denied = await call(
      `${base}/request?tenant=acme`,
      bearer(await issuers.trusted.accessToken(['other/scope'])),
    );
    expect(denied.status).to.equal(403);
    expect(denied.text).to.equal(
      '{"message":"User is not authorized to access this resource with an explicit deny"}',
    );
    expect(denied.headers.get('x-amzn-errortype')).to.equal('AccessDeniedException');
  });
});
