import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The server half of Cognito's SRP (docs/reference/aws-wire-behaviour.md §1.11): SHA-256, the
 * 3072-bit group of RFC 3526 and g = 2, with the hex padding and HKDF of AWS's own client,
 * amazon-cognito-identity-js `AuthenticationHelper.js` (tests sign in with that client as the
 * oracle).
 */
const N = BigInt(
  '0x' +
    'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
    'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
    'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
    '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
    'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
    '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
    'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
    'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF',
);
const g = 2n;

/** Even-length big-endian hex with a leading `00` when the high bit is set (values are ≥ 0 here). */
export function padHex(value: bigint): string {
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  return /^[89a-f]/i.test(hex) ? `00${hex}` : hex;
}

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest();
const hexHash = (hex: string) => sha256(Buffer.from(hex, 'hex')).toString('hex');
const toBigInt = (hex: string) => BigInt(`0x${hex}`);

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = ((base % modulus) + modulus) % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

const k = toBigInt(hexHash(padHex(N) + padHex(g)));

/** `us-east-1_AbC123xyz` → `AbC123xyz`: SRP hashes the pool name, not the whole id. */
export const poolNameOf = (userPoolId: string) => userPoolId.split('_')[1] ?? userPoolId;

/** What the pool keeps instead of a password: a random salt and g^x (hex, as sent). */
export interface SrpVerifier {
  salt: string;
  verifier: string;
}

function privateKey(poolName: string, userId: string, password: string, salt: string): bigint {
  const inner = sha256(`${poolName}${userId}:${password}`).toString('hex');
  return toBigInt(hexHash(padHex(toBigInt(salt)) + inner));
}

export function makeVerifier(poolName: string, userId: string, password: string): SrpVerifier {
  const salt = padHex(toBigInt(randomBytes(16).toString('hex')));
  const x = privateKey(poolName, userId, password, salt);
  return { salt, verifier: modPow(g, x, N).toString(16) };
}

/** The server's ephemeral pair: b stays in the session, B goes out as `SRP_B`. */
export function serverEphemeral(verifier: string): { b: string; B: string } {
  const b = toBigInt(randomBytes(128).toString('hex'));
  const B = (k * toBigInt(verifier) + modPow(g, b, N)) % N;
  return { b: b.toString(16), B: B.toString(16) };
}

/** `SRP_A` is acceptable when it is hex and not ≡ 0 mod N (else the proof would be trivial). */
export function validClientPublic(srpA: string | undefined): srpA is string {
  return srpA !== undefined && /^[0-9a-f]+$/i.test(srpA) && toBigInt(srpA) % N !== 0n;
}

function hkdf(ikm: Buffer, salt: Buffer): Buffer {
  const prk = createHmac('sha256', salt).update(ikm).digest();
  return createHmac('sha256', prk)
    .update(Buffer.concat([Buffer.from('Caldera Derived Key', 'utf8'), Buffer.from([1])]))
    .digest()
    .subarray(0, 16);
}

export interface PasswordClaim {
  poolName: string;
  userId: string;
  srpA: string;
  b: string;
  B: string;
  verifier: string;
  secretBlock: string;
  timestamp: string;
}

/** The signature a client that knows the password computes: S = (A·v^u)^b, key = HKDF(S, u). */
export function expectedSignature(claim: PasswordClaim): string {
  const A = toBigInt(claim.srpA);
  const u = toBigInt(hexHash(padHex(A) + padHex(toBigInt(claim.B))));
  const S = modPow(A * modPow(toBigInt(claim.verifier), u, N), toBigInt(claim.b), N);
  const key = hkdf(Buffer.from(padHex(S), 'hex'), Buffer.from(padHex(u), 'hex'));
  return createHmac('sha256', key)
    .update(
      Buffer.concat([
        Buffer.from(claim.poolName, 'utf8'),
        Buffer.from(claim.userId, 'utf8'),
        Buffer.from(claim.secretBlock, 'base64'),
        Buffer.from(claim.timestamp, 'utf8'),
      ]),
    )
    .digest('base64');
}

export function signatureMatches(claim: PasswordClaim, signature: string | undefined): boolean {
  if (signature === undefined) return false;
  const expected = Buffer.from(expectedSignature(claim), 'base64');
  const given = Buffer.from(signature, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const timestampPattern =
  /^(Sun|Mon|Tue|Wed|Thu|Fri|Sat) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ([1-9]|[12][0-9]|3[01]) ([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9]) UTC ([0-9]{4})$/;

/** `EEE MMM d HH:mm:ss UTC yyyy` → epoch ms, or undefined when malformed or the weekday is wrong. */
export function parseTimestamp(text: string | undefined): number | undefined {
  const match = text === undefined ? null : timestampPattern.exec(text);
  if (!match) return undefined;
  const [, day, month, date, hours, minutes, seconds, year] = match;
  const ms = Date.UTC(
    Number(year),
    months.indexOf(month ?? ''),
    Number(date),
    Number(hours),
    Number(minutes),
    Number(seconds),
  );
  const parsed = new Date(ms);
  if (parsed.getUTCDate() !== Number(date) || days[parsed.getUTCDay()] !== day) return undefined;
  return ms;
}
