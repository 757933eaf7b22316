import { expect } from 'chai';
import type { Gateway } from '../../../sandbox/gateway/start-gateway.js';
import type { Fault } from '../../../sandbox/types.js';
import { call, gatewayFor, restSpec } from './gateway-harness.js';
import { startLocalIssuers, unsignedToken, type LocalIssuers } from './local-issuer.js';

/**
 * Each fault makes the gateway accept one request it rejected before: the proof that the matching
 * negative check can fail.
 */
describe('gateway stand-in: faults (off by default, switched with setFaults)', () => {
  let issuers: LocalIssuers;
  let gateway: Gateway;
  let base: string;

  before(async () => {
    issuers = await startLocalIssuers();
    gateway = await gatewayFor(restSpec, issuers);
    base = gateway.apiBaseUrl;
  });
  afterEach(() => gateway.setFaults([]));
  after(async () => {
    await gateway.stop();
    await issuers.close();
  });

  async function statusWith(
    faults: Fault[],
    path: string,
    headers: Record<string, string>,
  ): Promise<[number, number]> {
    gateway.setFaults([]);
    const before = (await call(`${base}${path}`, { headers })).status;
    gateway.setFaults(faults);
    const after = (await call(`${base}${path}`, { headers })).status;
    return [before, after];
  }

  const past = () => Math.floor(Date.now() / 1000) - 7200;

  it('authorizer-removed (one method): no token reaches the integration there, not elsewhere', async () => {
    expect(
      await statusWith([{ name: 'authorizer-removed', target: 'GET /demo' }], '/demo', {}),
    ).to.deep.equal([401, 200]);
    expect((await call(`${base}/reports`)).status).to.equal(401);
  });

  it('authorizer-removed (no target): every protected method is open, API keys still checked', async () => {
    expect(await statusWith([{ name: 'authorizer-removed' }], '/reports', {})).to.deep.equal([
      401, 200,
    ]);
    expect((await call(`${base}/keyed`)).status).to.equal(403);
  });

  it('signature-not-verified: a token signed by an unpublished key passes', async () => {
    const token = await issuers.trusted.forgedToken();
    expect(
      await statusWith([{ name: 'signature-not-verified' }], '/demo', { Authorization: token }),
    ).to.deep.equal([401, 200]);
  });

  it('signature-not-verified still checks claims (expiry)', async () => {
    gateway.setFaults([{ name: 'signature-not-verified' }]);
    const token = await issuers.trusted.forgedToken({ iat: past(), exp: past() + 3600 });
    expect((await call(`${base}/demo`, { headers: { Authorization: token } })).status).to.equal(
      401,
    );
  });

  it('expiry-not-checked: an expired token passes', async () => {
    const token = await issuers.trusted.idToken({ iat: past(), exp: past() + 3600 });
    expect(
      await statusWith([{ name: 'expiry-not-checked' }], '/demo', { Authorization: token }),
    ).to.deep.equal([401, 200]);
  });

  it('scopes-ignored: an access token without the method scopes passes', async () => {
    const token = await issuers.trusted.accessToken(['openid']);
    expect(
      await statusWith([{ name: 'scopes-ignored' }], '/reports', { Authorization: token }),
    ).to.deep.equal([401, 200]);
  });

  it('token-use-ignored: an access token passes an ID-token method', async () => {
    const token = await issuers.trusted.accessToken(['aws.cognito.signin.user.admin']);
    expect(
      await statusWith([{ name: 'token-use-ignored' }], '/demo', { Authorization: token }),
    ).to.deep.equal([401, 200]);
  });

  it('any-issuer-accepted: a token of the other sandbox pool passes (verified against that pool’s JWKS)', async () => {
    const token = await issuers.other.idToken();
    expect(
      await statusWith([{ name: 'any-issuer-accepted' }], '/demo', { Authorization: token }),
    ).to.deep.equal([401, 200]);
    const forged = await issuers.other.forgedToken({ iss: issuers.other.issuer });
    expect((await call(`${base}/demo`, { headers: { Authorization: forged } })).status).to.equal(
      401,
    );
  });

  it('api-key-not-enforced: a request without the key passes', async () => {
    const token = await issuers.trusted.idToken();
    expect(
      await statusWith([{ name: 'api-key-not-enforced' }], '/keyed', { Authorization: token }),
    ).to.deep.equal([403, 204]);
  });

  it('alg-none-accepted: an unsigned token (any case of none) passes', async () => {
    const claims = {
      iss: issuers.trusted.issuer,
      token_use: 'id',
      exp: Math.floor(Date.now() / 1000) + 600,
      'cognito:username': 'alice',
    };
    expect(
      await statusWith([{ name: 'alg-none-accepted' }], '/demo', {
        Authorization: unsignedToken(claims, 'NoNe'),
      }),
    ).to.deep.equal([401, 200]);
  });
});
