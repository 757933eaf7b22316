/**
 * The client half of Cognito's SRP for the SDK sign-in (docs/reference/aws-wire-behaviour.md
 * §1.11): SRP_A from a fresh secret, then the PASSWORD_VERIFIER claim. The maths is AWS's own
 * client's, amazon-cognito-identity-js `AuthenticationHelper.js`; a test compares this module with
 * that library for fixed inputs.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';

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

/** Even-length big-endian hex with a leading `00` when the high bit is set (values are ≥ 0). */
function padHex(value: bigint): string {
  let hex = value.toString(16);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  return /^[89a-f]/i.test(hex) ? `00${hex}` : hex;
}

const sha256Hex = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const hexHash = (hex: string) => sha256Hex(Buffer.from(hex, 'hex'));
const big = (hex: string) => BigInt(`0x${hex}`);

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

const k = big(hexHash(padHex(N) + padHex(g)));

/** A fresh 128-byte secret a (hex); it never leaves the process. */
export const newSrpSecret = () => randomBytes(128).toString('hex');

/** `SRP_A` = g^a mod N, as hex. */
export const srpPublicValue = (secret: string) => modPow(g, big(secret), N).toString(16);

/** `eu-west-1_AbC123xyz` → `AbC123xyz`: SRP hashes the pool name, not the whole id. */
export const srpPoolName = (userPoolId: string) => userPoolId.split('_')[1] ?? userPoolId;

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const two = (n: number) => String(n).padStart(2, '0');

/** `EEE MMM d HH:mm:ss UTC yyyy`, day not zero-padded. */
export function srpTimestamp(date: Date): string {
  return `${days[date.getUTCDay()]} ${months[date.getUTCMonth()]} ${date.getUTCDate()} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} UTC ${date.getUTCFullYear()}`;
}

export interface PasswordClaimInput {
  poolName: string;
  /** `USER_ID_FOR_SRP` from the challenge. */
  userId: string;
  password: string;
  secret: string;
  salt: string;
  srpB: string;
  secretBlock: string;
  timestamp: string;
}

/** `PASSWORD_CLAIM_SIGNATURE`: HMAC of the claim under the key only the password gives. */
export function passwordClaimSignature(claim: PasswordClaimInput): string {
  const a = big(claim.secret);
  const A = modPow(g, a, N);
  const B = big(claim.srpB);
  if (B % N === 0n) throw new Error('Cognito sent an SRP_B of 0 mod N');
  const u = big(hexHash(padHex(A) + padHex(B)));
  if (u === 0n) throw new Error('SRP u is 0');
  const inner = sha256Hex(
    Buffer.from(`${claim.poolName}${claim.userId}:${claim.password}`, 'utf8'),
  );
  const x = big(hexHash(padHex(big(claim.salt)) + inner));
  const S = modPow(B - k * modPow(g, x, N), a + u * x, N);
  const prk = createHmac('sha256', Buffer.from(padHex(u), 'hex'))
    .update(Buffer.from(padHex(S), 'hex'))
    .digest();
  const key = createHmac('sha256', prk)
    .update(Buffer.concat([Buffer.from('Caldera Derived Key', 'utf8'), Buffer.from([1])]))
    .digest()
    .subarray(0, 16);
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
