import { expect } from 'chai';
import type { Gateway } from '../../../sandbox/gateway/start-gateway.js';
import { apiKey, call, gatewayFor, restSpec } from './gateway-harness.js';
import { startLocalIssuers, unsignedToken, type LocalIssuers } from './local-issuer.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('gateway stand-in: REST Cognito authorizer (docs/reference/aws-wire-behaviour.md §2.2)', () => {
  let issuers: LocalIssuers;
  let gateway: Gateway;
  let base: string;

  before(async () => {
    issuers = await startLocalIssuers();
    gateway = await gatewayFor(restSpec, issuers);
    base = gateway.apiBaseUrl;
  });
  after(async () => {
    await gateway.stop();
    await issuers.close();
  });

  const auth = (value: string) => ({ headers: { Authorization: value } });

  it('serves under the stage from servers[0].variables.basePath', () => {
    expect(gateway.stage).to.equal('prod');
    expect(base).to.equal(`${gateway.url}/prod`);
  });

  it('token header missing → 401 {"message":"Unauthorized"} (26 bytes), UnauthorizedException, request ids', async () => {
    const reply = await call(`${base}/demo`);
    expect(reply.status).to.equal(401);
    expect(reply.text).to.equal('{"message":"Unauthorized"}');
    expect(Buffer.byteLength(reply.text)).to.equal(26);
    expect(reply.headers.get('content-type')).to.equal('application/json');
    expect(reply.headers.get('x-amzn-errortype')).to.equal('UnauthorizedException');
    expect(reply.headers.get('x-amzn-requestid')).to.match(uuid);
    expect(reply.headers.get('x-amz-apigw-id')).to.be.a('string').and.not.equal('');
  });

  it('valid ID token, raw or `Bearer `-prefixed → 200 with the documented body and request ids', async () => {
    const token = await issuers.trusted.idToken();
    for (const value of [token, `Bearer ${token}`]) {
      const reply = await call(`${base}/demo`, auth(value));
      expect(reply.status).to.equal(200);
      expect(reply.json).to.deep.equal({ message: 'Hello from Lambda!' });
      expect(reply.headers.get('x-amzn-requestid')).to.match(uuid);
      expect(reply.headers.get('x-amzn-errortype')).to.equal(null);
    }
  });

  it('malformed token / not a JWT → 401 Unauthorized', async () => {
    for (const value of ['not-a-jwt', 'a.b.c', 'Bearer ']) {
      const reply = await call(`${base}/demo`, auth(value));
      expect(reply.status, value).to.equal(401);
      expect(reply.text).to.equal('{"message":"Unauthorized"}');
    }
  });

  it('bad signature (key not in the JWKS) → 401 Unauthorized', async () => {
    const reply = await call(`${base}/demo`, auth(await issuers.trusted.forgedToken()));
    expect(reply.status).to.equal(401);
    expect(reply.text).to.equal('{"message":"Unauthorized"}');
  });

  it('claims edited after signing → 401 Unauthorized', async () => {
    const [header, , signature] = (await issuers.trusted.idToken()).split('.');
    const payload = Buffer.from(
      JSON.stringify({
        iss: issuers.trusted.issuer,
        token_use: 'id',
        'cognito:username': 'mallory',
        exp: 4102444800,
      }),
    ).toString('base64url');
    const reply = await call(`${base}/demo`, auth(`${header}.${payload}.${signature}`));
    expect(reply.status).to.equal(401);
  });

  it('alg none (any case) → 401 Unauthorized', async () => {
    const claims = {
      iss: issuers.trusted.issuer,
      token_use: 'id',
      exp: Math.floor(Date.now() / 1000) + 600,
      'cognito:username': 'alice',
    };
    for (const alg of ['none', 'None', 'NONE', 'nOnE']) {
      const reply = await call(`${base}/demo`, auth(unsignedToken(claims, alg)));
      expect(reply.status, alg).to.equal(401);
    }
  });

  it('expired token → 401 {"message":"The incoming token has expired"}', async () => {
    const past = Math.floor(Date.now() / 1000) - 7200;
    const reply = await call(
      `${base}/demo`,
      auth(await issuers.trusted.idToken({ iat: past, exp: past + 3600 })),
    );
    expect(reply.status).to.equal(401);
    expect(reply.text).to.equal('{"message":"The incoming token has expired"}');
    expect(reply.headers.get('x-amzn-errortype')).to.equal('UnauthorizedException');
  });

  it('token of another user pool → 401 Unauthorized', async () => {
    const reply = await call(`${base}/demo`, auth(await issuers.other.idToken()));
    expect(reply.status).to.equal(401);
    expect(reply.text).to.equal('{"message":"Unauthorized"}');
  });

  it('method without scopes + access token → 401 (it wants the ID token)', async () => {
    const reply = await call(
      `${base}/demo`,
      auth(await issuers.trusted.accessToken(['aws.cognito.signin.user.admin'])),
    );
    expect(reply.status).to.equal(401);
  });

  it('method with scopes: access token with any listed scope → 200', async () => {
    const reply = await call(
      `${base}/reports`,
      auth(await issuers.trusted.accessToken(['openid', 'reports/admin'])),
    );
    expect(reply.status).to.equal(200);
    expect(reply.json).to.deep.equal({ reports: [] });
  });

  it('method with scopes: ID token, or access token lacking every scope → 401 Unauthorized', async () => {
    for (const token of [
      await issuers.trusted.idToken(),
      await issuers.trusted.accessToken(['openid']),
    ]) {
      const reply = await call(`${base}/reports`, auth(token));
      expect(reply.status).to.equal(401);
      expect(reply.text).to.equal('{"message":"Unauthorized"}');
      expect(reply.headers.get('x-amzn-errortype')).to.equal('UnauthorizedException');
    }
  });

  it('API key missing or wrong → 403 {"message":"Forbidden"} ForbiddenException; right key → documented 204', async () => {
    const token = await issuers.trusted.idToken();
    for (const key of [undefined, 'wrong-key']) {
      const headers: Record<string, string> = {
        Authorization: token,
        ...(key ? { 'x-api-key': key } : {}),
      };
      const reply = await call(`${base}/keyed`, { headers });
      expect(reply.status).to.equal(403);
      expect(reply.text).to.equal('{"message":"Forbidden"}');
      expect(reply.headers.get('x-amzn-errortype')).to.equal('ForbiddenException');
    }
    const ok = await call(`${base}/keyed`, {
      headers: { Authorization: token, 'X-API-Key': apiKey },
    });
    expect(ok.status).to.equal(204);
  });

  it('two-entry security [{cognito}, {api_key}]: every entry applies, a valid token without the key → 403 Forbidden', async () => {
    const token = await issuers.trusted.idToken();
    const missing = await call(`${base}/keyed-two-entries`, auth(token));
    expect(missing.status).to.equal(403);
    expect(missing.text).to.equal('{"message":"Forbidden"}');
    expect(missing.headers.get('x-amzn-errortype')).to.equal('ForbiddenException');
    const keyOnly = await call(`${base}/keyed-two-entries`, { headers: { 'x-api-key': apiKey } });
    expect(keyOnly.status).to.equal(401);
    const both = await call(`${base}/keyed-two-entries`, {
      headers: { Authorization: token, 'x-api-key': apiKey },
    });
    expect(both.status).to.equal(204);
  });

  it('authorizer and API key both failing → 401 (authorizer first)', async () => {
    const reply = await call(`${base}/keyed`);
    expect(reply.status).to.equal(401);
  });

  it('public method → 200 without a token, documented content type', async () => {
    const reply = await call(`${base}/health`);
    expect(reply.status).to.equal(200);
    expect(reply.text).to.equal('ok');
    expect(reply.headers.get('content-type')).to.equal('text/plain');
  });

  it('unknown route, no Authorization → 403 Missing Authentication Token (42 bytes)', async () => {
    for (const url of [`${base}/nope`, `${gateway.url}/wrongstage/demo`, `${gateway.url}/demo`]) {
      const reply = await call(url);
      expect(reply.status, url).to.equal(403);
      expect(reply.text).to.equal('{"message":"Missing Authentication Token"}');
      expect(Buffer.byteLength(reply.text)).to.equal(42);
      expect(reply.headers.get('x-amzn-errortype')).to.equal('MissingAuthenticationTokenException');
    }
    const wrongMethod = await call(`${base}/demo`, { method: 'DELETE' });
    expect(wrongMethod.status).to.equal(403);
    expect(wrongMethod.headers.get('x-amzn-errortype')).to.equal(
      'MissingAuthenticationTokenException',
    );
  });

  it('unknown route with `Authorization: <jwt>` → 403 IncompleteSignatureException (missing parameters text)', async () => {
    const token = await issuers.trusted.idToken();
    const reply = await call(`${base}/nope`, auth(token));
    expect(reply.status).to.equal(403);
    expect(reply.headers.get('x-amzn-errortype')).to.equal('IncompleteSignatureException');
    expect(reply.json).to.deep.equal({
      message:
        "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. " +
        "Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either " +
        `a 'X-Amz-Date' or a 'Date' header. Authorization=${token}`,
    });
  });

  it('unknown route with `Authorization: Bearer <jwt>` → 403 IncompleteSignatureException (key=value text)', async () => {
    const token = await issuers.trusted.idToken();
    const reply = await call(`${base}/nope`, auth(`Bearer ${token}`));
    expect(reply.status).to.equal(403);
    expect(reply.headers.get('x-amzn-errortype')).to.equal('IncompleteSignatureException');
    expect(reply.json).to.deep.equal({
      message: `'${token}' not a valid key=value pair (missing equal-sign) in Authorization header: 'Bearer ${token}'.`,
    });
  });

  it('routes greedy {proxy+} paths; a declared method beats x-amazon-apigateway-any-method', async () => {
    const token = await issuers.trusted.idToken();
    const get = await call(`${base}/files/a/b/c.txt`);
    expect(get.json).to.deep.equal({ get: true });
    const post = await call(`${base}/files/a/b`, { method: 'POST', ...auth(token) });
    expect(post.status).to.equal(200);
    expect(post.json).to.deep.equal({ any: true });
    const unauthenticated = await call(`${base}/files/a/b`, { method: 'POST' });
    expect(unauthenticated.status).to.equal(401);
    const bare = await call(`${base}/files`, { method: 'POST' });
    expect(bare.status).to.equal(403);
  });
});
