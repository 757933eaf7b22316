import {
  AdminSetUserMFAPreferenceCommand,
  AssociateSoftwareTokenCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { expect } from 'chai';
import { Secret, TOTP } from 'otpauth';
import { expectCognitoError, password, rawCall, startFixture, type Fixture } from './fixture.js';

describe('cognito stand-in: SOFTWARE_TOKEN_MFA (TOTP) and throttling', () => {
  let fx: Fixture;
  let poolId: string;
  let clientId: string;

  const passwordSignIn = (username: string, client = clientId) =>
    fx.sdk.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: client,
        AuthParameters: { USERNAME: username, PASSWORD: password },
      }),
    );

  const totpNow = async (username: string) => {
    const response = await fetch(`${fx.cognito.url}/__sandbox/totp?username=${username}`, {
      headers: { 'x-gatecheck-sandbox-secret': fx.cognito.testSecret },
    });
    expect(response.status).to.equal(200);
    return ((await response.json()) as { code: string }).code;
  };

  before(async () => {
    fx = await startFixture();
    ({ poolId, clientId } = await fx.pool({ mfa: 'OPTIONAL' }));
    await fx.user(poolId, 'tara', { email: 'tara@example.com' });
    await fx.user(poolId, 'tom', { email: 'tom@example.com' });
  });
  after(() => fx.stop());

  it('sets up TOTP through Associate/VerifySoftwareToken and SetUserMFAPreference (real RFC 6238 codes)', async () => {
    const { AccessToken } = (await passwordSignIn('tara')).AuthenticationResult ?? {};
    const { SecretCode } = await fx.sdk.send(new AssociateSoftwareTokenCommand({ AccessToken }));
    expect(SecretCode).to.match(/^[A-Z2-7]{32}$/);
    await expectCognitoError(
      fx.sdk.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: 'abcdef' })),
      'EnableSoftwareTokenMFAException',
    );
    const authenticator = new TOTP({
      secret: Secret.fromBase32(SecretCode ?? ''),
      digits: 6,
      period: 30,
    });
    const verified = await fx.sdk.send(
      new VerifySoftwareTokenCommand({ AccessToken, UserCode: authenticator.generate() }),
    );
    expect(verified.Status).to.equal('SUCCESS');
    await fx.sdk.send(
      new SetUserMFAPreferenceCommand({
        AccessToken,
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
      }),
    );

    const challenged = await passwordSignIn('tara');
    expect(challenged.ChallengeName).to.equal('SOFTWARE_TOKEN_MFA');
    expect(challenged.AuthenticationResult).to.equal(undefined);
    expect(await totpNow('tara')).to.equal(authenticator.generate());
    const answered = await fx.sdk.send(
      new RespondToAuthChallengeCommand({
        ClientId: clientId,
        ChallengeName: 'SOFTWARE_TOKEN_MFA',
        Session: challenged.Session,
        ChallengeResponses: { USERNAME: 'tara', SOFTWARE_TOKEN_MFA_CODE: authenticator.generate() },
      }),
    );
    expect(answered.AuthenticationResult?.IdToken).to.be.a('string');
  });

  it('a wrong TOTP code → CodeMismatchException', async () => {
    const challenged = await passwordSignIn('tara');
    const code = await totpNow('tara');
    await expectCognitoError(
      fx.sdk.send(
        new RespondToAuthChallengeCommand({
          ClientId: clientId,
          ChallengeName: 'SOFTWARE_TOKEN_MFA',
          Session: challenged.Session,
          ChallengeResponses: {
            USERNAME: 'tara',
            SOFTWARE_TOKEN_MFA_CODE: code === '000000' ? '111111' : '000000',
          },
        }),
      ),
      'CodeMismatchException',
      'Invalid code or auth state for the user.',
    );
  });

  it('enableSoftwareTokenMfa (in-process) gives the challenge after a USER_AUTH password, not after an email code', async () => {
    const secret = fx.cognito.enableSoftwareTokenMfa(poolId, 'tom');
    expect(secret).to.match(/^[A-Z2-7]+$/);
    const viaPassword = await fx.sdk.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_AUTH',
        ClientId: clientId,
        AuthParameters: { USERNAME: 'tom', PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: password },
      }),
    );
    expect(viaPassword.ChallengeName).to.equal('SOFTWARE_TOKEN_MFA');
    const viaEmail = await fx.sdk.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_AUTH',
        ClientId: clientId,
        AuthParameters: { USERNAME: 'tom', PREFERRED_CHALLENGE: 'EMAIL_OTP' },
      }),
    );
    const answered = await fx.sdk.send(
      new RespondToAuthChallengeCommand({
        ClientId: clientId,
        ChallengeName: 'EMAIL_OTP',
        Session: viaEmail.Session,
        ChallengeResponses: { USERNAME: 'tom', EMAIL_OTP_CODE: await fx.code('tom') },
      }),
    );
    expect(answered.AuthenticationResult?.AccessToken).to.be.a('string');
  });

  it('no challenge when the pool has MFA OFF; no TOTP code for users without a token', async () => {
    const off = await fx.pool({ mfa: 'OFF' });
    await fx.user(off.poolId, 'uma');
    fx.cognito.enableSoftwareTokenMfa(off.poolId, 'uma');
    expect((await passwordSignIn('uma', off.clientId)).AuthenticationResult).to.not.equal(
      undefined,
    );
    expect(
      (
        await fetch(`${fx.cognito.url}/__sandbox/totp?username=nobody`, {
          headers: { 'x-gatecheck-sandbox-secret': fx.cognito.testSecret },
        })
      ).status,
    ).to.equal(404);
  });

  it('AdminSetUserMFAPreference refuses to enable an unverified software token', async () => {
    await fx.user(poolId, 'vic');
    await expectCognitoError(
      fx.sdk.send(
        new AdminSetUserMFAPreferenceCommand({
          UserPoolId: poolId,
          Username: 'vic',
          SoftwareTokenMfaSettings: { Enabled: true },
        }),
      ),
      'InvalidParameterException',
    );
  });

  it('throttling: off by default; rejectNext answers TooManyRequestsException, then calls pass again', async () => {
    fx.cognito.setThrottle({ rejectNext: 2, operations: ['InitiateAuth'] });
    await expectCognitoError(passwordSignIn('tara'), 'TooManyRequestsException', 'Rate exceeded');
    const raw = await rawCall(fx.cognito, 'InitiateAuth', {});
    expect(raw.status).to.equal(400);
    expect(raw.headers.get('x-amzn-errortype')).to.equal('TooManyRequestsException:');
    expect((await passwordSignIn('tara')).ChallengeName).to.equal('SOFTWARE_TOKEN_MFA');
  });

  it('throttling: maxRequests per window, switchable over HTTP', async () => {
    const set = (body: unknown) =>
      fetch(`${fx.cognito.url}/__sandbox/throttle`, {
        method: 'POST',
        headers: { 'x-gatecheck-sandbox-secret': fx.cognito.testSecret },
        body: JSON.stringify(body),
      });
    expect((await set({ maxRequests: 1, windowMs: 60_000 })).status).to.equal(200);
    await rawCall(fx.cognito, 'InitiateAuth', {});
    const second = await rawCall(fx.cognito, 'InitiateAuth', {});
    expect(((await second.json()) as { __type: string }).__type).to.equal(
      'TooManyRequestsException',
    );
    await set({});
    const after = await rawCall(fx.cognito, 'InitiateAuth', {});
    expect(((await after.json()) as { __type: string }).__type).to.equal(
      'InvalidParameterException',
    );
  });
});
