import { generateKeyPair, type KeyObject } from 'node:crypto';
import { exportJWK, type JWK } from 'jose';
import { keyId } from './ids.js';

/**
 * RS256 signing keys. Cognito signs ID and access tokens with two different key pairs per pool,
 * each with its own `kid` (docs/reference/aws-wire-behaviour.md §1.7).
 *
 * 2048-bit RSA generation costs 100–300 ms of CPU per key, so the material is generated once per
 * process, asynchronously (off the event loop), and shared by every pool: each pool publishes it
 * under its own fresh `kid`s. Tokens of different pools therefore differ in `kid` and `iss`, which
 * is what a Cognito verifier looks at; only a verifier that ignores both could confuse them. The
 * foreign key (tokens signed by a key no pool publishes) is separate material, generated after
 * the pool keys so that the first sign-in does not wait for it.
 */
export interface KeyMaterial {
  privateKey: KeyObject;
  publicKey: KeyObject;
  publicJwk: JWK;
}

export interface SigningKey {
  kid: string;
  material: Promise<KeyMaterial>;
}

export interface PoolKeys {
  id: SigningKey;
  access: SigningKey;
}

function generateMaterial(): Promise<KeyMaterial> {
  return new Promise<KeyMaterial>((resolve, reject) => {
    generateKeyPair('rsa', { modulusLength: 2048 }, (error, publicKey, privateKey) => {
      if (error) return reject(error);
      exportJWK(publicKey).then(
        (publicJwk) => resolve({ privateKey, publicKey, publicJwk }),
        reject,
      );
    });
  });
}

let poolMaterial: { id: Promise<KeyMaterial>; access: Promise<KeyMaterial> } | undefined;
let foreignMaterial: Promise<KeyMaterial> | undefined;

function sharedPoolMaterial() {
  poolMaterial ??= { id: generateMaterial(), access: generateMaterial() };
  return poolMaterial;
}

function sharedForeignMaterial(): Promise<KeyMaterial> {
  const { id, access } = sharedPoolMaterial();
  foreignMaterial ??= Promise.allSettled([id, access]).then(generateMaterial);
  return foreignMaterial;
}

/** Hands out `kid`s and key material to the pools of one stand-in. */
export class KeyAllocator {
  /** Starts generating the material in the background (failures surface when a key is used). */
  warmUp(): void {
    const { id, access } = sharedPoolMaterial();
    for (const material of [id, access, sharedForeignMaterial()]) material.catch(() => undefined);
  }

  forPool(): PoolKeys {
    const { id, access } = sharedPoolMaterial();
    return { id: { kid: keyId(), material: id }, access: { kid: keyId(), material: access } };
  }

  /** A key no pool ever publishes: tokens signed with it must be rejected. */
  foreign(): SigningKey {
    return { kid: keyId(), material: sharedForeignMaterial() };
  }
}

/** A pool's JWKS document, as served at `/<poolId>/.well-known/jwks.json`. */
export async function jwks(keys: PoolKeys): Promise<{ keys: JWK[] }> {
  const entries = await Promise.all(
    [keys.id, keys.access].map(async (key) => {
      const { publicJwk } = await key.material;
      return { alg: 'RS256', e: publicJwk.e, kid: key.kid, kty: 'RSA', n: publicJwk.n, use: 'sig' };
    }),
  );
  return { keys: entries };
}
