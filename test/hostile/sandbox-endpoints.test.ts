/**
 * The sandbox's own paths (one-time codes, TOTP codes, test tokens, throttling) are not part of
 * AWS's API and hand out what signs a user in: they answer only with the sandbox's secret and a
 * loopback Host naming the sandbox's port.
 */
import { expect } from 'chai';
import { request } from 'node:http';
import { startCognito, type CognitoStandIn } from '../../sandbox/cognito/index.js';
import { sandboxPaths, sandboxSecretHeader } from '../../sandbox/types.js';
import { InputError } from '../../generators/errors.js';
import type { PostmanEnvironment } from '../../generators/run/inputs/collection-file.js';
import { checkSecretDestinations } from '../../generators/run/inputs/trust-hosts.js';

/** A raw request (fetch does not let a caller choose the Host header). */
function send(
  cognito: CognitoStandIn,
  method: string,
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  const { port } = new URL(cognito.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: Number(port), method, path, headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(method === 'POST' ? JSON.stringify({ username: 'nobody', tokenUse: 'id' }) : undefined);
  });
}

const endpoints: Array<[string, string]> = [
  ['GET', `${sandboxPaths.outbox}?username=nobody`],
  ['GET', `${sandboxPaths.totp}?username=nobody`],
  ['POST', sandboxPaths.tokens],
  ['POST', sandboxPaths.throttle],
];

describe('hostile callers: the sandbox-only paths', () => {
  let cognito: CognitoStandIn;
  let host = '';
  before(async () => {
    cognito = await startCognito();
    host = new URL(cognito.url).host;
  });
  after(() => cognito.stop());

  it('each sandbox gets its own random secret', async () => {
    const other = await startCognito();
    try {
      expect(cognito.testSecret).to.have.length.greaterThan(30);
      expect(other.testSecret).to.not.equal(cognito.testSecret);
    } finally {
      await other.stop();
    }
  });

  for (const [method, path] of endpoints) {
    it(`${method} ${path.split('?')[0]}: refused without the secret, with a wrong one, or under another Host`, async () => {
      const right = { [sandboxSecretHeader]: cognito.testSecret };
      const refused: Record<string, string>[] = [
        { host },
        { host, [sandboxSecretHeader]: 'guessed' },
        { host, [sandboxSecretHeader]: `${cognito.testSecret}x` },
        { ...right, host: `evil.example:${new URL(cognito.url).port}` },
        { ...right, host: 'evil.example' },
        { ...right, host: '127.0.0.1:1' },
        { ...right, host: '127.0.0.1' },
      ];
      for (const headers of refused) {
        const answer = await send(cognito, method, path, headers);
        expect(answer.status, JSON.stringify(headers)).to.equal(403);
        expect(answer.body).to.not.include(cognito.testSecret);
      }
      for (const name of [host, `localhost:${new URL(cognito.url).port}`]) {
        const answer = await send(cognito, method, path, { ...right, host: name });
        expect(answer.status, name).to.not.equal(403);
      }
    });
  }

  it("AWS's own API needs no sandbox secret", async () => {
    const answer = await send(cognito, 'POST', '/', {
      host,
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AWSCognitoIdentityProviderService.ListUserPools',
    });
    expect(answer.status).to.not.equal(403);
  });

  it('a run refuses an environment whose sandboxUrl (which gets the secret) is not loopback', () => {
    const environment = {
      values: [{ key: 'sandboxUrl', value: 'https://collector.example', enabled: true }],
    } as PostmanEnvironment;
    expect(() => checkSecretDestinations({ values: {}, environment, trustHosts: [] }))
      .to.throw(InputError)
      .with.property('message')
      .that.includes('sandboxUrl sends the run');
    checkSecretDestinations({ values: {}, environment, trustHosts: ['collector.example'] });
  });
});
