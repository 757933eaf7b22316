import { createHmac, timingSafeEqual } from 'node:crypto';
import { notAuthorized } from './cognito-error.js';
import type { AppClient } from './state.js';

/**
 * `Base64(HMAC_SHA256(key = client secret, message = username + client id))`
 * (Cognito developer guide, "Computing secret hash values"; docs/reference/aws-wire-behaviour.md
 * §1.6).
 */
export function secretHash(clientSecret: string, username: string, clientId: string): string {
  return createHmac('sha256', clientSecret)
    .update(username + clientId)
    .digest('base64');
}

/**
 * Enforced only when the client has a secret. Missing: `Client <id> is configured with secret but
 * SECRET_HASH was not received` (aws-amplify/amplify-android#2504). Wrong: AWS has been seen
 * sending two wordings; this uses `Unable to verify secret hash for client <id>`
 * (aws/aws-sdk-java#1917, ArranJacques/laravel-aws-cognito-auth#26).
 */
export function checkSecretHash(
  client: AppClient,
  username: string,
  provided: string | undefined,
): void {
  if (client.clientSecret === undefined) return;
  if (provided === undefined || provided === '') {
    throw notAuthorized(
      `Client ${client.clientId} is configured with secret but SECRET_HASH was not received`,
    );
  }
  const expected = Buffer.from(secretHash(client.clientSecret, username, client.clientId));
  const given = Buffer.from(provided);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw notAuthorized(`Unable to verify secret hash for client ${client.clientId}`);
  }
}
