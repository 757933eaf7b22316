import {
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  RevokeTokenCommand,
  type AuthenticationResultType,
} from '@aws-sdk/client-cognito-identity-provider';
import { JwtRsaVerifier } from 'aws-jwt-verify';
import type { JwksCache } from 'aws-jwt-verify/jwk';
import { expect } from 'chai';
import { decodeJwt, expectCognitoError, password, startFixture, type Fixture } from './fixture.js';

describe('cognito stand-in: tokens, JWKS, revocation, test tokens', () => {
  let fx: Fixture;
  let poolId: string;
  let clientId: string;
  let other: { poolId: string; clientId: string };

  const signIn = async (username: string, client = clientId): Promise<AuthenticationResultType> => {
    const result = await fx.sdk.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: client,
        AuthParameters: { USERNAME: username, PASSWORD: password },
      }),
    );
    return result.AuthenticationResult ?? {};
  };

  const testToken = async (body: Record<string, unknown>) => {
    const response = await fetch(`${fx.cognito.url}/__sandbox/tokens`, {
      method: 'POST',
      headers: { 'x-gatecheck-sandbox-secret': fx.cognito.testSecret },
      body: JSON.stringify(body),
    });
    expect(response.status).to.equal(200);
    return ((await response.json()) as { token: string }).token;
  };

  /**
   * aws-jwt-verify fetches JWKS over HTTPS only; the stand-in is plain HTTP on 127.0.0.1, so the
   * JWKS is read from its endpoint here and handed to the verifier. `JwtRsaVerifier`'s `audience`
   * checks `aud`, which only ID tokens have; access tokens are matched on `client_id`, as the HTTP
   * API JWT authorizer and CognitoJwtVerifier do.
   */
  async function verifierFor(pool: string, client: string, tokenUse: 'id' | 'access') {
    const verifier = JwtRsaVerifier.create({
      issuer: fx.cognito.issuer(pool),
      jwksUri: fx.cognito.jwksUri(pool),
      audience: tokenUse === 'id' ? client : null,
      customJwtCheck: ({ payload }) => {
        if (payload.token_use !== tokenUse) throw new Error(`token_use is not ${tokenUse}`);
        if (tokenUse === 'access' && payload.client_id !== client)
          throw new Error('client_id mismatch');
      },
    });
    const jwks = (await (await fetch(fx.cognito.jwksUri(pool))).json()) as Parameters<
      JwksCache['addJwks']
    >[1];
    verifier.cacheJwks(jwks);
    return verifier;
  }

  before(async () => {
    fx = await startFixture({ preTokenGenerationScopes: ['users/read'] });
    ({ poolId, clientId } = await fx.pool());
    other = await fx.pool();
    fx.cognito.aliasPool('main', poolId);
    fx.cognito.aliasPool('other', other.poolId);
    await fx.user(poolId, 'alice', {
      email: 'alice@example.com',
      phone: '+15555550123',
      groups: ['admin', 'staff'],
    });
    await fx.user(poolId, 'bob', { email: 'bob@example.com' });
    await fx.user(other.poolId, 'olivia', { email: 'olivia@example.com' });
  });
  after(() => fx.stop());

  it('ID tokens carry the documented claims (aud = client id, token_use id, groups, attributes)', async () => {
    const { IdToken } = await signIn('alice');
    const { header, payload } = decodeJwt(IdToken ?? '');
    expect(Object.keys(header).sort()).to.deep.equal(['alg', 'kid']);
    expect(header.alg).to.equal('RS256');
    expect(payload).to.include({
      aud: clientId,
      token_use: 'id',
      iss: `${fx.cognito.url}/${poolId}`,
      'cognito:username': 'alice',
      email: 'alice@example.com',
      email_verified: true,
      phone_number: '+15555550123',
    });
    expect(payload['cognito:groups']).to.deep.equal(['admin', 'staff']);
    for (const claim of ['sub', 'auth_time', 'exp', 'iat', 'jti', 'origin_jti', 'event_id']) {
      expect(payload, claim).to.have.property(claim);
    }
    expect(payload).to.not.have.property('client_id');
    expect(payload).to.not.have.property('scope');
    expect((payload.exp as number) - (payload.iat as number)).to.equal(3600);
  });

  it('access tokens: client_id, scope incl. the simulated pre-token-generation scopes, no aud', async () => {
    const { AccessToken, IdToken } = await signIn('alice');
    const { header, payload } = decodeJwt(AccessToken ?? '');
    expect(header.kid).to.not.equal(decodeJwt(IdToken ?? '').header.kid);
    expect(payload).to.include({
      client_id: clientId,
      token_use: 'access',
      username: 'alice',
      scope: 'aws.cognito.signin.user.admin users/read',
      iss: `${fx.cognito.url}/${poolId}`,
    });
    expect(payload['cognito:groups']).to.deep.equal(['admin', 'staff']);
    expect(payload).to.not.have.property('aud');
    expect(payload).to.not.have.property('email');
    expect(payload.sub).to.equal(decodeJwt(IdToken ?? '').payload.sub);
  });

  it('users outside groups have no cognito:groups claim', async () => {
    const { IdToken } = await signIn('bob');
    expect(decodeJwt(IdToken ?? '').payload).to.not.have.property('cognito:groups');
  });

  it('aws-jwt-verify accepts ID tokens (audience = client id) and access tokens (client_id)', async () => {
    const { IdToken, AccessToken } = await signIn('alice');
    const idClaims = await (await verifierFor(poolId, clientId, 'id')).verify(IdToken ?? '');
    expect(idClaims['cognito:username']).to.equal('alice');
    const accessClaims = await (
      await verifierFor(poolId, clientId, 'access')
    ).verify(AccessToken ?? '');
    expect(accessClaims.username).to.equal('alice');
  });

  it("aws-jwt-verify rejects another pool's tokens, foreign-signed and expired test tokens", async () => {
    const verifier = await verifierFor(poolId, clientId, 'id');
    const otherToken = (await signIn('olivia', other.clientId)).IdToken ?? '';
    let failures = 0;
    for (const token of [
      otherToken,
      await testToken({ username: 'alice', tokenUse: 'id', signer: 'foreign' }),
      await testToken({ username: 'alice', tokenUse: 'id', expired: true }),
    ]) {
      await verifier.verify(token).catch(() => (failures += 1));
    }
    expect(failures).to.equal(3);
  });

  it('test tokens: real claims, correctly signed unless foreign; expired ones lie in the past', async () => {
    const verifier = await verifierFor(poolId, clientId, 'access');
    const access = await testToken({ username: 'alice', tokenUse: 'access' });
    expect((await verifier.verify(access)).scope).to.equal(
      'aws.cognito.signin.user.admin users/read',
    );

    const expired = decodeJwt(
      await testToken({ username: 'alice', tokenUse: 'id', expired: true }),
    ).payload;
    const now = Date.now() / 1000;
    expect(expired.exp as number).to.be.lessThan(now);
    expect(expired.iat as number).to.be.lessThan(expired.exp as number);
    expect(expired['cognito:username']).to.equal('alice');

    const foreign = decodeJwt(
      await testToken({ username: 'alice', tokenUse: 'access', signer: 'foreign' }),
    );
    const jwks = (await (await fetch(fx.cognito.jwksUri(poolId))).json()) as {
      keys: { kid: string }[];
    };
    expect(jwks.keys.map((key) => key.kid)).to.not.include(foreign.header.kid);
    expect(foreign.payload.iss).to.equal(fx.cognito.issuer(poolId));

    const scoped = decodeJwt(
      await testToken({ username: 'alice', tokenUse: 'access', scopes: ['orders/write'] }),
    );
    expect(scoped.payload.scope).to.equal('orders/write');
    const unscoped = decodeJwt(
      await testToken({ username: 'alice', tokenUse: 'access', scopes: [] }),
    );
    expect(unscoped.payload).to.not.have.property('scope');
  });

  it('test tokens: pools by alias or id; 404 for unknown users, 400 for bad requests', async () => {
    const viaAlias = decodeJwt(
      await testToken({ username: 'olivia', tokenUse: 'id', pool: 'other' }),
    ).payload;
    expect(viaAlias.iss).to.equal(fx.cognito.issuer(other.poolId));
    expect(viaAlias.aud).to.equal(other.clientId);
    const viaId = decodeJwt(
      await testToken({ username: 'olivia', tokenUse: 'id', userPoolId: other.poolId }),
    ).payload;
    expect(viaId.iss).to.equal(fx.cognito.issuer(other.poolId));
    const post = (body: unknown) =>
      fetch(`${fx.cognito.url}/__sandbox/tokens`, {
        method: 'POST',
        headers: { 'x-gatecheck-sandbox-secret': fx.cognito.testSecret },
        body: JSON.stringify(body),
      });
    expect((await post({ username: 'nobody', tokenUse: 'id' })).status).to.equal(404);
    expect((await post({ username: 'alice', tokenUse: 'refresh' })).status).to.equal(400);
  });

  it('GetUser returns the user for a valid access token, and refuses ID tokens and foreign keys', async () => {
    const { AccessToken, IdToken } = await signIn('alice');
    const user = await fx.sdk.send(new GetUserCommand({ AccessToken }));
    expect(user.Username).to.equal('alice');
    expect(user.UserAttributes?.[0]?.Name).to.equal('sub');
    expect(user.UserAttributes?.find((a) => a.Name === 'email')?.Value).to.equal(
      'alice@example.com',
    );
    await expectCognitoError(
      fx.sdk.send(new GetUserCommand({ AccessToken: IdToken })),
      'NotAuthorizedException',
      'Invalid Access Token',
    );
    const foreign = await testToken({ username: 'alice', tokenUse: 'access', signer: 'foreign' });
    await expectCognitoError(
      fx.sdk.send(new GetUserCommand({ AccessToken: foreign })),
      'NotAuthorizedException',
      'Invalid Access Token',
    );
    const expired = await testToken({ username: 'alice', tokenUse: 'access', expired: true });
    await expectCognitoError(
      fx.sdk.send(new GetUserCommand({ AccessToken: expired })),
      'NotAuthorizedException',
      'Access Token has expired',
    );
  });

  it('GlobalSignOut revokes access tokens (GetUser) and refresh tokens; new sign-ins work', async () => {
    const first = await signIn('bob');
    const second = await signIn('bob');
    await fx.sdk.send(new GlobalSignOutCommand({ AccessToken: first.AccessToken }));
    for (const token of [first.AccessToken, second.AccessToken]) {
      await expectCognitoError(
        fx.sdk.send(new GetUserCommand({ AccessToken: token })),
        'NotAuthorizedException',
        'Access Token has been revoked',
      );
    }
    await expectCognitoError(
      fx.sdk.send(
        new InitiateAuthCommand({
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          ClientId: clientId,
          AuthParameters: { REFRESH_TOKEN: second.RefreshToken ?? '' },
        }),
      ),
      'NotAuthorizedException',
      'Refresh Token has been revoked',
    );
    const fresh = await signIn('bob');
    expect(
      (await fx.sdk.send(new GetUserCommand({ AccessToken: fresh.AccessToken }))).Username,
    ).to.equal('bob');
  });

  it('RevokeToken revokes one refresh token and the access tokens issued from it, not the others', async () => {
    const revoked = await signIn('alice');
    const kept = await signIn('alice');
    await fx.sdk.send(new RevokeTokenCommand({ ClientId: clientId, Token: revoked.RefreshToken }));
    await expectCognitoError(
      fx.sdk.send(new GetUserCommand({ AccessToken: revoked.AccessToken })),
      'NotAuthorizedException',
      'Access Token has been revoked',
    );
    await expectCognitoError(
      fx.sdk.send(
        new InitiateAuthCommand({
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          ClientId: clientId,
          AuthParameters: { REFRESH_TOKEN: revoked.RefreshToken ?? '' },
        }),
      ),
      'NotAuthorizedException',
      'Refresh Token has been revoked',
    );
    expect(
      (await fx.sdk.send(new GetUserCommand({ AccessToken: kept.AccessToken }))).Username,
    ).to.equal('alice');
    await expectCognitoError(
      fx.sdk.send(new RevokeTokenCommand({ ClientId: clientId, Token: kept.AccessToken })),
      'UnsupportedTokenTypeException',
    );
  });

  it('configurable lifetimes give tokens that expire within seconds', async () => {
    const short = await startFixture({ tokenLifetimes: { id: 2, access: 3 } });
    try {
      const { poolId: shortPool, clientId: shortClient } = await short.pool();
      await short.user(shortPool, 'tim');
      const result = await short.sdk.send(
        new InitiateAuthCommand({
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: shortClient,
          AuthParameters: { USERNAME: 'tim', PASSWORD: password },
        }),
      );
      expect(result.AuthenticationResult?.ExpiresIn).to.equal(3);
      const id = decodeJwt(result.AuthenticationResult?.IdToken ?? '').payload;
      expect((id.exp as number) - (id.iat as number)).to.equal(2);
    } finally {
      await short.stop();
    }
  });

  it('without a pre token generation trigger, API sign-ins carry only aws.cognito.signin.user.admin', async () => {
    const plain = await startFixture();
    try {
      const pool = await plain.pool();
      await plain.user(pool.poolId, 'carol', { email: 'carol@example.com' });
      const result = await plain.sdk.send(
        new InitiateAuthCommand({
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: pool.clientId,
          AuthParameters: { USERNAME: 'carol', PASSWORD: password },
        }),
      );
      const { AccessToken, RefreshToken } = result.AuthenticationResult ?? {};
      expect(decodeJwt(AccessToken ?? '').payload.scope).to.equal('aws.cognito.signin.user.admin');
      const refreshed = await plain.sdk.send(
        new InitiateAuthCommand({
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          ClientId: pool.clientId,
          AuthParameters: { REFRESH_TOKEN: RefreshToken ?? '' },
        }),
      );
      expect(decodeJwt(refreshed.AuthenticationResult?.AccessToken ?? '').payload.scope).to.equal(
        'aws.cognito.signin.user.admin',
      );
    } finally {
      await plain.stop();
    }
  });

  it('a Lite pool cannot run a V2 pre token generation trigger: its tokens gain no scopes', async () => {
    const lite = await fx.pool({ tier: 'LITE' });
    fx.cognito.setPreTokenGenerationScopes(lite.poolId, ['users/read']);
    await fx.user(lite.poolId, 'lena', { email: 'lena@example.com' });
    const { AccessToken } = await signIn('lena', lite.clientId);
    expect(decodeJwt(AccessToken ?? '').payload.scope).to.equal('aws.cognito.signin.user.admin');
  });

  it('setPreTokenGenerationScopes changes one pool’s scopes', async () => {
    fx.cognito.setPreTokenGenerationScopes(other.poolId, ['admin/write', 'admin/read']);
    const { AccessToken } = await signIn('olivia', other.clientId);
    expect(decodeJwt(AccessToken ?? '').payload.scope).to.equal(
      'aws.cognito.signin.user.admin admin/write admin/read',
    );
  });
});
