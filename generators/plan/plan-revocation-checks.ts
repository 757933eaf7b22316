/**
 * Revocation is checked against Cognito, not against the API: API Gateway's Cognito authorizer
 * verifies the JWT itself, so a token revoked by GlobalSignOut keeps working at the API until it
 * expires (docs/reference/aws-wire-behaviour.md §2.1, token-revocation guide: "revoked tokens will
 * still be valid if they are verified using any JWT library"). Cognito's own token-authorized APIs
 * do reject it: `GetUser` answers 400 `NotAuthorizedException` "Access Token has been revoked"
 * (§1.2).
 *
 * The check signs in a dedicated user (`revocationUsername`: GlobalSignOut ends every session of
 * that user, so never a shared one), signs it out everywhere, then replays the old access token.
 */
import type { ApiModel, Operation } from '../model/types.js';
import { contentId } from './content-id.js';

export type RevocationStep = 'sign-in' | 'global-sign-out' | 'get-user';

/** One request of the revocation folder; its body is built by its pre-request script. */
export interface RevocationCheck {
  role: 'revocation';
  id: string;
  name: string;
  step: RevocationStep;
  method: 'post';
  /** Cognito's JSON API endpoint (the sandbox replaces it). */
  url: '{{cognitoEndpoint}}';
  headers: Record<string, string>;
}

const steps: ReadonlyArray<{ step: RevocationStep; operation: string; title: string }> = [
  { step: 'sign-in', operation: 'InitiateAuth', title: 'sign in the revocation user' },
  { step: 'global-sign-out', operation: 'GlobalSignOut', title: 'GlobalSignOut' },
  { step: 'get-user', operation: 'GetUser', title: 'GetUser with the signed-out access token' },
];

/** The three steps, in order; none when no operation is behind a Cognito user pool. */
export function planRevocationChecks(model: ApiModel): RevocationCheck[] {
  if (!model.operations.some((operation) => behindCognito(model, operation))) return [];
  return steps.map(({ step, operation, title }) => ({
    role: 'revocation',
    id: contentId(model.slug, 'revocation', step),
    name: `Revocation · ${title}`,
    step,
    method: 'post',
    url: '{{cognitoEndpoint}}',
    // The Cognito JSON protocol (docs/reference/aws-wire-behaviour.md §1.1).
    headers: {
      'Content-Type': 'application/x-amz-json-1.1',
      'X-Amz-Target': `AWSCognitoIdentityProviderService.${operation}`,
    },
  }));
}

function behindCognito(model: ApiModel, operation: Operation): boolean {
  const protection = operation.protection;
  if (protection.kind === 'cognito') return true;
  if (protection.kind !== 'jwt') return false;
  const scheme = model.schemes[protection.scheme];
  return scheme?.kind === 'jwt' && scheme.userPool !== undefined;
}
