/**
 * What the CLI needs around the sandbox: starting it with spec problems reported as input errors,
 * and the run-time values a generated collection needs against it.
 */
import { SpecError, startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/index.js';
import { InputError } from '../errors.js';
import { personaVariable } from '../contract/authz-variables.js';

/** `startSandbox`, with a bad spec turned into an InputError (exit 2, one line, no stack). */
export async function startSandboxForCli(options: SandboxOptions): Promise<Sandbox> {
  try {
    return await startSandbox(options);
  } catch (error) {
    if (error instanceof SpecError) {
      throw new InputError(error.message, {
        file: error.file,
        ...(error.pointer !== undefined ? { pointer: error.pointer } : {}),
        ...(error.hint ? { hint: error.hint } : {}),
      });
    }
    throw error;
  }
}

/**
 * The secret of a sandbox started on its own (`gatecheck sandbox`): GATECHECK_SANDBOX_SECRET, so
 * that a run in another process (or the Postman app) can give the same value; when unset the
 * sandbox makes a random one, and its one-time code and test token paths serve only in-process
 * callers.
 */
export function sandboxSecretFrom(env: NodeJS.ProcessEnv): { testSecret?: string } {
  const secret = env['GATECHECK_SANDBOX_SECRET'];
  return secret ? { testSecret: secret } : {};
}

/** The sandbox's non-secret values, as a Postman environment for it holds them. */
export function sandboxEnvironmentValues(sandbox: Sandbox): Record<string, string> {
  return {
    baseUrl: sandbox.apiBaseUrl,
    region: sandbox.region,
    cognitoEndpoint: sandbox.cognitoEndpoint,
    userPoolId: sandbox.userPoolId,
    clientId: sandbox.clientId,
    username: sandbox.users.find((user) => user.role === 'main')?.username ?? '',
    // USER_AUTH + EMAIL_OTP needs no password: the one-time code is read from the sandbox outbox.
    // An app client set up without USER_AUTH (the spec's x-gatecheck-sandbox, e.g. SRP only)
    // signs in with SRP and the password instead.
    ...(sandbox.appClientAuthFlows && !sandbox.appClientAuthFlows.includes('ALLOW_USER_AUTH')
      ? { authFlow: 'USER_SRP_AUTH', preferredChallenge: '' }
      : { authFlow: 'USER_AUTH', preferredChallenge: 'EMAIL_OTP' }),
    otherPoolUsername: sandbox.otherPool.username,
    sandboxUrl: sandbox.sandboxUrl,
    // Pool 2 of a spec with several pools signs in with SRP and a password (pool-sign-in.js).
    ...(sandbox.secondPool
      ? {
          'gatecheck.pool.2.userPoolId': sandbox.secondPool.userPoolId,
          'gatecheck.pool.2.clientId': sandbox.secondPool.clientId,
          'gatecheck.pool.2.username': sandbox.secondPool.username,
        }
      : {}),
    cognitoDomain: sandbox.cognitoDomain,
    ...(sandbox.machineClient ? { machineClientId: sandbox.machineClient.clientId } : {}),
  };
}

/**
 * Everything a run against the sandbox needs, secrets included (for newman, in memory), and the
 * list of those secrets so every report masks them.
 */
export function sandboxRunValues(sandbox: Sandbox): {
  values: Record<string, string>;
  secrets: string[];
} {
  const main = sandbox.users.find((user) => user.role === 'main');
  const signOut = sandbox.users.find((user) => user.role === 'sign-out');
  const values: Record<string, string> = {
    ...sandboxEnvironmentValues(sandbox),
    password: main?.password ?? '',
    apiKey: sandbox.apiKey,
    sandboxSecret: sandbox.testSecret,
    ...(sandbox.clientSecret ? { clientSecret: sandbox.clientSecret } : {}),
    ...(sandbox.machineClient ? { machineClientSecret: sandbox.machineClient.clientSecret } : {}),
    revocationUsername: signOut?.username ?? '',
    revocationPassword: signOut?.password ?? '',
    ...personaValues(sandbox),
    ...(sandbox.secondPool ? { 'gatecheck.pool.2.password': sandbox.secondPool.password } : {}),
  };
  const secrets = [
    ...(sandbox.secondPool ? [sandbox.secondPool.password] : []),
    ...sandbox.users.map((user) => user.password),
    sandbox.otherPool.password,
    ...sandbox.personas.map((persona) => persona.password),
    sandbox.apiKey,
    sandbox.testSecret,
    ...(sandbox.clientSecret ? [sandbox.clientSecret] : []),
    ...(sandbox.machineClient ? [sandbox.machineClient.clientSecret] : []),
  ];
  return { values, secrets };
}

/** The sandbox personas' credentials, as the authorization checks read them. */
function personaValues(sandbox: Sandbox): Record<string, string> {
  return Object.fromEntries(
    sandbox.personas.flatMap((persona) => [
      [personaVariable(persona.name, 'username'), persona.username],
      [personaVariable(persona.name, 'password'), persona.password],
    ]),
  );
}
