import {
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  CreateUserPoolClientCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { expect } from 'chai';
import { secretHash } from '../../../sandbox/cognito/index.js';
import { decodeJwt, expectCognitoError, password, startFixture, type Fixture } from './fixture.js';

describe('cognito stand-in: password sign-in, refresh, SECRET_HASH', () => {
  let fx: Fixture;
  let poolId: string;
  let clientId: string;

  const userPasswordAuth = (username: string, pass: string, client = clientId) =>
    fx.sdk.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: client,
        AuthParameters: { USERNAME: username, PASSWORD: pass },
      }),
    );

  before(async () => {
    fx = await startFixture();
    ({ poolId, clientId } = await fx.pool());
    await fx.user(poolId, 'alice', { email: 'alice@example.com' });
  });
  after(() => fx.stop());

  it('USER_PASSWORD_AUTH returns ID, access and refresh tokens', async () => {
    const result = await userPasswordAuth('alice', password);
    expect(result.ChallengeName).to.equal(undefined);
    expect(result.AuthenticationResult?.TokenType).to.equal('Bearer');
    expect(
      decodeJwt(result.AuthenticationResult?.IdToken ?? '').payload['cognito:username'],
    ).to.equal('alice');
    expect(result.AuthenticationResult?.RefreshToken?.split('.')).to.have.length(5);
  });

  it('signs in case-insensitively but keeps the stored user name in tokens', async () => {
    const result = await userPasswordAuth('ALICE', password);
    expect(decodeJwt(result.AuthenticationResult?.AccessToken ?? '').payload.username).to.equal(
      'alice',
    );
  });

  it('wrong password → NotAuthorizedException Incorrect username or password.', async () => {
    await expectCognitoError(
      userPasswordAuth('alice', 'Wrong-Passw0rd!'),
      'NotAuthorizedException',
      'Incorrect username or password.',
    );
  });

  it('unknown user → UserNotFoundException (LEGACY) or a wrong-password answer (ENABLED)', async () => {
    await expectCognitoError(
      userPasswordAuth('nobody', password),
      'UserNotFoundException',
      'User does not exist.',
    );
    const { UserPoolClient } = await fx.sdk.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'hidden',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        PreventUserExistenceErrors: 'ENABLED',
      }),
    );
    await expectCognitoError(
      userPasswordAuth('nobody', password, UserPoolClient?.ClientId),
      'NotAuthorizedException',
      'Incorrect username or password.',
    );
  });

  it('missing PASSWORD → InvalidParameterException', async () => {
    await expectCognitoError(
      fx.sdk.send(
        new InitiateAuthCommand({
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: clientId,
          AuthParameters: { USERNAME: 'alice' },
        }),
      ),
      'InvalidParameterException',
      'Missing required parameter PASSWORD',
    );
  });

  it("enforces the client's ExplicitAuthFlows", async () => {
    const { UserPoolClient } = await fx.sdk.send(
      new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'srp-only' }),
    );
    const defaults = UserPoolClient?.ClientId ?? '';
    await expectCognitoError(
      userPasswordAuth('alice', password, defaults),
      'InvalidParameterException',
      'USER_PASSWORD_AUTH flow not enabled for this client',
    );
    await expectCognitoError(
      fx.sdk.send(
        new AdminInitiateAuthCommand({
          UserPoolId: poolId,
          ClientId: defaults,
          AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'alice', PASSWORD: password },
        }),
      ),
      'InvalidParameterException',
      'Auth flow not enabled for this client',
    );
    await expectCognitoError(
      fx.sdk.send(
        new InitiateAuthCommand({
          AuthFlow: 'USER_AUTH',
          ClientId: defaults,
          AuthParameters: { USERNAME: 'alice' },
        }),
      ),
      'InvalidParameterException',
      'Auth flow not enabled for this client',
    );
  });

  it('admin-only flows on InitiateAuth, and USER_PASSWORD_AUTH on AdminInitiateAuth → Initiate Auth method not supported.', async () => {
    for (const flow of ['ADMIN_USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH'] as const) {
      await expectCognitoError(
        fx.sdk.send(
          new InitiateAuthCommand({
            AuthFlow: flow,
            ClientId: clientId,
            AuthParameters: { USERNAME: 'alice', PASSWORD: password },
          }),
        ),
        'InvalidParameterException',
        'Initiate Auth method not supported.',
      );
    }
    await expectCognitoError(
      fx.sdk.send(
        new AdminInitiateAuthCommand({
          UserPoolId: poolId,
          ClientId: clientId,
          AuthFlow: 'USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: 'alice', PASSWORD: password },
        }),
      ),
      'InvalidParameterException',
      'Initiate Auth method not supported.',
    );
  });

  it('AdminInitiateAuth signs in with ADMIN_USER_PASSWORD_AUTH and ADMIN_NO_SRP_AUTH', async () => {
    for (const flow of ['ADMIN_USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH'] as const) {
      const result = await fx.sdk.send(
        new AdminInitiateAuthCommand({
          UserPoolId: poolId,
          ClientId: clientId,
          AuthFlow: flow,
          AuthParameters: { USERNAME: 'alice', PASSWORD: password },
        }),
      );
      expect(result.AuthenticationResult?.IdToken).to.be.a('string');
    }
  });

  it('disabled users → NotAuthorizedException User is disabled.', async () => {
    await fx.user(poolId, 'dora');
    await fx.sdk.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: 'dora' }));
    await expectCognitoError(
      userPasswordAuth('dora', password),
      'NotAuthorizedException',
      'User is disabled.',
    );
    await fx.sdk.send(new AdminEnableUserCommand({ UserPoolId: poolId, Username: 'dora' }));
    expect((await userPasswordAuth('dora', password)).AuthenticationResult).to.not.equal(undefined);
  });

  it('unconfirmed users → UserNotConfirmedException, even with a wrong password', async () => {
    await fx.sdk.send(
      new SignUpCommand({
        ClientId: clientId,
        Username: 'eve',
        Password: password,
        UserAttributes: [{ Name: 'email', Value: 'eve@example.com' }],
      }),
    );
    await expectCognitoError(
      userPasswordAuth('eve', 'Wrong-Passw0rd!'),
      'UserNotConfirmedException',
      'User is not confirmed.',
    );
  });

  it('temporary passwords → NEW_PASSWORD_REQUIRED, answered with NEW_PASSWORD → tokens and CONFIRMED', async () => {
    await fx.user(poolId, 'newbie', { email: 'newbie@example.com', permanent: false });
    const first = await userPasswordAuth('newbie', password);
    expect(first.ChallengeName).to.equal('NEW_PASSWORD_REQUIRED');
    expect(first.Session).to.be.a('string').with.length.greaterThan(20);
    expect(first.ChallengeParameters?.USER_ID_FOR_SRP).to.equal('newbie');
    expect(first.ChallengeParameters?.requiredAttributes).to.equal('[]');
    expect(JSON.parse(first.ChallengeParameters?.userAttributes ?? '')).to.deep.equal({
      email: 'newbie@example.com',
      email_verified: 'true',
    });
    await expectCognitoError(
      fx.sdk.send(
        new RespondToAuthChallengeCommand({
          ClientId: clientId,
          ChallengeName: 'NEW_PASSWORD_REQUIRED',
          Session: first.Session,
          ChallengeResponses: { USERNAME: 'newbie', NEW_PASSWORD: 'weak' },
        }),
      ),
      'InvalidPasswordException',
    );
    const again = await userPasswordAuth('newbie', password);
    const answered = await fx.sdk.send(
      new RespondToAuthChallengeCommand({
        ClientId: clientId,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: again.Session,
        ChallengeResponses: { USERNAME: 'newbie', NEW_PASSWORD: 'Another-Passw0rd!' },
      }),
    );
    expect(answered.AuthenticationResult?.AccessToken).to.be.a('string');
    expect(answered.ChallengeParameters).to.deep.equal({});
    const user = await fx.sdk.send(
      new AdminGetUserCommand({ UserPoolId: poolId, Username: 'newbie' }),
    );
    expect(user.UserStatus).to.equal('CONFIRMED');
    expect(
      (await userPasswordAuth('newbie', 'Another-Passw0rd!')).AuthenticationResult,
    ).to.not.equal(undefined);
  });

  it('AdminRespondToAuthChallenge answers NEW_PASSWORD_REQUIRED too', async () => {
    await fx.user(poolId, 'admin-newbie', { permanent: false });
    const first = await fx.sdk.send(
      new AdminInitiateAuthCommand({
        UserPoolId: poolId,
        ClientId: clientId,
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'admin-newbie', PASSWORD: password },
      }),
    );
    expect(first.ChallengeName).to.equal('NEW_PASSWORD_REQUIRED');
    const answered = await fx.sdk.send(
      new AdminRespondToAuthChallengeCommand({
        UserPoolId: poolId,
        ClientId: clientId,
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: first.Session,
        ChallengeResponses: { USERNAME: 'admin-newbie', NEW_PASSWORD: 'Another-Passw0rd!' },
      }),
    );
    expect(answered.AuthenticationResult?.IdToken).to.be.a('string');
  });

  it('REFRESH_TOKEN_AUTH and REFRESH_TOKEN give new ID/access tokens, the same auth_time and origin, no refresh token', async () => {
    const signIn = await userPasswordAuth('alice', password);
    const original = decodeJwt(signIn.AuthenticationResult?.AccessToken ?? '').payload;
    for (const flow of ['REFRESH_TOKEN_AUTH', 'REFRESH_TOKEN'] as const) {
      const refreshed = await fx.sdk.send(
        new InitiateAuthCommand({
          AuthFlow: flow,
          ClientId: clientId,
          AuthParameters: { REFRESH_TOKEN: signIn.AuthenticationResult?.RefreshToken ?? '' },
        }),
      );
      expect(refreshed.AuthenticationResult?.RefreshToken).to.equal(undefined);
      const claims = decodeJwt(refreshed.AuthenticationResult?.AccessToken ?? '').payload;
      expect(claims.auth_time).to.equal(original.auth_time);
      expect(claims.origin_jti).to.equal(original.origin_jti);
      expect(claims.jti).to.not.equal(original.jti);
    }
  });

  it('unknown refresh tokens → NotAuthorizedException Invalid Refresh Token.', async () => {
    await expectCognitoError(
      fx.sdk.send(
        new InitiateAuthCommand({
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          ClientId: clientId,
          AuthParameters: { REFRESH_TOKEN: 'made.up' },
        }),
      ),
      'NotAuthorizedException',
      'Invalid Refresh Token.',
    );
  });

  describe('with a client secret', () => {
    let secretClientId: string;
    let clientSecret: string;

    before(async () => {
      const { UserPoolClient } = await fx.sdk.send(
        new CreateUserPoolClientCommand({
          UserPoolId: poolId,
          ClientName: 'confidential',
          GenerateSecret: true,
          ExplicitAuthFlows: [
            'ALLOW_USER_PASSWORD_AUTH',
            'ALLOW_REFRESH_TOKEN_AUTH',
            'ALLOW_USER_AUTH',
          ],
        }),
      );
      secretClientId = UserPoolClient?.ClientId ?? '';
      clientSecret = UserPoolClient?.ClientSecret ?? '';
    });

    const signIn = (hash?: string) =>
      fx.sdk.send(
        new InitiateAuthCommand({
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: secretClientId,
          AuthParameters: {
            USERNAME: 'alice',
            PASSWORD: password,
            ...(hash ? { SECRET_HASH: hash } : {}),
          },
        }),
      );

    it('missing SECRET_HASH → Client <id> is configured with secret but SECRET_HASH was not received', async () => {
      await expectCognitoError(
        signIn(),
        'NotAuthorizedException',
        `Client ${secretClientId} is configured with secret but SECRET_HASH was not received`,
      );
    });

    it('wrong SECRET_HASH → Unable to verify secret hash for client <id>', async () => {
      await expectCognitoError(
        signIn(secretHash(clientSecret, 'bob', secretClientId)),
        'NotAuthorizedException',
        `Unable to verify secret hash for client ${secretClientId}`,
      );
    });

    it('Base64(HMAC-SHA256(secret, username + clientId)) signs in, and refreshes with the same hash', async () => {
      const hash = secretHash(clientSecret, 'alice', secretClientId);
      const result = await signIn(hash);
      expect(result.AuthenticationResult?.RefreshToken).to.be.a('string');
      await expectCognitoError(
        fx.sdk.send(
          new InitiateAuthCommand({
            AuthFlow: 'REFRESH_TOKEN_AUTH',
            ClientId: secretClientId,
            AuthParameters: { REFRESH_TOKEN: result.AuthenticationResult?.RefreshToken ?? '' },
          }),
        ),
        'NotAuthorizedException',
        `Client ${secretClientId} is configured with secret but SECRET_HASH was not received`,
      );
      const refreshed = await fx.sdk.send(
        new InitiateAuthCommand({
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          ClientId: secretClientId,
          AuthParameters: {
            REFRESH_TOKEN: result.AuthenticationResult?.RefreshToken ?? '',
            SECRET_HASH: hash,
          },
        }),
      );
      expect(refreshed.AuthenticationResult?.IdToken).to.be.a('string');
    });

    it('RespondToAuthChallenge wants SECRET_HASH in ChallengeResponses', async () => {
      const hash = secretHash(clientSecret, 'alice', secretClientId);
      const select = await fx.sdk.send(
        new InitiateAuthCommand({
          AuthFlow: 'USER_AUTH',
          ClientId: secretClientId,
          AuthParameters: { USERNAME: 'alice', SECRET_HASH: hash },
        }),
      );
      expect(select.ChallengeName).to.equal('SELECT_CHALLENGE');
      await expectCognitoError(
        fx.sdk.send(
          new RespondToAuthChallengeCommand({
            ClientId: secretClientId,
            ChallengeName: 'SELECT_CHALLENGE',
            Session: select.Session,
            ChallengeResponses: { USERNAME: 'alice', ANSWER: 'PASSWORD', PASSWORD: password },
          }),
        ),
        'NotAuthorizedException',
        `Client ${secretClientId} is configured with secret but SECRET_HASH was not received`,
      );
      const answered = await fx.sdk.send(
        new RespondToAuthChallengeCommand({
          ClientId: secretClientId,
          ChallengeName: 'SELECT_CHALLENGE',
          Session: select.Session,
          ChallengeResponses: {
            USERNAME: 'alice',
            ANSWER: 'PASSWORD',
            PASSWORD: password,
            SECRET_HASH: hash,
          },
        }),
      );
      expect(answered.AuthenticationResult?.AccessToken).to.be.a('string');
    });
  });
});
