import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { expect } from 'chai';
import { expectCognitoError, password, rawCall, startFixture, type Fixture } from './fixture.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('cognito stand-in: JSON protocol on the wire', () => {
  let fx: Fixture;
  let clientId: string;
  let poolId: string;

  before(async () => {
    fx = await startFixture();
    ({ poolId, clientId } = await fx.pool());
    await fx.user(poolId, 'alice', { email: 'alice@example.com' });
  });
  after(() => fx.stop());

  it('listens on 127.0.0.1 with a trailing-slash endpoint and a slash-less url', () => {
    expect(fx.cognito.endpoint).to.match(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(fx.cognito.url).to.equal(fx.cognito.endpoint.slice(0, -1));
  });

  it('sends errors as AWS does: 400, __type + message, x-amzn-ErrorType with a trailing colon', async () => {
    const response = await rawCall(fx.cognito, 'InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: clientId,
      AuthParameters: { USERNAME: 'alice', PASSWORD: 'wrong-Passw0rd!' },
    });
    expect(response.status).to.equal(400);
    expect(response.headers.get('content-type')).to.equal('application/x-amz-json-1.1');
    expect(response.headers.get('x-amzn-errortype')).to.equal('NotAuthorizedException:');
    expect(response.headers.get('x-amzn-errormessage')).to.equal('Incorrect username or password.');
    expect(response.headers.get('x-amzn-requestid')).to.match(uuidPattern);
    expect(await response.text()).to.equal(
      '{"__type":"NotAuthorizedException","message":"Incorrect username or password."}',
    );
  });

  it('answers success with AuthenticationResult and ChallengeParameters: {}', async () => {
    const response = await rawCall(fx.cognito, 'InitiateAuth', {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: clientId,
      AuthParameters: { USERNAME: 'alice', PASSWORD: password },
    });
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.equal('application/x-amz-json-1.1');
    expect(response.headers.get('x-amzn-requestid')).to.match(uuidPattern);
    const body = (await response.json()) as Record<string, Record<string, unknown>>;
    expect(Object.keys(body)).to.deep.equal(['AuthenticationResult', 'ChallengeParameters']);
    expect(body.ChallengeParameters).to.deep.equal({});
    expect(Object.keys(body.AuthenticationResult ?? {})).to.deep.equal([
      'AccessToken',
      'ExpiresIn',
      'IdToken',
      'RefreshToken',
      'TokenType',
    ]);
    expect(body.AuthenticationResult?.ExpiresIn).to.equal(3600);
    expect(body.AuthenticationResult?.TokenType).to.equal('Bearer');
  });

  it('refuses unknown operations with UnknownOperationException', async () => {
    const response = await rawCall(fx.cognito, 'DoSomethingElse', {});
    expect(response.status).to.equal(400);
    expect(response.headers.get('x-amzn-errortype')).to.equal('UnknownOperationException:');
    const missingTarget = await fetch(fx.cognito.endpoint, { method: 'POST', body: '{}' });
    expect(((await missingTarget.json()) as { __type: string }).__type).to.equal(
      'UnknownOperationException',
    );
  });

  it('refuses unsigned admin calls with MissingAuthenticationTokenException', async () => {
    const response = await rawCall(fx.cognito, 'AdminGetUser', {
      UserPoolId: poolId,
      Username: 'alice',
    });
    expect(response.status).to.equal(400);
    expect(await response.json()).to.deep.equal({
      __type: 'MissingAuthenticationTokenException',
      message: 'Missing Authentication Token',
    });
    const signed = await rawCall(
      fx.cognito,
      'AdminGetUser',
      { UserPoolId: poolId, Username: 'alice' },
      {
        Authorization:
          'AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/cognito-idp/aws4_request, SignedHeaders=host, Signature=abc',
      },
    );
    expect(signed.status).to.equal(200);
  });

  it('refuses a body that is not JSON', async () => {
    const response = await fetch(fx.cognito.endpoint, {
      method: 'POST',
      headers: { 'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth' },
      body: 'not json',
    });
    expect(response.status).to.equal(400);
    expect(response.headers.get('x-amzn-errortype')).to.equal('SerializationException:');
  });

  it('keeps error headers valid when a message quotes unusual request values', async () => {
    const response = await rawCall(fx.cognito, 'InitiateAuth', {
      AuthFlow: 'ÜBER\nAUTH',
      ClientId: clientId,
    });
    expect(response.status).to.equal(400);
    expect(response.headers.get('x-amzn-errormessage')).to.match(/^[\x20-\x7e]+$/);
    expect(((await response.json()) as { message: string }).message).to.contain("'ÜBER\nAUTH'");
  });

  it('names unknown clients as AWS does (ResourceNotFoundException)', async () => {
    await expectCognitoError(
      fx.sdk.send(
        new InitiateAuthCommand({
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: 'nosuchclient0000000000000',
          AuthParameters: { USERNAME: 'alice', PASSWORD: password },
        }),
      ),
      'ResourceNotFoundException',
      'User pool client nosuchclient0000000000000 does not exist.',
    );
  });

  it('reports missing required members as InvalidParameterException', async () => {
    const response = await rawCall(fx.cognito, 'InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH' });
    expect(await response.json()).to.deep.equal({
      __type: 'InvalidParameterException',
      message:
        "1 validation error detected: Value null at 'clientId' failed to satisfy constraint: Member must not be null",
    });
  });

  it('serves the JWKS and OpenID configuration of each pool', async () => {
    const jwks = (await (await fetch(fx.cognito.jwksUri(poolId))).json()) as {
      keys: Record<string, string>[];
    };
    expect(jwks.keys).to.have.length(2);
    for (const key of jwks.keys) {
      expect(key).to.include({ alg: 'RS256', kty: 'RSA', use: 'sig', e: 'AQAB' });
      expect(key.n).to.be.a('string').with.length.greaterThan(300);
    }
    expect(jwks.keys[0]?.kid).to.not.equal(jwks.keys[1]?.kid);
    const config = (await (
      await fetch(`${fx.cognito.issuer(poolId)}/.well-known/openid-configuration`)
    ).json()) as Record<string, string>;
    expect(config.issuer).to.equal(`${fx.cognito.url}/${poolId}`);
    expect(config.jwks_uri).to.equal(fx.cognito.jwksUri(poolId));
    const unknown = await fetch(`${fx.cognito.url}/us-east-1_nosuchpoo/.well-known/jwks.json`);
    expect(unknown.status).to.equal(404);
  });

  it('answers 404 on other paths', async () => {
    expect((await fetch(`${fx.cognito.url}/elsewhere`)).status).to.equal(404);
  });
});
