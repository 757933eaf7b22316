import { createHash, timingSafeEqual } from 'node:crypto';

/** RFC 7636 §4.1: 43–128 characters from the unreserved set. */
export const isCodeVerifier = (value: string) => /^[A-Za-z0-9\-._~]{43,128}$/.test(value);

/** RFC 7636 §4.2 S256: BASE64URL(SHA256(ASCII(code_verifier))), compared in constant time. */
export function verifierMatches(verifier: string, challenge: string): boolean {
  const computed = Buffer.from(createHash('sha256').update(verifier, 'ascii').digest('base64url'));
  const expected = Buffer.from(challenge);
  return computed.length === expected.length && timingSafeEqual(computed, expected);
}
