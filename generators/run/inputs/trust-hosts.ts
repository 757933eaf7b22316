/**
 * Where a run may send secrets. The sign-in sends the password, SECRET_HASH and codes to
 * `cognitoEndpoint`; checks send tokens and the API key to `baseUrl`. Both can come from an
 * environment file of unknown origin, so before a run gets any secret both hosts must be ones the
 * user chose: Cognito's own (`cognito-idp.<region>.amazonaws.com`, a `*.auth.<region>.amazoncognito.com`
 * domain), API Gateway's (`*.execute-api.<region>.amazonaws.com`), loopback (the sandbox), a
 * `--base-url` given on the command line or in GATECHECK_BASE_URL, or a host named with `--trust-host`.
 */
import { isIP } from 'node:net';
import { InputError } from '../../errors.js';
import type { PostmanEnvironment } from './collection-file.js';
import { effectiveValue } from './run-inputs.js';

/** The variables requests may name as their host: the hosts checked below. */
export const secretDestinationVariables = ['baseUrl', 'cognitoEndpoint', 'cognitoDomain'] as const;

export interface SecretDestinations {
  /** Run-time values (`GATECHECK_*`, `--base-url`): the user's own choice. */
  values: Record<string, string>;
  environment?: PostmanEnvironment;
  /** Host names from `--trust-host`. */
  trustHosts: readonly string[];
}

export function checkSecretDestinations(input: SecretDestinations): void {
  const region = effectiveValue('region', input.values, input.environment) ?? '';
  const resolve = (text: string): string =>
    text.replace(/\{\{([^{}]+)\}\}/g, (_, name: string) =>
      name === 'region' ? region : (effectiveValue(name, input.values, input.environment) ?? ''),
    );
  const trusted = new Set(input.trustHosts.map((host) => host.toLowerCase()));
  const endpoint = effectiveValue('cognitoEndpoint', input.values, input.environment);
  if (endpoint !== undefined && input.values['cognitoEndpoint'] === undefined) {
    const host = hostOf(resolve(endpoint));
    if (!isTrustedCognito(host, region) && !trusted.has(host) && !isLoopback(host)) {
      throw refusal('cognitoEndpoint', host);
    }
  }
  // The OAuth 2.0 token endpoint gets client secrets and refresh tokens (render-oauth.ts).
  const domain = effectiveValue('cognitoDomain', input.values, input.environment);
  if (domain && input.values['cognitoDomain'] === undefined) {
    const host = hostOf(resolve(domain));
    if (!isTrustedCognito(host, region) && !trusted.has(host) && !isLoopback(host)) {
      throw refusal('cognitoDomain', host);
    }
  }
  const baseUrl = effectiveValue('baseUrl', input.values, input.environment);
  if (baseUrl !== undefined && input.values['baseUrl'] === undefined) {
    const host = hostOf(resolve(baseUrl));
    if (!isApiGateway(host) && !trusted.has(host) && !isLoopback(host)) {
      throw refusal('baseUrl', host);
    }
  }
  // The sandbox's test-only endpoints get the sandbox secret: loopback or a host the user named.
  const sandboxUrl = effectiveValue('sandboxUrl', input.values, input.environment);
  if (sandboxUrl !== undefined && input.values['sandboxUrl'] === undefined) {
    const host = hostOf(resolve(sandboxUrl));
    if (!trusted.has(host) && !isLoopback(host)) throw refusal('sandboxUrl', host);
  }
}

function refusal(variable: string, host: string): InputError {
  return new InputError(
    `the environment's ${variable} sends the run's secrets to ${host}, which is not ${variable === 'sandboxUrl' ? 'a loopback host' : 'a Cognito or API Gateway host of the region'}`,
    {
      hint: `Pass --trust-host ${host} if that host is yours, or set GATECHECK_${envNames[variable] ?? 'COGNITO_ENDPOINT'}`,
    },
  );
}

const envNames: Record<string, string> = {
  baseUrl: 'BASE_URL',
  cognitoEndpoint: 'COGNITO_ENDPOINT',
  cognitoDomain: 'COGNITO_DOMAIN',
};

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return url;
  }
}

/**
 * Cognito's regional API and the hosted domains of the environment's region
 * (docs/reference/aws-wire-behaviour.md §1.1).
 */
export function isTrustedCognito(host: string, region: string): boolean {
  if (region === '' || !/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) return false;
  return (
    host === `cognito-idp.${region}.amazonaws.com` ||
    host === `cognito-idp-fips.${region}.amazonaws.com` ||
    host.endsWith(`.auth.${region}.amazoncognito.com`) ||
    host.endsWith(`.auth-fips.${region}.amazoncognito.com`)
  );
}

function isApiGateway(host: string): boolean {
  return /^[a-z0-9]+\.execute-api\.[a-z0-9-]+\.amazonaws\.com$/.test(host);
}

export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  if (bare === 'localhost' || bare.endsWith('.localhost')) return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  return bare === '::1';
}
