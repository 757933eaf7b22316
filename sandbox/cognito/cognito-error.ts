/**
 * Errors as Cognito's JSON API sends them: the exception name travels as `__type` and in the
 * `x-amzn-ErrorType` header, the text as `message` (docs/reference/aws-wire-behaviour.md §1.2).
 */
export class CognitoError extends Error {
  constructor(
    /** Exception name, e.g. `NotAuthorizedException`. */
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = type;
  }
}

export const notAuthorized = (message: string) =>
  new CognitoError('NotAuthorizedException', message);

export const invalidParameter = (message: string) =>
  new CognitoError('InvalidParameterException', message);

export const resourceNotFound = (message: string) =>
  new CognitoError('ResourceNotFoundException', message);

export const userNotFound = () => new CognitoError('UserNotFoundException', 'User does not exist.');

/** Invalid and expired one-time codes (amplify-js#3066, #11069: observed text, not documented). */
export const codeMismatch = () =>
  new CognitoError('CodeMismatchException', 'Invalid code or auth state for the user.');

/**
 * AWS's request validation wording for a missing required member (UNCONFIRMED for Cognito: the
 * coral-style "1 validation error detected" text other JSON-protocol services send).
 */
export const missingMember = (member: string) =>
  invalidParameter(
    `1 validation error detected: Value null at '${member.charAt(0).toLowerCase()}${member.slice(1)}' failed to satisfy constraint: Member must not be null`,
  );

/** A required `AuthParameters` / `ChallengeResponses` entry is absent (UNCONFIRMED wording). */
export const missingParameter = (name: string) =>
  invalidParameter(`Missing required parameter ${name}`);
