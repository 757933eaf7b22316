/** Run-time values for a generated collection against a started sandbox, as GATECHECK_* would give them. */
import { sandboxRunValues as demoRunValues } from '../../generators/cli/sandbox-session.js';
import type { Sandbox } from '../../sandbox/index.js';

/**
 * The demo's values, signed in as the user of `role` with the environment file's own sign-in flow
 * (the demo's USER_AUTH + EMAIL_OTP choice is left out).
 */
export function sandboxRunValues(sandbox: Sandbox, role = 'main'): Record<string, string> {
  const user = sandbox.users.find((candidate) => candidate.role === role);
  if (!user) throw new Error(`the sandbox has no ${role} user`);
  const values: Record<string, string> = {
    ...demoRunValues(sandbox).values,
    username: user.username,
    password: user.password,
  };
  delete values.authFlow;
  delete values.preferredChallenge;
  return values;
}
