import {
  ConfirmSignUpCommand,
  CreateUserPoolClientCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SignUpCommand,
  type InitiateAuthCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import { expect } from 'chai';
import {
  expectCognitoError,
  manualClock,
  password,
  startFixture,
  type Fixture,
} from './fixture.js';

describe('cognito stand-in: USER_AUTH (choice-based sign-in), sessions, sign-up', () => {
  const clock = manualClock();
  let fx: Fixture;
  let poolId: string;
  let clientId: string;

  const userAuth = (username: string, extra: Record<string, string> = {}, session?: string) =>
    fx.sdk.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_AUTH',
        ClientId: clientId,
        AuthParameters: { USERNAME: username, ...extra },
        ...(session ? { Session: session } : {}),
      }),
    );

  const respond = (
    challenge: string,
    session: string | undefined,
    responses: Record<string, string>,
  ) =>
    fx.sdk.send(
      new RespondToAuthChallengeCommand({
        ClientId: clientId,
        ChallengeName: challenge as 'PASSWORD',
        Session: session,
        ChallengeResponses: responses,
      }),
    );

  before(async () => {
    fx = await startFixture({ clock });
    ({ poolId, clientId } = await fx.pool({ factors: ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP'] }));
    await fx.user(poolId, 'alice', { email: 'alice@example.com', phone: '+15555550123' });
    await fx.user(poolId, 'pat'); // password only: no address for codes
  });
  after(() => fx.stop());

  it('no PREFERRED_CHALLENGE → SELECT_CHALLENGE with the AvailableChallenges the user can use', async () => {
    const alice = await userAuth('alice');
    expect(alice.ChallengeName).to.equal('SELECT_CHALLENGE');
    expect(alice.AvailableChallenges).to.deep.equal([
      'PASSWORD',
      'PASSWORD_SRP',
      'EMAIL_OTP',
      'SMS_OTP',
    ]);
    expect(alice.Session).to.be.a('string');
    expect(alice.ChallengeParameters).to.deep.equal({});
    expect((await userAuth('pat')).AvailableChallenges).to.deep.equal(['PASSWORD', 'PASSWORD_SRP']);
  });

  it('PREFERRED_CHALLENGE=PASSWORD with PASSWORD → tokens; without PASSWORD → the PASSWORD challenge', async () => {
    const direct = await userAuth('alice', { PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: password });
    expect(direct.AuthenticationResult?.IdToken).to.be.a('string');
    await expectCognitoError(
      userAuth('alice', { PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: 'Wrong-Passw0rd!' }),
      'NotAuthorizedException',
      'Incorrect username or password.',
    );
    const asked = await userAuth('alice', { PREFERRED_CHALLENGE: 'PASSWORD' });
    expect(asked.ChallengeName).to.equal('PASSWORD');
    const answered = await respond('PASSWORD', asked.Session, {
      USERNAME: 'alice',
      PASSWORD: password,
    });
    expect(answered.AuthenticationResult?.AccessToken).to.be.a('string');
  });

  it('PREFERRED_CHALLENGE=EMAIL_OTP sends an 8-digit code to the outbox; EMAIL_OTP_CODE signs in', async () => {
    const started = await userAuth('alice', { PREFERRED_CHALLENGE: 'EMAIL_OTP' });
    expect(started.ChallengeName).to.equal('EMAIL_OTP');
    expect(started.ChallengeParameters).to.deep.equal({
      CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL',
      CODE_DELIVERY_DESTINATION: 'a***@e***',
    });
    const outbox = (await (
      await fetch(`${fx.cognito.url}/__sandbox/outbox?username=alice`, {
        headers: { 'x-gatecheck-sandbox-secret': fx.cognito.testSecret },
      })
    ).json()) as Record<string, string>;
    expect(outbox.medium).to.equal('EMAIL');
    expect(outbox.username).to.equal('alice');
    expect(outbox.code).to.match(/^[0-9]{8}$/);
    expect(Date.parse(outbox.sentAt ?? '')).to.equal(clock.now());
    const answered = await respond('EMAIL_OTP', started.Session, {
      USERNAME: 'alice',
      EMAIL_OTP_CODE: outbox.code ?? '',
    });
    expect(answered.AuthenticationResult?.RefreshToken).to.be.a('string');
  });

  it('PREFERRED_CHALLENGE=SMS_OTP sends the code by SMS; SMS_OTP_CODE signs in', async () => {
    const started = await userAuth('alice', { PREFERRED_CHALLENGE: 'SMS_OTP' });
    expect(started.ChallengeName).to.equal('SMS_OTP');
    expect(started.ChallengeParameters?.CODE_DELIVERY_DELIVERY_MEDIUM).to.equal('SMS');
    expect(started.ChallengeParameters?.CODE_DELIVERY_DESTINATION).to.match(/^\+\*+0123$/);
    expect(fx.cognito.latestCode('alice')?.medium).to.equal('SMS');
    const answered = await respond('SMS_OTP', started.Session, {
      USERNAME: 'alice',
      SMS_OTP_CODE: await fx.code('alice'),
    });
    expect(answered.AuthenticationResult?.IdToken).to.be.a('string');
  });

  it('a wrong code → CodeMismatchException, and the session is spent', async () => {
    const started = await userAuth('alice', { PREFERRED_CHALLENGE: 'EMAIL_OTP' });
    const code = await fx.code('alice');
    const wrong = code === '00000000' ? '11111111' : '00000000';
    await expectCognitoError(
      respond('EMAIL_OTP', started.Session, { USERNAME: 'alice', EMAIL_OTP_CODE: wrong }),
      'CodeMismatchException',
      'Invalid code or auth state for the user.',
    );
    await expectCognitoError(
      respond('EMAIL_OTP', started.Session, { USERNAME: 'alice', EMAIL_OTP_CODE: code }),
      'NotAuthorizedException',
      'Invalid session for the user, session can only be used once.',
    );
  });

  it('a preferred challenge the user cannot use falls back to SELECT_CHALLENGE', async () => {
    const result = await userAuth('pat', { PREFERRED_CHALLENGE: 'EMAIL_OTP' });
    expect(result.ChallengeName).to.equal('SELECT_CHALLENGE');
    expect(result.AvailableChallenges).to.deep.equal(['PASSWORD', 'PASSWORD_SRP']);
  });

  it('SELECT_CHALLENGE answered with PASSWORD + the password → tokens', async () => {
    const select = await userAuth('alice');
    const answered = await respond('SELECT_CHALLENGE', select.Session, {
      USERNAME: 'alice',
      ANSWER: 'PASSWORD',
      PASSWORD: password,
    });
    expect(answered.AuthenticationResult?.AccessToken).to.be.a('string');
  });

  it('SELECT_CHALLENGE answered with PASSWORD alone → the PASSWORD challenge', async () => {
    const select = await userAuth('alice');
    const next = await respond('SELECT_CHALLENGE', select.Session, {
      USERNAME: 'alice',
      ANSWER: 'PASSWORD',
    });
    expect(next.ChallengeName).to.equal('PASSWORD');
    const answered = await respond('PASSWORD', next.Session, {
      USERNAME: 'alice',
      PASSWORD: password,
    });
    expect(answered.AuthenticationResult?.IdToken).to.be.a('string');
  });

  it('SELECT_CHALLENGE answered with EMAIL_OTP sends a code; the next challenge is EMAIL_OTP', async () => {
    const select = await userAuth('alice');
    const next = await respond('SELECT_CHALLENGE', select.Session, {
      USERNAME: 'alice',
      ANSWER: 'EMAIL_OTP',
    });
    expect(next.ChallengeName).to.equal('EMAIL_OTP');
    const answered = await respond('EMAIL_OTP', next.Session, {
      USERNAME: 'alice',
      EMAIL_OTP_CODE: await fx.code('alice'),
    });
    expect(answered.AuthenticationResult?.IdToken).to.be.a('string');
  });

  it('SELECT_CHALLENGE refuses an answer that was not offered', async () => {
    const select = await userAuth('pat');
    await expectCognitoError(
      respond('SELECT_CHALLENGE', select.Session, { USERNAME: 'pat', ANSWER: 'EMAIL_OTP' }),
      'InvalidParameterException',
    );
  });

  it('sessions are single-use, bound to their step and user, and expire after AuthSessionValidity', async () => {
    const select = await userAuth('alice');
    await expectCognitoError(
      respond('PASSWORD', select.Session, { USERNAME: 'alice', PASSWORD: password }),
      'NotAuthorizedException',
      'Invalid session for the user.',
    );
    await expectCognitoError(
      respond('SELECT_CHALLENGE', 'AYABe-made-up-session-string', {
        USERNAME: 'alice',
        ANSWER: 'PASSWORD',
      }),
      'NotAuthorizedException',
      'Invalid session for the user.',
    );
    const stale = await userAuth('alice');
    clock.advance(3 * 60_000 + 1);
    await expectCognitoError(
      respond('SELECT_CHALLENGE', stale.Session, {
        USERNAME: 'alice',
        ANSWER: 'PASSWORD',
        PASSWORD: password,
      }),
      'NotAuthorizedException',
      'Invalid session for the user, session is expired.',
    );
  });

  it('a longer AuthSessionValidity keeps sessions alive longer', async () => {
    const { UserPoolClient } = await fx.sdk.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'patient',
        ExplicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        AuthSessionValidity: 15,
      }),
    );
    const patient = UserPoolClient?.ClientId ?? '';
    const select = await fx.sdk.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_AUTH',
        ClientId: patient,
        AuthParameters: { USERNAME: 'alice' },
      }),
    );
    clock.advance(10 * 60_000);
    const answered = await fx.sdk.send(
      new RespondToAuthChallengeCommand({
        ClientId: patient,
        ChallengeName: 'SELECT_CHALLENGE',
        Session: select.Session,
        ChallengeResponses: { USERNAME: 'alice', ANSWER: 'PASSWORD', PASSWORD: password },
      }),
    );
    expect(answered.AuthenticationResult?.IdToken).to.be.a('string');
  });

  it('needs the Essentials tier: LITE pools answer FeatureUnavailableInTierException', async () => {
    const lite = await fx.pool({ tier: 'LITE' });
    await fx.user(lite.poolId, 'lena');
    await expectCognitoError(
      fx.sdk.send(
        new InitiateAuthCommand({
          AuthFlow: 'USER_AUTH',
          ClientId: lite.clientId,
          AuthParameters: { USERNAME: 'lena' },
        }),
      ),
      'FeatureUnavailableInTierException',
    );
  });

  it('offers only the pool’s AllowedFirstAuthFactors', async () => {
    const passwordOnly = await fx.pool({ factors: ['PASSWORD'] });
    await fx.user(passwordOnly.poolId, 'olga', { email: 'olga@example.com' });
    const result: InitiateAuthCommandOutput = await fx.sdk.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_AUTH',
        ClientId: passwordOnly.clientId,
        AuthParameters: { USERNAME: 'olga', PREFERRED_CHALLENGE: 'EMAIL_OTP' },
      }),
    );
    expect(result.ChallengeName).to.equal('SELECT_CHALLENGE');
    expect(result.AvailableChallenges).to.deep.equal(['PASSWORD', 'PASSWORD_SRP']);
  });

  it('SignUp sends a confirmation code; ConfirmSignUp returns a Session that signs in through USER_AUTH', async () => {
    const signedUp = await fx.sdk.send(
      new SignUpCommand({
        ClientId: clientId,
        Username: 'sam',
        Password: password,
        UserAttributes: [{ Name: 'email', Value: 'sam@example.com' }],
      }),
    );
    expect(signedUp.UserConfirmed).to.equal(false);
    expect(signedUp.UserSub).to.match(/^[0-9a-f-]{36}$/);
    expect(signedUp.CodeDeliveryDetails).to.deep.equal({
      Destination: 's***@e***',
      DeliveryMedium: 'EMAIL',
      AttributeName: 'email',
    });
    const code = await fx.code('sam');
    expect(code).to.match(/^[0-9]{6}$/);
    await expectCognitoError(
      fx.sdk.send(
        new ConfirmSignUpCommand({
          ClientId: clientId,
          Username: 'sam',
          ConfirmationCode: code === '000000' ? '111111' : '000000',
        }),
      ),
      'CodeMismatchException',
    );
    const confirmed = await fx.sdk.send(
      new ConfirmSignUpCommand({
        ClientId: clientId,
        Username: 'sam',
        ConfirmationCode: code,
        Session: signedUp.Session,
      }),
    );
    expect(confirmed.Session).to.be.a('string');
    const signedIn = await userAuth('sam', {}, confirmed.Session);
    expect(signedIn.AuthenticationResult?.IdToken).to.be.a('string');
    await expectCognitoError(userAuth('sam', {}, confirmed.Session), 'NotAuthorizedException');
    await expectCognitoError(
      fx.sdk.send(new SignUpCommand({ ClientId: clientId, Username: 'sam', Password: password })),
      'UsernameExistsException',
    );
  });

  it('outbox: 404 for a user without codes, 400 without a user name', async () => {
    const headers = { 'x-gatecheck-sandbox-secret': fx.cognito.testSecret };
    expect(
      (await fetch(`${fx.cognito.url}/__sandbox/outbox?username=pat`, { headers })).status,
    ).to.equal(404);
    expect((await fetch(`${fx.cognito.url}/__sandbox/outbox`, { headers })).status).to.equal(400);
  });
});
