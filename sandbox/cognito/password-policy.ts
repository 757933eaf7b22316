import { CognitoError } from './cognito-error.js';
import type { PasswordPolicy } from './state.js';

/** Cognito's default policy for new pools: 8 characters, all four character classes, 7 days. */
export const defaultPasswordPolicy: PasswordPolicy = {
  MinimumLength: 8,
  RequireUppercase: true,
  RequireLowercase: true,
  RequireNumbers: true,
  RequireSymbols: true,
  TemporaryPasswordValidityDays: 7,
};

/**
 * `InvalidPasswordException` with the reason AWS names first. The wording
 * (`Password did not conform with policy: ...`) is as commonly reported, UNCONFIRMED.
 */
export function checkPassword(policy: PasswordPolicy, password: string): void {
  const reason =
    password.length < policy.MinimumLength
      ? 'Password not long enough'
      : policy.RequireNumbers && !/[0-9]/.test(password)
        ? 'Password must have numeric characters'
        : policy.RequireSymbols && !/[^A-Za-z0-9]/.test(password)
          ? 'Password must have symbol characters'
          : policy.RequireUppercase && !/[A-Z]/.test(password)
            ? 'Password must have uppercase characters'
            : policy.RequireLowercase && !/[a-z]/.test(password)
              ? 'Password must have lowercase characters'
              : undefined;
  if (reason) {
    throw new CognitoError(
      'InvalidPasswordException',
      `Password did not conform with policy: ${reason}`,
    );
  }
}
