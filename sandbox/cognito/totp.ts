import { Secret, TOTP } from 'otpauth';

/**
 * Time-based one-time passwords for SOFTWARE_TOKEN_MFA: RFC 6238, SHA-1, 6 digits, 30 s, as
 * authenticator apps and Cognito use them.
 */
function totp(secret: string): TOTP {
  return new TOTP({
    issuer: 'gatecheck-sandbox',
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secret),
  });
}

/** A new base32 secret, as `AssociateSoftwareToken` returns in `SecretCode`. */
export const newTotpSecret = () => new Secret({ size: 20 }).base32;

export const currentTotpCode = (secret: string, now: number) =>
  totp(secret).generate({ timestamp: now });

/** Accepts the current code and the neighbouring steps, for clock drift. */
export function totpMatches(secret: string, code: string | undefined, now: number): boolean {
  if (code === undefined || !/^[0-9]{6}$/.test(code)) return false;
  return totp(secret).validate({ token: code, timestamp: now, window: 1 }) !== null;
}
