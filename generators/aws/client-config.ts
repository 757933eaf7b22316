/**
 * Configuration shared by gatecheck's AWS SDK clients. Credentials come from the SDK's default
 * chain (environment, shared profile, SSO, instance role...). With `--endpoint` (the sandbox, a
 * local emulator) and no credentials configured in the environment, dummy static credentials are
 * used: the stand-ins check that requests are signed, not by whom.
 */
import { InputError } from '../errors.js';

export interface AwsTarget {
  region?: string;
  endpoint?: string;
}

export interface AwsClientConfig {
  region: string;
  endpoint?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

const DUMMY_CREDENTIALS = { accessKeyId: 'gatecheck-local', secretAccessKey: 'gatecheck-local' };

export function awsClientConfig(target: AwsTarget, env: NodeJS.ProcessEnv): AwsClientConfig {
  const region = target.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  if (!region) {
    throw new InputError('no AWS region', {
      hint: 'Pass --region (e.g. eu-west-1) or set AWS_REGION',
    });
  }
  if (!target.endpoint) return { region };
  const configured = Boolean(env.AWS_ACCESS_KEY_ID || env.AWS_PROFILE);
  return {
    region,
    endpoint: target.endpoint,
    ...(configured ? {} : { credentials: DUMMY_CREDENTIALS }),
  };
}

/** The user pool's region is part of its id (`eu-west-1_AbC123`). */
export function regionOfUserPool(userPoolId: string): string | undefined {
  return /^([a-z]{2}(?:-[a-z]+)+-\d)_/.exec(userPoolId)?.[1];
}

/**
 * An AWS service error's name (`UsernameExistsException`...). SDK v3 service exceptions carry
 * `$metadata`; anything else (a TypeError, a network error) is not Cognito's answer.
 */
export function awsErrorName(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('$metadata' in error)) return undefined;
  const named = error as { name?: unknown };
  return typeof named.name === 'string' ? named.name : undefined;
}

/** Network failures worth one line rather than a stack trace. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'ECONNRESET',
  'ETIMEDOUT',
  'EAI_AGAIN',
]);

/**
 * Credential and permission problems, by the SDK's error name, with the fix for each. The SDK
 * raises `CredentialsProviderError` itself (no `$metadata`: no request was sent) when its default
 * chain finds nothing; the others are the services' answers (STS and service error names as
 * documented in the AWS SDK for JavaScript v3 and the IAM troubleshooting guide).
 */
const CREDENTIAL_PROBLEMS: Record<string, string> = {
  CredentialsProviderError:
    'no AWS credentials found: set AWS_PROFILE (then aws sso login if it is an SSO profile) or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY',
  ExpiredToken: 'the AWS session has expired: sign in again (aws sso login) or refresh the keys',
  ExpiredTokenException:
    'the AWS session has expired: sign in again (aws sso login) or refresh the keys',
  RequestExpired: "the request's signature expired: check this machine's clock",
  AccessDenied: 'access denied: the credentials lack the IAM permission this command needs',
  AccessDeniedException:
    'access denied: the credentials lack the IAM permission this command needs',
  UnrecognizedClientException:
    'AWS does not recognise these credentials: check AWS_PROFILE / AWS_ACCESS_KEY_ID',
  InvalidSignatureException:
    'the request signature was rejected: check AWS_SECRET_ACCESS_KEY and the region',
};

/** One line for people about an AWS service or network error; undefined for anything else (a bug). */
export function describeAwsError(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const credentialProblem = CREDENTIAL_PROBLEMS[error.name];
  if (
    credentialProblem !== undefined &&
    (error.name === 'CredentialsProviderError' || awsErrorName(error))
  )
    return credentialProblem;
  const name = awsErrorName(error);
  if (name) return `${name}: ${error.message}`;
  const code = (error as NodeJS.ErrnoException).code;
  if (code && NETWORK_CODES.has(code)) return `cannot reach the endpoint (${code})`;
  return undefined;
}
