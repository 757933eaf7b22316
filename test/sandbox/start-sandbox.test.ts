import { APIGatewayClient, GetExportCommand } from '@aws-sdk/client-api-gateway';
import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { expect } from 'chai';
import { sandboxRefreshToken } from '../../generators/cli/sandbox-oauth.js';
import { startSandbox } from '../../sandbox/index.js';
import type { Sandbox } from '../../sandbox/types.js';

async function signIn(sandbox: Sandbox, role = 'main'): Promise<{ id: string; access: string }> {
  const user = sandbox.users.find((u) => u.role === role);
  if (!user) throw new Error(`no ${role} user`);
  const client = new CognitoIdentityProviderClient({
    endpoint: sandbox.cognitoEndpoint,
    region: sandbox.region,
  });
  const result = await client.send(
    new InitiateAuthCommand({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: sandbox.clientId,
      AuthParameters: { USERNAME: user.username, PASSWORD: user.password },
    }),
  );
  client.destroy();
  const tokens = result.AuthenticationResult;
  if (!tokens?.IdToken || !tokens.AccessToken) throw new Error('no tokens');
  return { id: tokens.IdToken, access: tokens.AccessToken };
}

describe('startSandbox: Cognito + gateway, provisioned through the SDK', () => {
  describe('lab-demo-api (default spec)', () => {
    let sandbox: Sandbox;
    let startupMs: number;

    before(async () => {
      const started = performance.now();
      sandbox = await startSandbox({ specPath: 'examples/lab-demo-api.yaml' });
      startupMs = performance.now() - started;
    });
    after(() => sandbox.stop());

    it('reports its endpoints, pools, users by role and an API key', () => {
      expect(sandbox.cognitoEndpoint).to.match(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(sandbox.apiBaseUrl).to.match(/^http:\/\/127\.0\.0\.1:\d+\/prod$/);
      expect(sandbox.issuer).to.equal(`${sandbox.sandboxUrl}/${sandbox.userPoolId}`);
      expect(sandbox.otherPool.userPoolId).to.not.equal(sandbox.userPoolId);
      expect(sandbox.users.map((u) => u.role)).to.deep.equal([
        'main',
        'second',
        'admin',
        'new-password',
        'totp-mfa',
        'sign-out',
      ]);
      expect(sandbox.users.find((u) => u.role === 'admin')?.groups).to.deep.equal(['admin']);
      expect(sandbox.users.find((u) => u.role === 'new-password')?.status).to.equal(
        'FORCE_CHANGE_PASSWORD',
      );
      expect(sandbox.users.find((u) => u.role === 'totp-mfa')?.totpSecret).to.match(
        /^[A-Z2-7]+=*$/,
      );
      expect(sandbox.apiKey).to.have.length.greaterThan(20);
      for (const user of sandbox.users) {
        expect(user.password)
          .to.match(/[A-Z]/)
          .and.match(/[a-z]/)
          .and.match(/[0-9]/)
          .and.match(/[^A-Za-z0-9]/);
      }
      // Measured, not asserted (no timed assertions): printed for the record.
      console.log(`      startSandbox took ${startupMs.toFixed(0)} ms`);
    });

    it('a signed-in access token (with the spec scope) passes GET /demo; the ID token does not', async () => {
      const tokens = await signIn(sandbox);
      const ok = await fetch(`${sandbox.apiBaseUrl}/demo`, {
        headers: { Authorization: tokens.access },
      });
      expect(ok.status).to.equal(200);
      expect(await ok.json()).to.deep.equal({ message: 'Hello from Lambda!' });
      const wrongType = await fetch(`${sandbox.apiBaseUrl}/demo`, {
        headers: { Authorization: tokens.id },
      });
      expect(wrongType.status).to.equal(401);
    });

    it('the other pool’s token is rejected; with any-issuer-accepted it passes', async () => {
      const client = new CognitoIdentityProviderClient({
        endpoint: sandbox.cognitoEndpoint,
        region: sandbox.region,
      });
      const result = await client.send(
        new InitiateAuthCommand({
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: sandbox.otherPool.clientId,
          AuthParameters: {
            USERNAME: sandbox.otherPool.username,
            PASSWORD: sandbox.otherPool.password,
          },
        }),
      );
      client.destroy();
      const token = result.AuthenticationResult?.AccessToken ?? '';
      expect(
        (await fetch(`${sandbox.apiBaseUrl}/demo`, { headers: { Authorization: token } })).status,
      ).to.equal(401);
      sandbox.setFaults([{ name: 'any-issuer-accepted' }]);
      expect(
        (await fetch(`${sandbox.apiBaseUrl}/demo`, { headers: { Authorization: token } })).status,
      ).to.equal(200);
      sandbox.setFaults([]);
    });

    it('serves GetExport to the real API Gateway SDK client (JSON, authorizers only on request)', async () => {
      const client = new APIGatewayClient({
        endpoint: sandbox.apiBaseUrl.replace(/\/prod$/, ''),
        region: sandbox.region,
        credentials: { accessKeyId: 'any', secretAccessKey: 'any' },
      });
      const withAuthorizers = await client.send(
        new GetExportCommand({
          restApiId: 'a1b2c3d4e5',
          stageName: 'prod',
          exportType: 'oas30',
          accepts: 'application/json',
          parameters: { extensions: 'authorizers' },
        }),
      );
      const document = JSON.parse(new TextDecoder().decode(withAuthorizers.body)) as {
        components: { securitySchemes: Record<string, Record<string, unknown>> };
      };
      expect(withAuthorizers.contentType).to.equal('application/json');
      const scheme = document.components.securitySchemes['lab-cognito-authorizer'];
      expect(scheme?.['x-amazon-apigateway-authorizer']).to.be.an('object');
      const plain = await client.send(
        new GetExportCommand({ restApiId: 'x', stageName: 'prod', exportType: 'swagger' }),
      );
      const bare = JSON.parse(new TextDecoder().decode(plain.body)) as typeof document;
      expect(
        bare.components.securitySchemes['lab-cognito-authorizer']?.['x-amazon-apigateway-authtype'],
      ).to.equal('cognito_user_pools');
      expect(
        bare.components.securitySchemes['lab-cognito-authorizer']?.[
          'x-amazon-apigateway-authorizer'
        ],
      ).to.equal(undefined);
      client.destroy();
    });
  });

  describe('every example API is served', () => {
    type Tokens = { id: string; access: string };
    const examples: {
      spec: string;
      path: string;
      headers: (t: Tokens, s: Sandbox) => Record<string, string>;
    }[] = [
      {
        spec: 'examples/users-api.json',
        path: '/users/u-1001',
        headers: (t) => ({ Authorization: t.id }),
      },
      {
        spec: 'examples/dev-token-api.yaml',
        path: '/items',
        headers: (t, s) => ({ 'dev-auth-token': t.id, 'x-api-key': s.apiKey }),
      },
    ];
    for (const example of examples) {
      it(`${example.spec}: GET ${example.path} answers 200 with the right token, 401 without`, async () => {
        const sandbox = await startSandbox({
          specPath: example.spec,
          passwords: { main: 'Main-Password-1!' },
        });
        try {
          expect(sandbox.users.find((u) => u.role === 'main')?.password).to.equal(
            'Main-Password-1!',
          );
          const headers = example.headers(await signIn(sandbox), sandbox);
          const ok = await fetch(`${sandbox.apiBaseUrl}${example.path}`, { headers });
          expect(ok.status).to.equal(200);
          const refused = await fetch(`${sandbox.apiBaseUrl}${example.path}`);
          expect(refused.status).to.equal(401);
        } finally {
          await sandbox.stop();
        }
      });
    }

    it('token-header-api: the email scope takes a token of the code flow, not of an API sign-in (no trigger by default)', async () => {
      const sandbox = await startSandbox({
        specPath: 'examples/token-header-api.yaml',
        passwords: { main: 'Main-Password-1!' },
      });
      try {
        const apiSignIn = await signIn(sandbox);
        const refused = await fetch(`${sandbox.apiBaseUrl}/profile`, {
          headers: { Token: `Bearer ${apiSignIn.access}` },
        });
        expect(refused.status).to.equal(401);
        const main = sandbox.users.find((u) => u.role === 'main')!;
        const refreshToken = await sandboxRefreshToken(sandbox, main.username, main.password);
        const grant = await fetch(`${sandbox.cognitoDomain}/oauth2/token`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            grant_type: 'refresh_token',
            client_id: sandbox.clientId,
            refresh_token: refreshToken,
          }),
        });
        expect(grant.status).to.equal(200);
        const { access_token: token } = (await grant.json()) as { access_token: string };
        const ok = await fetch(`${sandbox.apiBaseUrl}/profile`, {
          headers: { Token: `Bearer ${token}` },
        });
        expect(ok.status).to.equal(200);
      } finally {
        await sandbox.stop();
      }
    });

    it('preTokenGenerationTrigger: true adds the spec scopes to API sign-ins (an explicit pool setting)', async () => {
      const sandbox = await startSandbox({
        specPath: 'examples/token-header-api.yaml',
        preTokenGenerationTrigger: true,
      });
      try {
        const apiSignIn = await signIn(sandbox);
        const ok = await fetch(`${sandbox.apiBaseUrl}/profile`, {
          headers: { Token: `Bearer ${apiSignIn.access}` },
        });
        expect(ok.status).to.equal(200);
      } finally {
        await sandbox.stop();
      }
    });

    it('without the pre token generation trigger, a resource-server scope needs a client credentials token from the domain', async () => {
      const sandbox = await startSandbox({
        specPath: 'test/fixtures/specs/http-jwt-oas31.json',
        preTokenGenerationTrigger: false,
      });
      try {
        const apiSignIn = await signIn(sandbox);
        const refused = await fetch(`${sandbox.apiBaseUrl}/notes`, {
          headers: { Authorization: `Bearer ${apiSignIn.access}` },
        });
        expect(refused.status).to.equal(403);
        const machine = sandbox.machineClient;
        if (!machine) throw new Error('no machine client for a resource-server scope');
        const basic = Buffer.from(`${machine.clientId}:${machine.clientSecret}`).toString('base64');
        const grant = await fetch(`${sandbox.cognitoDomain}/oauth2/token`, {
          method: 'POST',
          headers: {
            Authorization: `Basic ${basic}`,
            'Content-Type': 'application/x-www-form-urlencoded',
          },
          body: 'grant_type=client_credentials&scope=notes%2Fread',
        });
        expect(grant.status).to.equal(200);
        const { access_token: token } = (await grant.json()) as { access_token: string };
        const ok = await fetch(`${sandbox.apiBaseUrl}/notes`, {
          headers: { Authorization: `Bearer ${token}` },
        });
        expect(ok.status).to.equal(200);
      } finally {
        await sandbox.stop();
      }
    });

    it('dev-token-api: the custom UNAUTHORIZED gateway response is rendered', async () => {
      const sandbox = await startSandbox({ specPath: 'examples/dev-token-api.yaml' });
      try {
        const reply = await fetch(`${sandbox.apiBaseUrl}/items`);
        expect(reply.status).to.equal(401);
        expect(reply.headers.get('access-control-allow-origin')).to.equal('*');
        expect(reply.headers.get('x-amzn-errortype')).to.equal('UnauthorizedException');
        expect(await reply.text()).to.equal('{"message":"Unauthorized","type":"UNAUTHORIZED"}');
      } finally {
        await sandbox.stop();
      }
    });
  });
});
