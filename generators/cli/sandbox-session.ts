/**
 * What the CLI needs around the sandbox: starting it with spec problems reported as input errors,
 * and the run-time values a generated collection needs against it.
 */
import { SpecError, startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/index.js';
import { InputError } from '../errors.js';
import { personaVariable } from '../render/render-authz.js';

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
    authFlow: 'USER_AUTH',
    preferredChallenge: 'EMAIL_OTP',
    otherPoolUsername: sandbox.otherPool.username,
    sandboxUrl: sandbox.sandboxUrl,
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
    ...(sandbox.clientSecret ? { clientSecret: sandbox.clientSecret } : {}),
    ...(sandbox.machineClient ? { machineClientSecret: sandbox.machineClient.clientSecret } : {}),
    revocationUsername: signOut?.username ?? '',
    revocationPassword: signOut?.password ?? '',
    ...personaValues(sandbox),
  };
  const secrets = [
    ...sandbox.users.map((user) => user.password),
    sandbox.otherPool.password,
    ...sandbox.personas.map((persona) => persona.password),
    sandbox.apiKey,
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
