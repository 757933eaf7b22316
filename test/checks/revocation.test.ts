/** The revocation folder against a Cognito stand-in: sign in, GlobalSignOut, GetUser with the old token. */
import { expect } from 'chai';
import { planRevocationChecks } from '../../generators/plan/plan-revocation-checks.js';
import { renderRevocationScripts } from '../../generators/render/negative-revocation-scripts.js';
import { model, operation } from '../support/api-model.js';
import {
  runItems,
  startFixtureServer,
  type FixtureServer,
  type Handler,
  type ItemSpec,
} from './newman-harness.js';

describe('revocation checks against Cognito, in the Postman sandbox', function () {
  let server: FixtureServer;
  let revokes = true;
  const calls: Array<{ target: string; body: Record<string, unknown> }> = [];

  // Answers as Cognito's JSON API does (docs/reference/aws-wire-behaviour.md §1.1–1.3).
  const cognito: Handler = (request, body, response) => {
    const target = String(request.headers['x-amz-target']).split('.')[1] ?? '';
    calls.push({ target, body: JSON.parse(body) as Record<string, unknown> });
    const reply = (status: number, value: unknown) =>
      response
        .writeHead(status, { 'Content-Type': 'application/x-amz-json-1.1' })
        .end(JSON.stringify(value));
    if (target === 'InitiateAuth')
      return reply(200, {
        AuthenticationResult: { AccessToken: 'access-1', ExpiresIn: 3600 },
        ChallengeParameters: {},
      });
    if (target === 'GlobalSignOut') return reply(200, {});
    if (revokes)
      return reply(400, {
        __type: 'NotAuthorizedException',
        message: 'Access Token has been revoked',
      });
    reply(200, { Username: 'revoker', UserAttributes: [] });
  };

  before(async () => {
    server = await startFixtureServer({ '/': cognito });
  });
  after(() => server.close());

  function items(): ItemSpec[] {
    return planRevocationChecks(model([operation()])).map((check) => ({
      name: check.name,
      method: 'POST',
      url: check.url,
      headers: check.headers,
      body: { contentType: 'application/x-amz-json-1.1', raw: '{}' },
      ...renderRevocationScripts(check),
    }));
  }
  const variables = {
    cognitoEndpoint: '',
    clientId: 'client-1',
    // This stand-in answers InitiateAuth with tokens at once: the USER_PASSWORD_AUTH path. Other
    // flows (SRP) sign in through the library first; the examples run them against the sandbox.
    authFlow: 'USER_PASSWORD_AUTH',
    revocationUsername: 'revoker',
    revocationPassword: 'pw-not-logged',
  };

  it('passes when Cognito rejects the signed-out access token', async () => {
    calls.length = 0;
    const run = await runItems(items(), { ...variables, cognitoEndpoint: `${server.url}/` });
    expect(run.assertions.map((a) => [a.name, a.passed])).to.deep.equal([
      ['revocation: the revocation user signed in', true],
      ['revocation: GlobalSignOut succeeded', true],
      [
        'revocation: Cognito rejects the signed-out access token (400 NotAuthorizedException "Access Token has been revoked")',
        true,
      ],
    ]);
    expect(calls.map((c) => c.target)).to.deep.equal(['InitiateAuth', 'GlobalSignOut', 'GetUser']);
    expect(calls[0]?.body).to.deep.equal({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: 'client-1',
      AuthParameters: { USERNAME: 'revoker', PASSWORD: 'pw-not-logged' },
    });
    expect(calls[2]?.body).to.deep.equal({ AccessToken: 'access-1' });
    expect(run.variables['gatecheck.revocation.accessToken'] ?? '').to.equal('');
  });

  it('fails when the old access token still works', async () => {
    revokes = false;
    try {
      const run = await runItems(items(), { ...variables, cognitoEndpoint: `${server.url}/` });
      expect(run.assertions.map((a) => a.passed)).to.deep.equal([true, true, false]);
    } finally {
      revokes = true;
    }
  });

  it('is skipped, step by step, without revocationUsername', async () => {
    calls.length = 0;
    const run = await runItems(items(), {
      ...variables,
      revocationUsername: '',
      cognitoEndpoint: `${server.url}/`,
    });
    expect(run.assertions.every((a) => a.skipped)).to.equal(true);
    expect(run.assertions).to.have.length(3);
    expect(calls).to.deep.equal([]);
    expect(run.variables).to.include({ 'gatecheck.skipped': '3' });
  });
});
