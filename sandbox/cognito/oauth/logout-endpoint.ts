import type { ServerResponse } from 'node:http';
import type { OperationContext } from '../context.js';
import type { UserPool } from '../state.js';
import { errorPage } from './login-page.js';
import { redirect, sendHtml } from './wire.js';

/**
 * `GET /logout?client_id=…&logout_uri=…`: redirects to a registered sign-out URL
 * (logout-endpoint.md). The stand-in's login page keeps no session cookie, so there is nothing
 * else to end.
 */
export function handleLogout(
  ctx: OperationContext,
  pool: UserPool,
  url: URL,
  res: ServerResponse,
): void {
  const client = ctx.state.clients.get(url.searchParams.get('client_id') ?? '');
  const logoutUri = url.searchParams.get('logout_uri') ?? '';
  if (!client || client.userPoolId !== pool.id || !client.oauth.logoutUrls.includes(logoutUri)) {
    sendHtml(res, 400, errorPage('invalid_request'));
    return;
  }
  redirect(res, logoutUri);
}
