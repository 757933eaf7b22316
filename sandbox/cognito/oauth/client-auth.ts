import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { CognitoState, AppClient } from '../state.js';
import { OAuthError } from './oauth-error.js';

const sameText = (a: string, b: string) => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

/**
 * The calling app client: HTTP Basic `client_id:client_secret` (each form-urlencoded, RFC 6749
 * §2.3.1) or `client_id` (+ `client_secret`) in the body. A client with a secret must present it;
 * anything else is `invalid_client` (docs/reference/aws-wire-behaviour.md §1.10).
 */
export function authenticateClient(
  state: CognitoState,
  req: IncomingMessage,
  form: URLSearchParams,
): AppClient {
  const header = req.headers.authorization ?? '';
  let clientId: string | undefined;
  let secret: string | undefined;
  if (/^Basic /i.test(header)) {
    const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) throw new OAuthError('invalid_client');
    try {
      clientId = decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' '));
      secret = decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' '));
    } catch {
      throw new OAuthError('invalid_client');
    }
    const bodyId = form.get('client_id');
    if (bodyId !== null && bodyId !== clientId) throw new OAuthError('invalid_client');
  } else {
    clientId = form.get('client_id') ?? undefined;
    secret = form.get('client_secret') ?? undefined;
  }
  if (!clientId) throw new OAuthError('invalid_client');
  const client = state.clients.get(clientId);
  if (!client) throw new OAuthError('invalid_client');
  if (client.clientSecret !== undefined) {
    if (secret === undefined || !sameText(secret, client.clientSecret)) {
      throw new OAuthError('invalid_client');
    }
  }
  return client;
}
