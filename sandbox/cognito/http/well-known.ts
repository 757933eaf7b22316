import type { ServerResponse } from 'node:http';
import type { OperationContext } from '../context.js';
import { jwks } from '../signing-keys.js';
import { issuerOf } from '../tokens.js';
import { sendJson } from './wire.js';

const wellKnown = /^\/([^/]+)\/\.well-known\/(jwks\.json|openid-configuration)$/;

/**
 * `GET /<userPoolId>/.well-known/jwks.json` and `.../openid-configuration`, as
 * `https://cognito-idp.<region>.amazonaws.com/<userPoolId>/...` serves them
 * (docs/reference/aws-wire-behaviour.md §1.7). Returns false when the path is not one of these.
 */
export async function handleWellKnown(
  ctx: OperationContext,
  path: string,
  res: ServerResponse,
): Promise<boolean> {
  const match = wellKnown.exec(path);
  if (!match) return false;
  const [, userPoolId = '', document] = match;
  const pool = ctx.state.pools.get(userPoolId);
  if (!pool) {
    sendJson(res, 404, { message: `User pool ${userPoolId} does not exist.` });
    return true;
  }
  const issuer = issuerOf(ctx.settings.baseUrl, pool.id);
  if (document === 'jwks.json') {
    sendJson(res, 200, await jwks(pool.keys));
  } else {
    sendJson(res, 200, {
      issuer,
      jwks_uri: `${issuer}/.well-known/jwks.json`,
      id_token_signing_alg_values_supported: ['RS256'],
      subject_types_supported: ['public'],
      response_types_supported: ['code', 'token'],
      scopes_supported: ['openid', 'email', 'phone', 'profile'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    });
  }
  return true;
}
