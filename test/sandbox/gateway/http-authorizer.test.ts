import { expect } from 'chai';
import type { Gateway } from '../../../sandbox/gateway/start-gateway.js';
import { call, gatewayFor } from './gateway-harness.js';
import { startLocalIssuers, type LocalIssuers } from './local-issuer.js';

/** An HTTP API export with a JWT authorizer naming a real-looking pool (mapped onto the local one). */
const httpSpec = {
  openapi: '3.0.1',
  info: { title: 'HTTP API', version: '2024-06-18 15:00:04UTC' },
  servers: [
    {
      url: 'https://abc.execute-api.eu-west-1.amazonaws.com/{basePath}',
      variables: { basePath: { default: '' } },
    },
  ],
  paths: {
    '/me': { get: { security: [{ jwt: [] }], responses: { '200': { description: 'ok' } } } },
    '/orders': {
      get: {
        security: [{ jwt: ['orders/read'] }],
        responses: {
          '200': { description: 'ok', content: { 'application/json': { example: [{ id: 1 }] } } },
        },
      },
    },
  },
  components: {
    securitySchemes: {
      jwt: {
        type: 'oauth2',
        flows: {},
        'x-amazon-apigateway-authorizer': {
          type: 'jwt',
          identitySource: '$request.header.authorization',
          jwtConfiguration: {
            issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123',
            audience: ['7example0client0id0000000'],
          },
        },
      },
    },
  },
  'x-amazon-apigateway-importexport-version': '1.0',
};

describe('gateway stand-in: HTTP API JWT authorizer (docs/reference/aws-wire-behaviour.md §3)', () => {
  let issuers: LocalIssuers;
  let gateway: Gateway;
  let base: string;

  before(async () => {
    issuers = await startLocalIssuers();
    gateway = await gatewayFor(httpSpec, issuers);
    base = gateway.apiBaseUrl;
  });
  after(async () => {
    await gateway.stop();
    await issuers.close();
  });

  const auth = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });

  it('an empty basePath is the $default stage: no prefix', () => {
    expect(gateway.stage).to.equal('');
    expect(base).to.equal(gateway.url);
  });

  it('no token → 401 {"message":"Unauthorized"} with www-authenticate and apigw-requestid, no x-amzn-ErrorType', async () => {
    const reply = await call(`${base}/me`);
    expect(reply.status).to.equal(401);
    expect(reply.text).to.equal('{"message":"Unauthorized"}');
    expect(reply.headers.get('www-authenticate')).to.match(
      /^Bearer scope="" error="invalid_token"/,
    );
    expect(reply.headers.get('apigw-requestid')).to.be.a('string');
    expect(reply.headers.get('x-amzn-errortype')).to.equal(null);
  });

  it('ID token passes by `aud`, access token by `client_id` (token_use not checked)', async () => {
    for (const token of [await issuers.trusted.idToken(), await issuers.trusted.accessToken([])]) {
      const reply = await call(`${base}/me`, auth(token));
      expect(reply.status).to.equal(200);
      expect(reply.headers.get('apigw-requestid')).to.be.a('string');
    }
  });

  it('a raw token (no Bearer) is accepted too', async () => {
    const reply = await call(`${base}/me`, {
      headers: { Authorization: await issuers.trusted.idToken() },
    });
    expect(reply.status).to.equal(200);
  });

  it('`aud` wins over `client_id`: wrong aud with the right client_id → 401', async () => {
    const token = await issuers.trusted.accessToken([], { aud: 'someone-else' });
    const reply = await call(`${base}/me`, auth(token));
    expect(reply.status).to.equal(401);
  });

  it('wrong audience, other issuer, expired → 401 Unauthorized', async () => {
    const past = Math.floor(Date.now() / 1000) - 7200;
    const tokens = [
      await issuers.trusted.idToken({ aud: 'another-client' }),
      await issuers.other.idToken({ aud: issuers.trusted.clientId }),
      await issuers.trusted.idToken({ iat: past, exp: past + 3600 }),
    ];
    for (const token of tokens) {
      const reply = await call(`${base}/me`, auth(token));
      expect(reply.status).to.equal(401);
      expect(reply.text).to.equal('{"message":"Unauthorized"}');
    }
  });

  it('missing scope → 403 {"message":"Forbidden"}; with the scope → 200', async () => {
    const denied = await call(
      `${base}/orders`,
      auth(await issuers.trusted.accessToken(['openid'])),
    );
    expect(denied.status).to.equal(403);
    expect(denied.text).to.equal('{"message":"Forbidden"}');
    const allowed = await call(
      `${base}/orders`,
      auth(await issuers.trusted.accessToken(['orders/read'])),
    );
    expect(allowed.status).to.equal(200);
    expect(allowed.json).to.deep.equal([{ id: 1 }]);
  });

  it('unknown route → 404 {"message":"Not Found"}', async () => {
    const reply = await call(`${base}/nope`, auth(await issuers.trusted.idToken()));
    expect(reply.status).to.equal(404);
    expect(reply.text).to.equal('{"message":"Not Found"}');
  });
});
