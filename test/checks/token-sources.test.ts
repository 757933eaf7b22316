/**
 * What each check sends, in the Postman sandbox: literal values, the wrong token kind, API keys,
 * and tokens from variables or minted by the sandbox (else skipped, never passed).
 */
import { expect } from 'chai';
import { SignJWT, generateKeyPair } from 'jose';
import { planNegativeChecks } from '../../generators/plan/plan-negative-checks.js';
import type { ControlCheck, NegativeCheck } from '../../generators/plan/types.js';
import { wrongApiKey } from '../../generators/contract/library-constants.js';
import { renderNegativeScripts } from '../../generators/render/render-negative-scripts.js';
import { cognitoScoped, model, operation } from '../support/api-model.js';
import {
  answer,
  itemFor,
  runItems,
  startFixtureServer,
  type FixtureServer,
  type Handler,
  type ItemSpec,
} from './newman-harness.js';

const restId = { 'x-amzn-RequestId': '6f1c7a52-0000-4000-8000-000000000003' };
const unauthorized = answer(
  401,
  { ...restId, 'x-amzn-ErrorType': 'UnauthorizedException' },
  '{"message":"Unauthorized"}',
);
const expiredAnswer = answer(
  401,
  { ...restId, 'x-amzn-ErrorType': 'UnauthorizedException' },
  '{"message":"The incoming token has expired"}',
);
const forbidden = answer(
  403,
  { ...restId, 'x-amzn-ErrorType': 'ForbiddenException' },
  '{"message":"Forbidden"}',
);

describe('what negative checks send, in the Postman sandbox', function () {
  let server: FixtureServer;
  let mintStatus = 200;
  let expiredIdToken: string;
  let freshIdToken: string;

  const mint: Handler = (_request, body, response) => {
    const request = JSON.parse(body) as { tokenUse: string };
    if (mintStatus !== 200) return void response.writeHead(mintStatus).end('{}');
    response
      .writeHead(200, { 'Content-Type': 'application/json' })
      .end(JSON.stringify({ token: `minted-${request.tokenUse}` }));
  };

  before(async () => {
    server = await startFixtureServer({
      '/ok': answer(200, restId, '{"message":"Hello from Lambda!"}'),
      '/unauthorized': unauthorized,
      '/expired': expiredAnswer,
      '/forbidden': forbidden,
      '/__sandbox/tokens': mint,
    });
    const { privateKey } = await generateKeyPair('RS256');
    const sign = (exp: number) =>
      new SignJWT({ token_use: 'id' })
        .setProtectedHeader({ alg: 'RS256', kid: 'k' })
        .setExpirationTime(exp)
        .sign(privateKey);
    const now = Math.floor(Date.now() / 1000);
    expiredIdToken = await sign(now - 600);
    freshIdToken = await sign(now + 3600);
  });
  after(() => server.close());

  function planned(kind: string, op = operation()): [ControlCheck, NegativeCheck] {
    const checks = planNegativeChecks(model([op]), op);
    const negative = checks.find((c) => c.role === 'negative' && c.kind === kind) as NegativeCheck;
    // The control of the negative's block (the first check of the block).
    const control = checks.find((c) => c.id === negative.controlId) as ControlCheck;
    return [control, negative];
  }

  /** Runs control (→ /ok) + negative (→ path) and returns the negative's results and what reached `path`. */
  async function run(
    kind: string,
    path: string,
    variables: Record<string, string>,
    op = operation(),
  ) {
    const [control, negative] = planned(kind, op);
    const items: ItemSpec[] = [
      itemFor(control, `${server.url}/ok`, renderNegativeScripts(control)),
      itemFor(negative, server.url + path, renderNegativeScripts(negative)),
    ];
    server.received.clear();
    const result = await runItems(items, variables);
    return {
      results: result.assertions.filter((a) => a.item === negative.name),
      headers: server.received.get(path)?.[0]?.headers,
      control: server.received.get('/ok')?.[0]?.headers,
      mintRequest: server.received.get('/__sandbox/tokens')?.[0]?.body,
      variables: result.variables,
    };
  }

  const allPassed = (results: Array<{ passed: boolean }>) =>
    results.length > 0 && results.every((r) => r.passed);

  it('literal values go out exactly: empty header, `Bearer`, `Bearer x`, `not-a-jwt`; no-token removes it', async () => {
    for (const [kind, want] of [
      ['empty-token', ''],
      ['bearer-empty', 'Bearer'],
      ['bearer-garbage', 'Bearer x'],
      ['not-a-jwt', 'not-a-jwt'],
      ['no-token', undefined],
    ] as const) {
      const { results, headers } = await run(kind, '/unauthorized', { idToken: freshIdToken });
      expect(headers?.authorization, kind).to.equal(want);
      expect(allPassed(results), kind).to.equal(true);
    }
  });

  it('wrong-token-type sends the other captured token; the control sends the right one', async () => {
    const op = operation({ protection: cognitoScoped });
    const { results, headers, control } = await run(
      'wrong-token-type',
      '/unauthorized',
      { idToken: 'the-id', accessToken: 'the-access' },
      op,
    );
    expect(control?.authorization).to.equal('Bearer the-access');
    expect(headers?.authorization).to.equal('Bearer the-id');
    expect(allPassed(results)).to.equal(true);
  });

  it('a header other than Authorization carries the raw token', async () => {
    const op = operation({
      protection: {
        kind: 'cognito',
        scheme: 'cognito',
        tokenHeader: 'dev-auth-token',
        tokenKind: 'access',
        scopes: ['email'],
      },
    });
    // `email`: the control sends the code flow's user token (oauthAccessToken).
    const { headers, control } = await run(
      'wrong-token-type',
      '/unauthorized',
      { idToken: 'the-id', accessToken: 'api-access', oauthAccessToken: 'the-access' },
      op,
    );
    expect(control?.['dev-auth-token']).to.equal('the-access');
    expect(headers?.['dev-auth-token']).to.equal('the-id');
    expect(headers?.authorization).to.equal(undefined);
  });

  it('API key checks: a valid token with the key omitted or wrong; token checks send the valid key', async () => {
    const op = operation({ apiKey: { header: 'x-api-key' } });
    const variables = { idToken: 'the-id', apiKey: 'valid-key-0123456789abcdef' };
    const missing = await run('api-key-missing', '/forbidden', variables, op);
    expect(missing.headers?.['x-api-key']).to.equal(undefined);
    expect(missing.headers?.authorization).to.equal('Bearer the-id');
    expect(missing.control?.['x-api-key']).to.equal('valid-key-0123456789abcdef');
    expect(allPassed(missing.results)).to.equal(true);
    const wrong = await run('api-key-wrong', '/forbidden', variables, op);
    expect(wrong.headers?.['x-api-key']).to.equal(wrongApiKey);
    expect(allPassed(wrong.results)).to.equal(true);
    const token = await run('no-token', '/unauthorized', variables, op);
    expect(token.headers?.['x-api-key']).to.equal('valid-key-0123456789abcdef');
  });

  it('expired: skipped (not passed, not sent) without expiredToken or a sandbox', async () => {
    const { results, headers, variables } = await run('expired', '/expired', {
      idToken: freshIdToken,
    });
    expect(results.map((r) => [r.name, r.skipped])).to.deep.equal([
      [
        'expired: skipped: set expiredToken (or run against the gatecheck sandbox) to run this check',
        true,
      ],
    ]);
    expect(headers).to.equal(undefined);
    expect(variables).to.include({ 'gatecheck.skipped': '1', 'gatecheck.ran': '1' });
  });

  it('expired: uses a supplied token only if it is an expired token of the right kind', async () => {
    const used = await run('expired', '/expired', {
      idToken: freshIdToken,
      expiredToken: expiredIdToken,
    });
    expect(used.headers?.authorization).to.equal(`Bearer ${expiredIdToken}`);
    expect(allPassed(used.results)).to.equal(true);
    const fresh = await run('expired', '/expired', {
      idToken: freshIdToken,
      expiredToken: freshIdToken,
    });
    expect(fresh.results.map((r) => [r.name, r.skipped])).to.deep.equal([
      ['expired: skipped: expiredToken has not expired yet', true],
    ]);
    const op = operation({ protection: cognitoScoped });
    const wrongKind = await run(
      'expired',
      '/expired',
      { accessToken: 'a', expiredToken: expiredIdToken },
      op,
    );
    expect(wrongKind.results.map((r) => r.name)).to.deep.equal([
      'expired: skipped: expiredToken is not an access token (token_use id)',
    ]);
  });

  it('expired, other-pool, missing-scope, foreign-key: minted by the sandbox when sandboxUrl is set', async () => {
    const op = operation({ protection: cognitoScoped });
    const variables = { accessToken: 'the-access', username: 'alice', sandboxUrl: server.url };
    const cases: Array<[string, object]> = [
      ['expired', { tokenUse: 'access', expired: true, username: 'alice' }],
      ['other-pool', { tokenUse: 'access', pool: 'other', username: 'alice' }],
      ['missing-scope', { tokenUse: 'access', scopes: ['gatecheck/none'], username: 'alice' }],
      ['foreign-key', { tokenUse: 'access', signer: 'foreign', username: 'alice' }],
    ];
    for (const [kind, body] of cases) {
      const result = await run(
        kind,
        kind === 'expired' ? '/expired' : '/unauthorized',
        variables,
        op,
      );
      expect(JSON.parse(result.mintRequest ?? '{}'), kind).to.deep.equal(body);
      expect(result.headers?.authorization, kind).to.equal('Bearer minted-access');
      expect(allPassed(result.results), kind).to.equal(true);
    }
  });

  it('a token the sandbox fails to mint makes the check inconclusive', async () => {
    mintStatus = 500;
    try {
      const { results, variables } = await run('other-pool', '/unauthorized', {
        idToken: 'x',
        username: 'alice',
        sandboxUrl: server.url,
      });
      expect(results.map((r) => [r.name, r.passed])).to.deep.equal([
        ['other-pool: inconclusive: the sandbox did not mint the test token (HTTP 500)', false],
      ]);
      expect(variables).to.include({ 'gatecheck.inconclusive': '1' });
    } finally {
      mintStatus = 200;
    }
  });

  it('forgeries without a captured token are inconclusive, even when the control got through', async () => {
    const { results } = await run('signature-altered', '/unauthorized', { idToken: '' });
    expect(results.map((r) => r.name)).to.deep.equal([
      'signature-altered: inconclusive: no captured id token: the sign-in did not succeed',
    ]);
  });
});
