/**
 * The sandbox issues the token another app client of the same pool would get, and its HTTP API
 * JWT authorizer refuses it for its audience (docs/reference/aws-wire-behaviour.md §3) unless
 * `audience-not-checked`.
 */
import { expect } from 'chai';
import { decodeJwt } from 'jose';
import { startSandbox, type Sandbox } from '../../sandbox/index.js';
import { sandboxPaths } from '../../sandbox/types.js';

const spec = 'test/fixtures/specs/http-jwt-oas31.json';

describe('sandbox: token of another app client of the pool', function () {
  this.timeout(30_000);
  let sandbox: Sandbox;
  before(async () => {
    sandbox = await startSandbox({ specPath: spec });
  });
  after(async () => sandbox?.stop());

  async function token(client: 'main' | 'other'): Promise<string> {
    const main = sandbox.users.find((user) => user.role === 'main');
    const response = await fetch(`${sandbox.sandboxUrl}${sandboxPaths.tokens}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'x-gatecheck-sandbox-secret': sandbox.testSecret,
      },
      body: JSON.stringify({
        username: main?.username,
        tokenUse: 'access',
        scopes: ['notes/read'],
        client,
      }),
    });
    expect(response.status).to.equal(200);
    return ((await response.json()) as { token: string }).token;
  }

  it('has the same issuer, another client id; the JWT authorizer refuses it with 401', async () => {
    const [own, other] = [await token('main'), await token('other')];
    expect(decodeJwt(other).iss).to.equal(sandbox.issuer);
    expect(decodeJwt(other).client_id).to.not.equal(sandbox.clientId);
    expect(decodeJwt(own).client_id).to.equal(sandbox.clientId);
    const call = (value: string) =>
      fetch(`${sandbox.apiBaseUrl}/notes`, { headers: { Authorization: `Bearer ${value}` } });
    expect((await call(own)).status).to.equal(200);
    const refused = await call(other);
    expect(refused.status).to.equal(401);
    expect(await refused.text()).to.equal('{"message":"Unauthorized"}');
    sandbox.setFaults([{ name: 'audience-not-checked' }]);
    expect((await call(other)).status).to.equal(200);
    sandbox.setFaults([]);
  });
});
