/**
 * Reads Cognito JSON-API traffic seen during a run: which secrets it carried, whether it was a
 * sign-in, and what Cognito's error was.
 *
 * Every Cognito call is `POST /` with `X-Amz-Target: AWSCognitoIdentityProviderService.<Operation>`
 * and errors come back as `{"__type": "<Exception>", "message": "..."}` with status 400
 * (docs/reference/aws-wire-behaviour.md §1.1, §1.2).
 */

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';

/** The Cognito operation named by an `X-Amz-Target` header value, or undefined if not Cognito. */
export function cognitoOperation(target: string | undefined): string | undefined {
  if (!target?.startsWith(TARGET_PREFIX)) return undefined;
  return target.slice(TARGET_PREFIX.length);
}

/**
 * True for the calls that start a sign-in (once per user per run is the goal): InitiateAuth or
 * AdminInitiateAuth with any flow but a refresh (`REFRESH_TOKEN_AUTH` / `REFRESH_TOKEN` renews
 * tokens without signing in again, docs/reference/aws-wire-behaviour.md §1.4).
 */
export function isSignInStart(operation: string | undefined, requestBody: string): boolean {
  if (operation !== 'InitiateAuth' && operation !== 'AdminInitiateAuth') return false;
  const parsed = parseJson(requestBody);
  const flow = isRecord(parsed) ? parsed.AuthFlow : undefined;
  return flow !== 'REFRESH_TOKEN_AUTH' && flow !== 'REFRESH_TOKEN';
}

/** An InitiateAuth that refreshes tokens rather than signing in. */
export function isRefresh(operation: string | undefined, requestBody: string): boolean {
  return (
    (operation === 'InitiateAuth' || operation === 'AdminInitiateAuth') &&
    !isSignInStart(operation, requestBody)
  );
}

export interface CognitoError {
  type: string;
  message: string;
}

/** Cognito's error from a response body, when it is one. */
export function cognitoErrorOf(body: string): CognitoError | undefined {
  const parsed = parseJson(body);
  if (!isRecord(parsed) || typeof parsed.__type !== 'string') return undefined;
  // `__type` may be namespaced (`com.amazonaws...#NotAuthorizedException`) in some protocols.
  const type = parsed.__type.split('#').pop() ?? parsed.__type;
  const message = typeof parsed.message === 'string' ? parsed.message : '';
  return { type, message };
}

/** Request fields that are secrets: passwords, SECRET_HASH, codes and sessions in the answers. */
const SECRET_REQUEST_PARAMETERS = new Set([
  'PASSWORD',
  'NEW_PASSWORD',
  'SECRET_HASH',
  'REFRESH_TOKEN',
  'SMS_MFA_CODE',
  'EMAIL_OTP_CODE',
  'EMAIL_MFA_CODE',
  'SMS_OTP_CODE',
  'SOFTWARE_TOKEN_MFA_CODE',
  'ANSWER',
  'CREDENTIAL',
]);

/**
 * Every secret value in one Cognito request/response pair: what was sent in `AuthParameters` /
 * `ChallengeResponses` (and top-level `Session`, `ClientSecret`, `AccessToken`, `RefreshToken`),
 * and what came back (`AuthenticationResult` tokens, `Session`).
 */
export function secretsInExchange(requestBody: string, responseBody: string): string[] {
  const found: string[] = [];
  const request = parseJson(requestBody);
  if (isRecord(request)) {
    for (const field of ['AuthParameters', 'ChallengeResponses']) {
      const parameters = request[field];
      if (!isRecord(parameters)) continue;
      for (const [name, value] of Object.entries(parameters)) {
        if (SECRET_REQUEST_PARAMETERS.has(name) && typeof value === 'string') found.push(value);
      }
    }
    for (const field of ['Session', 'ClientSecret', 'AccessToken', 'RefreshToken', 'Token']) {
      const value = request[field];
      if (typeof value === 'string') found.push(value);
    }
  }
  const response = parseJson(responseBody);
  if (isRecord(response)) {
    if (typeof response.Session === 'string') found.push(response.Session);
    const result = response.AuthenticationResult;
    if (isRecord(result)) {
      for (const field of ['IdToken', 'AccessToken', 'RefreshToken']) {
        const value = result[field];
        if (typeof value === 'string') found.push(value);
      }
    }
  }
  return found;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
