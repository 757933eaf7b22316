/**
 * The forged tokens the pre-request scripts build in the Postman sandbox, checked with jose and
 * node:crypto: each is what its name says, and none verifies against the pool's key.
 */
import { createHmac, createPublicKey } from 'node:crypto';
import { expect } from 'chai';
import { SignJWT, exportJWK, generateKeyPair, jwtVerify, type JWK } from 'jose';
import { planNegativeChecks } from '../../generators/plan/plan-negative-checks.js';
import type { NegativeCheck } from '../../generators/plan/types.js';
import { editedSubject } from '../../generators/contract/library-constants.js';
import { renderNegativeScripts } from '../../generators/render/render-negative-scripts.js';
import { model, operation } from '../support/api-model.js';
import {
  answer,
  itemFor,
  runItems,
  startFixtureServer,
  type FixtureServer,
} from './newman-harness.js';

const restId = { 'x-amzn-RequestId': '6f1c7a52-0000-4000-8000-000000000002' };
const unauthorized = answer(
  401,
  { ...restId, 'x-amzn-ErrorType': 'UnauthorizedException' },
  '{"message":"Unauthorized"}',
);

const decode = (part: string) =>
  JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;

describe('forged tokens built in the Postman sandbox', function () {
  let server: FixtureServer;
  let token: string;
  let jwk: JWK;
  let publicKey: Parameters<typeof jwtVerify>[1];
  const sent = new Map<string, string>();
  const checks = new Map<string, NegativeCheck>();

  before(async () => {
    const keys = await generateKeyPair('RS256');
    publicKey = keys.publicKey;
    jwk = { ...(await exportJWK(keys.publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };
    const op = operation();
    const planned = planNegativeChecks(model([op]), op).filter(
      (c): c is NegativeCheck => c.role === 'negative' && c.token.from === 'forged',
    );
    const routes: Record<string, ReturnType<typeof answer>> = {
      '/ok': answer(200, restId, '{"message":"Hello from Lambda!"}'),
      '/pool/.well-known/jwks.json': answer(
        200,
        {},
        JSON.stringify({ keys: [{ ...jwk, kid: 'other' }, jwk] }),
      ),
    };
    planned.forEach((check, index) => {
      routes[`/forged/${index}`] = unauthorized;
      checks.set(`/forged/${index}`, check);
    });
    server = await startFixtureServer(routes);
    token = await new SignJWT({
      token_use: 'id',
      'cognito:groups': ['users'],
      'cognito:username': 'alice',
      aud: 'client-1',
    })
      .setProtectedHeader({ alg: 'RS256', kid: 'key-1' })
      .setSubject('7d8c2e5a-1111-4000-8000-000000000001')
      .setIssuer(`${server.url}/pool`)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(keys.privateKey);

    const all = planNegativeChecks(model([op]), op);
    const items = [...checks].flatMap(([path, check]) => {
      const control = all.find((c) => c.id === check.controlId)!;
      return [
        itemFor(control, `${server.url}/ok`, renderNegativeScripts(control)),
        itemFor(check, server.url + path, renderNegativeScripts(check)),
      ];
    });
    const run = await runItems(items, { idToken: token });
    expect(
      run.assertions.filter((a) => !a.passed).map((a) => `${a.item}: ${a.name}: ${a.message}`),
    ).to.deep.equal([]);
    for (const path of checks.keys()) {
      const header = server.received.get(path)?.[0]?.headers.authorization;
      if (typeof header === 'string') sent.set(checks.get(path)!.name, header);
    }
  });
  after(() => server.close());

  function forged(name: string): string[] {
    const header = sent.get(`GET /demo · ${name}`);
    expect(header, name).to.be.a('string');
    expect(header!.startsWith('Bearer ')).to.equal(true);
    return header!.slice('Bearer '.length).split('.');
  }

  async function rejectedByThePool(parts: string[]): Promise<void> {
    let verified = true;
    try {
      await jwtVerify(parts.join('.'), publicKey, { issuer: `${server.url}/pool` });
    } catch {
      verified = false;
    }
    expect(verified, 'the forged token verifies').to.equal(false);
  }

  it('signature-altered: same header and payload, a signature of the same length with its last bytes changed', async () => {
    const [header, payload, signature] = forged('signature-altered');
    const original = token.split('.');
    expect([header, payload]).to.deep.equal([original[0], original[1]]);
    const before = Buffer.from(original[2]!, 'base64url');
    const after = Buffer.from(signature!, 'base64url');
    expect(after.length).to.equal(before.length);
    expect(after.subarray(0, -4).equals(before.subarray(0, -4))).to.equal(true);
    expect(after.subarray(-4).equals(before.subarray(-4))).to.equal(false);
    await rejectedByThePool([header!, payload!, signature!]);
  });

  it('claims-edited: another subject and an admin group, header and signature kept', async () => {
    const [header, payload, signature] = forged('claims-edited');
    const original = token.split('.');
    expect([header, signature]).to.deep.equal([original[0], original[2]]);
    const claims = decode(payload!);
    expect(claims.sub).to.equal(editedSubject);
    expect(claims['cognito:groups']).to.deep.equal(['users', 'admin']);
    expect(claims.iss).to.equal(`${server.url}/pool`);
    await rejectedByThePool([header!, payload!, signature!]);
  });

  for (const spelling of ['none', 'None', 'NONE', 'nOnE']) {
    it(`alg-none (${spelling}): alg ${spelling}, original payload, empty signature`, () => {
      const [header, payload, signature] = forged(`alg-none (${spelling})`);
      expect(decode(header!)).to.deep.equal({ alg: spelling, kid: 'key-1' });
      expect(payload).to.equal(token.split('.')[1]);
      expect(signature).to.equal('');
    });
  }

  it('signature-stripped: header.payload. of the original token', () => {
    const original = token.split('.');
    expect(forged('signature-stripped')).to.deep.equal([original[0], original[1], '']);
  });

  it('hs256-empty-secret: HS256 signed with an empty secret', () => {
    const [header, payload, signature] = forged('hs256-empty-secret');
    expect(decode(header!)).to.deep.equal({ alg: 'HS256', kid: 'key-1' });
    expect(signature).to.equal(
      createHmac('sha256', '').update(`${header}.${payload}`).digest('base64url'),
    );
  });

  it("hs256-public-key: HS256 keyed with the PEM of the pool's JWK matching the kid", () => {
    const [header, payload, signature] = forged('hs256-public-key');
    expect(decode(header!)).to.deep.equal({ alg: 'HS256', kid: 'key-1' });
    const pem = createPublicKey({ key: jwk as import('node:crypto').JsonWebKey, format: 'jwk' })
      .export({ type: 'spki', format: 'pem' })
      .toString();
    expect(signature).to.equal(
      createHmac('sha256', pem).update(`${header}.${payload}`).digest('base64url'),
    );
  });
});
