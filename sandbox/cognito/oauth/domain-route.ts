import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OperationContext } from '../context.js';
import { handleAuthorize, handleLogin } from './authorize-endpoint.js';
import { handleLogout } from './logout-endpoint.js';
import { handleTokenRequest, type TokenEndpointFaults } from './token-endpoint.js';
import { handleUserInfo } from './userinfo-endpoint.js';
import { sendOAuthJson } from './wire.js';

/**
 * A user pool domain is a host at AWS (`<prefix>.auth.<region>.amazoncognito.com`); the
 * stand-in serves each one under a path on its own host, `/__domain/<prefix>`.
 */
export const domainPathPrefix = '/__domain/';

export const domainUrlOf = (baseUrl: string, prefix: string) =>
  `${baseUrl}${domainPathPrefix}${prefix}`;

/** Routes `/__domain/<prefix>/…` to the OAuth 2.0 endpoints of that domain's pool. */
export async function handleDomainRoute(
  ctx: OperationContext,
  faults: TokenEndpointFaults,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<boolean> {
  if (!url.pathname.startsWith(domainPathPrefix)) return false;
  const rest = url.pathname.slice(domainPathPrefix.length);
  const slash = rest.indexOf('/');
  const prefix = slash < 0 ? rest : rest.slice(0, slash);
  const path = slash < 0 ? '/' : rest.slice(slash);
  const userPoolId = ctx.state.domains.get(prefix);
  const pool = userPoolId === undefined ? undefined : ctx.state.pools.get(userPoolId);
  if (!pool) {
    sendOAuthJson(res, 404, { error: 'not_found' });
    return true;
  }
  const route = `${req.method ?? 'GET'} ${path}`;
  switch (route) {
    case 'GET /oauth2/authorize':
      handleAuthorize(ctx, pool, url, res);
      return true;
    case 'POST /login':
      await handleLogin(ctx, pool, req, res);
      return true;
    case 'POST /oauth2/token':
      await handleTokenRequest(ctx, pool, req, res, faults);
      return true;
    case 'GET /oauth2/userInfo':
    case 'POST /oauth2/userInfo':
      await handleUserInfo(ctx, pool, req, res);
      return true;
    case 'GET /logout':
      handleLogout(ctx, pool, url, res);
      return true;
    default:
      sendOAuthJson(res, 404, { error: 'not_found' });
      return true;
  }
}
