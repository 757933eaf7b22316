/**
 * The variables a generated collection reads at run time: one list, used by the environment
 * renderer, the runner (which fills secrets from the process environment) and the README.
 *
 * Secrets are declared here with an empty value and `type: secret`; their values only ever come
 * from the process environment (`GATECHECK_*`) or newman's `--env-var` at run time.
 */
export interface VariableSpec {
  key: string;
  description: string;
  secret: boolean;
  /** Process environment variable `gatecheck run` reads the value from. */
  envName?: string;
}

export const environmentVariables: readonly VariableSpec[] = [
  {
    key: 'baseUrl',
    description: 'API base URL including the stage, no trailing slash',
    secret: false,
    envName: 'GATECHECK_BASE_URL',
  },
  {
    key: 'region',
    description: 'AWS region of the user pool',
    secret: false,
    envName: 'GATECHECK_REGION',
  },
  {
    key: 'cognitoEndpoint',
    description: 'Cognito Identity Provider endpoint (the sandbox replaces it)',
    secret: false,
    envName: 'GATECHECK_COGNITO_ENDPOINT',
  },
  {
    key: 'userPoolId',
    description: 'Cognito user pool id',
    secret: false,
    envName: 'GATECHECK_USER_POOL_ID',
  },
  {
    key: 'clientId',
    description: 'Cognito app client id',
    secret: false,
    envName: 'GATECHECK_CLIENT_ID',
  },
  {
    key: 'username',
    description: 'User to sign in as',
    secret: false,
    envName: 'GATECHECK_USERNAME',
  },
  {
    key: 'authFlow',
    description:
      'USER_SRP_AUTH (default: what new app clients allow), USER_PASSWORD_AUTH, or USER_AUTH',
    secret: false,
    envName: 'GATECHECK_AUTH_FLOW',
  },
  {
    key: 'preferredChallenge',
    description:
      'USER_AUTH first factor: PASSWORD_SRP, PASSWORD, EMAIL_OTP, SMS_OTP, or empty to be offered a choice',
    secret: false,
    envName: 'GATECHECK_PREFERRED_CHALLENGE',
  },
  {
    key: 'password',
    description: 'Password of `username`',
    secret: true,
    envName: 'GATECHECK_PASSWORD',
  },
  {
    key: 'newPassword',
    description: 'Password to set when Cognito answers NEW_PASSWORD_REQUIRED',
    secret: true,
    envName: 'GATECHECK_NEW_PASSWORD',
  },
  {
    key: 'clientSecret',
    description: 'App client secret; when set, SECRET_HASH is sent',
    secret: true,
    envName: 'GATECHECK_CLIENT_SECRET',
  },
  {
    key: 'cognitoDomain',
    description:
      'User pool domain for the OAuth 2.0 endpoints, e.g. https://<prefix>.auth.<region>.amazoncognito.com (methods with OIDC or custom scopes)',
    secret: false,
    envName: 'GATECHECK_COGNITO_DOMAIN',
  },
  {
    key: 'oauthRefreshToken',
    description:
      'Refresh token of a code flow (+ PKCE) sign-in of `clientId`, for methods that need a user token with OIDC or custom scopes',
    secret: true,
    envName: 'GATECHECK_REFRESH_TOKEN',
  },
  {
    key: 'machineClientId',
    description:
      'App client allowed client_credentials, for methods with machine (resource-server) scopes',
    secret: false,
    envName: 'GATECHECK_MACHINE_CLIENT_ID',
  },
  {
    key: 'machineClientSecret',
    description: 'Client secret of `machineClientId`',
    secret: true,
    envName: 'GATECHECK_MACHINE_CLIENT_SECRET',
  },
  {
    key: 'otpCode',
    description: 'One-time code (email/SMS/TOTP) to answer the current challenge',
    secret: true,
    envName: 'GATECHECK_OTP_CODE',
  },
  {
    key: 'apiKey',
    description: 'API Gateway API key (x-api-key)',
    secret: true,
    envName: 'GATECHECK_API_KEY',
  },
  {
    key: 'expiredToken',
    description:
      'A genuinely expired token of this pool, for the expiry check (skipped when empty)',
    secret: true,
    envName: 'GATECHECK_EXPIRED_TOKEN',
  },
  {
    key: 'otherPoolToken',
    description: 'A valid token from another user pool, for the issuer check (skipped when empty)',
    secret: true,
    envName: 'GATECHECK_OTHER_POOL_TOKEN',
  },
  {
    key: 'otherClientToken',
    description:
      "A valid token of the same pool issued to an app client outside the JWT authorizer's audience or the Cognito authorizer's identityValidationExpression, for the audience checks (skipped when empty)",
    secret: true,
    envName: 'GATECHECK_OTHER_CLIENT_TOKEN',
  },
  {
    key: 'unscopedAccessToken',
    description:
      "An access token without the methods' scopes, for the scope check (skipped when empty)",
    secret: true,
    envName: 'GATECHECK_UNSCOPED_ACCESS_TOKEN',
  },
  {
    key: 'unscopedMachineToken',
    description:
      "A client credentials token without the machine methods' scopes, for their scope check (skipped when empty)",
    secret: true,
    envName: 'GATECHECK_UNSCOPED_MACHINE_TOKEN',
  },
  {
    key: 'otherPoolUsername',
    description:
      "Sandbox runs only: the other pool's user the sandbox mints the other-pool token for (default: username)",
    secret: false,
    envName: 'GATECHECK_OTHER_POOL_USERNAME',
  },
  {
    key: 'foreignKeyToken',
    description:
      "A token with this pool's issuer and claims signed by a key the pool never published (skipped when empty, minted by the sandbox)",
    secret: true,
    envName: 'GATECHECK_FOREIGN_KEY_TOKEN',
  },
  {
    key: 'revocationUsername',
    description:
      'A dedicated user for the revocation check: it is signed out everywhere (GlobalSignOut) on every run (skipped when empty)',
    secret: false,
    envName: 'GATECHECK_REVOCATION_USERNAME',
  },
  {
    key: 'revocationPassword',
    description: 'Password of `revocationUsername`',
    secret: true,
    envName: 'GATECHECK_REVOCATION_PASSWORD',
  },
  {
    key: 'sandboxUrl',
    description:
      'Set only against the gatecheck sandbox: a collection generated with --for-sandbox reads one-time codes and test tokens from it',
    secret: false,
    envName: 'GATECHECK_SANDBOX_URL',
  },
  {
    key: 'sandboxSecret',
    description:
      'Set only against the gatecheck sandbox: the secret its one-time code and test token paths require (the value of GATECHECK_SANDBOX_SECRET the sandbox was started with)',
    secret: true,
    envName: 'GATECHECK_SANDBOX_SECRET',
  },
];
