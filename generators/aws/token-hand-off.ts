/**
 * `tokens` and `run --tokens-from-sdk`: get tokens outside the collection, using the run's own
 * values (GATECHECK_* / .env / environment file), and return them in memory. Three sources:
 * - `sign-in`: the SDK's InitiateAuth (SRP by default, password, USER_AUTH) or AdminInitiateAuth;
 *   with GATECHECK_REFRESH_TOKEN set, a refresh instead, so no password is needed;
 * - `client-credentials`: a machine client with its secret at the domain's /oauth2/token;
 * - `hosted-ui`: the managed login in a browser, code + PKCE (hosted-ui-sign-in.ts).
 * Scopes other than `aws.cognito.signin.user.admin` come only from the OAuth 2.0 endpoints of the
 * user pool domain (docs/reference/aws-wire-behaviour.md §1.10).
 */
import { readFileSync } from 'node:fs';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { parse as parseDotenv } from 'dotenv';
import { InputError } from '../errors.js';
import type { PostmanEnvironment } from '../run/inputs/collection-file.js';
import { effectiveValue } from '../run/inputs/run-inputs.js';
import { isLoopback, isTrustedCognito } from '../run/inputs/trust-hosts.js';
import { awsClientConfig, regionOfUserPool } from './client-config.js';
import { defaultRedirectPort, signInWithHostedUi } from './hosted-ui-sign-in.js';
import { requestTokens } from './oauth-token-endpoint.js';
import { refreshWithSdk, signInWithSdk, type SdkTokens } from './sdk-sign-in.js';

export type TokenSource = 'sign-in' | 'client-credentials' | 'hosted-ui';

/** Process environment names read here besides model/variables.ts's. */
export const tokenSourceEnv = {
  domain: 'GATECHECK_COGNITO_DOMAIN',
  refreshToken: 'GATECHECK_REFRESH_TOKEN',
  machineClientId: 'GATECHECK_MACHINE_CLIENT_ID',
  machineClientSecret: 'GATECHECK_MACHINE_CLIENT_SECRET',
} as const;

export interface HandOffOptions {
  values: Record<string, string>;
  environment?: PostmanEnvironment;
  /** The `--env-file` the values came from, for the names above. */
  envFile?: string;
  admin: boolean;
  region?: string;
  /** SDK endpoint; default: the run's `cognitoEndpoint` when it is not AWS's own. */
  endpoint?: string;
  env: NodeJS.ProcessEnv;
  /** Default `sign-in`. */
  source?: TokenSource;
  /** OAuth scopes to ask for (OAuth sources only). */
  scopes?: string[];
  /** The user pool domain; default GATECHECK_COGNITO_DOMAIN, then the environment's `cognitoDomain`. */
  domain?: string;
  /** Hosted UI: loopback port of the redirect (0 = a free port) and its host name. */
  port?: number;
  redirectHost?: string;
  onAuthorizeUrl?: (url: string, redirectUri: string) => void;
}

export async function signInForRun(options: HandOffOptions): Promise<SdkTokens> {
  const value = (key: string) => effectiveValue(key, options.values, options.environment);
  const fileValues = options.envFile ? readEnvNames(options.envFile) : {};
  const fromEnv = (name: string) => options.env[name] || fileValues[name] || undefined;
  const need = (key: string, envName: string, why = 'the SDK sign-in') => {
    const found = value(key);
    if (!found) throw new InputError(`no ${key} for ${why}`, { hint: `Set ${envName}` });
    return found;
  };
  const source = options.source ?? 'sign-in';
  const scopes = options.scopes ?? [];
  if (source !== 'sign-in') {
    const domain = userPoolDomain(options, value, fromEnv, scopes);
    if (source === 'client-credentials') {
      // A machine client of its own (GATECHECK_MACHINE_CLIENT_ID), else the run's app client.
      const machineId = value('machineClientId') ?? fromEnv(tokenSourceEnv.machineClientId);
      const clientId =
        machineId ??
        need('clientId', 'GATECHECK_MACHINE_CLIENT_ID', 'the client credentials grant');
      const clientSecret = machineId
        ? (value('machineClientSecret') ?? fromEnv(tokenSourceEnv.machineClientSecret))
        : value('clientSecret');
      if (!clientSecret) {
        throw new InputError('the client credentials grant needs the app client secret', {
          hint: `Set ${machineId ? tokenSourceEnv.machineClientSecret : 'GATECHECK_CLIENT_SECRET'} to the secret of a machine client (AllowedOAuthFlows client_credentials)`,
        });
      }
      return requestTokens({
        domain,
        clientId,
        clientSecret,
        grant: 'client_credentials',
        fields: scopes.length > 0 ? { scope: scopes.join(' ') } : {},
      });
    }
    const clientId = need('clientId', 'GATECHECK_CLIENT_ID', 'the Hosted UI sign-in');
    const clientSecret = value('clientSecret');
    return signInWithHostedUi({
      domain,
      clientId,
      ...(clientSecret ? { clientSecret } : {}),
      scopes,
      port: options.port ?? defaultRedirectPort,
      ...(options.redirectHost ? { redirectHost: options.redirectHost } : {}),
      onAuthorizeUrl: options.onAuthorizeUrl ?? (() => {}),
    });
  }
  if (scopes.length > 0) {
    throw new InputError(
      `an API sign-in cannot give the scopes ${scopes.join(' ')}: its access token carries only aws.cognito.signin.user.admin`,
      {
        hint: 'Pass --hosted-ui (a user, in a browser) or --client-credentials (a machine client), with the user pool domain',
      },
    );
  }
  const userPoolId = value('userPoolId');
  const cognitoEndpoint = value('cognitoEndpoint');
  const endpoint =
    options.endpoint ??
    (cognitoEndpoint && !/\.amazonaws\.com/.test(cognitoEndpoint) ? cognitoEndpoint : undefined);
  const region =
    options.region ?? value('region') ?? (userPoolId ? regionOfUserPool(userPoolId) : undefined);
  // A refresh token signs in only when no password is given: with both, the password's sign-in
  // gives the tokens an API sign-in would, and the refresh token stays for the collection.
  const refreshToken = value('password')
    ? undefined
    : (value('oauthRefreshToken') ?? fromEnv(tokenSourceEnv.refreshToken));
  const clientSecret = value('clientSecret');
  if (refreshToken && !options.admin) {
    const clientId = need('clientId', 'GATECHECK_CLIENT_ID', 'the refresh');
    const domain = optionalDomain(options, value, fromEnv);
    // At the token endpoint a refresh keeps the OAuth scopes of the grant it came from.
    if (domain) {
      return withRefreshToken(
        await requestTokens({
          domain,
          clientId,
          ...(clientSecret ? { clientSecret } : {}),
          grant: 'refresh_token',
          fields: { refresh_token: refreshToken },
        }),
        refreshToken,
      );
    }
  }
  const client = new CognitoIdentityProviderClient(
    awsClientConfig(
      { ...(region ? { region } : {}), ...(endpoint ? { endpoint } : {}) },
      options.env,
    ),
  );
  try {
    if (refreshToken && !options.admin) {
      const username = value('username');
      return await refreshWithSdk(client, {
        clientId: need('clientId', 'GATECHECK_CLIENT_ID', 'the refresh'),
        refreshToken,
        ...(clientSecret ? { clientSecret } : {}),
        ...(username ? { username } : {}),
      });
    }
    const newPassword = value('newPassword');
    const otpCode = value('otpCode');
    const authFlow = value('authFlow');
    return await signInWithSdk(client, {
      ...(userPoolId ? { userPoolId } : {}),
      clientId: need('clientId', 'GATECHECK_CLIENT_ID'),
      username: need('username', 'GATECHECK_USERNAME'),
      password: need('password', 'GATECHECK_PASSWORD'),
      admin: options.admin,
      ...(clientSecret ? { clientSecret } : {}),
      ...(newPassword ? { newPassword } : {}),
      ...(otpCode ? { otpCode } : {}),
      ...(authFlow ? { authFlow } : {}),
    });
  } finally {
    client.destroy();
  }
}

const withRefreshToken = (tokens: SdkTokens, refreshToken: string): SdkTokens => ({
  ...tokens,
  refreshToken: tokens.refreshToken ?? refreshToken,
});

/** GATECHECK_* names of a .env file (the run's reader keeps only model/variables.ts's). */
function readEnvNames(path: string): Record<string, string> {
  try {
    return parseDotenv(readFileSync(path, 'utf8'));
  } catch {
    return {};
  }
}

type Lookup = (key: string) => string | undefined;

/** A URL as given, a host name as `https://<host>`, a bare prefix as the region's Cognito domain. */
export function userPoolDomainUrl(text: string, region: string): string {
  const trimmed = text.trim().replace(/\/+$/, '');
  if (/^https?:\/\//i.test(trimmed)) return trimmed;
  if (trimmed.includes('.')) return `https://${trimmed}`;
  return `https://${trimmed}.auth.${region || 'us-east-1'}.amazoncognito.com`;
}

/**
 * `https://<prefix>.auth.<region>.amazoncognito.com` from a URL, a host name or a bare prefix; a
 * domain named only in an environment file (of unknown origin) must be Cognito's or loopback,
 * since the client secret and refresh tokens go there.
 */
function optionalDomain(
  options: HandOffOptions,
  value: Lookup,
  fromEnv: Lookup,
): string | undefined {
  const chosen = options.domain ?? fromEnv(tokenSourceEnv.domain) ?? value('cognitoDomain');
  if (!chosen) return undefined;
  const region = options.region ?? value('region') ?? '';
  const url = userPoolDomainUrl(chosen, region);
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    throw new InputError(`the user pool domain "${chosen}" is not a URL`, {
      hint: 'Use https://<prefix>.auth.<region>.amazoncognito.com or your custom domain',
    });
  }
  const fromFile = !options.domain && !fromEnv(tokenSourceEnv.domain);
  if (fromFile && !isTrustedCognito(host, region) && !isLoopback(host)) {
    throw new InputError(
      `the environment's cognitoDomain sends the client secret and tokens to ${host}, which is not a Cognito domain of the region`,
      { hint: `Pass --domain ${url} or set ${tokenSourceEnv.domain} if that domain is yours` },
    );
  }
  return url;
}

function userPoolDomain(
  options: HandOffOptions,
  value: Lookup,
  fromEnv: Lookup,
  scopes: string[],
): string {
  const domain = optionalDomain(options, value, fromEnv);
  if (domain) return domain;
  const asked = scopes.length > 0 ? `the scopes ${scopes.join(' ')}` : 'OAuth 2.0 tokens';
  throw new InputError(
    `${asked} come only from the user pool domain's /oauth2/token, and no domain is set`,
    {
      hint: `Pass --domain https://<prefix>.auth.<region>.amazoncognito.com or set ${tokenSourceEnv.domain} (DescribeUserPool shows the pool's Domain; CreateUserPoolDomain makes one)`,
    },
  );
}
