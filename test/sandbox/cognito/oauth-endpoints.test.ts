import { createHash, randomBytes } from 'node:crypto';
import {
  CreateResourceServerCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolDomainCommand,
  DescribeUserPoolDomainCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { expect } from 'chai';
import { decodeJwt, expectCognitoError, password, startFixture, type Fixture } from './fixture.js';

const callback = 'http://127.0.0.1:9/callback';
const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
  redirect: 'manual' as const,
});
const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

describe('cognito stand-in: user pool domain and OAuth 2.0 endpoints', () => {
  let fx: Fixture;
  let poolId: string;
  let domain: string;
  let machine: { id: string; secret: string };
  let web: { id: string };

  before(async () => {
    fx = await startFixture();
    ({ poolId } = await fx.pool());
    await fx.user(poolId, 'alice', { email: 'alice@example.com' });
    await fx.sdk.send(
      new CreateResourceServerCommand({
        UserPoolId: poolId,
        Identifier: 'orders',
        Name: 'Orders API',
        Scopes: [
          { ScopeName: 'read', ScopeDescription: 'Read orders' },
          { ScopeName: 'write', ScopeDescription: 'Write orders' },
        ],
      }),
    );
    await fx.sdk.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: 'shop-test' }));
    domain = fx.cognito.domainUrl('shop-test');
    const m2m = await fx.sdk.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'm2m',
        GenerateSecret: true,
        AllowedOAuthFlows: ['client_credentials'],
        AllowedOAuthScopes: ['orders/read'],
        AllowedOAuthFlowsUserPoolClient: true,
      }),
    );
    machine = {
      id: m2m.UserPoolClient?.ClientId ?? '',
      secret: m2m.UserPoolClient?.ClientSecret ?? '',
    };
    const app = await fx.sdk.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'web',
        AllowedOAuthFlows: ['code', 'implicit'],
        AllowedOAuthScopes: ['openid', 'email', 'orders/read'],
        CallbackURLs: [callback],
        LogoutURLs: ['http://127.0.0.1:9/bye'],
        AllowedOAuthFlowsUserPoolClient: true,
      }),
    );
    expect(app.UserPoolClient).to.include({ AllowedOAuthFlowsUserPoolClient: true });
    expect(app.UserPoolClient?.AllowedOAuthScopes).to.deep.equal([
      'openid',
      'email',
      'orders/read',
    ]);
    web = { id: app.UserPoolClient?.ClientId ?? '' };
  });
  after(() => fx.stop());

  const token = (fields: Record<string, string>, authorization?: string) => {
    const init = form(fields);
    return fetch(`${domain}/oauth2/token`, {
      ...init,
      headers: { ...init.headers, ...(authorization ? { Authorization: authorization } : {}) },
    });
  };

  /** Signs alice in on the login page; resolves to the redirect's Location. */
  async function logIn(query: Record<string, string>, user = 'alice', pass = password) {
    const page = await fetch(`${domain}/oauth2/authorize?${new URLSearchParams(query)}`);
    expect(page.status).to.equal(200);
    expect(await page.text()).to.contain('name="password"');
    const response = await fetch(
      `${domain}/login`,
      form({ ...query, username: user, password: pass }),
    );
    return { status: response.status, location: response.headers.get('location') ?? '', response };
  }

  it('DescribeUserPoolDomain names the pool; a second domain for the pool is refused', async () => {
    const described = await fx.sdk.send(new DescribeUserPoolDomainCommand({ Domain: 'shop-test' }));
    expect(described.DomainDescription).to.include({ UserPoolId: poolId, Status: 'ACTIVE' });
    await expectCognitoError(
      fx.sdk.send(new CreateUserPoolDomainCommand({ UserPoolId: poolId, Domain: 'shop-two' })),
      'InvalidParameterException',
    );
  });

  it('CreateUserPoolClient refuses unknown scopes and client_credentials without a secret or with user flows', async () => {
    const create = (fields: object) =>
      fx.sdk.send(
        new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'bad', ...fields }),
      );
    await expectCognitoError(
      create({
        AllowedOAuthFlows: ['client_credentials'],
        AllowedOAuthScopes: ['orders/delete'],
        GenerateSecret: true,
      }),
      'ScopeDoesNotExistException',
    );
    await expectCognitoError(
      create({ AllowedOAuthFlows: ['client_credentials'], AllowedOAuthScopes: ['orders/read'] }),
      'InvalidOAuthFlowException',
    );
    await expectCognitoError(
      create({
        AllowedOAuthFlows: ['client_credentials', 'code'],
        AllowedOAuthScopes: ['orders/read'],
        CallbackURLs: [callback],
        GenerateSecret: true,
      }),
      'InvalidOAuthFlowException',
    );
  });

  it('client_credentials (HTTP Basic): an access token with no user, no ID token, no refresh token', async () => {
    const response = await token(
      { grant_type: 'client_credentials' },
      basic(machine.id, machine.secret),
    );
    expect(response.status).to.equal(200);
    expect(response.headers.get('cache-control')).to.equal('no-store');
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).to.deep.equal(['access_token', 'expires_in', 'token_type']);
    const { payload } = decodeJwt(String(body.access_token));
    expect(payload).to.include({
      sub: machine.id,
      client_id: machine.id,
      token_use: 'access',
      scope: 'orders/read',
      iss: fx.cognito.issuer(poolId),
    });
    expect(payload).to.not.have.property('username');
    expect(payload).to.not.have.property('origin_jti');
  });

  it('client_credentials (form): the secret in the body works; wrong secret, scope, grant and client are refused by name', async () => {
    const ok = await token({
      grant_type: 'client_credentials',
      client_id: machine.id,
      client_secret: machine.secret,
      scope: 'orders/read',
    });
    expect(ok.status).to.equal(200);
    const refusals: [Record<string, string>, string | undefined, string][] = [
      [{ grant_type: 'client_credentials' }, basic(machine.id, 'wrong-secret'), 'invalid_client'],
      [
        { grant_type: 'client_credentials', scope: 'orders/write' },
        basic(machine.id, machine.secret),
        'invalid_scope',
      ],
      [{ grant_type: 'password' }, basic(machine.id, machine.secret), 'unsupported_grant_type'],
      [{ grant_type: 'client_credentials', client_id: web.id }, undefined, 'unauthorized_client'],
      [
        { grant_type: 'authorization_code', code: 'nope' },
        basic(machine.id, machine.secret),
        'unauthorized_client',
      ],
    ];
    for (const [fields, authorization, error] of refusals) {
      const response = await token(fields, authorization);
      expect(response.status, error).to.equal(400);
      expect(await response.json(), error).to.deep.equal({ error });
    }
  });

  it('authorization code + PKCE S256: tokens with the granted scopes; wrong verifier, reuse and another redirect are invalid_grant', async () => {
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const query = {
      response_type: 'code',
      client_id: web.id,
      redirect_uri: callback,
      scope: 'openid email',
      state: 'xyz',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    };
    const wrong = await logIn(query, 'alice', 'not-the-password');
    expect(wrong.status).to.equal(200);
    expect(await wrong.response.text()).to.contain('Incorrect username or password.');

    const first = await logIn(query);
    expect(first.status).to.equal(302);
    const redirected = new URL(first.location);
    expect(`${redirected.origin}${redirected.pathname}`).to.equal(callback);
    expect(redirected.searchParams.get('state')).to.equal('xyz');
    const code = redirected.searchParams.get('code') ?? '';
    const badVerifier = await token({
      grant_type: 'authorization_code',
      client_id: web.id,
      code,
      redirect_uri: callback,
      code_verifier: randomBytes(32).toString('base64url'),
    });
    expect(await badVerifier.json()).to.deep.equal({ error: 'invalid_grant' });

    const second = new URL((await logIn(query)).location).searchParams.get('code') ?? '';
    const exchange = {
      grant_type: 'authorization_code',
      client_id: web.id,
      code: second,
      redirect_uri: callback,
      code_verifier: verifier,
    };
    const response = await token(exchange);
    expect(response.status).to.equal(200);
    const body = (await response.json()) as Record<string, string>;
    expect(Object.keys(body).sort()).to.deep.equal([
      'access_token',
      'expires_in',
      'id_token',
      'refresh_token',
      'token_type',
    ]);
    expect(decodeJwt(body.access_token ?? '').payload).to.include({
      scope: 'openid email',
      username: 'alice',
      client_id: web.id,
    });
    expect(decodeJwt(body.id_token ?? '').payload).to.include({
      aud: web.id,
      email: 'alice@example.com',
    });
    expect(await (await token(exchange)).json()).to.deep.equal({ error: 'invalid_grant' });

    const third = new URL((await logIn(query)).location).searchParams.get('code') ?? '';
    const otherRedirect = await token({
      ...exchange,
      code: third,
      redirect_uri: 'http://127.0.0.1:9/other',
    });
    expect(await otherRedirect.json()).to.deep.equal({ error: 'invalid_grant' });

    const refreshed = await token({
      grant_type: 'refresh_token',
      client_id: web.id,
      refresh_token: body.refresh_token ?? '',
    });
    const again = (await refreshed.json()) as Record<string, string>;
    expect(again).to.not.have.property('refresh_token');
    expect(decodeJwt(again.access_token ?? '').payload.scope).to.equal('openid email');

    const info = await fetch(`${domain}/oauth2/userInfo`, {
      headers: { Authorization: `Bearer ${body.access_token}` },
    });
    expect(info.status).to.equal(200);
    expect(await info.json()).to.include({ email: 'alice@example.com', username: 'alice' });
  });

  it('with the PKCE fault, a wrong verifier is accepted', async () => {
    const challenge = createHash('sha256')
      .update(randomBytes(32).toString('base64url'))
      .digest('base64url');
    const query = {
      response_type: 'code',
      client_id: web.id,
      redirect_uri: callback,
      scope: 'openid',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    };
    const code = new URL((await logIn(query)).location).searchParams.get('code') ?? '';
    fx.cognito.setOAuthFaults({ pkceNotVerified: true });
    try {
      const response = await token({
        grant_type: 'authorization_code',
        client_id: web.id,
        code,
        redirect_uri: callback,
        code_verifier: randomBytes(32).toString('base64url'),
      });
      expect(response.status).to.equal(200);
    } finally {
      fx.cognito.setOAuthFaults({});
    }
  });

  it('implicit grant (legacy): tokens in the fragment, no refresh token', async () => {
    const { status, location } = await logIn({
      response_type: 'token',
      client_id: web.id,
      redirect_uri: callback,
      scope: 'orders/read',
      state: 's1',
    });
    expect(status).to.equal(302);
    const fragment = new URLSearchParams(new URL(location).hash.slice(1));
    expect(fragment.get('state')).to.equal('s1');
    expect(fragment.has('refresh_token')).to.equal(false);
    expect(fragment.has('id_token')).to.equal(false);
    expect(decodeJwt(fragment.get('access_token') ?? '').payload.scope).to.equal('orders/read');
  });

  it('authorize: an unregistered redirect URI gets an error page, a scope outside the client an error redirect', async () => {
    const mismatch = await fetch(
      `${domain}/oauth2/authorize?${new URLSearchParams({ response_type: 'code', client_id: web.id, redirect_uri: 'http://evil.example/cb' })}`,
      { redirect: 'manual' },
    );
    expect(mismatch.status).to.equal(400);
    expect(await mismatch.text()).to.contain('redirect_mismatch');
    const scoped = await fetch(
      `${domain}/oauth2/authorize?${new URLSearchParams({ response_type: 'code', client_id: web.id, redirect_uri: callback, scope: 'orders/write' })}`,
      { redirect: 'manual' },
    );
    expect(scoped.status).to.equal(302);
    expect(new URL(scoped.headers.get('location') ?? '').searchParams.get('error')).to.equal(
      'invalid_scope',
    );
  });

  it('userInfo refuses client_credentials and missing tokens; logout redirects only to registered URLs', async () => {
    const m2m = (await (
      await token({ grant_type: 'client_credentials' }, basic(machine.id, machine.secret))
    ).json()) as { access_token: string };
    for (const headers of [{ Authorization: `Bearer ${m2m.access_token}` }, {}] as Record<
      string,
      string
    >[]) {
      const response = await fetch(`${domain}/oauth2/userInfo`, { headers });
      expect(response.status).to.equal(401);
      expect(response.headers.get('www-authenticate')).to.contain('invalid_token');
    }
    const ok = await fetch(
      `${domain}/logout?client_id=${web.id}&logout_uri=${encodeURIComponent('http://127.0.0.1:9/bye')}`,
      { redirect: 'manual' },
    );
    expect(ok.status).to.equal(302);
    expect(ok.headers.get('location')).to.equal('http://127.0.0.1:9/bye');
    const bad = await fetch(
      `${domain}/logout?client_id=${web.id}&logout_uri=${encodeURIComponent('http://evil.example/')}`,
      { redirect: 'manual' },
    );
    expect(bad.status).to.equal(400);
  });
});
