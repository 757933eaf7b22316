import {
  CognitoError,
  invalidParameter,
  missingParameter,
  notAuthorized,
} from '../cognito-error.js';
import type { OperationContext } from '../context.js';
import { optionalString, requireString, stringMap, type Input } from '../input.js';
import { assertCanSignIn, findUserForSignIn, clientOfCall } from '../lookup.js';
import { checkSecretHash } from '../secret-hash.js';
import type { AppClient, UserPool } from '../state.js';
import { checkFlowEnabled, checkFlowName } from './auth-flows.js';
import { refreshTokens } from './refresh.js';
import { startSrp } from './srp-sign-in.js';
import {
  afterPassword,
  availableFirstFactors,
  challenge,
  signedIn,
  startFirstFactor,
  verifyPassword,
  type AuthResponse,
  type SignInTarget,
} from './sign-in-steps.js';

export const initiateAuth = (ctx: OperationContext, input: Input) => startSignIn(ctx, input, false);
export const adminInitiateAuth = (ctx: OperationContext, input: Input) =>
  startSignIn(ctx, input, true);

async function startSignIn(
  ctx: OperationContext,
  input: Input,
  admin: boolean,
): Promise<AuthResponse> {
  const { pool, client } = clientOfCall(ctx.state, input, admin);
  const authFlow = requireString(input, 'AuthFlow');
  const parameters = stringMap(input, 'AuthParameters');
  checkFlowName(authFlow, admin);
  checkFlowEnabled(client, authFlow);
  switch (authFlow) {
    case 'USER_PASSWORD_AUTH':
    case 'ADMIN_USER_PASSWORD_AUTH':
    case 'ADMIN_NO_SRP_AUTH':
      return passwordSignIn(ctx, targetFor(pool, client, parameters), parameters);
    case 'USER_AUTH':
      return choiceBasedSignIn(ctx, pool, client, parameters, optionalString(input, 'Session'));
    case 'USER_SRP_AUTH':
      return startSrp(ctx, targetFor(pool, client, parameters), parameters.SRP_A);
    case 'REFRESH_TOKEN_AUTH':
    case 'REFRESH_TOKEN':
      return refreshTokens(ctx, client, parameters);
    default:
      // CUSTOM_AUTH needs Lambda triggers the sandbox does not have.
      throw invalidParameter(`${authFlow} is not supported by the gatecheck sandbox.`);
  }
}

/** USERNAME present, SECRET_HASH right, user known and allowed to sign in. */
function targetFor(
  pool: UserPool,
  client: AppClient,
  parameters: Record<string, string>,
): SignInTarget {
  const username = parameters.USERNAME;
  if (username === undefined || username === '') throw missingParameter('USERNAME');
  checkSecretHash(client, username, parameters.SECRET_HASH);
  const user = findUserForSignIn(pool, client, username);
  assertCanSignIn(user);
  return { pool, client, user };
}

async function passwordSignIn(
  ctx: OperationContext,
  target: SignInTarget,
  parameters: Record<string, string>,
): Promise<AuthResponse> {
  if (parameters.PASSWORD === undefined) throw missingParameter('PASSWORD');
  verifyPassword(target.user, parameters.PASSWORD);
  return afterPassword(ctx, target);
}

/**
 * `USER_AUTH` (docs/reference/aws-wire-behaviour.md §5): needs the Essentials tier or higher. With
 * the `Session` from ConfirmSignUp the user is signed in at once. With an available
 * `PREFERRED_CHALLENGE` that factor starts; without one, or with one the user cannot use, the
 * answer is `SELECT_CHALLENGE` with `AvailableChallenges` — the fallback is what the Amplify Swift
 * SDK documents; the API reference does not say (UNCONFIRMED).
 */
async function choiceBasedSignIn(
  ctx: OperationContext,
  pool: UserPool,
  client: AppClient,
  parameters: Record<string, string>,
  session: string | undefined,
): Promise<AuthResponse> {
  if (pool.tier === 'LITE') {
    // Model status 403, sent as 400 like every other client error here
    // (docs/reference/aws-wire-behaviour.md §1.2); text UNCONFIRMED.
    throw new CognitoError(
      'FeatureUnavailableInTierException',
      'This feature is not available in the current feature plan of the user pool.',
    );
  }
  const target = targetFor(pool, client, parameters);
  if (session !== undefined) {
    const confirmed = ctx.sessions.take(session, client.clientId);
    if (confirmed.step !== 'CONFIRMED_SIGN_UP' || confirmed.username !== target.user.username) {
      throw notAuthorized('Invalid session for the user.');
    }
    return signedIn(ctx, target);
  }
  const available = availableFirstFactors(pool, target.user);
  const preferred = parameters.PREFERRED_CHALLENGE;
  if (preferred !== undefined && available.includes(preferred)) {
    return startFirstFactor(ctx, target, preferred, {
      password: parameters.PASSWORD,
      srpA: parameters.SRP_A,
    });
  }
  return challenge(ctx, target, 'SELECT_CHALLENGE', {}, { availableChallenges: available });
}
