import type { IncomingMessage, ServerResponse } from 'node:http';
import { sandboxPaths } from '../../types.js';
import { CognitoError } from '../cognito-error.js';
import type { OperationContext } from '../context.js';
import { lookupUser } from '../lookup.js';
import { issueTestToken, resolvePool, type TestTokenRequest } from '../test-tokens.js';
import type { Throttle, ThrottleConfig } from '../throttle.js';
import { currentTotpCode } from '../totp.js';
import { readBody, sendJson } from './wire.js';

/** Sandbox-only paths: never part of AWS's API. Answers `{"message"}` with 400/404 on problems. */
export async function handleSandboxRoute(
  ctx: OperationContext,
  throttle: Throttle,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<boolean> {
  const route = `${req.method ?? 'GET'} ${url.pathname}`;
  try {
    switch (route) {
      case `GET ${sandboxPaths.outbox}`:
        return outbox(ctx, url, res);
      case `GET ${sandboxPaths.totp}`:
        return totp(ctx, url, res);
      case `POST ${sandboxPaths.tokens}`:
        sendJson(res, 200, {
          token: await issueTestToken(ctx, await jsonBody<TestTokenRequest>(req)),
        });
        return true;
      case `POST ${sandboxPaths.throttle}`: {
        const config = await jsonBody<ThrottleConfig | null>(req);
        throttle.set(config && Object.keys(config).length > 0 ? config : undefined);
        sendJson(res, 200, { throttle: config ?? null });
        return true;
      }
      default:
        return false;
    }
  } catch (error) {
    const status =
      error instanceof CognitoError && error.type.endsWith('NotFoundException') ? 404 : 400;
    sendJson(res, status, { message: error instanceof Error ? error.message : String(error) });
    return true;
  }
}

async function jsonBody<T>(req: IncomingMessage): Promise<T> {
  const text = await readBody(req);
  try {
    return (text.trim() === '' ? {} : JSON.parse(text)) as T;
  } catch {
    throw new CognitoError('BadRequest', 'Body must be JSON.');
  }
}

function username(url: URL): string {
  const value = url.searchParams.get('username');
  if (!value) throw new CognitoError('BadRequest', 'Query parameter username is required.');
  return value;
}

/** The latest code sent to the user: `{username, medium, code, sentAt}`, 404 if none. */
function outbox(ctx: OperationContext, url: URL, res: ServerResponse): true {
  const message = ctx.outbox.latest(username(url), url.searchParams.get('userPoolId') ?? undefined);
  if (!message) {
    sendJson(res, 404, { message: 'No code has been sent to this user.' });
  } else {
    sendJson(res, 200, {
      username: message.username,
      medium: message.medium,
      code: message.code,
      sentAt: message.sentAt,
    });
  }
  return true;
}

/** The user's current TOTP code, 404 if the user has no software token. */
function totp(ctx: OperationContext, url: URL, res: ServerResponse): true {
  const name = username(url);
  const poolName = url.searchParams.get('userPoolId') ?? url.searchParams.get('pool');
  const pools = poolName ? [resolvePool(ctx, poolName)] : [...ctx.state.pools.values()];
  const secret = pools.map((pool) => lookupUser(pool, name)?.softwareToken?.secret).find(Boolean);
  if (secret === undefined) {
    sendJson(res, 404, { message: 'This user has no software token.' });
  } else {
    sendJson(res, 200, { code: currentTotpCode(secret, ctx.clock.now()) });
  }
  return true;
}
