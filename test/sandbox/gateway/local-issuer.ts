import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

/** A stand-in user pool for gateway tests: RSA keys, a JWKS on 127.0.0.1, and a token minter. */
export interface LocalPool {
  issuer: string;
  clientId: string;
  idToken(claims?: Record<string, unknown>): Promise<string>;
  accessToken(scopes: string[], claims?: Record<string, unknown>): Promise<string>;
  /** Signed by a key the JWKS does not publish, under a published kid. */
  forgedToken(claims?: Record<string, unknown>): Promise<string>;
}

export interface LocalIssuers {
  url: string;
  trusted: LocalPool;
  other: LocalPool;
  close(): Promise<void>;
}

interface PoolKeys {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

async function poolKeys(kid: string): Promise<PoolKeys> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  return {
    kid,
    privateKey,
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' },
  };
}

export async function startLocalIssuers(): Promise<LocalIssuers> {
  const pools = {
    local_Trusted1: await poolKeys('trusted-key'),
    local_Other1: await poolKeys('other-key'),
  };
  const foreign = await poolKeys('trusted-key');
  const server: Server = createServer((request, response) => {
    const match = request.url?.match(/^\/([^/]+)\/\.well-known\/jwks\.json$/);
    const keys = match?.[1] ? pools[match[1] as keyof typeof pools] : undefined;
    if (!keys) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ keys: [keys.publicJwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  function pool(poolId: keyof typeof pools, clientId: string): LocalPool {
    const issuer = `${url}/${poolId}`;
    const keys = pools[poolId];
    const sign = (payload: Record<string, unknown>, key: PoolKeys) => {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ iss: issuer, iat: now, exp: now + 3600, auth_time: now, ...payload })
        .setProtectedHeader({ alg: 'RS256', kid: key.kid })
        .sign(key.privateKey);
    };
    const idClaims = {
      sub: 'sub-alice',
      aud: clientId,
      token_use: 'id',
      'cognito:username': 'alice',
    };
    return {
      issuer,
      clientId,
      idToken: (claims = {}) => sign({ ...idClaims, ...claims }, keys),
      accessToken: (scopes, claims = {}) =>
        sign(
          {
            sub: 'sub-alice',
            client_id: clientId,
            token_use: 'access',
            username: 'alice',
            scope: scopes.join(' '),
            ...claims,
          },
          keys,
        ),
      forgedToken: (claims = {}) => sign({ ...idClaims, ...claims }, foreign),
    };
  }

  return {
    url,
    trusted: pool('local_Trusted1', 'trusted-client'),
    other: pool('local_Other1', 'other-client'),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** `alg: none` token with the trusted pool's claims and an empty signature. */
export function unsignedToken(claims: Record<string, unknown>, alg = 'none'): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg, typ: 'JWT' })}.${encode(claims)}.`;
}
