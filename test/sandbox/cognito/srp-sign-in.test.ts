import {
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserPool,
  type CognitoUserSession,
} from 'amazon-cognito-identity-js';
import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { oracleClaim } from '../../support/srp-oracle.js';
import { decodeJwt, expectCognitoError, password, startFixture, type Fixture } from './fixture.js';

const months = 'Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec'.split(' ');
const days = 'Sun Mon Tue Wed Thu Fri Sat'.split(' ');
const two = (n: number) => String(n).padStart(2, '0');
/** `EEE MMM d HH:mm:ss UTC yyyy`, as amazon-cognito-identity-js's DateHelper writes it. */
const srpTimestamp = (d: Date) =>
  `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${d.getUTCDate()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;

/**
 * AWS's own SRP client signs in to the stand-in: if the stand-in's SRP maths differed from AWS's in
 * any detail (padding, hashing, HKDF, timestamp), these sign-ins would fail.
 */
function oracleSignIn(
  fx: Fixture,
  poolId: string,
  clientId: string,
  username: string,
  pass: string,
  flow: 'USER_SRP_AUTH' | 'USER_PASSWORD_AUTH' = 'USER_SRP_AUTH',
): Promise<CognitoUserSession | { challenge: string }> {
  const pool = new CognitoUserPool({
    UserPoolId: poolId,
    ClientId: clientId,
    endpoint: fx.cognito.endpoint,
  });
  const user = new CognitoUser({ Username: username, Pool: pool });
  user.setAuthenticationFlowType(flow);
  return new Promise((resolve, reject) => {
    user.authenticateUser(new AuthenticationDetails({ Username: username, Password: pass }), {
      onSuccess: resolve,
      onFailure: reject,
      newPasswordRequired: () => resolve({ challenge: 'NEW_PASSWORD_REQUIRED' }),
      totpRequired: () => resolve({ challenge: 'SOFTWARE_TOKEN_MFA' }),
    });
  });
}

async function oracleFailure(call: Promise<unknown>): Promise<{ code?: string; message?: string }> {
  try {
    await call;
  } catch (error) {
    return error as { code?: string; message?: string };
  }
  throw new Error('expected the sign-in to fail');
}

describe('cognito stand-in: SRP sign-in, checked with amazon-cognito-identity-js', () => {
  let fx: Fixture;
  let poolId: string;
  let clientId: string;

  before(async () => {
    fx = await startFixture();
    ({ poolId, clientId } = await fx.pool({
      flows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    }));
    await fx.user(poolId, 'alice', { email: 'alice@example.com' });
    await fx.user(poolId, 'newbie', { permanent: false });
  });
  after(() => fx.stop());

  it('USER_SRP_AUTH signs in and returns the user’s tokens', async () => {
    const session = (await oracleSignIn(
      fx,
      poolId,
      clientId,
      'alice',
      password,
    )) as CognitoUserSession;
    expect(session.getIdToken().payload['cognito:username']).to.equal('alice');
    expect(decodeJwt(session.getAccessToken().getJwtToken()).payload.client_id).to.equal(clientId);
  });

  it('a wrong password → NotAuthorizedException "Incorrect username or password."', async () => {
    const error = await oracleFailure(
      oracleSignIn(fx, poolId, clientId, 'alice', 'Wrong-Passw0rd!'),
    );
    expect(error.code).to.equal('NotAuthorizedException');
    expect(error.message).to.equal('Incorrect username or password.');
  });

  it('a temporary password leads on to NEW_PASSWORD_REQUIRED', async () => {
    expect(await oracleSignIn(fx, poolId, clientId, 'newbie', password)).to.deep.equal({
      challenge: 'NEW_PASSWORD_REQUIRED',
    });
  });

  it('the client must enable ALLOW_USER_SRP_AUTH', async () => {
    const { clientId: passwordOnly } = await fx.pool({
      flows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    });
    await expectCognitoError(
      fx.sdk.send(
        new InitiateAuthCommand({
          AuthFlow: 'USER_SRP_AUTH',
          ClientId: passwordOnly,
          AuthParameters: { USERNAME: 'alice', SRP_A: 'abc' },
        }),
      ),
      'InvalidParameterException',
      'Auth flow not enabled for this client',
    );
  });

  it('PASSWORD_VERIFIER hands out SALT, SECRET_BLOCK, SRP_B, USERNAME and USER_ID_FOR_SRP', async () => {
    const result = await fx.sdk.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_SRP_AUTH',
        ClientId: clientId,
        AuthParameters: { USERNAME: 'ALICE', SRP_A: 'ab12' },
      }),
    );
    expect(result.ChallengeName).to.equal('PASSWORD_VERIFIER');
    expect(Object.keys(result.ChallengeParameters ?? {}).sort()).to.deep.equal([
      'SALT',
      'SECRET_BLOCK',
      'SRP_B',
      'USERNAME',
      'USER_ID_FOR_SRP',
    ]);
    expect(result.ChallengeParameters?.USER_ID_FOR_SRP).to.equal('alice');
  });

  /** One SRP exchange over the SDK, the claim computed by the oracle; `tamper` alters the answer. */
  async function exchange(
    start: { AuthFlow: 'USER_SRP_AUTH' | 'USER_AUTH'; extra?: Record<string, string> },
    tamper: (responses: Record<string, string>) => Record<string, string> = (r) => r,
    now = new Date(),
  ) {
    const smallA = randomBytes(128).toString('hex');
    const probe = await oracleClaim({ ...fixed, smallA });
    const first = await fx.sdk.send(
      new InitiateAuthCommand({
        AuthFlow: start.AuthFlow,
        ClientId: clientId,
        AuthParameters: { USERNAME: 'alice', SRP_A: probe.srpA, ...start.extra },
      }),
    );
    expect(first.ChallengeName).to.equal('PASSWORD_VERIFIER');
    const params = first.ChallengeParameters ?? {};
    const timestamp = srpTimestamp(now);
    const { signature } = await oracleClaim({
      poolName: poolId.split('_')[1] ?? '',
      userId: params.USER_ID_FOR_SRP ?? '',
      password,
      smallA,
      salt: params.SALT ?? '',
      srpB: params.SRP_B ?? '',
      secretBlock: params.SECRET_BLOCK ?? '',
      timestamp,
    });
    return fx.sdk.send(
      new RespondToAuthChallengeCommand({
        ClientId: clientId,
        ChallengeName: 'PASSWORD_VERIFIER',
        Session: first.Session,
        ChallengeResponses: tamper({
          USERNAME: params.USER_ID_FOR_SRP ?? '',
          PASSWORD_CLAIM_SECRET_BLOCK: params.SECRET_BLOCK ?? '',
          PASSWORD_CLAIM_SIGNATURE: signature,
          TIMESTAMP: timestamp,
        }),
      }),
    );
  }
  const fixed = {
    poolName: 'x',
    userId: 'x',
    password: 'x',
    salt: '01',
    srpB: '02',
    secretBlock: '',
    timestamp: '',
  };

  it('the oracle’s claim signs in; the same claim with one signature byte changed is refused', async () => {
    const good = await exchange({ AuthFlow: 'USER_SRP_AUTH' });
    expect(good.AuthenticationResult?.IdToken).to.be.a('string');
    await expectCognitoError(
      exchange({ AuthFlow: 'USER_SRP_AUTH' }, (responses) => {
        const signature = Buffer.from(responses.PASSWORD_CLAIM_SIGNATURE ?? '', 'base64');
        signature[0] = (signature[0] ?? 0) ^ 1;
        return { ...responses, PASSWORD_CLAIM_SIGNATURE: signature.toString('base64') };
      }),
      'NotAuthorizedException',
      'Incorrect username or password.',
    );
  });

  it('a foreign secret block or a timestamp outside the window is refused', async () => {
    await expectCognitoError(
      exchange({ AuthFlow: 'USER_SRP_AUTH' }, (responses) => ({
        ...responses,
        PASSWORD_CLAIM_SECRET_BLOCK: Buffer.alloc(64, 1).toString('base64'),
      })),
      'NotAuthorizedException',
      'Incorrect username or password.',
    );
    await expectCognitoError(
      exchange({ AuthFlow: 'USER_SRP_AUTH' }, undefined, new Date(Date.now() - 10 * 60_000)),
      'NotAuthorizedException',
      'Incorrect username or password.',
    );
  });

  it('USER_AUTH with PREFERRED_CHALLENGE=PASSWORD_SRP and SRP_A goes to PASSWORD_VERIFIER', async () => {
    const result = await exchange({
      AuthFlow: 'USER_AUTH',
      extra: { PREFERRED_CHALLENGE: 'PASSWORD_SRP' },
    });
    expect(result.AuthenticationResult?.AccessToken).to.be.a('string');
  });

  it('SELECT_CHALLENGE offers PASSWORD_SRP; ANSWER=PASSWORD_SRP with SRP_A goes to PASSWORD_VERIFIER', async () => {
    const select = await fx.sdk.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_AUTH',
        ClientId: clientId,
        AuthParameters: { USERNAME: 'alice' },
      }),
    );
    expect(select.AvailableChallenges).to.include('PASSWORD_SRP');
    const probe = await oracleClaim({ ...fixed, smallA: randomBytes(128).toString('hex') });
    const verifier = await fx.sdk.send(
      new RespondToAuthChallengeCommand({
        ClientId: clientId,
        ChallengeName: 'SELECT_CHALLENGE',
        Session: select.Session,
        ChallengeResponses: { USERNAME: 'alice', ANSWER: 'PASSWORD_SRP', SRP_A: probe.srpA },
      }),
    );
    expect(verifier.ChallengeName).to.equal('PASSWORD_VERIFIER');
    expect(verifier.ChallengeParameters?.SRP_B).to.match(/^[0-9a-f]+$/);
  });
});
