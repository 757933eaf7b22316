import {
  CreateResourceServerCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolDomainCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';

/** OIDC scopes and Cognito's own: user grants only, never resource-server scopes. */
const userScopes = ['openid', 'email', 'phone', 'profile', 'aws.cognito.signin.user.admin'];

/**
 * Redirect URIs the sandbox's app client registers: the Postman app's OAuth 2.0 callback and a
 * loopback address for command-line sign-ins.
 */
export const sandboxCallbackUrls = [
  'https://oauth.pstmn.io/v1/callback',
  'http://127.0.0.1:8765/callback',
];

/** The main pool's domain prefix. */
export const sandboxDomainPrefix = 'gatecheck-sandbox';

/**
 * Custom scopes grouped by resource server: `<identifier>/<name>` splits at the last `/`, since
 * scope names cannot contain one but identifiers can (botocore `ResourceServerScopeNameType`).
 */
export function resourceServersOf(scopes: string[]): Map<string, string[]> {
  const servers = new Map<string, string[]>();
  for (const scope of scopes) {
    const slash = scope.lastIndexOf('/');
    if (userScopes.includes(scope) || slash <= 0 || slash === scope.length - 1) continue;
    const identifier = scope.slice(0, slash);
    servers.set(identifier, [...(servers.get(identifier) ?? []), scope.slice(slash + 1)]);
  }
  return servers;
}

export interface ProvisionedOAuth {
  domainPrefix: string;
  /** A confidential client allowed `client_credentials` for every resource-server scope, if any. */
  machineClient?: { clientId: string; clientSecret: string };
}

/**
 * Gives the pool what its OAuth 2.0 endpoints need, through the real SDK: one resource server
 * per identifier the spec's scopes name, the domain, and a machine client. The user client's
 * OAuth settings are set when it is created (see `userClientOAuthSettings`).
 */
export async function provisionOAuth(
  client: CognitoIdentityProviderClient,
  userPoolId: string,
  specScopes: string[],
): Promise<ProvisionedOAuth> {
  const servers = resourceServersOf(specScopes);
  for (const [identifier, names] of servers) {
    await client.send(
      new CreateResourceServerCommand({
        UserPoolId: userPoolId,
        Identifier: identifier,
        Name: identifier,
        Scopes: names.map((name) => ({ ScopeName: name, ScopeDescription: name })),
      }),
    );
  }
  await client.send(
    new CreateUserPoolDomainCommand({ UserPoolId: userPoolId, Domain: sandboxDomainPrefix }),
  );
  const machineScopes = [...servers].flatMap(([id, names]) => names.map((n) => `${id}/${n}`));
  if (machineScopes.length === 0) return { domainPrefix: sandboxDomainPrefix };
  const created = await client.send(
    new CreateUserPoolClientCommand({
      UserPoolId: userPoolId,
      ClientName: 'gatecheck-sandbox-machine',
      GenerateSecret: true,
      AllowedOAuthFlows: ['client_credentials'],
      AllowedOAuthScopes: machineScopes,
      AllowedOAuthFlowsUserPoolClient: true,
    }),
  );
  const clientId = created.UserPoolClient?.ClientId;
  const clientSecret = created.UserPoolClient?.ClientSecret;
  if (!clientId || !clientSecret) throw new Error('CreateUserPoolClient answered without a secret');
  return { domainPrefix: sandboxDomainPrefix, machineClient: { clientId, clientSecret } };
}

/** The user client's OAuth settings: code (+ PKCE) and implicit, every scope the pool knows. */
export function userClientOAuthSettings(specScopes: string[]) {
  const custom = [...resourceServersOf(specScopes)].flatMap(([id, names]) =>
    names.map((name) => `${id}/${name}`),
  );
  return {
    AllowedOAuthFlows: ['code', 'implicit'] as ('code' | 'implicit')[],
    AllowedOAuthScopes: [...userScopes, ...custom],
    CallbackURLs: sandboxCallbackUrls,
    LogoutURLs: sandboxCallbackUrls,
    AllowedOAuthFlowsUserPoolClient: true,
    SupportedIdentityProviders: ['COGNITO'],
  };
}
