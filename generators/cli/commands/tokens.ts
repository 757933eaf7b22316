import type { SdkTokens } from '../../aws/sdk-sign-in.js';
import { ExitCode } from '../../errors.js';
import type { Command } from '../command.js';
import { checkNumberFlags, runNumberFlags } from '../../run/run-flags.js';
import { runCommand } from '../run-command.js';

/**
 * Signs in with the SDK and shows what the tokens say (never the tokens): a check that CI's
 * credentials work before a run. `gatecheck run --tokens-from-sdk` hands the tokens to newman.
 */
export const tokensCommand: Command = {
  command: 'tokens',
  describe:
    'Sign in with the AWS SDK and show the token claims (not the tokens); use `run --tokens-from-sdk` to run with them',
  builder: (yargs) =>
    yargs
      .option('environment', {
        alias: 'e',
        type: 'string',
        describe: 'Postman environment with clientId, username...',
      })
      .option('env-file', { type: 'string', describe: 'A .env file with GATECHECK_* values' })
      .option('admin-auth', {
        type: 'boolean',
        default: false,
        describe: 'AdminInitiateAuth (ADMIN_USER_PASSWORD_AUTH) with IAM credentials',
      })
      .option('region', {
        type: 'string',
        describe: 'AWS region (default: GATECHECK_REGION or the user pool id)',
      })
      .option('endpoint', {
        type: 'string',
        describe: 'Cognito endpoint (default: GATECHECK_COGNITO_ENDPOINT unless AWS)',
      }),
  run: (args, io) =>
    runCommand(io, async () => {
      checkNumberFlags(args, runNumberFlags);
      const { signInForRun } = await import('../../aws/token-hand-off.js');
      const { readEnvironmentFile } = await import('../../run/collection-file.js');
      const { resolveRunInputs } = await import('../../run/run-inputs.js');
      const flags = args as unknown as {
        environment?: string;
        envFile?: string;
        adminAuth: boolean;
        region?: string;
        endpoint?: string;
      };
      const environment = flags.environment
        ? await readEnvironmentFile(flags.environment)
        : undefined;
      const inputs = resolveRunInputs(flags, process.env, environment);
      for (const notice of inputs.notices) io.err(notice);
      const tokens = await signInForRun({
        values: inputs.values,
        ...(environment ? { environment } : {}),
        admin: flags.adminAuth,
        ...(flags.region ? { region: flags.region } : {}),
        ...(flags.endpoint ? { endpoint: flags.endpoint } : {}),
        env: process.env,
      });
      // jose is loaded on use, so other commands do not start slower for it.
      const { decodeJwt } = await import('jose');
      for (const line of describeTokens(tokens, decodeJwt)) io.out(line);
      return ExitCode.ok;
    }),
};

/** Non-secret facts about the tokens: who, which kind, scopes, groups, expiry. */
export function describeTokens(
  tokens: SdkTokens,
  decodeJwt: (token: string) => Record<string, unknown>,
): string[] {
  const id = decodeJwt(tokens.idToken);
  const access = decodeJwt(tokens.accessToken);
  const when = (exp: unknown) =>
    typeof exp === 'number' ? new Date(exp * 1000).toISOString() : '?';
  const groups = (claims: Record<string, unknown>) => {
    const value = claims['cognito:groups'];
    return Array.isArray(value) && value.length > 0 ? value.join(', ') : '(none)';
  };
  return [
    `signed in as ${String(id['cognito:username'] ?? access.username ?? id.sub)} (sub ${String(id.sub)})`,
    `  issuer: ${String(id.iss)}`,
    `  ID token: token_use=${String(id.token_use)}, aud=${String(id.aud)}, expires ${when(id.exp)}`,
    `  access token: scope="${String(access.scope ?? '')}", client_id=${String(access.client_id)}, expires ${when(access.exp)}`,
    `  groups: ${groups(id)}`,
    `  refresh token: ${tokens.refreshToken ? 'received' : 'not received'}`,
  ];
}
