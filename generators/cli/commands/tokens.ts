import type { SdkTokens } from '../../aws/sdk-sign-in.js';
import { ExitCode, InputError } from '../../errors.js';
import { defaultRedirectPort } from '../../aws/hosted-ui-sign-in.js';
import { defineCommand } from '../command.js';
import { headings } from './headings.js';
import { checkNumberFlags, runNumberFlags } from '../run-flags.js';

/**
 * Signs in with the SDK (or the user pool's OAuth 2.0 endpoints) and shows what the tokens say
 * (never the tokens): a check that CI's credentials work before a run. `gatecheck run
 * --tokens-from-sdk` hands the tokens to newman; `--refresh-token-file` keeps the refresh token
 * for GATECHECK_REFRESH_TOKEN.
 */
export const tokensCommand = defineCommand({
  ...headings.tokens,
  examples: [
    {
      line: 'GATECHECK_PASSWORD=... $0 tokens -e environments/users-api.prod.postman_environment.json',
      what: 'Sign in as the environment says; show who the tokens name, their scopes and expiry',
    },
    {
      line: '$0 tokens -e environments/users-api.prod.postman_environment.json --env-file ci.env --admin-auth',
      what: 'AdminInitiateAuth with IAM credentials, the values from a .env file',
    },
  ],
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
      })
      .option('hosted-ui', {
        type: 'boolean',
        default: false,
        describe:
          'Sign in through the managed login in a browser: code + PKCE, redirect to http://127.0.0.1:<port>/callback',
      })
      .option('client-credentials', {
        type: 'boolean',
        default: false,
        describe:
          'A machine client: client_credentials with GATECHECK_MACHINE_CLIENT_ID and GATECHECK_MACHINE_CLIENT_SECRET (else GATECHECK_CLIENT_ID and GATECHECK_CLIENT_SECRET)',
      })
      .option('scope', {
        type: 'string',
        array: true,
        describe: 'OAuth scopes to ask for (default: those of --spec, else all the client allows)',
      })
      .option('spec', { type: 'string', describe: 'Ask for the scopes this API export requires' })
      .option('domain', {
        type: 'string',
        describe: 'User pool domain (default: GATECHECK_COGNITO_DOMAIN)',
      })
      .option('port', {
        type: 'number',
        default: defaultRedirectPort,
        describe: 'With --hosted-ui: port of the loopback redirect (0 = a free port)',
      })
      .option('redirect-host', {
        type: 'string',
        choices: ['127.0.0.1', 'localhost'],
        default: '127.0.0.1',
        describe:
          "With --hosted-ui: the redirect's host, as the app client's CallbackURLs spell it",
      })
      .option('refresh-token-file', {
        type: 'string',
        describe: 'Write GATECHECK_REFRESH_TOKEN=<refresh token> to this .env file (mode 600)',
      }),
  handler: async (args, io) => {
    checkNumberFlags(args, { ...runNumberFlags, port: { min: 0, integer: true } });
    const { signInForRun } = await import('../../aws/token-hand-off.js');
    const { readEnvironmentFile } = await import('../../run/inputs/collection-file.js');
    const { resolveRunInputs } = await import('../../run/inputs/run-inputs.js');
    const flags = args;
    const environment = flags.environment
      ? await readEnvironmentFile(flags.environment)
      : undefined;
    const inputs = resolveRunInputs(flags, process.env, environment);
    for (const notice of inputs.notices) io.err(notice);
    if ([flags.hostedUi, flags.clientCredentials, flags.adminAuth].filter(Boolean).length > 1) {
      throw new InputError(
        '--hosted-ui, --client-credentials and --admin-auth are three different sign-ins',
        {
          hint: 'Pass one of them',
        },
      );
    }
    if (flags.refreshTokenFile && flags.clientCredentials) {
      throw new InputError('client credentials give no refresh token to write', {
        hint: 'Leave out --refresh-token-file, or sign in as a user (--hosted-ui or an API sign-in)',
      });
    }
    const source = flags.hostedUi
      ? 'hosted-ui'
      : flags.clientCredentials
        ? 'client-credentials'
        : 'sign-in';
    const scopes = await requestedScopes(flags, source);
    const tokens = await signInForRun({
      values: inputs.values,
      ...(environment ? { environment } : {}),
      ...(flags.envFile ? { envFile: flags.envFile } : {}),
      admin: flags.adminAuth,
      ...(flags.region ? { region: flags.region } : {}),
      ...(flags.endpoint ? { endpoint: flags.endpoint } : {}),
      env: process.env,
      source,
      scopes,
      ...(flags.domain ? { domain: flags.domain } : {}),
      port: flags.port,
      redirectHost: flags.redirectHost,
      onAuthorizeUrl: (url, redirectUri) => {
        io.out('Open this URL in a browser and sign in:');
        io.out(`  ${url}`);
        io.out(`waiting for the redirect to ${redirectUri} ...`);
      },
    });
    // jose is loaded on use, so other commands do not start slower for it.
    const { decodeJwt } = await import('jose');
    for (const line of describeTokens(tokens, decodeJwt)) io.out(line);
    if (flags.refreshTokenFile) {
      if (!tokens.refreshToken) {
        throw new InputError('Cognito gave no refresh token to write', {
          file: flags.refreshTokenFile,
          hint: 'Client credentials tokens have none; sign in as a user (--hosted-ui or an API sign-in)',
        });
      }
      const { saveRefreshToken } = await import('../../aws/refresh-token-file.js');
      await saveRefreshToken(flags.refreshTokenFile, tokens.refreshToken);
      io.out(
        `refresh token written to ${flags.refreshTokenFile} as GATECHECK_REFRESH_TOKEN (use --env-file ${flags.refreshTokenFile})`,
      );
    }
    return ExitCode.ok;
  },
});

interface TokensFlags {
  environment?: string;
  envFile?: string;
  adminAuth: boolean;
  region?: string;
  endpoint?: string;
  hostedUi: boolean;
  clientCredentials: boolean;
  scope?: string[];
  spec?: string;
  domain?: string;
  port: number;
  redirectHost: string;
  refreshTokenFile?: string;
}

/** `--scope` (space- or comma-separated too), else the scopes the spec's methods require. */
async function requestedScopes(
  flags: TokensFlags,
  source: 'hosted-ui' | 'client-credentials' | 'sign-in',
): Promise<string[]> {
  const given = (flags.scope ?? []).flatMap((scope) => scope.split(/[\s,]+/)).filter(Boolean);
  if (given.length > 0 || !flags.spec || source === 'sign-in') return given;
  const { modelSource } = await import('../../pipeline.js');
  const { scopesToRequest, specScopes } = await import('../../aws/oauth-scopes.js');
  return scopesToRequest(specScopes(await modelSource(flags.spec)), source);
}

/** Non-secret facts about the tokens: who, which kind, scopes, groups, expiry. */
export function describeTokens(
  tokens: SdkTokens,
  decodeJwt: (token: string) => Record<string, unknown>,
): string[] {
  const id = tokens.idToken ? decodeJwt(tokens.idToken) : undefined;
  const access = decodeJwt(tokens.accessToken);
  const when = (exp: unknown) =>
    typeof exp === 'number' ? new Date(exp * 1000).toISOString() : '?';
  const groups = (claims: Record<string, unknown>) => {
    const value = claims['cognito:groups'];
    return Array.isArray(value) && value.length > 0 ? value.join(', ') : '(none)';
  };
  // A client credentials token has no user: its subject is the client (docs/reference/aws-wire-behaviour.md §1.10).
  const machine = access.username === undefined && access.sub === access.client_id;
  const who = machine
    ? `app client ${String(access.client_id)} (client credentials, no user)`
    : `${String(id?.['cognito:username'] ?? access.username ?? access.sub)} (sub ${String(id?.sub ?? access.sub)})`;
  return [
    `signed in as ${who}`,
    `  issuer: ${String(access.iss)}`,
    id
      ? `  ID token: token_use=${String(id.token_use)}, aud=${String(id.aud)}, expires ${when(id.exp)}`
      : '  ID token: not received',
    `  access token: scope="${String(access.scope ?? '')}", client_id=${String(access.client_id)}, expires ${when(access.exp)}`,
    `  groups: ${groups(id ?? access)}`,
    `  refresh token: ${tokens.refreshToken ? 'received' : 'not received'}`,
  ];
}
