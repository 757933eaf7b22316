/**
 * Signing in with the AWS SDK instead of the collection, for CI: `AdminInitiateAuth` with
 * ADMIN_USER_PASSWORD_AUTH (IAM credentials; a flow that would otherwise need a person, such as an
 * emailed code on the USER_AUTH flow, is skipped) or `InitiateAuth` with USER_PASSWORD_AUTH.
 * Challenges Cognito still asks for are answered from the run's values: NEW_PASSWORD_REQUIRED
 * from `newPassword`, one-time code challenges from `otpCode` (aws-behaviour.md §1.4, §1.5).
 *
 * The tokens are returned in memory only; the caller hands them to a newman run.
 */
import {
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  type AuthenticationResultType,
  type ChallengeNameType,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { InputError } from '../errors.js';
import { runVariables } from '../render/run-variables.js';
import { describeAwsError } from './client-config.js';
import { secretHash } from './secret-hash.js';

export interface SdkSignInRequest {
  /** Required for the admin flow. */
  userPoolId?: string;
  clientId: string;
  username: string;
  password: string;
  clientSecret?: string;
  /** AdminInitiateAuth (IAM credentials) instead of InitiateAuth. */
  admin: boolean;
  newPassword?: string;
  otpCode?: string;
}

export interface SdkTokens {
  idToken: string;
  accessToken: string;
  refreshToken?: string;
  expiresIn: number;
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
}

export async function signInWithSdk(
  client: CognitoIdentityProviderClient,
  request: SdkSignInRequest,
): Promise<SdkTokens> {
  if (request.admin && !request.userPoolId) {
    throw new InputError('the admin sign-in needs the user pool id', {
      hint: 'Pass --user-pool-id or set GATECHECK_USER_POOL_ID',
    });
  }
  const hash: Record<string, string> = request.clientSecret
    ? { SECRET_HASH: secretHash(request.username, request.clientId, request.clientSecret) }
    : {};
  let step: AuthStep = await send(() =>
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
            AuthFlow: 'USER_PASSWORD_AUTH',
            AuthParameters: { USERNAME: request.username, PASSWORD: request.password, ...hash },
          }),
        ),
  );
  for (let answered = 0; !step.AuthenticationResult; answered += 1) {
    const challenge = step.ChallengeName;
    if (!challenge || answered >= MAX_CHALLENGES) {
      throw new InputError(
        `Cognito sign-in did not finish (last challenge: ${challenge ?? 'none'})`,
      );
    }
    const responses: Record<string, string> = {
      USERNAME: request.username,
      ...hash,
      ...challengeAnswer(challenge, request),
    };
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

function challengeAnswer(challenge: string, request: SdkSignInRequest): Record<string, string> {
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

/** Cognito's own errors (wrong password, flow not enabled...) are input problems: one line, exit 2. */
async function send<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const described = describeAwsError(error);
    if (described) throw new InputError(`Cognito sign-in failed: ${described}`);
    throw error;
  }
}

/** The collection variables the generated scripts read the tokens from (render/run-variables.ts). */
export function tokensAsRunVariables(tokens: SdkTokens, nowMs: number): Record<string, string> {
  return {
    [runVariables.idToken]: tokens.idToken,
    [runVariables.accessToken]: tokens.accessToken,
    ...(tokens.refreshToken ? { [runVariables.refreshToken]: tokens.refreshToken } : {}),
    [runVariables.tokenExpiresAt]: String(nowMs + tokens.expiresIn * 1000),
  };
}
