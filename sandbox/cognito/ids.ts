import { randomBytes, randomInt, randomUUID } from 'node:crypto';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

function randomFrom(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += alphabet.charAt(randomInt(alphabet.length));
  return out;
}

/** `<region>_<9 alphanumerics>`, the shape of real user pool ids (e.g. `eu-west-1_y0bLG4i27`). */
export const userPoolId = (region: string) => `${region}_${randomFrom(ALNUM, 9)}`;

/** 26 lower-case alphanumerics, like `3nkoep4151b7umeggnottc30u9`. */
export const appClientId = () => randomFrom(LOWER_ALNUM, 26);

/** 51 lower-case alphanumerics: AWS client secrets are 24–64 characters. */
export const appClientSecret = () => randomFrom(LOWER_ALNUM, 51);

export const uuid = () => randomUUID();

/** An opaque session string; AWS's are long base64url blobs starting with `AYAB`. */
export const sessionString = () => `AYABe${randomBytes(192).toString('base64url')}`;

/**
 * An opaque refresh token. AWS's look like a five-part JWE (`eyJjdHkiOiJKV1Qi...`) that clients
 * cannot read; the stand-in keeps that shape so clients do not start decoding them.
 */
export function refreshToken(): string {
  const header = Buffer.from('{"cty":"JWT","enc":"A256GCM","alg":"RSA-OAEP"}').toString(
    'base64url',
  );
  const part = (bytes: number) => randomBytes(bytes).toString('base64url');
  return [header, part(256), part(12), part(512), part(16)].join('.');
}

/** Numeric one-time code: sign-in OTPs are fixed at 8 digits (aws-amplify/amplify-js#14428). */
export const numericCode = (digits: number) =>
  String(randomInt(10 ** digits)).padStart(digits, '0');

/** A key id in the style of Cognito's (base64 of 32 bytes). */
export const keyId = () => randomBytes(32).toString('base64');
