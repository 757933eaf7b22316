/**
 * Signing in with the AWS SDK instead of the collection, for CI: `AdminInitiateAuth` with
 * ADMIN_USER_PASSWORD_AUTH (IAM credentials; a flow that would otherwise need a person, such as an
 * emailed code on the USER_AUTH flow, is skipped) or `InitiateAuth` with the run's `authFlow`:
 * USER_SRP_AUTH (the default, as AWS's default app client flows allow it), USER_PASSWORD_AUTH, or
 * USER_AUTH with PASSWORD_SRP as the preferred challenge.
 * Challenges Cognito still asks for are answered from the run's values: NEW_PASSWORD_REQUIRED
 * from `newPassword`, one-time code challenges from `otpCode` (docs/reference/aws-wire-behaviour.md
 * §1.4, §1.5).
 *
 * The tokens are returned in memory only; the caller hands them to a newman run.
 */
import {
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  type AuthFlowType,
  type AuthenticationResultType,
  type ChallengeNameType,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { InputError } from '../errors.js';
import { runVariables } from '../contract/run-variables.js';
import { describeAwsError } from './client-config.js';
import { secretHash } from './secret-hash.js';
import {
  newSrpSecret,
  passwordClaimSignature,
  srpPoolName,
  srpPublicValue,
  srpTimestamp,
} from './srp-client.js';

export interface SdkSignInRequest {
  /** Required for the admin flow. */
  userPoolId?: string;
  clientId: string;
  username: string;
  password: string;
  clientSecret?: string;
  /** AdminInitiateAuth (IAM credentials) instead of InitiateAuth. */
  admin: boolean;
  /** InitiateAuth's flow; default USER_SRP_AUTH. */
  authFlow?: string;
  newPassword?: string;
  otpCode?: string;
}

export interface SdkTokens {
  /** Absent from client credentials tokens and OAuth grants without the `openid` scope. */
  idToken?: string;
  accessToken: string;
  refreshToken?: string;
  expiresIn: number;
  /** Set for tokens of the user pool domain's /oauth2/token: a user's grant or a machine's. */
  grant?: 'oauth-user' | 'client-credentials';
}

/** An API sign-in always gives the ID token. */
export interface SignInTokens extends SdkTokens {
  idToken: string;
}

/** Challenge → the ChallengeResponses key its one-time code goes in. */
const CODE_CHALLENGES: Partial<Record<string, string>> = {
  SMS_MFA: 'SMS_MFA_CODE',
  SOFTWARE_TOKEN_MFA: 'SOFTWARE_TOKEN_MFA_CODE',
  EMAIL_OTP: 'EMAIL_OTP_CODE',
  SMS_OTP: 'SMS_OTP_CODE',
};

const MAX_CHALLENGES = 3;

interface AuthStep {
  AuthenticationResult?: AuthenticationResultType;
  ChallengeName?: ChallengeNameType | string;
  Session?: string;
  ChallengeParameters?: Record<string, string>;
}

/** The flows InitiateAuth is asked for here (docs/reference/aws-wire-behaviour.md §1.4). */
export const sdkAuthFlows = ['USER_SRP_AUTH', 'USER_PASSWORD_AUTH', 'USER_AUTH'] as const;

/** The SRP secret of this sign-in, when the flow uses SRP; it never leaves the process. */
interface SrpState {
  secret: string;
}

function initiateParameters(
  request: SdkSignInRequest,
  srp: SrpState,
): { flow: AuthFlowType; parameters: Record<string, string> } {
  const flow = request.authFlow || 'USER_SRP_AUTH';
  const base = { USERNAME: request.username };
  if (flow === 'USER_PASSWORD_AUTH') {
    return { flow, parameters: { ...base, PASSWORD: request.password } };
  }
  if (flow === 'USER_SRP_AUTH') {
    return { flow, parameters: { ...base, SRP_A: srpPublicValue(srp.secret) } };
  }
  if (flow === 'USER_AUTH') {
    return {
      flow,
      parameters: {
        ...base,
        PREFERRED_CHALLENGE: 'PASSWORD_SRP',
        SRP_A: srpPublicValue(srp.secret),
      },
    };
  }
  // Any other value goes to Cognito with the user name only (never the password): its
  // InvalidParameterException names the problem (an unknown flow fails its enum check, an admin
  // flow is not an InitiateAuth method), and `signInHint` says what to set.
  return { flow: flow as AuthFlowType, parameters: base };
}

export async function signInWithSdk(
  client: CognitoIdentityProviderClient,
  request: SdkSignInRequest,
): Promise<SignInTokens> {
  if (request.admin && !request.userPoolId) {
    throw new InputError('the admin sign-in needs the user pool id', {
      hint: 'Pass --user-pool-id or set GATECHECK_USER_POOL_ID',
    });
  }
  const hashFor = (username: string): Record<string, string> =>
    request.clientSecret
      ? { SECRET_HASH: secretHash(username, request.clientId, request.clientSecret) }
      : {};
  const hash = hashFor(request.username);
  const srp: SrpState = { secret: newSrpSecret() };
  const initiate = request.admin ? undefined : initiateParameters(request, srp);
  const flow = request.admin ? 'ADMIN_USER_PASSWORD_AUTH' : initiate?.flow;
  let step: AuthStep = await send(
    () =>
      request.admin
        ? client.send(
            new AdminInitiateAuthCommand({
              UserPoolId: request.userPoolId,
              ClientId: request.clientId,
              AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
              AuthParameters: { USERNAME: request.username, PASSWORD: request.password, ...hash },
            }),
          )
        : client.send(
            new InitiateAuthCommand({
              ClientId: request.clientId,
              AuthFlow: initiate?.flow,
              AuthParameters: { ...initiate?.parameters, ...hash },
            }),
          ),
    flow,
  );
  for (let answered = 0; !step.AuthenticationResult; answered += 1) {
    const challenge = step.ChallengeName;
    if (!challenge || answered >= MAX_CHALLENGES) {
      throw new InputError(
        `Cognito sign-in did not finish (last challenge: ${challenge ?? 'none'})`,
      );
    }
    const answer = {
      USERNAME: request.username,
      ...challengeAnswer(challenge, request, step.ChallengeParameters ?? {}, srp),
    };
    const responses: Record<string, string> = { ...answer, ...hashFor(answer.USERNAME) };
    step = await send(() =>
      request.admin
        ? client.send(
            new AdminRespondToAuthChallengeCommand({
              UserPoolId: request.userPoolId,
              ClientId: request.clientId,
              ChallengeName: challenge as ChallengeNameType,
              Session: step.Session,
              ChallengeResponses: responses,
            }),
          )
        : client.send(
            new RespondToAuthChallengeCommand({
              ClientId: request.clientId,
              ChallengeName: challenge as ChallengeNameType,
              Session: step.Session,
              ChallengeResponses: responses,
            }),
          ),
    );
  }
  const result = step.AuthenticationResult;
  if (!result.IdToken || !result.AccessToken) {
    throw new InputError('Cognito answered without an ID or access token');
  }
  return {
    idToken: result.IdToken,
    accessToken: result.AccessToken,
    ...(result.RefreshToken ? { refreshToken: result.RefreshToken } : {}),
    expiresIn: result.ExpiresIn ?? 3600,
  };
}

function challengeAnswer(
  challenge: string,
  request: SdkSignInRequest,
  parameters: Record<string, string>,
  srp: SrpState,
): Record<string, string> {
  if (challenge === 'PASSWORD_VERIFIER') return passwordClaim(request, parameters, srp);
  // USER_AUTH may offer a choice instead of taking the preference
  // (docs/reference/aws-wire-behaviour.md §5).
  if (challenge === 'SELECT_CHALLENGE') {
    return { ANSWER: 'PASSWORD_SRP', SRP_A: srpPublicValue(srp.secret) };
  }
  if (challenge === 'PASSWORD') return { PASSWORD: request.password };
  if (challenge === 'NEW_PASSWORD_REQUIRED') {
    if (!request.newPassword) {
      throw new InputError('Cognito asks for a new password (NEW_PASSWORD_REQUIRED)', {
        hint: 'Set GATECHECK_NEW_PASSWORD, or make the password permanent with `gatecheck provision`',
      });
    }
    return { NEW_PASSWORD: request.newPassword };
  }
  const codeField = CODE_CHALLENGES[challenge];
  if (codeField) {
    if (!request.otpCode) {
      throw new InputError(`Cognito asks for a one-time code (${challenge})`, {
        hint: 'Set GATECHECK_OTP_CODE for this run',
      });
    }
    return { [codeField]: request.otpCode };
  }
  throw new InputError(
    `Cognito asks for a challenge gatecheck cannot answer with the SDK: ${challenge}`,
  );
}

/**
 * PASSWORD_VERIFIER: the claim that proves the password (docs/reference/aws-wire-behaviour.md
 * §1.11).
 */
function passwordClaim(
  request: SdkSignInRequest,
  parameters: Record<string, string>,
  srp: SrpState,
): Record<string, string> {
  if (!request.userPoolId) {
    throw new InputError('SRP sign-in needs the user pool id (its name is part of the proof)', {
      hint: 'Set GATECHECK_USER_POOL_ID, or authFlow USER_PASSWORD_AUTH if the client allows it',
    });
  }
  const userId = parameters.USER_ID_FOR_SRP ?? request.username;
  const timestamp = srpTimestamp(new Date());
  const secretBlock = parameters.SECRET_BLOCK ?? '';
  return {
    USERNAME: userId,
    PASSWORD_CLAIM_SECRET_BLOCK: secretBlock,
    TIMESTAMP: timestamp,
    PASSWORD_CLAIM_SIGNATURE: passwordClaimSignature({
      poolName: srpPoolName(request.userPoolId),
      userId,
      password: request.password,
      secret: srp.secret,
      salt: parameters.SALT ?? '',
      srpB: parameters.SRP_B ?? '',
      secretBlock,
      timestamp,
    }),
  };
}

/** Cognito's own errors (wrong password, flow not enabled...) are input problems: one line, exit 2. */
async function send<T>(call: () => Promise<T>, flow?: string): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const described = describeAwsError(error);
    if (described) {
      throw new InputError(`Cognito sign-in failed: ${described}`, signInHint(described, flow));
    }
    throw error;
  }
}

/** What to change when Cognito refuses the flow itself (docs/reference/aws-wire-behaviour.md §1.2, §1.4, §1.9). */
function signInHint(described: string, flow: string | undefined): { hint?: string } {
  const choose = `set GATECHECK_AUTH_FLOW (authFlow) to a flow the client allows (${sdkAuthFlows.join(', ')})`;
  if (flow === 'REFRESH_TOKEN_AUTH' && /Refresh Token/.test(described)) {
    return {
      hint: 'GATECHECK_REFRESH_TOKEN is not a live refresh token of this app client: sign in again (gatecheck tokens --hosted-ui --refresh-token-file FILE) or unset it',
    };
  }
  if (/at 'authFlow' failed to satisfy constraint/.test(described)) {
    return { hint: `Cognito knows no such flow: ${choose}` };
  }
  if (/Initiate Auth method not supported/.test(described)) {
    return {
      hint: flow?.startsWith('ADMIN_')
        ? `${flow} is AdminInitiateAuth's: pass --admin-auth (IAM credentials), or ${choose}`
        : choose,
    };
  }
  if (/flow not enabled for this client/.test(described)) {
    const allow = flow ? `ALLOW_${flow}` : 'the flow';
    return {
      hint: `Add ${allow} to the app client's ExplicitAuthFlows, or ${choose}`,
    };
  }
  return {};
}

export interface SdkRefreshRequest {
  clientId: string;
  refreshToken: string;
  clientSecret?: string;
  /** The token owner's user name, for SECRET_HASH (docs/reference/aws-wire-behaviour.md §1.6). */
  username?: string;
}

/**
 * REFRESH_TOKEN_AUTH with a refresh token from an earlier sign-in (GATECHECK_REFRESH_TOKEN): new ID
 * and access tokens, the refresh token itself kept, as Cognito rotates none by default
 * (docs/reference/aws-wire-behaviour.md §1.3).
 */
export async function refreshWithSdk(
  client: CognitoIdentityProviderClient,
  request: SdkRefreshRequest,
): Promise<SdkTokens> {
  const hash: Record<string, string> =
    request.clientSecret && request.username
      ? { SECRET_HASH: secretHash(request.username, request.clientId, request.clientSecret) }
      : {};
  const step: AuthStep = await send(
    () =>
      client.send(
        new InitiateAuthCommand({
          ClientId: request.clientId,
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          AuthParameters: { REFRESH_TOKEN: request.refreshToken, ...hash },
        }),
      ),
    'REFRESH_TOKEN_AUTH',
  );
  const result = step.AuthenticationResult;
  if (!result?.AccessToken) throw new InputError('Cognito answered the refresh without tokens');
  return {
    ...(result.IdToken ? { idToken: result.IdToken } : {}),
    accessToken: result.AccessToken,
    refreshToken: result.RefreshToken ?? request.refreshToken,
    expiresIn: result.ExpiresIn ?? 3600,
  };
}

/**
 * Collections whose methods take OAuth 2.0 tokens read them from a variable of their own, by
 * grant; the token is handed under that name too, so it serves those collections and the ones
 * that read `accessToken` only.
 */
const oauthTokenVariable = {
  'oauth-user': 'oauthAccessToken',
  'client-credentials': 'machineAccessToken',
} as const;

/** The collection variables the generated scripts read the tokens from (render/run-variables.ts). */
export function tokensAsRunVariables(tokens: SdkTokens, nowMs: number): Record<string, string> {
  return {
    ...(tokens.idToken ? { [runVariables.idToken]: tokens.idToken } : {}),
    [runVariables.accessToken]: tokens.accessToken,
    ...(tokens.grant ? { [oauthTokenVariable[tokens.grant]]: tokens.accessToken } : {}),
    ...(tokens.refreshToken ? { [runVariables.refreshToken]: tokens.refreshToken } : {}),
    [runVariables.tokenExpiresAt]: String(nowMs + tokens.expiresIn * 1000),
  };
}
