/**
 * Collection variables the generated scripts write at run time. They are COLLECTION variables, not
 * environment ones, so `newman --export-environment` and environment files never carry tokens.
 * Scripts read them with `pm.variables.get` (so a runner may also supply them in memory) and write
 * them with `pm.collectionVariables.set`. The script library gets this object as
 * `gatecheck.constants.runVariables` (script-library.ts), so every name has one spelling.
 */
import type { TokenKind } from '../model/types.js';

export const runVariables = {
  /** Captured Cognito tokens. */
  idToken: 'idToken',
  accessToken: 'accessToken',
  refreshToken: 'refreshToken',
  /** Absolute expiry of the ID/access tokens, epoch milliseconds (from `ExpiresIn`). */
  tokenExpiresAt: 'tokenExpiresAt',
  /** `cognito:username` of the ID token: the SECRET_HASH of REFRESH_TOKEN_AUTH uses it (aws-behaviour.md §1.6). */
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
  /** Run counters: every executed check increments `ran` once; the run guard compares with the plan. */
  ran: 'gatecheck.ran',
  skipped: 'gatecheck.skipped',
  inconclusive: 'gatecheck.inconclusive',
} as const;

export type RunVariableName = (typeof runVariables)[keyof typeof runVariables];

/** The collection variable holding the captured token of this kind. */
export function capturedTokenVariable(kind: TokenKind): string {
  return kind === 'id' ? runVariables.idToken : runVariables.accessToken;
}
