import { expect } from 'chai';
import { createHmac, generateKeyPairSync } from 'node:crypto';
import { exportJWK, jwtVerify, SignJWT } from 'jose';
import { editedSubject } from '../../../generators/contract/library-constants.js';
import { loadFragments } from './load-fragments.js';
import { stubPm, type StubOptions } from './stub-pm.js';

/**
 * scripts/library/forge-token.js in Node: each forgery (docs/reference/check-catalogue.md §1.3
 * N3–N8) built from a token signed here with a local key pair, then checked with jose and
 * node:crypto, which are not the code under test.
 */
const issuer = 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Forge';
const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

async function signed(claims: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: 'key-1' })
    .setIssuer(issuer)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(privateKey);
}

const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const json = (encoded: string) => JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));

describe('scripts/library/forge-token.js', () => {
  const gatecheck = loadFragments(['run-state.js', 'base64url.js', 'forge-token.js']);
  let idToken: string;
  let accessToken: string;

  before(async () => {
    idToken = await signed({ sub: 'u-1', token_use: 'id', 'cognito:groups': ['users'] });
    accessToken = await signed({ sub: 'u-1', token_use: 'access', scope: 'read' });
  });

  function forge(token: string, forgery: string, variant?: string, answer?: StubOptions['answer']) {
    const { pm, record } = stubPm(answer ? { answer } : {});
    const split = gatecheck.jwt.split(token);
    expect(split, 'the captured token splits').to.not.equal(null);
    let outcome: { reason: string | null; token?: string } | undefined;
    gatecheck.forgeToken(pm, forgery, variant, split!, (reason, forged) => {
      outcome = { reason, ...(forged !== undefined ? { token: forged } : {}) };
    });
    expect(outcome, 'done is called at once (the stub answers synchronously)').to.not.equal(
      undefined,
    );
    return { ...outcome!, sent: record.sent };
  }

  async function refusedByKey(token: string): Promise<string> {
    try {
      await jwtVerify(token, publicKey, { issuer });
      return 'accepted';
    } catch (error) {
      return (error as { code?: string }).code ?? String(error);
    }
  }

  it('the token it starts from verifies (the forgeries below fail only for what they change)', async () => {
    expect(await refusedByKey(idToken)).to.equal('accepted');
  });

  it('N3 signature-altered: header and claims kept, the last four signature bytes inverted', async () => {
    const { reason, token } = forge(idToken, 'signature-altered');
    expect(reason).to.equal(null);
    const [header, claims, signature] = token!.split('.');
    const original = idToken.split('.');
    expect([header, claims]).to.deep.equal([original[0], original[1]]);
    const before = Buffer.from(original[2]!, 'base64url');
    const after = Buffer.from(signature!, 'base64url');
    expect(after.length).to.equal(before.length);
    expect(after.subarray(0, -4).equals(before.subarray(0, -4))).to.equal(true);
    for (let i = before.length - 4; i < before.length; i += 1)
      expect(after[i]).to.equal(~before[i]! & 0xff);
    expect(await refusedByKey(token!)).to.equal('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
  });

  it('N4 claims-edited: another subject and an admin group under the original signature', async () => {
    const { token } = forge(idToken, 'claims-edited');
    const [header, claims, signature] = token!.split('.');
    expect(header).to.equal(idToken.split('.')[0]);
    expect(signature).to.equal(idToken.split('.')[2]);
    expect(json(claims!)).to.include({ sub: editedSubject, token_use: 'id' });
    expect(json(claims!)['cognito:groups']).to.deep.equal(['users', 'admin']);
    expect(json(claims!)).to.not.have.property('scope');
    expect(await refusedByKey(token!)).to.equal('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
  });

  it('N4 on an access token also claims an extra scope', () => {
    const { token } = forge(accessToken, 'claims-edited');
    expect(json(token!.split('.')[1]!)).to.include({ scope: 'read gatecheck/admin' });
  });

  for (const variant of ['none', 'None', 'NONE', 'nOnE']) {
    it(`N5 alg-none (${variant}): that alg, the claims kept, an empty signature after the dot`, async () => {
      const { token } = forge(idToken, 'alg-none', variant);
      const [header, claims, signature] = token!.split('.');
      expect(json(header!)).to.deep.equal({ alg: variant, kid: 'key-1' });
      expect(claims).to.equal(idToken.split('.')[1]);
      expect(signature).to.equal('');
      expect(await refusedByKey(token!)).to.not.equal('accepted');
    });
  }

  it('N6 signature-stripped: the original header and claims, nothing after the last dot', () => {
    const { token } = forge(idToken, 'signature-stripped');
    const original = idToken.split('.');
    expect(token).to.equal(`${original[0]}.${original[1]}.`);
  });

  it('N7 hs256-empty-secret: a valid HS256 signature with the empty key', () => {
    const { token } = forge(idToken, 'hs256-empty-secret');
    const [header, claims, signature] = token!.split('.');
    expect(json(header!)).to.deep.equal({ alg: 'HS256', kid: 'key-1' });
    expect(claims).to.equal(idToken.split('.')[1]);
    const expected = createHmac('sha256', '').update(`${header}.${claims}`).digest('base64url');
    expect(signature).to.equal(expected);
  });

  it("N8 hs256-public-key: HS256 keyed with the pool's public key as PEM, read from the issuer's JWKS", async () => {
    const jwk = { ...(await exportJWK(publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };
    const other = { ...jwk, kid: 'key-2' };
    const { reason, token, sent } = forge(idToken, 'hs256-public-key', undefined, (request) =>
      request.url === `${issuer}/.well-known/jwks.json`
        ? { code: 200, body: JSON.stringify({ keys: [other, jwk] }) }
        : undefined,
    );
    expect(reason).to.equal(null);
    expect(sent).to.deep.equal([{ url: `${issuer}/.well-known/jwks.json`, method: 'GET' }]);
    // Node's own SPKI PEM of the key is the text a confused verifier would use as the secret.
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const [header, claims, signature] = token!.split('.');
    expect(json(header!)).to.deep.equal({ alg: 'HS256', kid: 'key-1' });
    expect(signature).to.equal(
      createHmac('sha256', pem).update(`${header}.${claims}`).digest('base64url'),
    );
  });

  it('N8 cannot be built when the JWKS does not give the token key, or does not answer', () => {
    const missing = forge(idToken, 'hs256-public-key', undefined, () => ({
      code: 200,
      body: JSON.stringify({ keys: [{ kid: 'key-2', kty: 'RSA', n: 'AQAB', e: 'AQAB' }] }),
    }));
    expect(missing.reason).to.equal("the pool's JWKS did not give the token's key");
    const down = forge(idToken, 'hs256-public-key', undefined, () => undefined);
    expect(down.reason).to.equal("the pool's JWKS did not give the token's key");
    const notJson = forge(idToken, 'hs256-public-key', undefined, () => ({
      code: 200,
      body: '<html>',
    }));
    expect(notJson.reason).to.equal("the pool's JWKS did not give the token's key");
  });

  it('an unknown forgery is a reason, not a token', () => {
    expect(forge(idToken, 'kid-injection')).to.deep.include({
      reason: 'gatecheck cannot forge "kid-injection"',
    });
  });

  it('keys of other sizes and exponents give the PEM Node gives (DER lengths in short and long form)', async () => {
    for (const modulusLength of [512, 1024]) {
      const pair = generateKeyPairSync('rsa', { modulusLength, publicExponent: 3 });
      const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'key-1' };
      const token = `${part({ alg: 'RS256', kid: 'key-1' })}.${part({ iss: issuer })}.c2ln`;
      const { token: forged } = forge(token, 'hs256-public-key', undefined, () => ({
        code: 200,
        body: JSON.stringify({ keys: [jwk] }),
      }));
      const pem = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
      const [header, claims, signature] = forged!.split('.');
      expect(signature, `${modulusLength}-bit key`).to.equal(
        createHmac('sha256', pem).update(`${header}.${claims}`).digest('base64url'),
      );
    }
  });
});
