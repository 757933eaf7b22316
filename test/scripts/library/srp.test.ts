import { expect } from 'chai';
import { oracleClaim, type OracleInputs } from '../../support/srp-oracle.js';
import { loadFragments } from './load-fragments.js';

/**
 * scripts/library/srp.js in Node (docs/reference/aws-wire-behaviour.md §1.11), against
 * amazon-cognito-identity-js, AWS's own SRP client, as the oracle. The same code also runs in
 * postman-sandbox in test/render/srp-script.test.ts.
 */
const { srp } = loadFragments(['srp.js']);

const fixed: OracleInputs = {
  poolName: 'AbC123xyz',
  userId: 'alice',
  password: 'Sandbox-Passw0rd!',
  smallA: 'f1'.repeat(128),
  salt: '8a2f03b1c4d5e6f708192a3b4c5d6e7f',
  srpB: 'c0ffee' + '0123456789abcdef'.repeat(47) + '12',
  secretBlock: Buffer.from('the secret block Cognito handed out').toString('base64'),
  timestamp: 'Tue Dec 1 18:42:34 UTC 2026',
};

function ours(inputs: OracleInputs) {
  return {
    srpA: srp.publicValue(inputs.smallA),
    signature: srp.signature({
      poolName: inputs.poolName,
      userId: inputs.userId,
      password: inputs.password,
      secret: inputs.smallA,
      salt: inputs.salt,
      srpB: inputs.srpB,
      secretBlock: inputs.secretBlock,
      timestamp: inputs.timestamp,
    }),
  };
}

describe('scripts/library/srp.js', () => {
  for (const { title, inputs } of [
    { title: 'fixed inputs', inputs: fixed },
    {
      title: 'a high-bit salt, a short secret and a non-ASCII user (padding and UTF-8)',
      inputs: {
        ...fixed,
        smallA: '0a1b',
        salt: 'ff00aa',
        userId: 'zoë',
        password: 'pässwörd',
        srpB: '9' + 'f'.repeat(700),
      },
    },
    {
      title: 'a UUID user id (USER_ID_FOR_SRP of an email sign-in) and a high-bit secret',
      inputs: {
        ...fixed,
        userId: '8f1e0c9a-5b7d-4e2f-9a3c-1d2e3f4a5b6c',
        smallA: '80' + '00'.repeat(127),
        salt: '00ff',
      },
    },
  ]) {
    it(`SRP_A and the claim signature match amazon-cognito-identity-js: ${title}`, async () => {
      expect(ours(inputs)).to.deep.equal(await oracleClaim(inputs));
    });
  }

  it('a different password gives a different signature (the proof depends on it)', async () => {
    const other = { ...fixed, password: 'Sandbox-Passw0rd?' };
    expect(ours(other).signature).to.not.equal(ours(fixed).signature);
    expect(ours(other)).to.deep.equal(await oracleClaim(other));
  });

  it('refuses an SRP_B that is 0 mod N (a malicious or broken server)', () => {
    expect(() => srp.signature({ ...fixedClaim(), srpB: '0' })).to.throw(/SRP_B of 0 mod N/);
  });

  it('the pool name is the part of the pool id after the underscore', () => {
    expect(srp.poolName('eu-west-1_AbC123xyz')).to.equal('AbC123xyz');
    expect(srp.poolName('NoRegion')).to.equal('NoRegion');
  });

  for (const [date, text] of [
    [Date.UTC(2026, 11, 1, 8, 2, 4), 'Tue Dec 1 08:02:04 UTC 2026'],
    [Date.UTC(2025, 0, 31, 23, 59, 59), 'Fri Jan 31 23:59:59 UTC 2025'],
    [Date.UTC(2024, 1, 29, 0, 0, 0), 'Thu Feb 29 00:00:00 UTC 2024'],
  ] as const) {
    it(`TIMESTAMP is "EEE MMM d HH:mm:ss UTC yyyy", the day not padded: ${text}`, () => {
      expect(srp.timestamp(new Date(date))).to.equal(text);
    });
  }

  it('a new secret a is 128 random bytes as hex', () => {
    const a = srp.newSecret();
    expect(a).to.match(/^[0-9a-f]{256}$/);
    expect(srp.newSecret()).to.not.equal(a);
  });
});

function fixedClaim() {
  return {
    poolName: fixed.poolName,
    userId: fixed.userId,
    password: fixed.password,
    secret: fixed.smallA,
    salt: fixed.salt,
    srpB: fixed.srpB,
    secretBlock: fixed.secretBlock,
    timestamp: fixed.timestamp,
  };
}
