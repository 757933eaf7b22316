/**
 * Collection variables the generated scripts write at run time. They are COLLECTION variables, not
 * environment ones, so `newman --export-environment` and environment files never carry tokens.
 * Scripts read them with `pm.variables.get` (so a runner may also supply them in memory) and write
 * them with `pm.collectionVariables.set`. The script library gets this object as
 * `gatecheck.constants.runVariables` (render/script-library.ts), so every name has one spelling.
 */
/** An OAuth 2.0 grant a token comes from (plan/token-source.ts). */
type OAuthGrantName = 'oauth-user' | 'client-credentials';

export const runVariables = {
  /** Captured Cognito tokens. */
  idToken: 'idToken',
  accessToken: 'accessToken',
  refreshToken: 'refreshToken',
  /**
   * Access tokens of the user pool's OAuth 2.0 endpoints (docs/tokens-and-scopes.md): the code
   * flow's user token (from the refresh token the run supplies) and a client credentials token.
   * Their expiry is read from their own `exp` claim.
   */
  oauthAccessToken: 'oauthAccessToken',
  machineAccessToken: 'machineAccessToken',
  /** The spec's machine scopes (space-separated), asked for by the client credentials grant. */
  machineScopes: 'gatecheck.machineScopes',
  /** The refresh token the PKCE check's code flow got, used when the run supplies none. */
  codeFlowRefreshToken: 'gatecheck.codeFlowRefreshToken',
  /** Prefix of `<prefix><grant>`: a recent failure of that grant, so it is not retried per request. */
  oauthFailed: 'gatecheck.oauthFailed.',
  /** Absolute expiry of the ID/access tokens, epoch milliseconds (from `ExpiresIn`). */
  tokenExpiresAt: 'tokenExpiresAt',
  /**
   * `cognito:username` of the ID token: the SECRET_HASH of REFRESH_TOKEN_AUTH uses it
   * (docs/reference/aws-wire-behaviour.md §1.6).
   */
  cognitoUsername: 'gatecheck.cognitoUsername',
  /** `userPoolId|clientId|username` the captured tokens belong to: another environment never reuses them. */
  tokenOwner: 'gatecheck.tokenOwner',
  /** The same for the pending challenge, so a pasted code answers only its own sign-in. */
  challengeOwner: 'gatecheck.challengeOwner',
  /** The pending challenge between InitiateAuth and RespondToAuthChallenge. */
  session: 'gatecheck.session',
  challengeName: 'gatecheck.challengeName',
  challengeParameters: 'gatecheck.challengeParameters',
  availableChallenges: 'gatecheck.availableChallenges',
  challengeSteps: 'gatecheck.challengeSteps',
  /** The client's SRP secret a, from SRP_A until PASSWORD_VERIFIER is answered (then cleared). */
  srpSecret: 'gatecheck.srpSecret',
  /** Set when a sign-in failed, so no script retries it in the same run (Cognito locks users out after repeated failures). */
  signInFailed: 'gatecheck.signInFailed',
  /** The revocation check's own user: its access token, and whether GlobalSignOut succeeded. */
  revocationAccessToken: 'gatecheck.revocation.accessToken',
  revocationSignedOut: 'gatecheck.revocation.signedOut',
  /** Run counters: every executed check increments `ran` once; the run guard compares with the plan. */
  ran: 'gatecheck.ran',
  skipped: 'gatecheck.skipped',
  inconclusive: 'gatecheck.inconclusive',
} as const;

export type RunVariableName = (typeof runVariables)[keyof typeof runVariables];

/**
 * The collection variable holding the captured token of this kind: of this OAuth grant, or, for
 * pool N ≥ 2 of an API with several user pools, that pool's own `gatecheck.pool.<N>.idToken`
 * (scripts/library/pool-sign-in.js).
 */
export function capturedTokenVariable(
  kind: 'id' | 'access',
  source: { pool?: number | undefined; grant?: OAuthGrantName | undefined } = {},
): string {
  if (source.grant === 'oauth-user') return runVariables.oauthAccessToken;
  if (source.grant === 'client-credentials') return runVariables.machineAccessToken;
  const name = kind === 'id' ? runVariables.idToken : runVariables.accessToken;
  const pool = source.pool;
  return pool === undefined || pool < 2 ? name : `gatecheck.pool.${pool}.${name}`;
}
