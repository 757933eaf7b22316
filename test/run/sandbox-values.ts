/** Run-time values for a generated collection against a started sandbox, as GATECHECK_* would give them. */
import type { Sandbox } from '../../sandbox/index.js';

export function sandboxRunValues(sandbox: Sandbox, role = 'main'): Record<string, string> {
  const user = sandbox.users.find((candidate) => candidate.role === role);
  if (!user) throw new Error(`the sandbox has no ${role} user`);
  const signOutUser = sandbox.users.find((candidate) => candidate.role === 'sign-out');
  return {
    baseUrl: sandbox.apiBaseUrl,
    region: sandbox.region,
    cognitoEndpoint: sandbox.cognitoEndpoint,
    userPoolId: sandbox.userPoolId,
    clientId: sandbox.clientId,
    username: user.username,
    password: user.password,
    apiKey: sandbox.apiKey,
    sandboxUrl: sandbox.sandboxUrl,
    ...(sandbox.clientSecret ? { clientSecret: sandbox.clientSecret } : {}),
    ...(signOutUser
      ? { revocationUsername: signOutUser.username, revocationPassword: signOutUser.password }
      : {}),
  };
}
