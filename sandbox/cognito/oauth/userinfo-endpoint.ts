import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticateAccessToken } from '../access-token-check.js';
import type { OperationContext } from '../context.js';
import type { UserPool } from '../state.js';
import { sendOAuthJson } from './wire.js';

/** Attributes each OIDC scope releases (OpenID Connect Core §5.4). */
const scopeAttributes: Record<string, (name: string) => boolean> = {
  email: (name) => name === 'email' || name === 'email_verified',
  phone: (name) => name === 'phone_number' || name === 'phone_number_verified',
  profile: (name) => !/^(email|phone_number)(_verified)?$/.test(name),
};

/**
 * `GET /oauth2/userInfo` with a user's access token that has the `openid` scope
 * (userinfo-endpoint.md). Refusals: 401 with `WWW-Authenticate: Bearer error="invalid_token"`
 * (RFC 6750 §3.1).
 */
export async function handleUserInfo(
  ctx: OperationContext,
  pool: UserPool,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const header = req.headers.authorization ?? '';
  const refuse = () => {
    res.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
    sendOAuthJson(res, 401, { error: 'invalid_token' });
  };
  if (!/^Bearer /i.test(header)) return refuse();
  let caller;
  try {
    caller = await authenticateAccessToken(ctx, header.slice(7).trim());
  } catch {
    return refuse();
  }
  const scopes = String(caller.claims.scope ?? '').split(' ');
  if (caller.pool.id !== pool.id || !scopes.includes('openid')) return refuse();
  const released = (name: string) => scopes.some((scope) => scopeAttributes[scope]?.(name));
  const body: Record<string, string> = { sub: caller.user.sub };
  for (const [name, value] of caller.user.attributes) if (released(name)) body[name] = value;
  body.username = caller.user.username;
  sendOAuthJson(res, 200, body);
}
