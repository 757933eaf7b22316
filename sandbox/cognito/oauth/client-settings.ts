import { CognitoError, invalidParameter } from '../cognito-error.js';
import { optionalBoolean, optionalStringList, type Input } from '../input.js';
import type { OAuthSettings, UserPool } from '../state.js';

/** `OAuthFlowType` (botocore). */
const oauthFlows = ['code', 'implicit', 'client_credentials'];

/**
 * Scopes every pool knows: OIDC scopes and Cognito's own (docs/reference/aws-wire-behaviour.md
 * §1.10).
 */
export const userGrantScopes = [
  'openid',
  'email',
  'phone',
  'profile',
  'aws.cognito.signin.user.admin',
];

/** `<identifier>/<ScopeName>` for every scope of the pool's resource servers. */
export function resourceServerScopes(pool: UserPool): string[] {
  return [...pool.resourceServers.values()].flatMap((server) =>
    server.scopes.map((scope) => `${server.identifier}/${scope.ScopeName}`),
  );
}

const invalidFlow = (message: string) => new CognitoError('InvalidOAuthFlowException', message);

/**
 * Reads `AllowedOAuthFlows`, `AllowedOAuthScopes`, `CallbackURLs`, `LogoutURLs` and
 * `AllowedOAuthFlowsUserPoolClient`, refusing what Cognito refuses: unknown scopes
 * (`ScopeDoesNotExistException`), `client_credentials` mixed with user flows, without a secret or
 * with user scopes (`InvalidOAuthFlowException`), user flows without callback URLs. The error
 * types are Cognito's; their texts are UNCONFIRMED.
 */
export function readOAuthSettings(input: Input, pool: UserPool, hasSecret: boolean): OAuthSettings {
  const flows = optionalStringList(input, 'AllowedOAuthFlows') ?? [];
  const scopes = optionalStringList(input, 'AllowedOAuthScopes') ?? [];
  const callbackUrls = optionalStringList(input, 'CallbackURLs') ?? [];
  const logoutUrls = optionalStringList(input, 'LogoutURLs') ?? [];
  const enabled = optionalBoolean(input, 'AllowedOAuthFlowsUserPoolClient') ?? false;
  for (const flow of flows) {
    if (!oauthFlows.includes(flow)) {
      throw invalidParameter(
        `1 validation error detected: Value '[${flows.join(', ')}]' at 'allowedOAuthFlows' failed to satisfy constraint: Member must satisfy enum value set: [${oauthFlows.join(', ')}]`,
      );
    }
  }
  const known = new Set([...userGrantScopes, ...resourceServerScopes(pool)]);
  for (const scope of scopes) {
    if (!known.has(scope)) {
      throw new CognitoError('ScopeDoesNotExistException', `Invalid scope requested: ${scope}`);
    }
  }
  if (flows.includes('client_credentials')) {
    if (flows.length > 1) {
      throw invalidFlow(
        'client_credentials flow can not be selected along with code flow or implicit flow.',
      );
    }
    if (!hasSecret) {
      throw invalidFlow(
        'client_credentials flow can not be selected if client does not have a client secret.',
      );
    }
    const userScope = scopes.find((scope) => userGrantScopes.includes(scope));
    if (userScope !== undefined) {
      throw invalidFlow(`${userScope} scope can not be used with client_credentials flow.`);
    }
  }
  if (enabled && (flows.length === 0 || scopes.length === 0)) {
    throw invalidParameter(
      'AllowedOAuthFlows and AllowedOAuthScopes are required if user pool client is allowed to use OAuth flows.',
    );
  }
  if (flows.some((flow) => flow !== 'client_credentials') && callbackUrls.length === 0) {
    throw invalidParameter('CallbackURLs can not be empty when code or implicit flow is allowed.');
  }
  return { flows: [...flows], scopes: [...scopes], callbackUrls, logoutUrls, enabled };
}

/** The OAuth members of `UserPoolClientType`, as Describe/CreateUserPoolClient return them. */
export function describeOAuthSettings(settings: OAuthSettings) {
  return {
    ...(settings.flows.length > 0 ? { AllowedOAuthFlows: settings.flows } : {}),
    ...(settings.scopes.length > 0 ? { AllowedOAuthScopes: settings.scopes } : {}),
    ...(settings.callbackUrls.length > 0 ? { CallbackURLs: settings.callbackUrls } : {}),
    ...(settings.logoutUrls.length > 0 ? { LogoutURLs: settings.logoutUrls } : {}),
    AllowedOAuthFlowsUserPoolClient: settings.enabled,
  };
}
