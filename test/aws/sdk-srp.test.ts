import { expect } from 'chai';
import { signInWithSdk, type SdkSignInRequest } from '../../generators/aws/sdk-sign-in.js';
import { passwordClaimSignature, srpPublicValue } from '../../generators/aws/srp-client.js';
import { InputError } from '../../generators/errors.js';
import { password, startFixture, type Fixture } from '../sandbox/cognito/fixture.js';
import { oracleClaim } from '../support/srp-oracle.js';

const fixed = {
  poolName: 'AbC123xyz',
  userId: 'zoë',
  password: 'pässwörd',
  smallA: 'f1'.repeat(128),
  salt: 'ff00aa',
  srpB: 'c0ffee' + '0123456789abcdef'.repeat(47) + '12',
  secretBlock: Buffer.from('the secret block').toString('base64'),
  timestamp: 'Tue Dec 1 18:42:34 UTC 2026',
};

describe('SDK sign-in with SRP (generators/aws/srp-client.ts)', () => {
  it('gives the same SRP_A and claim signature as amazon-cognito-identity-js for fixed inputs', async () => {
    const oracle = await oracleClaim(fixed);
    expect(srpPublicValue(fixed.smallA)).to.equal(oracle.srpA);
    expect(passwordClaimSignature({ ...fixed, secret: fixed.smallA })).to.equal(oracle.signature);
  });

  describe('against the Cognito stand-in', () => {
    let fx: Fixture;
    let base: SdkSignInRequest;
    let passwordOnly: string;

    before(async () => {
      fx = await startFixture();
      const pool = await fx.pool({
        secret: true,
        flows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      });
      await fx.user(pool.poolId, 'alice');
      base = {
        userPoolId: pool.poolId,
        clientId: pool.clientId,
        clientSecret: pool.clientSecret ?? '',
        username: 'alice',
        password,
        admin: false,
      };
      passwordOnly = (
        await fx.pool({ flows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] })
      ).clientId;
    });
    after(() => fx.stop());

    it('USER_SRP_AUTH (the default) with SECRET_HASH returns tokens', async () => {
      const tokens = await signInWithSdk(fx.sdk, base);
      expect(tokens.idToken).to.match(/^eyJ/);
      expect(tokens.refreshToken).to.be.a('string');
    });

    it('USER_AUTH signs in with PASSWORD_SRP', async () => {
      const tokens = await signInWithSdk(fx.sdk, { ...base, authFlow: 'USER_AUTH' });
      expect(tokens.accessToken).to.match(/^eyJ/);
    });

    async function inputError(call: Promise<unknown>): Promise<InputError> {
      try {
        await call;
      } catch (error) {
        expect(error).to.be.instanceOf(InputError);
        return error as InputError;
      }
      throw new Error('expected an InputError');
    }

    it('a wrong password is a one-line input error naming Cognito’s answer', async () => {
      const error = await inputError(
        signInWithSdk(fx.sdk, { ...base, password: 'Wrong-Passw0rd!' }),
      );
      expect(error.message).to.contain('NotAuthorizedException');
      expect(error.message).to.contain('Incorrect username or password.');
    });

    it('an unknown authFlow names the flows to choose from', async () => {
      const error = await inputError(signInWithSdk(fx.sdk, { ...base, authFlow: 'USER_SPR_AUTH' }));
      expect(error.message).to.contain('USER_SPR_AUTH');
      expect(JSON.stringify(error)).to.contain('USER_SRP_AUTH, USER_PASSWORD_AUTH, USER_AUTH');
    });

    it('a client without ALLOW_USER_SRP_AUTH: Cognito’s error and what to change', async () => {
      const error = await inputError(
        signInWithSdk(fx.sdk, { ...base, clientId: passwordOnly, clientSecret: undefined }),
      );
      expect(error.message).to.contain('Auth flow not enabled for this client');
      expect(error.hint).to.contain(
        "Add ALLOW_USER_SRP_AUTH to the app client's ExplicitAuthFlows",
      );
    });
  });
});
