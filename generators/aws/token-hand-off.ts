/**
 * `--tokens-from-sdk`: sign in with the SDK using the run's own values (GATECHECK_* / .env /
 * environment file) and return the collection variables to preset, in memory.
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { InputError } from '../errors.js';
import type { PostmanEnvironment } from '../run/collection-file.js';
import { effectiveValue } from '../run/run-inputs.js';
import { awsClientConfig, regionOfUserPool } from './client-config.js';
import { signInWithSdk, type SdkTokens } from './sdk-sign-in.js';

export interface HandOffOptions {
  values: Record<string, string>;
  environment?: PostmanEnvironment;
  admin: boolean;
  region?: string;
  /** SDK endpoint; default: the run's `cognitoEndpoint` when it is not AWS's own. */
  endpoint?: string;
  env: NodeJS.ProcessEnv;
}

export async function signInForRun(options: HandOffOptions): Promise<SdkTokens> {
  const value = (key: string) => effectiveValue(key, options.values, options.environment);
  const need = (key: string, envName: string) => {
    const found = value(key);
    if (!found) throw new InputError(`no ${key} for the SDK sign-in`, { hint: `Set ${envName}` });
    return found;
  };
  const userPoolId = value('userPoolId');
  const cognitoEndpoint = value('cognitoEndpoint');
  const endpoint =
    options.endpoint ??
    (cognitoEndpoint && !/\.amazonaws\.com/.test(cognitoEndpoint) ? cognitoEndpoint : undefined);
  const region =
    options.region ?? value('region') ?? (userPoolId ? regionOfUserPool(userPoolId) : undefined);
  const client = new CognitoIdentityProviderClient(
    awsClientConfig(
      { ...(region ? { region } : {}), ...(endpoint ? { endpoint } : {}) },
      options.env,
    ),
  );
  try {
    const clientSecret = value('clientSecret');
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
