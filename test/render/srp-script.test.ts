import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { scriptsDir } from '../../generators/render/render-script.js';
import { runInPostmanSandbox } from '../support/postman-sandbox.js';
import { oracleClaim, type OracleInputs } from '../support/srp-oracle.js';

const srpLibrary = readFileSync(join(scriptsDir, 'library', 'srp.js'), 'utf8');

/** Fixed inputs: nothing random, so both sides must give the very same values. */
const fixed: OracleInputs = {
  poolName: 'AbC123xyz',
  userId: 'alice',
  password: 'Sandbox-Passw0rd!',
  smallA: 'f1'.repeat(128),
  salt: '8a2f03b1c4d5e6f708192a3b4c5d6e7f',
  srpB: 'c0ffee' + '0123456789abcdef'.repeat(47) + '12', // a 3072-bit-ish B below N
  secretBlock: Buffer.from('the secret block Cognito handed out').toString('base64'),
  timestamp: 'Tue Dec 1 18:42:34 UTC 2026',
};

async function collectionSrp(inputs: OracleInputs): Promise<{ srpA: string; signature: string }> {
  const out = await runInPostmanSandbox(
    [
      'var gatecheck = {};',
      srpLibrary,
      `var inputs = ${JSON.stringify(inputs)};`,
      'pm.collectionVariables.set("srpA", gatecheck.srp.publicValue(inputs.smallA));',
      'pm.collectionVariables.set("signature", gatecheck.srp.signature({ poolName: inputs.poolName, userId: inputs.userId, password: inputs.password, secret: inputs.smallA, salt: inputs.salt, srpB: inputs.srpB, secretBlock: inputs.secretBlock, timestamp: inputs.timestamp }));',
      'pm.collectionVariables.set("poolName", gatecheck.srp.poolName("eu-west-1_AbC123xyz"));',
      'pm.collectionVariables.set("timestamp", gatecheck.srp.timestamp(new Date(Date.UTC(2026, 11, 1, 8, 2, 4))));',
      'pm.collectionVariables.set("secretLength", String(gatecheck.srp.newSecret().length));',
    ].join('\n'),
  );
  expect(out.poolName).to.equal('AbC123xyz');
  expect(out.timestamp).to.equal('Tue Dec 1 08:02:04 UTC 2026');
  expect(out.secretLength).to.equal('256');
  return { srpA: out.srpA ?? '', signature: out.signature ?? '' };
}

describe('collection SRP (scripts/library/srp.js) in postman-sandbox', () => {
  it('gives the same SRP_A and claim signature as amazon-cognito-identity-js for fixed inputs', async () => {
    const ours = await collectionSrp(fixed);
    const oracle = await oracleClaim(fixed);
    expect(ours.srpA).to.equal(oracle.srpA);
    expect(ours.signature).to.equal(oracle.signature);
  });

  it('agrees again with a high-bit salt, a short secret and a non-ASCII user (padding and UTF-8)', async () => {
    const other = {
      ...fixed,
      smallA: '0a1b',
      salt: 'ff00aa',
      userId: 'zoë',
      password: 'pässwörd',
      srpB: '9' + 'f'.repeat(700),
    };
    const ours = await collectionSrp(other);
    expect(ours).to.deep.equal(await oracleClaim(other));
  });
});
